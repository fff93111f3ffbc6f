/*! Laurel loyalty widget loader. A shop pastes:
 *  <script src="https://cdn.example/laurel/laurel.js" data-api="https://loyalty.example" data-token="…" async></script>
 * It loads the wasm from beside itself, defines <laurel-widget> and <laurel-points>, and turns
 * window.Laurel (a command queue until then) into the JS API. It never throws into the page.
 */
(() => {
  "use strict";
  var w = window;
  var d = document;
  var script = d.currentScript;
  var existing = w.Laurel;
  // A second copy of the tag: the wasm is loading or loaded already; only add this tag's widget.
  if (existing && existing.__laurel) {
    if (script) existing.__tag(script);
    return;
  }
  var base = script && script.src;
  if (!base) {
    var found = d.querySelector('script[src*="laurel.js"]');
    base = found && found.src;
  }
  if (!base) {
    console.error("Laurel: cannot find its own URL");
    return;
  }

  // Start at once, in parallel: the wasm (compiled while it streams in), the glue, and the
  // shopper's first answer from the API, which the wasm takes over when it starts.
  // One wasm per language, each with its own texts (./dev build fills in their names): the
  // one for the page's language.
  var wasmFiles = { en: "laurel-wasm_bg.wasm" };
  var lang = localeOf(script);
  var wasmUrl = new URL(wasmFiles[lang], base).href;
  var wasmResponse = fetch(wasmUrl);
  var first = prefetch(script);
  // A page's first Intl object costs the browser about 15 ms of CPU (60 ms at 4x slowdown): it
  // sets up locale data that the page and its workers then share. A worker pays it off the main
  // thread. Where the page's CSP refuses the worker (it needs worker-src blob:), idle moments of
  // the main thread pay it, one object each, out of the task that starts the widget.
  var idle = w.requestIdleCallback || setTimeout;
  function warm() {
    idle(() => {
      Intl.NumberFormat(lang);
      idle(() => {
        Intl.DateTimeFormat(lang);
      });
    });
  }
  idle(() => {
    try {
      var src = URL.createObjectURL(new Blob(["Intl.NumberFormat('" + lang + "');Intl.DateTimeFormat('" + lang + "');close()"]));
      new Worker(src).onerror = warm;
      URL.revokeObjectURL(src);
    } catch (e) {
      warm();
    }
  });

  var wasm = null; // the module's exports, once it runs
  var dead = false; // the module trapped: it is never called again
  var tokens = new WeakMap(); // each tag's token, read once and removed from the DOM
  var reserved = []; // mount elements given room before their widget renders
  var waiting = []; // work for the module, in order, until then
  var subscriptions = [];

  function safely(f) {
    try {
      f();
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        fail(e);
      } else {
        console.error("Laurel:", e);
      }
    }
  }
  // A trap (a panic, in release) leaves the module unusable: every widget shows a short note
  // instead, it is said once on the console, and the page carries on.
  function fail(error) {
    if (dead) {
      return;
    }
    dead = true;
    console.error("Laurel: stopped after an internal error", error);
    d.querySelectorAll("laurel-widget").forEach((host) => {
      if (host.shadowRoot) {
        var note = d.createElement("p");
        note.className = "root laurel";
        note.role = "status";
        note.textContent = "Rewards are unavailable right now.";
        host.shadowRoot.replaceChildren(note);
      }
    });
  }
  // A trap inside an event handler reaches the window as an error event, not our calls.
  w.addEventListener("error", (e) => {
    if (e.error instanceof WebAssembly.RuntimeError && String(e.error.stack).includes(wasmUrl)) {
      e.preventDefault();
      fail(e.error);
    }
  });
  function whenReady(f) {
    if (dead) {
      return;
    }
    if (wasm) {
      safely(() => {
        f(wasm);
      });
    } else {
      waiting.push(f);
    }
  }
  function domReady(f) {
    if (d.readyState === "loading") {
      d.addEventListener("DOMContentLoaded", f, { once: true });
    } else {
      f();
    }
  }
  // Commands wait for the DOM too, so that they run after the tags that came first.
  function send(name, arg) {
    domReady(() => {
      whenReady((m) => {
        m.command(name, arg);
      });
    });
  }

  var api = {
    __laurel: true,
    push(cmd) {
      var name = Array.isArray(cmd) && cmd[0];
      if (typeof name !== "string" || name === "push" || name[0] === "_" || typeof api[name] !== "function") {
        console.error("Laurel: unknown command", cmd);
        return undefined;
      }
      return api[name].apply(api, cmd.slice(1));
    },
    // Settings from code instead of a tag: a detached tag with the same attributes
    // (cartUrl becomes data-cart-url, labels as JSON), which replaces a running widget.
    init(options) {
      var tag = d.createElement("script");
      tag.setAttribute("data-laurel-init", "");
      Object.keys(options || {}).forEach((key) => {
        var name = key.replace(/[A-Z]/g, (c) => {
          return "-" + c.toLowerCase();
        });
        var value = options[key];
        tag.setAttribute("data-" + name, typeof value === "object" ? JSON.stringify(value) : String(value));
      });
      api.__tag(tag);
    },
    destroy() {
      send("destroy");
      subscriptions.slice().forEach((off) => {
        off();
      });
    },
    on(type, handler) {
      var name = String(type);
      if (name.indexOf("laurel:") !== 0) {
        name = "laurel:" + name;
      }
      if (typeof handler !== "function") {
        console.error("Laurel: on() needs a function");
        return () => {};
      }
      d.addEventListener(name, handler);
      var off = () => {
        d.removeEventListener(name, handler);
        var i = subscriptions.indexOf(off);
        if (i >= 0) {
          subscriptions.splice(i, 1);
        }
      };
      subscriptions.push(off);
      return off;
    },
    // The first /v1/widget answer for this API and token, once; null when there is none.
    __prefetched(url, token) {
      var f = first;
      if (!f || f.url !== url || f.token !== token) {
        return null;
      }
      first = null;
      // Its answer is taken up in a task of its own, not in the one that starts the widget.
      return new Promise((done) => {
        setTimeout(done, 0, f.response);
      });
    },
    // The last answer shown to this shopper in this tab, to paint before the API answers.
    __cached(url, token) {
      try {
        return w.sessionStorage.getItem(cacheKey(url, token));
      } catch (e) {
        return null;
      }
    },
    // The key this shopper's seen nudges are kept under in localStorage, the cache's.
    __key: cacheKey,
    // Forgets every cached answer: another shopper signed in or out.
    __forget() {
      try {
        var store = w.sessionStorage;
        Object.keys(store).forEach((k) => {
          if (k.indexOf("laurel:") === 0) {
            store.removeItem(k);
          }
        });
      } catch (e) {}
    },
    // A tag's token: read once, then gone from the DOM, where any script or scraper could
    // read it.
    __token(tag) {
      return tokens.has(tag) ? tokens.get(tag) : tag.getAttribute("data-token");
    },
    // Starts a tag's widget, once per tag.
    __tag(tag) {
      if (!tag.__laurel) {
        tag.__laurel = true;
        if (tag.hasAttribute("data-token")) {
          tokens.set(tag, tag.getAttribute("data-token"));
          tag.removeAttribute("data-token");
        }
        send("start", tag);
      }
    },
  };
  // open(view), close(), identify(token), logout() and refresh() go to the wasm as they are.
  ["open", "close", "identify", "logout", "refresh"].forEach((name) => {
    api[name] = (arg) => {
      send(name, arg);
    };
  });
  w.Laurel = api;
  domReady(() => {
    // Every copy of this tag on the page, in document order, whichever async copy ran first:
    // the first tag's settings serve the page, and queued commands find every widget there.
    var tags = d.querySelectorAll("script[src]");
    for (var i = 0; i < tags.length; i++) {
      if (tags[i].src === base) {
        reserve(tags[i]);
        api.__tag(tags[i]);
      }
    }
    if (script) {
      api.__tag(script);
    }
    // Commands queued before the script ran: Laurel = Laurel || []; Laurel.push(["open"]).
    if (Array.isArray(existing)) {
      existing.forEach((cmd) => {
        safely(() => {
          api.push(cmd);
        });
      });
    }
  });

  // The page's language as the wasm chooses it: data-locale, then <html lang>, then the
  // browser's, by language alone ("in" is Indonesian's old code); English for anything else.
  function localeOf(tag) {
    var t = ((tag && tag.getAttribute("data-locale")) || "").trim() || (d.documentElement.getAttribute("lang") || "").trim() || navigator.language || "";
    var l = t.toLowerCase().split(/[-_]/)[0];
    l = l === "in" ? "id" : l;
    return Object.hasOwn(wasmFiles, l) ? l : "en";
  }

  // The customer a token names, for the cache key: a digest token's second part, or a JWT's sub.
  function customer(token) {
    try {
      if (token.indexOf("ld1.") === 0) {
        return token.split(".")[1];
      }
      var part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(part)).sub || "";
    } catch (e) {
      return "";
    }
  }

  // A key that names neither the shop nor the shopper: an FNV-1a hash of both.
  function cacheKey(url, token) {
    var text = url + "|" + customer(token);
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    return "laurel:" + h.toString(36);
  }

  // The first tag's /v1/widget request, sent before the wasm has arrived. Display data is kept
  // for the next page of this tab; the token and the marketing choice never are.
  function prefetch(tag) {
    var apiBase = tag && (tag.getAttribute("data-api") || "").trim().replace(/\/+$/, "");
    if (!apiBase || !/^(https?:|\/)/i.test(apiBase)) {
      return null;
    }
    var token = (tag.getAttribute("data-token") || "").trim();
    var url = apiBase + "/v1/widget";
    var headers = { Accept: "application/json" };
    if (token) {
      headers.Authorization = "Bearer " + token;
    }
    // The widget's own timeout (data-timeout, 1 to 60 s, default 10 s); a timeout resolves to
    // "timeout", any other failure to null, which has the wasm ask again itself.
    var ms = Math.min(Math.max(parseInt(tag.getAttribute("data-timeout"), 10) || 10000, 1000), 60000);
    var response = fetch(url, { headers: headers, credentials: "omit", signal: AbortSignal.timeout(ms) }).then(
      (r) => {
        if (r.ok) {
          r.clone()
            .json()
            .then((data) => {
              if (data && data.member) {
                delete data.member.marketing_opt_in;
              }
              w.sessionStorage.setItem(cacheKey(url, token), JSON.stringify(data));
            })
            .catch(() => {});
        }
        return r;
      },
      (e) => {
        return e && e.name === "TimeoutError" ? "timeout" : null;
      }
    );
    return { url: url, token: token, response: response };
  }

  // Room for an inline widget before it renders, so the page below does not move when it does
  // (layout shift). --laurel-reserve tunes it; laurel.js undoes it if the widget cannot start.
  function reserve(tag) {
    var selector = tag.getAttribute("data-mount");
    var el = null;
    try {
      el = selector && tag.getAttribute("data-placement") !== "launcher" && d.querySelector(selector);
    } catch (e) {}
    if (el && !el.style.minBlockSize) {
      el.style.minBlockSize = "var(--laurel-reserve, 384px)";
      reserved.push(el);
    }
  }

  function define(name, observed) {
    if (!w.customElements || w.customElements.get(name)) {
      return;
    }
    w.customElements.define(
      name,
      class extends HTMLElement {
        static get observedAttributes() {
          return observed;
        }
        connectedCallback() {
          whenReady((m) => {
            if (this.isConnected) {
              m.connect(this);
            }
          });
        }
        disconnectedCallback() {
          whenReady((m) => {
            if (!this.isConnected) {
              m.disconnect(this);
            }
          });
        }
        attributeChangedCallback(attr, before, after) {
          if (before !== after && this.isConnected) {
            whenReady((m) => {
              m.changed(this);
            });
          }
        }
      }
    );
  }
  define("laurel-widget", ["view", "placement", "corner", "order"]);
  define("laurel-points", ["amount", "currency", "collection"]);

  import(new URL("laurel-wasm.js", base).href)
    .then((m) => {
      // The work that waited (starting the tags' widgets, the page's queued commands) runs
      // in order, each in a task of its own, so the page gets the main thread in between.
      // What a piece causes runs next (a tag's widget mounts when it connects), and work that
      // comes meanwhile queues behind it all.
      return m.default(wasmResponse).then(() => {
        setTimeout(function next() {
          var f = waiting.shift();
          if (!f || dead) {
            wasm = m;
            return;
          }
          var rest = waiting;
          waiting = [];
          safely(() => {
            f(m);
          });
          waiting = waiting.concat(rest);
          setTimeout(next, 0);
        }, 0);
      });
    })
    .catch((error) => {
      console.error("Laurel: could not start", error);
      reserved.forEach((el) => {
        el.style.minBlockSize = "";
      });
    });
})();
