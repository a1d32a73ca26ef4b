package themetest

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Viewports of the browser tests: a phone and a laptop.
var viewports = []struct {
	Width, Height int64
	Mobile        bool
}{
	{375, 740, true},
	{1280, 800, false},
}

// Limits the pages must keep.
const (
	maxRequests     = 3   // HTML, CSS, favicon
	maxHeaderPhone  = 160 // px: the header on a 375 px phone
	minCharsPerLine = 55  // the measure on a wide screen
	maxCharsPerLine = 80
)

// layout is what layoutJS returns.
type layout struct {
	ScrollWidth    float64 `json:"scrollWidth"`
	ClientWidth    float64 `json:"clientWidth"`
	HeaderHeight   float64 `json:"headerHeight"`
	Dark           bool    `json:"dark"`
	BodyBackground string  `json:"bodyBackground"`
	CharsPerLine   float64 `json:"charsPerLine"`
}

type contrastResult struct {
	Checked  int      `json:"checked"`
	Problems []string `json:"problems"`
}

type axeViolation struct {
	ID    string   `json:"id"`
	Help  string   `json:"help"`
	Nodes []string `json:"nodes"`
}

type noJSResult struct {
	MainText int      `json:"mainText"`
	NavLinks int      `json:"navLinks"`
	Switcher []string `json:"switcher"`
	Scripts  int      `json:"scripts"`
}

type focusResult struct {
	ClassName string `json:"className"`
	Href      string `json:"href"`
	InView    bool   `json:"inView"`
	Outline   bool   `json:"outline"`
	Target    bool   `json:"target"`
}

