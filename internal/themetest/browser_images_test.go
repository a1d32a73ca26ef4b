package themetest

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kz30/kz30/internal/site"
	"github.com/kz30/kz30/internal/testsupport"
)

// imageState is what imagesJS returns of one image.
type imageState struct {
	Src       string  `json:"src"`
	Loaded    bool    `json:"loaded"`
	Width     float64 `json:"width"`
	Height    float64 `json:"height"`
	NatWidth  float64 `json:"natWidth"`
	NatHeight float64 `json:"natHeight"`
}

// imagesResult is what imagesJS returns.
type imagesResult struct {
	Images      []imageState `json:"images"`
	Shift       float64      `json:"shift"` // cumulative layout shift
	ScrollWidth float64      `json:"scrollWidth"`
	ClientWidth float64      `json:"clientWidth"`
}

// imagesJS scrolls through the page (so that lazy images load), then
// reports each image and the page's cumulative layout shift.
const imagesJS = `new Promise(resolve => {
  let shift = 0;
  new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) shift += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  window.scrollTo(0, document.body.scrollHeight);
  const done = () => Promise.all([...document.images].map(i => i.decode().catch(() => {})));
  setTimeout(() => done().then(() => setTimeout(() => resolve({
    images: [...document.images].map(i => {
      const r = i.getBoundingClientRect();
      return {src: i.currentSrc, loaded: i.complete && i.naturalWidth > 0, width: r.width, height: r.height,
        natWidth: i.naturalWidth, natHeight: i.naturalHeight};
    }),
    shift, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }), 300)), 300);
})`

// imageDelay holds back every image the test server sends, so the page
// is laid out and painted before its images arrive: an image without a
// size would then push the text below it (a layout shift).
const imageDelay = 400 * time.Millisecond

