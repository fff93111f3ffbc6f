/*! Laurel loyalty widget loader. Paste:
 *  <script src="https://cdn.example/laurel/laurel.js" data-api="https://loyalty.example" data-token="…" async></script>
 * It loads the wasm beside it and mounts one widget per script tag. It never throws into the page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var base = script.src;
  var w = window;
  // One module load per page, shared by every script tag.
  if (!w.__laurelReady) {
    w.__laurelReady = import(new URL("laurel-wasm.js", base).href).then(function (m) {
      return m.default({ module_or_path: new URL("laurel-wasm_bg.wasm", base) }).then(function () {
        return m;
      });
    });
  }
  w.__laurelReady
    .then(function (m) {
      m.mount_script(script);
    })
    .catch(function (error) {
      console.error("Laurel: could not start", error);
    });
})();
