package themetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/kz30/kz30/internal/newsletter"
	"github.com/kz30/kz30/internal/site"
)

// nlPastePage is a bare rich-text editor, as a webmail's compose box is
// at its simplest: a contenteditable the width of a phone.
const nlPastePage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Compose</title></head>
<body style="margin:0"><div id="editor" contenteditable="true" style="min-height:200px;padding:8px"></div></body></html>
`

// nlPasteJS measures the editor after a paste: what arrived, whether the
// page scrolls sideways, and any element wider than the viewport.
const nlPasteJS = `(() => {
  const ed = document.getElementById("editor");
  const de = document.documentElement;
  const wide = [];
  for (const el of ed.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > de.clientWidth + 0.5 && wide.length < 5) wide.push(el.tagName.toLowerCase() + " " + Math.round(r.width) + "px wide, right edge " + Math.round(r.right) + "px: " + JSON.stringify((el.textContent || "").trim().slice(0, 30)));
  }
  return {text: ed.innerText, html: ed.innerHTML, scroll: Math.max(de.scrollWidth, document.body.scrollWidth), width: de.clientWidth, wide};
})()`

type nlPaste struct {
	Text   string   `json:"text"`
	HTML   string   `json:"html"`
	Scroll int      `json:"scroll"`
	Width  int      `json:"width"`
	Wide   []string `json:"wide"`
}

// TestNewsletterCopyPasteInChromium follows the README's paste path in
// Chromium: on the index page, the Copy button of an export puts it on
// the clipboard; pasted (the editor's own paste command, as Ctrl+V) into
// a contenteditable 375 px wide, the message arrives with its button,
// and nothing is wider than the phone. (Chromium's paste turns each
// width of a style attribute into the pixels of its layout, which is
// why the exports keep percentages in width attributes.) Without
// JavaScript the buttons stay hidden and the links remain. Every export
// of the Kazakhstan site is pasted.
func TestNewsletterCopyPasteInChromium(t *testing.T) {
	chrome := chromePath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()), chromedp.Flag("disable-component-update", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelTime()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("cannot start %s: %v", chrome, err)
	}
	srv := newNLServer(t)
	res := mustRender(t, site.Options{Dir: "../..", Defaults: repoRoot, BaseURL: srv.URL + "/"})
	files := map[string][]byte{"paste.html": []byte(nlPastePage)}
	for name, data := range res.Files {
		files[name] = data
	}
	srv.mu.Lock()
	srv.files = files
	srv.mu.Unlock()
	for _, perm := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: perm, AllowWithoutSanitization: perm == "clipboard-write"},
			Setting:    browser.PermissionSettingGranted, Origin: srv.URL}); err != nil {
			t.Fatalf("grant %s: %v", perm, err)
		}
	}

	// Without JavaScript: no visible button, the links are there.
	if err := chromedp.Do(ctx, nlScripts(false), chromedp.Navigate(srv.URL+"/newsletter/index.html")); err != nil {
		t.Fatal(err)
	}
	noJS, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[
	  [...document.querySelectorAll("button[data-copy-html]")].filter(b => b.offsetWidth > 0).length,
	  document.querySelectorAll("main a[href$='.html']").length]`))
	if err != nil {
		t.Fatal(err)
	}
	names := nlExports(res)
	if noJS[0] != 0 || noJS[1] != len(names) {
		t.Errorf("without JavaScript: %d visible Copy buttons (want 0), %d links to exports (want %d)", noJS[0], noJS[1], len(names))
	}

	for _, name := range names {
		rel := strings.TrimPrefix(name, "newsletter/")
		btn := `button[data-copy-html="` + rel + `"]`
		err := chromedp.Do(ctx, nlScripts(true),
			chromedp.EmulateViewport(1000, 800),
			chromedp.Navigate(srv.URL+"/newsletter/index.html"),
			chromedp.WaitVisible(btn),
			chromedp.Click(btn))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		status, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const s = document.querySelector('`+btn+`').nextElementSibling.textContent; return s || false; })()`, chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Fatalf("%s: no status after Copy: %v", name, err)
		}
		if !strings.HasPrefix(status, "Cop") {
			t.Errorf("%s: after Copy the page says %q", name, status)
			continue
		}
		// On the clipboard: the export's own bytes, HTML and text.
		clip, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`navigator.clipboard.read({unsanitized: ["text/html"]}).then(items =>
		  Promise.all([items[0].getType("text/html").then(b => b.text()), items[0].getType("text/plain").then(b => b.text())]))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: reading the clipboard: %v", name, err)
		}
		if len(clip) != 2 || clip[0] != string(res.Files[name]) || clip[1] != string(res.Files[newsletter.TextPath(name)]) {
			t.Errorf("%s: the clipboard does not hold the export's own HTML and text (%d and %d bytes)", name, len(clip[0]), len(clip[1]))
		}
		err = chromedp.Do(ctx,
			chromedp.EmulateViewport(375, 800),
			chromedp.Navigate(srv.URL+"/paste.html"),
			chromedp.Focus("#editor"),
			chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
					p := input.DispatchKeyEventParams{Type: typ, Key: "v", Code: "KeyV", WindowsVirtualKeyCode: 86, Modifiers: 2}
					if typ == input.DispatchKeyEventTypeKeyDown {
						p.Commands = []string{"paste"}
					}
					if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, p); err != nil {
						return err
					}
				}
				return nil
			}))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[nlPaste](nlPasteJS))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		read := "Read on the site"
		if strings.HasPrefix(rel, "fr/") {
			read = "Lire sur le site"
		}
		if !strings.Contains(got.Text, read) || !strings.Contains(got.HTML, "<a ") || strings.Contains(got.Text, "<!DOCTYPE") {
			t.Errorf("%s: the paste is not the message (%d characters of text): %.200q", name, len(got.Text), got.Text)
		}
		if got.Scroll > got.Width {
			t.Errorf("%s: pasted at %d px, the page is %d px wide", name, got.Width, got.Scroll)
		}
		if len(got.Wide) > 0 && testing.Verbose() {
			t.Logf("%s pasted HTML: %.3000s", name, got.HTML)
		}
		for _, w := range got.Wide {
			t.Errorf("%s: pasted at %d px: %s", name, got.Width, w)
		}
	}
	t.Logf("%d exports copied and pasted at 375 px", len(names))
}

// nlScripts turns the page's JavaScript on or off for the next navigation.
func nlScripts(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	})
}
