// Marks for ./dev bench, from the start of navigation: when a bare fetch() of /v1/widget made
// by this page completes (the floor), when the widget first shows the member's balance, long
// tasks, the widget's scripts in long animation frames (to tell its long tasks from the page's),
// and layout shifts.
(function () {
  "use strict";
  var meta = function (name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.content : "";
  };
  var marks = (window.__bench = { floor: null, balance: null, tasks: [], widgetScripts: [], cls: 0 });
  var token = meta("laurel-token");
  var headers = { Accept: "application/json" };
  if (token) {
    headers.Authorization = "Bearer " + token;
  }
  fetch(meta("laurel-api") + "/v1/widget", { headers: headers, credentials: "omit" })
    .then(function (r) {
      return r.text();
    })
    .then(function () {
      marks.floor = performance.now();
    });
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        marks.tasks.push([e.startTime, e.duration]);
      });
    }).observe({ type: "longtask", buffered: true });
    // Script entry points: laurel.js (the loader, and the wasm it calls) or the wasm's glue.
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (frame) {
        frame.scripts.forEach(function (s) {
          if (/\/laurel[.-][^/]*$/.test(s.sourceURL)) {
            marks.widgetScripts.push(s.startTime);
          }
        });
      });
    }).observe({ type: "long-animation-frame", buffered: true });
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (!e.hadRecentInput) {
          marks.cls += e.value;
        }
      });
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) {}
  function poll() {
    var host = document.querySelector("#loyalty laurel-widget");
    var balance = host && host.shadowRoot && host.shadowRoot.querySelector(".balance-value");
    if (balance && balance.textContent) {
      marks.balance = performance.now();
      return;
    }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})();
