package themetest

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/kz30/kz30/internal/site"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nlServer serves a built site's files; the site is built with the
// server's address as its base URL, so images load from it and no
// request leaves the machine.
type nlServer struct {
	*httptest.Server
	mu    sync.Mutex
	files map[string][]byte
}

func newNLServer(t *testing.T) *nlServer {
	s := &nlServer{files: map[string][]byte{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		data, ok := s.files[strings.TrimPrefix(r.URL.Path, "/")]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".html") {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		_, _ = w.Write(data)
	}))
	t.Cleanup(s.Close)
	return s
}

// nlWithoutStyle removes every <style> element, as an e-mail client that
// strips them does.
func nlWithoutStyle(t *testing.T, data []byte) []byte {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var styles []*html.Node
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Style {
			styles = append(styles, n)
		}
	}
	for _, n := range styles {
		n.Parent.RemoveChild(n)
	}
	var buf bytes.Buffer
	if err := html.Render(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// nlLayoutJS measures a message: horizontal overflow, and for every
// piece of text outside the hidden preheader its size, visibility and
// contrast against the background it is painted on.
const nlLayoutJS = `(() => {
  const problems = [];
  const de = document.documentElement;
  const width = de.clientWidth;
  const scroll = Math.max(de.scrollWidth, document.body.scrollWidth);
  if (scroll > width) problems.push("horizontal overflow: " + scroll + "px wide in a " + width + "px viewport");
  const rgb = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(",").map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let texts = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.replace(/[\s\u00a0\u200c]/g, "")) continue;
    const el = n.parentElement;
    if (el.closest("[style*=\"mso-hide:all\"]")) continue;
    texts++;
    const cs = getComputedStyle(el);
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    const what = JSON.stringify(n.data.trim().slice(0, 40));
    if (parseFloat(cs.fontSize) < 10) problems.push(what + ": font-size " + cs.fontSize);
    if (r.width === 0 || r.height === 0) problems.push(what + ": no size");
    if (cs.visibility !== "visible" || parseFloat(cs.opacity) === 0) problems.push(what + ": hidden");
    if (r.right > width + 0.5) problems.push(what + ": past the right edge (" + r.right + "px) in <" + el.tagName.toLowerCase() + " style=\"" + (el.getAttribute("style") || "").slice(0, 80) + "\">");
    const fg = rgb(cs.color), bg = background(el);
    const a = lum(fg), b = lum(bg);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) problems.push(what + ": contrast " + ratio.toFixed(2) + " (" + cs.color + " on rgb(" + bg.r + ", " + bg.g + ", " + bg.b + "))");
  }
  // The button is its link: the link's box covers the whole cell.
  for (const a of document.querySelectorAll("td[bgcolor] > a")) {
    const ra = a.getBoundingClientRect(), rt = a.parentElement.getBoundingClientRect();
    if (Math.abs(ra.width - rt.width) > 1 || Math.abs(ra.height - rt.height) > 1 || ra.height < 40)
      problems.push("button " + JSON.stringify(a.textContent.trim()) + ": the link is " + Math.round(ra.width) + "x" + Math.round(ra.height) + " px of a " + Math.round(rt.width) + "x" + Math.round(rt.height) + " px button");
  }
  return {texts, problems};
})()`

// nlDarkJS lists what stays light in dark mode: borders lighter than a
// relative luminance of 0.6 (the light theme's #d5dade is 0.68; the dark
// theme's accent, 0.55, is meant) and code blocks on a background lighter
// than 0.2.
const nlDarkJS = `(() => {
  const problems = [];
  const rgb = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(",").map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  for (const el of document.body.querySelectorAll("*")) {
    const cs = getComputedStyle(el);
    for (const side of ["Top", "Right", "Bottom", "Left"]) {
      const c = rgb(cs["border" + side + "Color"]);
      if (parseFloat(cs["border" + side + "Width"]) > 0 && cs["border" + side + "Style"] !== "none" && c && c.a > 0 && lum(c) > 0.6)
        problems.push("<" + el.tagName.toLowerCase() + "> " + side.toLowerCase() + " border " + cs["border" + side + "Color"] + " stays light in dark mode");
    }
    const bg = rgb(cs.backgroundColor);
    if (/mono/i.test(cs.fontFamily) && el.tagName === "TD" && bg && bg.a > 0 && lum(bg) > 0.2)
      problems.push("code block on " + cs.backgroundColor + " stays light in dark mode");
  }
  return problems;
})()`

type nlLayout struct {
	Texts    int      `json:"texts"`
	Problems []string `json:"problems"`
}

// TestNewsletterInChromium renders every export of the Kazakhstan site
// and of the fixture in Chromium: at 600 px with every <style> removed
// (what a client that strips them shows), there is no horizontal
// overflow and all text is visible, with a contrast of at least 4.5:1
// against its background. With the <style> block kept, the same holds in
// dark mode, and at 375 px (a phone) nothing overflows; at 320 px (the
// narrowest phone) nothing overflows with or without <style>, and dark
// mode keeps its contrast there too. In dark mode no border and no code
// block stays light. In every layout the "Read on the site" link covers
// its whole button.
func TestNewsletterInChromium(t *testing.T) {
	chrome := chromePath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()), chromedp.Flag("disable-component-update", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("cannot start %s: %v", chrome, err)
	}
	for _, fx := range []struct{ name, dir string }{{"kazakhstan", "../.."}, {"fixture", nlFixture(t)}} {
		srv := newNLServer(t)
		res := mustRender(t, site.Options{Dir: fx.dir, Defaults: repoRoot, BaseURL: srv.URL + "/"})
		names := nlExports(res)
		if len(names) == 0 {
			t.Fatalf("%s: no exports", fx.name)
		}
		files := map[string][]byte{}
		for name, data := range res.Files {
			files[name] = data
		}
		for _, name := range names {
			files[strings.TrimSuffix(name, ".html")+".nostyle.html"] = nlWithoutStyle(t, res.Files[name])
		}
		srv.mu.Lock()
		srv.files = files
		srv.mu.Unlock()
		for _, name := range names {
			for _, pass := range []struct {
				what, file, scheme string
				width              int64
				contrast           bool
			}{
				{"600px, no <style>", strings.TrimSuffix(name, ".html") + ".nostyle.html", "light", 600, true},
				{"600px, dark mode", name, "dark", 600, true},
				{"375px", name, "light", 375, false},
				{"320px", name, "light", 320, false},
				{"320px, no <style>", strings.TrimSuffix(name, ".html") + ".nostyle.html", "light", 320, false},
				{"320px, dark mode", name, "dark", 320, true},
			} {
				where := fx.name + " " + name + " (" + pass.what + ")"
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(pass.width, 800),
					nlScheme(pass.scheme),
					chromedp.Navigate(srv.URL+"/"+pass.file))
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				lay, err := chromedp.Run(ctx, chromedp.Evaluate[nlLayout](nlLayoutJS))
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				if lay.Texts < 5 {
					t.Errorf("%s: only %d pieces of text", where, lay.Texts)
				}
				for _, p := range lay.Problems {
					if !pass.contrast && strings.Contains(p, "contrast") {
						continue
					}
					t.Errorf("%s: %s", where, p)
				}
				if pass.scheme == "dark" {
					light, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](nlDarkJS))
					if err != nil {
						t.Fatalf("%s: %v", where, err)
					}
					for _, p := range light {
						t.Errorf("%s: %s", where, p)
					}
				}
			}
		}
		t.Logf("%s: %d exports checked in 6 layouts", fx.name, len(names))
	}
}

// nlScheme emulates prefers-color-scheme.
func nlScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// The index of the exports is a page of the site, for editors: valid
// HTML for the W3C Nu checker (the exports themselves are not, on
// purpose: Outlook's xmlns:o and mso- properties).
func TestNewsletterIndexIsValidHTML(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		missingTool(t, "Java (for the W3C Nu checker)")
	}
	tools := os.Getenv("KZ30_TOOLS")
	if tools == "" {
		tools = filepath.Join("..", "..", "tools", "node_modules")
	}
	jar := filepath.Join(tools, "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		missingTool(t, "the npm package vnu-jar ("+jar+")")
	}
	res := nlRealSite(t)
	p := filepath.Join(t.TempDir(), "index.html")
	if err := os.WriteFile(p, res.Files["newsletter/index.html"], 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(java, "-jar", jar, "--errors-only", p).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("newsletter/index.html is not valid HTML (%v):\n%s", err, out)
	}
}