// TestBrowser reads every page of the real site in headless Chromium, served
// under a sub-path as on GitHub Pages, at 375 and 1280 px wide, in the light
// and the dark color scheme. Each page must: not scroll sideways; make no
// request to another origin, no failed request and at most three requests;
// log no console error or CSP violation; keep WCAG text contrast (computed
// from the computed colors) and chart contrast; pass axe-core's WCAG 2.1 A
// and AA rules; keep the phone header short and the wide-screen measure at
// 55–80 characters a line; show the skip link with a visible outline on the
// first Tab; keep its text, navigation and language switcher with
// JavaScript disabled; and its language switcher must land on the same page
// in the other language. Screenshots go to testout/screenshots/. A broken
// probe page served beside the site shows that each check catches its
// fault.
func TestBrowser(t *testing.T) {
	t.Parallel()
	start := time.Now()
	chrome := chromePath(t)
	axe, err := os.ReadFile(toolFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := newSiteServer(t)
	res := renderRealSite(t, srv.Base)
	files := maps.Clone(res.Files)
	maps.Copy(files, probeFiles)
	srv.setFiles(files)
	shots := filepath.Join("..", "..", "testout", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	browser := startBrowser(t, chrome)
	pool := newTabPool(t, browser, srv.URL, 3)
	pages := readerPages(res)
	t.Cleanup(func() {
		for _, bad := range srv.badRequests() {
			if !strings.Contains(bad, srv.Prefix+"_probe/") {
				t.Errorf("server: %s", bad)
			}
		}
		t.Logf("browser checks of up to %d pages × %d viewports × 2 color schemes took %v; screenshots in %s", len(pages), len(viewports), time.Since(start).Round(time.Millisecond), shots)
	})
	t.Run("detectors", func(t *testing.T) {
		t.Parallel()
		tb := <-pool
		defer func() { pool <- tb }()
		checkDetectors(t, tb.ctx, tb.rec, srv, string(axe))
	})
	for _, pg := range pages {
		t.Run(pg.name(), func(t *testing.T) {
			t.Parallel()
			tb := <-pool
			defer func() { pool <- tb }()
			ctx, cancel := context.WithTimeout(tb.ctx, 90*time.Second)
			defer cancel()
			checkPage(t, ctx, tb.rec, srv, pg, string(axe), shots)
		})
	}
}

// checkPage runs every check of TestBrowser on one page in one tab.
func checkPage(t *testing.T, ctx context.Context, rec *recorder, srv *siteServer, pg sitePage, axe, shots string) {
	url := srv.Base + pg.File
	for _, vp := range viewports {
		where := fmt.Sprintf("%d px", vp.Width)
		var opts []chromedp.EmulateViewportOption
		if vp.Mobile {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.Width, vp.Height, opts...), colorScheme("light")); err != nil {
			t.Fatal(err)
		}
		load(t, ctx, rec, url, where)
		for _, scheme := range []string{"light", "dark"} {
			at := where + " " + scheme
			if err := chromedp.Do(ctx, colorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			lay, err := chromedp.Run(ctx, chromedp.Evaluate[layout](layoutJS))
			if err != nil {
				t.Fatal(err)
			}
			if lay.Dark != (scheme == "dark") {
				t.Fatalf("%s: prefers-color-scheme emulation did not apply", at)
			}
			if scheme == "dark" && !darkColor(lay.BodyBackground) {
				t.Errorf("%s: the body background is %s, not a dark color", at, lay.BodyBackground)
			}
			if scheme == "light" {
				checkLayout(t, pg, lay, vp.Width, where)
			}
			checkContrast(t, ctx, at)
			// axe-core is slow: it runs once per viewport, in the light
			// scheme on the phone and in the dark one on the wide screen.
			if (scheme == "light") == vp.Mobile {
				checkAxe(t, ctx, axe, at)
			}
			if scheme == "light" {
				screenshot(t, ctx, filepath.Join(shots, fmt.Sprintf("%s-%d-%s.png", pg.name(), vp.Width, scheme)), true)
			} else if vp.Mobile {
				screenshot(t, ctx, filepath.Join(shots, fmt.Sprintf("%s-%d-%s.png", pg.name(), vp.Width, scheme)), false)
			}
		}
		if vp.Mobile {
			checkSkipLink(t, ctx, where)
			checkNarrowest(t, ctx)
		}
	}
	if err := chromedp.Do(ctx, colorScheme("light")); err != nil {
		t.Fatal(err)
	}
	checkPrint(t, ctx)
	checkSwitcher(t, ctx, rec, srv, pg)
	checkNoJS(t, ctx, rec, srv, pg)
}

// printResult is what printJS returns.
type printResult struct {
	Hidden    []string `json:"hidden"`
	Shown     []string `json:"shown"`
	ExtLinks  int      `json:"extLinks"`
	URLsShown int      `json:"urlsShown"`
}

// printJS reads the print stylesheet's effect: navigation hidden, the
// text shown, the address of every external link printed after it.
const printJS = `(() => {
  const shown = (el) => el && getComputedStyle(el).display !== 'none';
  const r = {hidden: [], shown: [], extLinks: 0, urlsShown: 0};
  for (const sel of ['nav.sections', 'nav.switcher', '.skip', '.toc', '.prevnext', '.site-footer']) {
    if (document.querySelector(sel) && shown(document.querySelector(sel))) r.shown.push(sel);
  }
  for (const sel of ['main h1', '.prose']) {
    if (document.querySelector(sel) && !shown(document.querySelector(sel))) r.hidden.push(sel);
  }
  for (const a of document.querySelectorAll('.prose a.ext')) {
    r.extLinks++;
    if (getComputedStyle(a, '::after').content.includes(a.getAttribute('href'))) r.urlsShown++;
  }
  return r;
})()`

// checkPrint emulates print media on the loaded page.
func checkPrint(t *testing.T, ctx context.Context) {
	t.Helper()
	media := func(m string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
			return err
		})
	}
	if err := chromedp.Do(ctx, media("print")); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Do(ctx, media(""))
	r, err := chromedp.Run(ctx, chromedp.Evaluate[printResult](printJS))
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	if len(r.Shown) > 0 {
		t.Errorf("print: %s still shown", strings.Join(r.Shown, ", "))
	}
	if len(r.Hidden) > 0 {
		t.Errorf("print: %s hidden", strings.Join(r.Hidden, ", "))
	}
	if r.URLsShown != r.ExtLinks {
		t.Errorf("print: %d of %d external links show their address", r.URLsShown, r.ExtLinks)
	}
}

// checkNarrowest narrows the loaded page to 320 px, the smallest phone
// the site supports, and checks that nothing scrolls sideways.
func checkNarrowest(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	lay, err := chromedp.Run(ctx, chromedp.Evaluate[layout](layoutJS))
	if err != nil {
		t.Fatal(err)
	}
	if lay.ScrollWidth > lay.ClientWidth {
		t.Errorf("320 px: horizontal scroll: scrollWidth %v > clientWidth %v", lay.ScrollWidth, lay.ClientWidth)
	}
}

// colorScheme emulates prefers-color-scheme.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// load navigates to url, waits until every request has finished, and
// reports the page's failed, foreign or excess requests and console
// errors.
func load(t *testing.T, ctx context.Context, rec *recorder, url, where string) {
	t.Helper()
	rec.reset()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	settle(t, ctx, rec)
	checkRequests(t, rec, where)
}

