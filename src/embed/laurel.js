/*! Laurel loyalty widget loader. Paste:
 *  <script src="https://cdn.example/laurel/laurel.js" data-api="https://loyalty.example" data-token="…" async></script>
 * It loads the wasm beside it, mounts one widget per script tag and defines <laurel-points>.
 * It never throws into the page.
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
  var mounted = w.__laurelReady.then(function (m) {
    m.mount_script(script);
    return m;
  });
  mounted.catch(function (error) {
    console.error("Laurel: could not start", error);
  });
  if (!w.__laurelMounted) {
    w.__laurelMounted = mounted;
  }
  if (w.customElements && !w.customElements.get("laurel-points")) {
    w.customElements.define(
      "laurel-points",
      class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) {
            return;
          }
          var el = this;
          w.__laurelMounted
            .then(function (m) {
              m.mount_points(el);
            })
            .catch(function () {});
        }
      }
    );
  }
})();
