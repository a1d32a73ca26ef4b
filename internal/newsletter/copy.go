package newsletter

// CopyScriptName is the file of CopyScript, beside the index page.
const CopyScriptName = "copy.js"

// CopyScript runs the Copy buttons of the index page: it shows them, and
// a click puts the export's own HTML and its plain text (fetched from the
// same origin, ahead of the click when the pointer or focus reaches the
// button) on the clipboard as text/html and text/plain. The export's own
// markup keeps its fluid widths when pasted; copying the rendered page,
// and Chromium's navigator.clipboard.write (which sanitizes text/html by
// serializing the computed styles), give the fixed pixel widths of the
// layout instead (width:100% becomes width:600px). So the copy goes
// through a copy event whose clipboardData takes the markup as is, and
// navigator.clipboard.write with a ClipboardItem is the fallback where
// that event cannot be fired. Without the script the page still works:
// the buttons stay hidden and the links remain.
const CopyScript = `// Copy buttons of the newsletter exports page (kz30).
"use strict";
(function () {
  var cache = {};
  function text(href) {
    return fetch(href, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(href + ": " + r.status);
      return r.text();
    });
  }
  function load(b) {
    var key = b.dataset.copyHtml;
    if (!cache[key]) {
      cache[key] = Promise.all([text(b.dataset.copyHtml), text(b.dataset.copyText)]);
      cache[key].catch(function () { delete cache[key]; });
    }
    return cache[key];
  }
  // The markup as is, through a copy event (no sanitizing).
  function copyEvent(html, plain) {
    var done = false;
    function onCopy(e) {
      e.clipboardData.setData("text/html", html);
      e.clipboardData.setData("text/plain", plain);
      e.preventDefault();
      done = true;
    }
    document.addEventListener("copy", onCopy);
    try { document.execCommand("copy"); } catch (err) { done = false; }
    document.removeEventListener("copy", onCopy);
    return done;
  }
  function clipboardItem(html, plain) {
    if (!navigator.clipboard || !navigator.clipboard.write || typeof ClipboardItem === "undefined") return Promise.reject(new Error("no Clipboard API"));
    return navigator.clipboard.write([new ClipboardItem({
      "text/html": new Blob([html], { type: "text/html" }),
      "text/plain": new Blob([plain], { type: "text/plain" })
    })]);
  }
  document.querySelectorAll("button[data-copy-html]").forEach(function (b) {
    var status = b.nextElementSibling;
    var warm = function () { load(b); };
    b.addEventListener("pointerenter", warm);
    b.addEventListener("focus", warm);
    b.addEventListener("click", function () {
      status.textContent = "";
      load(b).then(function (both) {
        return copyEvent(both[0], both[1]) ? null : clipboardItem(both[0], both[1]);
      }).then(function () {
        status.textContent = b.dataset.copied;
      }, function () {
        status.textContent = b.dataset.failed;
      });
    });
    b.hidden = false;
  });
})();
`