// settle waits until the page's requests have all finished.
func settle(t *testing.T, ctx context.Context, rec *recorder) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !rec.settled() {
		if time.Now().After(deadline) {
			t.Fatalf("requests still pending after 5 s")
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(20*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
	}
}

func checkRequests(t *testing.T, rec *recorder, where string) {
	t.Helper()
	requests, problems := rec.result()
	for _, p := range problems {
		t.Errorf("%s: %s", where, p)
	}
	if len(requests) > maxRequests {
		t.Errorf("%s: %d requests, want at most %d: %s", where, len(requests), maxRequests, strings.Join(requests, ", "))
	}
	if len(requests) < 2 {
		t.Errorf("%s: only %d request(s) (%s): the stylesheet was not loaded", where, len(requests), strings.Join(requests, ", "))
	}
}

// checkLayout checks sideways scrolling, the phone header and the measure.
func checkLayout(t *testing.T, pg sitePage, lay layout, width int64, where string) {
	t.Helper()
	if lay.ScrollWidth > lay.ClientWidth {
		t.Errorf("%s: horizontal scroll: scrollWidth %v > clientWidth %v", where, lay.ScrollWidth, lay.ClientWidth)
	}
	if width < 400 && lay.HeaderHeight > maxHeaderPhone {
		t.Errorf("%s: the header is %.0f px high, want at most %d px on a phone", where, lay.HeaderHeight, maxHeaderPhone)
	}
	if width >= 1280 && lay.CharsPerLine > 0 {
		if lay.CharsPerLine < minCharsPerLine || lay.CharsPerLine > maxCharsPerLine {
			t.Errorf("%s: %.0f characters per line, want %d to %d", where, lay.CharsPerLine, minCharsPerLine, maxCharsPerLine)
		}
		t.Logf("%s: %.0f characters per line", where, lay.CharsPerLine)
	}
	if pg.Page != nil && !pg.Page.Entry.IsHome() && lay.CharsPerLine == 0 {
		t.Errorf("%s: no paragraph of three lines or more to measure", where)
	}
}

func checkContrast(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	c, err := chromedp.Run(ctx, chromedp.Evaluate[contrastResult](contrastJS))
	if err != nil {
		t.Fatalf("%s: contrast: %v", where, err)
	}
	if c.Checked < 5 {
		t.Errorf("%s: contrast checked only %d text elements", where, c.Checked)
	}
	for _, p := range c.Problems {
		t.Errorf("%s: %s", where, p)
	}
}

// checkAxe injects axe-core into the page and runs the WCAG 2.1 A and AA
// rules.
func checkAxe(t *testing.T, ctx context.Context, axe, where string) {
	t.Helper()
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === 'object'`))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe+"\n;void 0")); err != nil {
			t.Fatalf("%s: injecting axe-core: %v", where, err)
		}
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe-core: %v", where, err)
	}
	for _, v := range vs {
		t.Errorf("%s: axe %s: %s\n\t%s", where, v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// checkSkipLink presses Tab once: the skip link must take the focus, show
// up inside the viewport with an outline, and point at an existing target.
func checkSkipLink(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatalf("%s: Tab: %v", where, err)
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[focusResult](focusJS))
	if err != nil {
		t.Fatalf("%s: focus: %v", where, err)
	}
	if !strings.Contains(f.ClassName, "skip") || !f.InView || !f.Outline || !f.Target {
		t.Errorf("%s: after one Tab, focus is on %q (href %q): in view %v, outline %v, target exists %v; want the visible skip link", where, f.ClassName, f.Href, f.InView, f.Outline, f.Target)
	}
}

// checkNoJS loads the page with JavaScript disabled.
func checkNoJS(t *testing.T, ctx context.Context, rec *recorder, srv *siteServer, pg sitePage) {
	t.Helper()
	setJS := func(disabled bool) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: disabled})
			return err
		})
	}
	if err := chromedp.Do(ctx, setJS(true)); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Do(ctx, setJS(false))
	load(t, ctx, rec, srv.Base+pg.File, "no JavaScript")
	r, err := chromedp.Run(ctx, chromedp.Evaluate[noJSResult](noJSJS))
	if err != nil {
		t.Fatal(err)
	}
	if r.MainText < 100 {
		t.Errorf("no JavaScript: main holds %d characters of text", r.MainText)
	}
	if r.Scripts > 0 && pg.Page != nil {
		// JSON-LD blocks are data, not scripts that run; anything else is not allowed.
		ld, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('script:not([type="application/ld+json"])').length`))
		if err != nil {
			t.Fatal(err)
		}
		if ld > 0 {
			t.Errorf("no JavaScript: the page has %d script element(s)", ld)
		}
	}
	if pg.Page != nil && pg.Page.Section && !pg.Page.Entry.IsHome() && r.NavLinks == 0 {
		t.Errorf("no JavaScript: no section navigation")
	}
	if pg.Counterpart != "" && len(r.Switcher) == 0 {
		t.Errorf("no JavaScript: no language switcher")
	}
}

