// Shows each shop's theme (its part of theming.css) under its widget, and marks the current
// switches. The page has no inline script: it runs under the demo's strict CSP.
(function () {
  "use strict";
  var body = document.body;
  document.querySelectorAll(".switch a").forEach(function (a) {
    var on = a.dataset.theme ? a.dataset.theme === body.dataset.theme : a.dataset.lang === body.dataset.lang;
    if (on) a.setAttribute("aria-current", "page");
  });
  fetch("/theming.css")
    .then(function (r) {
      return r.text();
    })
    .then(function (css) {
      css.split("/* theme: ").slice(1).forEach(function (part) {
        var name = part.slice(0, part.indexOf(" "));
        var pre = document.querySelector('[data-css-of="' + name + '"]');
        if (pre) pre.textContent = part.slice(part.indexOf("*/") + 2).trim();
      });
    });
})();
