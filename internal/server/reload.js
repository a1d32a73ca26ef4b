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
  var fr = (document.documentElement.lang || "").slice(0, 2) === "fr";
  var words = fr ? {
    title: "La construction du site a échoué",
    kept: "La page montre la dernière version construite. Corrigez puis enregistrez : elle se met à jour seule.",
    close: "Fermer",
    errors: function (n) { return n === 1 ? "1 erreur" : n + " erreurs"; }
  } : {
    title: "The site did not build",
    kept: "The page shows the last good build. Fix and save: it updates by itself.",
    close: "Close",
    errors: function (n) { return n === 1 ? "1 error" : n + " errors"; }
  };

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

  var overlay = null;

  function hideOverlay() {
    if (overlay) {
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

  function showOverlay(errors) {
    hideOverlay();
    if (!document.getElementById("kz30-overlay-css")) {
      var link = document.createElement("link");
      link.id = "kz30-overlay-css";
      link.rel = "stylesheet";
      link.href = root + "_kz30/overlay.css";
      document.head.appendChild(link);
    }
    overlay = el("div", "kz30-overlay");
    overlay.id = "kz30-overlay";
    overlay.setAttribute("role", "alert");
    overlay.lang = fr ? "fr" : "en";
    var head = el("div", "kz30-overlay-head");
    head.appendChild(el("h2", "", words.title + " (" + words.errors(errors.length) + ")"));
    var close = el("button", "", words.close);
    close.type = "button";
    close.addEventListener("click", hideOverlay);
    head.appendChild(close);
    overlay.appendChild(head);
    overlay.appendChild(el("p", "", words.kept));
    var list = el("ol");
    errors.forEach(function (e) {
      var li = el("li");
      if (e.pos) {
        li.appendChild(el("code", "kz30-pos", e.pos));
        li.appendChild(document.createTextNode(" "));
      }
      li.appendChild(el("span", "kz30-msg", e.msg));
      if (e.hint) {
        li.appendChild(el("span", "kz30-hint", e.hint));
      }
      list.appendChild(li);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  restoreScroll();

  var server = null;
  var events = new EventSource(root + "_kz30/events");
  events.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (server !== null && d.server !== server) {
      reload(true); // the server restarted: what it serves may differ
    }
    server = d.server;
  });
  events.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    hideOverlay();
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
    showOverlay(JSON.parse(e.data).errors || []);
  });
  events.addEventListener("build-ok", hideOverlay);
  window.addEventListener("pagehide", function () { events.close(); });
})();
