// A tiny single-page shop. It changes "pages" with pushState, and signs the shopper in and out
// through its own backend (/demo-token) and Laurel.identify / Laurel.logout, never reloading.
// It talks to Laurel before laurel.js has loaded, through the command queue.
window.Laurel = window.Laurel || [];

(function () {
  "use strict";
  var names = [
    "ready",
    "error",
    "open",
    "close",
    "enrolled",
    "points-changed",
    "tier-changed",
    "before-redeem",
    "reward-redeemed",
  ];
  names.forEach(function (name) {
    window.Laurel.push([
      "on",
      name,
      function (event) {
        var log = document.getElementById("events");
        if (!log) {
          return;
        }
        var item = document.createElement("li");
        item.textContent = event.type + " " + JSON.stringify(event.detail);
        log.appendChild(item);
      },
    ]);
  });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  var pages = {
    account: function () {
      return [el("h1", {}, "Your account"), el("laurel-widget", { view: "home" })];
    },
    product: function () {
      var points = el("laurel-points", { amount: "129.90", currency: "EUR" });
      return [el("h1", {}, "Trail Runner 2"), el("p", { class: "price" }, "€129.90"), points];
    },
  };

  function render() {
    var page = new URLSearchParams(location.search).get("page") || "account";
    var app = document.getElementById("app");
    app.replaceChildren.apply(app, (pages[page] || pages.account)());
  }

  function signedIn(name) {
    document.getElementById("who").textContent = name ? "Signed in as " + name : "Not signed in";
    document.getElementById("sign-in").hidden = !!name;
    document.getElementById("sign-out").hidden = !name;
  }

  document.addEventListener("DOMContentLoaded", function () {
    render();
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-route]");
      if (link) {
        event.preventDefault();
        history.pushState(null, "", link.href);
        render();
      }
    });
    window.addEventListener("popstate", render);
    document.getElementById("sign-in").addEventListener("click", function () {
      fetch("/demo-token?as=member")
        .then(function (r) {
          return r.json();
        })
        .then(function (body) {
          window.Laurel.identify(body.token);
          signedIn("Maya");
        });
    });
    document.getElementById("sign-out").addEventListener("click", function () {
      window.Laurel.logout();
      signedIn(null);
    });
  });
})();