// checkSwitcher clicks the language switcher of the loaded page: it must
// land on the same page in the other language.
func checkSwitcher(t *testing.T, ctx context.Context, rec *recorder, srv *siteServer, pg sitePage) {
	t.Helper()
	if pg.Counterpart == "" {
		return
	}
	rec.reset()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("nav.switcher a[hreflang]"), chromedp.NodeVisible)); err != nil {
		t.Fatalf("switcher: %v", err)
	}
	want := srv.Prefix + pg.Counterpart
	for deadline := time.Now().Add(5 * time.Second); ; {
		// The page's context goes away while it navigates: ignore errors.
		at, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + ' ' + document.readyState`))
		if at == want+" complete" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("switcher: landed on %q, want %s", at, want)
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(20*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
	}
	settle(t, ctx, rec)
	checkRequests(t, rec, "after the switcher")
	lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil {
		t.Fatal(err)
	}
	if lang == pg.Page.Lang {
		t.Errorf("switcher: the page it lands on is still in %q", lang)
	}
}

// screenshot writes a PNG of the whole page, or of the viewport.
func screenshot(t *testing.T, ctx context.Context, file string, full bool) {
	t.Helper()
	shot := chromedp.CaptureScreenshot()
	if full {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// darkColor reports whether a computed rgb() color is dark (luminance below
// 0.1).
func darkColor(s string) bool {
	var r, g, b float64
	if _, err := fmt.Sscanf(s, "rgb(%g, %g, %g)", &r, &g, &b); err != nil {
		return false
	}
	return 0.2126*r+0.7152*g+0.0722*b < 0.1*255
}

// probeFiles is a broken page served beside the site, to show that the
// checks of TestBrowser catch what they look for: an inline style (a CSP
// violation), a missing stylesheet, an image from another origin, text of
// low contrast and a block wider than the screen.
var probeFiles = map[string][]byte{
	"_probe/index.html": []byte(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; img-src 'self'">
<title>Probe</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="probe.css">
<link rel="stylesheet" href="missing.css">
</head><body><main>
<p class="low">This text is too pale to read on white.</p>
<p style="color: red">An inline style the CSP refuses.</p>
<img src="https://example.invalid/pixel.png" alt="pixel">
<div class="wide">wide</div>
</main></body></html>
`),
	"_probe/probe.css": []byte(`.low { color: #c8c8c8; background: #fff; } .wide { width: 2000px; }`),
}

// checkDetectors loads the probe page and fails unless every check finds
// its fault there.
func checkDetectors(t *testing.T, ctx context.Context, rec *recorder, srv *siteServer, axe string) {
	rec.reset()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 740, chromedp.EmulateMobile), colorScheme("light"), chromedp.Navigate(srv.Base+"_probe/index.html")); err != nil {
		t.Fatal(err)
	}
	settle(t, ctx, rec)
	_, problems := rec.result()
	all := strings.Join(problems, "\n")
	for _, want := range []string{"HTTP 404 for " + srv.Base + "_probe/missing.css", "Content Security Policy", "example.invalid"} {
		if !strings.Contains(all, want) {
			t.Errorf("the request and console recorder missed %q; it saw:\n%s", want, all)
		}
	}
	lay, err := chromedp.Run(ctx, chromedp.Evaluate[layout](layoutJS))
	if err != nil {
		t.Fatal(err)
	}
	if lay.ScrollWidth <= lay.ClientWidth {
		t.Errorf("the overflow check missed a 2000 px block: scrollWidth %v, clientWidth %v", lay.ScrollWidth, lay.ClientWidth)
	}
	c, err := chromedp.Run(ctx, chromedp.Evaluate[contrastResult](contrastJS))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(c.Problems, "\n"), "p.low") {
		t.Errorf("the contrast check missed #c8c8c8 on white: %q", c.Problems)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe+"\n;void 0")); err != nil {
		t.Fatal(err)
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range vs {
		found = found || v.ID == "color-contrast"
	}
	if !found {
		t.Errorf("axe-core missed the low contrast: %v", vs)
	}
}
