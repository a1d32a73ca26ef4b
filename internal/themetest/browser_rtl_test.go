package themetest

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kz30/kz30/internal/site"
)

// rtlLayout is what rtlJS returns: the direction the browser applies and
// where the indented or bordered blocks put their start edge.
type rtlLayout struct {
	Direction string   `json:"direction"`
	Wrong     []string `json:"wrong"` // blocks whose start edge is on the left
}

// rtlJS reads the computed direction of the page and checks that the
// table of contents, lists, footnotes and table cells of right-to-left
// text start on the right.
const rtlJS = `(() => {
  const r = {direction: getComputedStyle(document.documentElement).direction, wrong: []};
  const check = (sel, prop) => {
    for (const el of document.querySelectorAll(sel)) {
      const s = getComputedStyle(el);
      const left = parseFloat(s[prop + 'Left']), right = parseFloat(s[prop + 'Right']);
      // an element in a left-to-right language (the English block of the
      // landing page) keeps its start on the left
      // (the theme indents them at the start only: nothing on the left)
      if (s.direction === 'rtl' && (left > 0 || right === 0)) r.wrong.push(sel + ' ' + prop + ' left ' + left + ', right ' + right);
    }
  };
  check('.toc ol', 'padding');
  check('.footnotes ol', 'padding');
  check('.lang-block ol', 'padding');
  for (const el of document.querySelectorAll('th, td')) {
    const s = getComputedStyle(el);
    if (s.direction === 'rtl' && s.textAlign === 'left') r.wrong.push('th/td text-align left');
  }
  return r;
})()`

// TestBrowserRTL reads the ar/en fixture site (built without templates/; its
// landing page is in the source language, Arabic) in
// headless Chromium at 375 and 1280 px: the Arabic pages are laid out right
// to left with the theme's logical properties mirrored, and no page, Arabic
// or English, scrolls sideways, lacks text contrast or fails axe-core's
// WCAG 2.1 A and AA rules.
func TestBrowserRTL(t *testing.T) {
	t.Parallel()
	chrome := chromePath(t)
	axe, err := os.ReadFile(toolFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := newSiteServer(t)
	res := mustRender(t, site.Options{Dir: extract(t, "langs/ar-en.txtar"), BaseURL: srv.Base})
	srv.setFiles(res.Files)
	browser := startBrowser(t, chrome)
	pool := newTabPool(t, browser, srv.URL, 1)
	tb := <-pool
	for _, pg := range []struct{ file, dir string }{
		{"index.html", "rtl"}, {"ar/index.html", "rtl"}, {"ar/p/index.html", "rtl"}, {"en/p/index.html", "ltr"},
	} {
		ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
		for _, vp := range viewports {
			where := fmt.Sprintf("%s at %d px", pg.file, vp.Width)
			var opts []chromedp.EmulateViewportOption
			if vp.Mobile {
				opts = append(opts, chromedp.EmulateMobile)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.Width, vp.Height, opts...), colorScheme("light")); err != nil {
				t.Fatal(err)
			}
			load(t, ctx, tb.rec, srv.Base+pg.file, where)
			lay, err := chromedp.Run(ctx, chromedp.Evaluate[layout](layoutJS))
			if err != nil {
				t.Fatal(err)
			}
			if lay.ScrollWidth > lay.ClientWidth {
				t.Errorf("%s: horizontal scroll: scrollWidth %v > clientWidth %v", where, lay.ScrollWidth, lay.ClientWidth)
			}
			rtl, err := chromedp.Run(ctx, chromedp.Evaluate[rtlLayout](rtlJS))
			if err != nil {
				t.Fatal(err)
			}
			if rtl.Direction != pg.dir {
				t.Errorf("%s: direction %q, want %q", where, rtl.Direction, pg.dir)
			}
			if pg.dir == "rtl" && len(rtl.Wrong) > 0 {
				t.Errorf("%s: not mirrored: %v", where, rtl.Wrong)
			}
			checkContrast(t, ctx, where)
			checkAxe(t, ctx, string(axe), where)
		}
		cancel()
	}
	for _, bad := range srv.badRequests() {
		t.Errorf("server: %s", bad)
	}
}