// shiftProbe is a page whose image has no width and height, above text:
// the layout-shift measure must catch it.
const shiftProbe = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head>
<body><main><img src="../fr/page-a/col.png" alt="probe"><p>Text that the image pushes down when it arrives.</p></main></body></html>`

// richImageSite is imageSite with a 1200-pixel image beside the page
// (so it has srcset variants) and raw HTML that the allowlist keeps.
func richImageSite(t *testing.T) string {
	t.Helper()
	dir := imageSite(t)
	if err := os.WriteFile(filepath.Join(dir, "content", "fr", "col.png"), testsupport.PNG(t, 1200, 600), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "content", "fr", "a.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, "\nLa puissance 2<sup>2048</sup> et <kbd>Ctrl</kbd>, <abbr title=\"Banque nationale\">BNK</abbr>.\n\n<details>\n<summary>Détails</summary>\n\nUn texte caché.\n\n</details>\n\n<dl>\n<dt>Tenge</dt>\n<dd>la monnaie</dd>\n</dl>\n"...)
	if err := os.WriteFile(page, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowserImages reads a page with images in headless Chromium, served
// under a sub-path as on GitHub Pages, at 375 and 1280 px: an image beside
// the page with srcset variants and a caption, an SVG of static/, and raw
// HTML the allowlist keeps. Every image loads; each keeps its aspect
// ratio;
// nothing shifts (CLS 0, with the images sent late; a probe page with
// an unsized image shows the measure catches a shift); nothing scrolls sideways; no request fails and
// the CSP reports nothing; a phone loads a variant, not the full image;
// axe-core's WCAG 2.1 A and AA rules pass.
func TestBrowserImages(t *testing.T) {
	t.Parallel()
	chrome := chromePath(t)
	axe, err := os.ReadFile(toolFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir := richImageSite(t)
	srv := &siteServer{Prefix: "/kz30/"}
	srv.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".png") || strings.HasSuffix(r.URL.Path, ".svg") {
			time.Sleep(imageDelay)
		}
		srv.serve(w, r)
	}))
	t.Cleanup(srv.Close)
	srv.Base = srv.URL + srv.Prefix
	res := mustRender(t, site.Options{Dir: dir, AllowStale: true, BaseURL: srv.Base})
	files := maps.Clone(res.Files)
	files["_probe/shift.html"] = []byte(shiftProbe)
	srv.setFiles(files)
	browser := startBrowser(t, chrome)
	pool := newTabPool(t, browser, srv.URL, 1)
	tb := <-pool
	ctx, cancel := context.WithTimeout(tb.ctx, 90*time.Second)
	defer cancel()
	for _, vp := range viewports {
		where := fmt.Sprintf("%d px", vp.Width)
		var opts []chromedp.EmulateViewportOption
		if vp.Mobile {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.Width, vp.Height, opts...), colorScheme("light")); err != nil {
			t.Fatal(err)
		}
		tb.rec.reset()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.Base+"fr/page-a/index.html")); err != nil {
			t.Fatal(err)
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[imagesResult](imagesJS, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		settle(t, ctx, tb.rec)
		_, problems := tb.rec.result()
		for _, p := range problems {
			t.Errorf("%s: %s", where, p)
		}
		if len(r.Images) != 2 {
			t.Fatalf("%s: %d images, want 2", where, len(r.Images))
		}
		for _, img := range r.Images {
			switch {
			case !img.Loaded:
				t.Errorf("%s: %s did not load", where, img.Src)
			case math.Abs(img.Width/img.Height-img.NatWidth/img.NatHeight) > 0.02:
				t.Errorf("%s: %s shown %.0f×%.0f, its aspect ratio is %.0f×%.0f", where, img.Src, img.Width, img.Height, img.NatWidth, img.NatHeight)
			}
		}
		if vp.Mobile && !strings.Contains(r.Images[0].Src, "/assets/img/") {
			t.Errorf("%s: the phone loaded %s, not a smaller variant", where, r.Images[0].Src)
		}
		if r.Shift != 0 {
			t.Errorf("%s: cumulative layout shift %.4f, want 0", where, r.Shift)
		}
		if r.ScrollWidth > r.ClientWidth {
			t.Errorf("%s: horizontal scroll: %v > %v", where, r.ScrollWidth, r.ClientWidth)
		}
		checkAxe(t, ctx, string(axe), where)
		t.Logf("%s: %d images, first %s, CLS %v", where, len(r.Images), r.Images[0].Src, r.Shift)
	}
	// The detector: an image without a size does shift the layout.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.Base+"_probe/shift.html")); err != nil {
		t.Fatal(err)
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[imagesResult](imagesJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if r.Shift == 0 {
		t.Errorf("the probe's unsized image shifted nothing: the layout-shift measure is blind")
	}
	t.Logf("probe: CLS %.4f", r.Shift)
}

// nlImagesJS reports a message's width and each image's box and alt.
const nlImagesJS = `(() => {
  const de = document.documentElement;
  return {
    scrollWidth: Math.max(de.scrollWidth, document.body.scrollWidth), clientWidth: de.clientWidth,
    images: [...document.images].map(i => { const r = i.getBoundingClientRect(); return {src: i.src, loaded: i.complete && i.naturalWidth > 0, width: r.width, height: r.height}; }),
  };
})()`

// TestNewsletterImagesBlocked reads the fixture's e-mail exports that
// hold an image in Chromium at 375 and 320 px with every image blocked
// (the server answers 404, as a client that blocks images shows its
// box): the box of the 552-px image shrinks to the column instead of
// widening the message, with or without the <style> block, and the
// export still has the image's alt text.
func TestNewsletterImagesBlocked(t *testing.T) {
	t.Parallel()
	chrome := chromePath(t)
	srv := newNLServer(t)
	res := mustRender(t, site.Options{Dir: nlFixture(t), Defaults: repoRoot, BaseURL: srv.URL + "/"})
	files := map[string][]byte{}
	var names []string
	for _, name := range nlExports(res) {
		if !bytes.Contains(res.Files[name], []byte("<img ")) {
			continue
		}
		names = append(names, name)
		files[name] = res.Files[name]
		files[strings.TrimSuffix(name, ".html")+".nostyle.html"] = nlWithoutStyle(t, res.Files[name])
	}
	if len(names) == 0 {
		t.Fatal("no export of the fixture holds an image")
	}
	srv.mu.Lock()
	srv.files = files // no image: every one is blocked
	srv.mu.Unlock()
	browser := startBrowser(t, chrome)
	ctx, cancel := context.WithTimeout(browser, 60*time.Second)
	defer cancel()
	for _, name := range names {
		for _, file := range []string{name, strings.TrimSuffix(name, ".html") + ".nostyle.html"} {
			for _, width := range []int64{375, 320} {
				where := fmt.Sprintf("%s at %d px", file, width)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(srv.URL+"/"+file)); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				r, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
					ScrollWidth float64 `json:"scrollWidth"`
					ClientWidth float64 `json:"clientWidth"`
					Images      []imageState
				}](nlImagesJS))
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				if r.ScrollWidth > r.ClientWidth {
					t.Errorf("%s: %v px wide in a %v px viewport with images blocked", where, r.ScrollWidth, r.ClientWidth)
				}
				for _, img := range r.Images {
					if img.Loaded {
						t.Errorf("%s: %s loaded: not blocked", where, img.Src)
					}
					if img.Width > float64(width) {
						t.Errorf("%s: the blocked %s is a %.0f px box", where, img.Src, img.Width)
					}
				}
			}
		}
		if !bytes.Contains(res.Files[name], []byte(`color:#4f565c;font-family:`)) {
			t.Errorf("%s: the image's alt text is not styled", name)
		}
	}
}
