package site

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// termBrowserPages are the pages of testdata/hugo/terms.txtar read in the
// browser: a page with breadcrumbs and terms, a term page and a list, in
// French and in Arabic (right to left), and an HTML content page.
var termBrowserPages = []struct{ file, dir string }{
	{"fr/docs/guide/index.html", "ltr"},
	{"fr/tags/kaspi/index.html", "ltr"},
	{"fr/tags/index.html", "ltr"},
	{"fr/about/index.html", "ltr"},
	{"ar/docs/guide/index.html", "rtl"},
	{"ar/tags/index.html", "rtl"},
}

// crumbsJS reads where the breadcrumbs' items sit: in a right-to-left
// page the first item (the home) must be right of the second.
const crumbsJS = `(() => {
  const li = document.querySelectorAll('.crumbs li');
  if (li.length < 2) return 'no breadcrumbs';
  const a = li[0].getBoundingClientRect(), b = li[1].getBoundingClientRect();
  const rtl = getComputedStyle(li[0]).direction === 'rtl';
  if (rtl ? a.left <= b.left : a.left >= b.left) return 'breadcrumbs not in reading order';
  return '';
})()`

// TestBrowserTerms reads the taxonomy fixture in headless Chromium at 375
// and 1280 px, light and dark: no horizontal scroll, text contrast, axe
// WCAG 2.1 A/AA with no violation, the breadcrumbs laid out in reading
// order (mirrored in Arabic).
func TestBrowserTerms(t *testing.T) {
	t.Parallel()
	chrome := chromePath(t)
	axe, err := os.ReadFile(toolFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := newSiteServer(t)
	res := mustRender(t, Options{Dir: extract(t, "hugo/terms.txtar"), BaseURL: srv.Base, AllowStale: true})
	srv.setFiles(res.Files)
	browser := startBrowser(t, chrome)
	pool := newTabPool(t, browser, srv.URL, 1)
	tb := <-pool
	for _, pg := range termBrowserPages {
		ctx, cancel := context.WithTimeout(tb.ctx, 90*time.Second)
		for _, vp := range viewports {
			for _, scheme := range []string{"light", "dark"} {
				where := fmt.Sprintf("%s at %d px, %s", pg.file, vp.Width, scheme)
				var opts []chromedp.EmulateViewportOption
				if vp.Mobile {
					opts = append(opts, chromedp.EmulateMobile)
				}
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.Width, vp.Height, opts...), colorScheme(scheme)); err != nil {
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
				if strings.Contains(pg.file, "/docs/") {
					msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](crumbsJS))
					if err != nil {
						t.Fatal(err)
					}
					if msg != "" {
						t.Errorf("%s: %s", where, msg)
					}
				}
				checkContrast(t, ctx, where)
				checkAxe(t, ctx, string(axe), where)
			}
		}
		cancel()
	}
	for _, bad := range srv.badRequests() {
		t.Errorf("server: %s", bad)
	}
}

// TestNuCheckerTerms runs the W3C Nu checker over every HTML page of the
// taxonomy fixture (term pages, lists, pages with terms and breadcrumbs).
func TestNuCheckerTerms(t *testing.T) {
	t.Parallel()
	jar := toolFile(t, "vnu-jar", "build", "dist", "vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		missingTool(t, "Java (for the W3C Nu checker)")
	}
	res := mustRender(t, Options{Dir: extract(t, "hugo/terms.txtar"), AllowStale: true})
	dir := t.TempDir()
	var files []string
	for name, data := range res.Files {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "newsletter/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	sort.Strings(files)
	if len(files) < 20 {
		t.Fatalf("only %d HTML files built", len(files))
	}
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var report struct {
		Messages []struct {
			Type     string `json:"type"`
			URL      string `json:"url"`
			Message  string `json:"message"`
			LastLine int    `json:"lastLine"`
			Extract  string `json:"extract"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(stderr.Bytes()), &report); err != nil {
		t.Fatalf("vnu did not report JSON (%v, %v):\nstdout: %s\nstderr: %s", runErr, err, stdout.String(), stderr.String())
	}
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			t.Errorf("%s:%d: %s (%s)", strings.TrimPrefix(m.URL, "file:"), m.LastLine, m.Message, strings.TrimSpace(m.Extract))
		}
	}
	if runErr != nil && len(report.Messages) == 0 {
		t.Errorf("vnu failed without a message: %v", runErr)
	}
}
