// kz30 dev server: live reload and build error overlay.
// Served by `kz30 serve` only, as a same-origin file, so the pages'
// Content-Security-Policy (script-src 'self', style-src 'self') holds: the
// overlay is built with DOM calls and textContent, styled by overlay.css.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource) {
    return;
  }
  var me = new URL(script.src, location.href);
  // The site root: where the script is, minus "_kz30/reload.js".
  var root = me.pathname.replace(/_kz30\/reload\.js$/, "");
  var scrollKey = "kz30:scroll:" + location.pathname;
  // The page's language: the server words the overlay in it.
  var lang = document.documentElement.lang || "";

  // sitePath is a URL's output file below the site root, or null.
  function sitePath(href) {
    var u;
    try {
      u = new URL(href, location.href);
    } catch (e) {
      return null;
    }
    if (u.origin !== location.origin || u.pathname.indexOf(root) !== 0) {
      return null;
    }
    var p = u.pathname.slice(root.length);
    try {
      p = decodeURIComponent(p);
    } catch (e) {
      return null;
    }
    if (p === "" || p.charAt(p.length - 1) === "/") {
      p += "index.html";
    }
    return p;
  }

  // uses are the output files this page is made of: itself, its
  // stylesheets, scripts and images.
  function uses() {
    var set = {};
    var self = sitePath(location.href);
    if (self) {
      set[self] = true;
    }
    var els = document.querySelectorAll("link[rel~=stylesheet][href], link[rel~=icon][href], script[src], img[src]");
    for (var i = 0; i < els.length; i++) {
      var p = sitePath(els[i].href || els[i].src);
      if (p) {
        set[p] = true;
      }
    }
    return set;
  }

  function reload(keepScroll) {
    try {
      if (keepScroll) {
        sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
      } else {
        sessionStorage.removeItem(scrollKey);
      }
    } catch (e) { /* storage off: the browser keeps what it can */ }
    if ("scrollRestoration" in history) {
      history.scrollRestoration = keepScroll ? "manual" : "auto";
    }
    location.reload();
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(scrollKey) || "null");
      sessionStorage.removeItem(scrollKey);
    } catch (e) {
      return;
    }
    if (!saved || saved.length !== 2) {
      return;
    }
    var go = function () { window.scrollTo(saved[0], saved[1]); };
    go();
    window.addEventListener("load", go, { once: true });
    if ("scrollRestoration" in history) {
      history.scrollRestoration = "auto";
    }
  }

  // The panel shows the last build's errors (the build failed) or, when
  // it succeeded, its warnings (missing or stale translations…), folded.
  var state = { errors: null, warnings: null };
  var overlay = null;
  var warningsOpen = false;

  function removePanel() {
    if (overlay) {
      var d = overlay.querySelector("details");
      if (d) {
        warningsOpen = d.open;
      }
      overlay.remove();
      overlay = null;
    }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function list(items) {
    var ol = el("ol");
    items.forEach(function (e) {
      var li = el("li");
      if (e.pos) {
        li.appendChild(el("code", "kz30-pos", e.pos));
        li.appendChild(document.createTextNode(" "));
      }
      li.appendChild(el("span", "kz30-msg", e.msg));
      if (e.hint) {
        li.appendChild(el("span", "kz30-hint", e.hint));
      }
      ol.appendChild(li);
    });
    return ol;
  }

  function ensureCSS() {
    if (!document.getElementById("kz30-overlay-css")) {
      var link = document.createElement("link");
      link.id = "kz30-overlay-css";
      link.rel = "stylesheet";
      link.href = root + "_kz30/overlay.css";
      document.head.appendChild(link);
    }
  }

  function render() {
    removePanel();
    var d = state.errors || state.warnings;
    if (!d || !document.body) {
      return;
    }
    ensureCSS();
    var t = d.text || {};
    if (state.errors) {
      overlay = el("div", "kz30-overlay");
      overlay.setAttribute("role", "alert");
      var head = el("div", "kz30-overlay-head");
      head.appendChild(el("h2", "", d.heading));
      var close = el("button", "", t.close);
      close.type = "button";
      close.addEventListener("click", function () {
        state.errors = null;
        state.warnings = null;
        removePanel();
      });
      head.appendChild(close);
      overlay.appendChild(head);
      overlay.appendChild(el("p", "", t.kept));
      overlay.appendChild(list(d.errors || []));
    } else {
      overlay = el("div", "kz30-overlay kz30-warnings");
      overlay.setAttribute("role", "status");
      var details = el("details");
      details.open = warningsOpen;
      details.appendChild(el("summary", "", d.heading));
      details.appendChild(el("p", "", t.warningsNote));
      details.appendChild(list(d.warnings || []));
      overlay.appendChild(details);
    }
    overlay.id = "kz30-overlay";
    if (t.lang) {
      overlay.lang = t.lang;
    }
    document.body.appendChild(overlay);
  }

  restoreScroll();

  var server = null;
  var events = new EventSource(root + "_kz30/events?lang=" + encodeURIComponent(lang));
  events.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (server !== null && d.server !== server) {
      reload(true); // the server restarted: what it serves may differ
    }
    server = d.server;
  });
  events.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (state.errors) {
      state.errors = null;
      render();
    }
    var self = sitePath(location.href);
    if (d.all) {
      reload(true);
      return;
    }
    if (self && d.removed.indexOf(self) >= 0) {
      reload(false); // the page is gone: show what its URL gives now
      return;
    }
    var mine = uses();
    var changed = d.changed.concat(d.removed);
    for (var i = 0; i < changed.length; i++) {
      if (mine[changed[i]]) {
        reload(true);
        return;
      }
    }
  });
  events.addEventListener("build-error", function (e) {
    state.errors = JSON.parse(e.data);
    render();
  });
  events.addEventListener("build-ok", function () {
    state.errors = null;
    render();
  });
  events.addEventListener("warnings", function (e) {
    var d = JSON.parse(e.data);
    state.warnings = d.warnings && d.warnings.length ? d : null;
    render();
  });
  window.addEventListener("pagehide", function () { events.close(); });
})();
