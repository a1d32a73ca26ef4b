package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/cache"
	"github.com/kz30/kz30/internal/markdown"
	"github.com/kz30/kz30/internal/testsupport"
)

// mustPNG is a w×h PNG.
func mustPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	return testsupport.PNG(t, w, h)
}

// imageSite is the fixture site with a French page using an image next to
// it, one of static/ and a captioned one.
func imageSite(t *testing.T) string {
	t.Helper()
	return testsupport.ImageSite(t, filepath.Join("testdata", "site.txtar"))
}

// TestImagePaths: an image next to the page is copied beside its output
// and linked as written; one of static/ is linked relatively, so that
// both load under a project path and at a domain root; sizes come from
// the files; the first image loads eagerly, the others lazily.
func TestImagePaths(t *testing.T) {
	dir := imageSite(t)
	for _, base := range []string{"https://example.test/kz30/", "https://example.test/"} {
		res := mustRender(t, Options{Dir: dir, AllowStale: true, BaseURL: base})
		if _, ok := res.Files["fr/page-a/col.png"]; !ok {
			t.Fatalf("fr/page-a/col.png not written; files: %v", sortedKeys(res.Files))
		}
		if _, ok := res.Files["en/page-a/col.png"]; ok {
			t.Errorf("the image was copied beside the English page too")
		}
		html := string(res.Files["fr/page-a/index.html"])
		for _, want := range []string{
			`<figure><img src="col.png" alt="Vue du col" width="40" height="30"><figcaption>Le col en été</figcaption></figure>`,
			`<img src="../../img/carte.svg" alt="carte" width="120" height="80" loading="lazy" decoding="async">`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("base %s: fr/page-a/index.html lacks %s", base, want)
			}
		}
		// Every src resolves, from the page's URL under the base, to a
		// file of the output.
		doc := pagesParse(t, "fr/page-a/index.html", res.Files["fr/page-a/index.html"])
		pageURL, _ := url.Parse(base + "fr/page-a/")
		var n int
		for _, r := range doc.refs {
			if r.where != "img src" {
				continue
			}
			n++
			u, err := pageURL.Parse(r.url)
			name, ok := strings.CutPrefix(u.Path, strings.TrimPrefix(base, "https://example.test"))
			if _, found := res.Files[name]; err != nil || !ok || !found {
				t.Errorf("base %s: img src %q is %s, not a file of the output", base, r.url, u)
			}
		}
		if n != 2 {
			t.Errorf("%d images in the page, want 2", n)
		}
	}
}

// TestImageIncremental: an image that changes size converts its page
// again; one that disappears is an error.
func TestImageIncremental(t *testing.T) {
	dir := imageSite(t)
	in := NewIncremental(Options{Dir: dir, AllowStale: true, Defaults: repoRoot})
	if _, _, err := in.Build(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "fr", "col.png"), mustPNG(t, 50, 20), 0o644); err != nil {
		t.Fatal(err)
	}
	res, rep, err := in.Build()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(rep.Converted, " "), "content/fr/a.md") ||
		!bytes.Contains(res.Files["fr/page-a/index.html"], []byte(`width="50" height="20"`)) {
		t.Errorf("new size not picked up: converted %v", rep.Converted)
	}
	if err := os.Remove(filepath.Join(dir, "content", "fr", "col.png")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := in.Build(); err == nil || !strings.Contains(err.Error(), `content/fr/a.md:`) || !strings.Contains(err.Error(), `missing image "col.png"`) {
		t.Errorf("removed image: err = %v", err)
	}
}

func TestSVGSize(t *testing.T) {
	for _, tc := range []struct {
		svg  string
		w, h int
	}{
		{`<svg width="32" height="16"/>`, 32, 16},
		{`<svg width="32px" height="16.4px" viewBox="0 0 1 1"/>`, 32, 16},
		{`<svg width="100%" height="50%" viewBox="0,0,300,150"/>`, 300, 150},
		{`<?xml version="1.0"?><!-- x --><svg viewBox="0 0 24 12"/>`, 24, 12},
		{`<svg width="2em" height="1em"/>`, 0, 0},
		{`<html/>`, 0, 0},
		{`not xml`, 0, 0},
	} {
		var img markdown.Image
		if err := sized(&img, "x.svg", []byte(tc.svg)); err != nil || img.Width != tc.w || img.Height != tc.h {
			t.Errorf("%s: %d×%d (%v), want %d×%d", tc.svg, img.Width, img.Height, err, tc.w, tc.h)
		}
	}
	var img markdown.Image
	if err := sized(&img, "x.png", []byte("not a png")); err == nil {
		t.Errorf("a broken PNG has size %d×%d", img.Width, img.Height)
	}
}

// TestImageHostsCSP: site.toml's image_hosts are the https sources the
// pages' Content-Security-Policy adds to img-src; without it the policy is
// the default one.
func TestImageHostsCSP(t *testing.T) {
	dir := extract(t, "site.txtar")
	csp := func(res *Result, name string) string {
		var got string
		for _, r := range regexpCSP.FindAllSubmatch(res.Files[name], -1) {
			got = string(r[1])
		}
		return got
	}
	const def = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
	res := mustRender(t, Options{Dir: dir})
	if got := csp(res, "fr/page-a/index.html"); got != def {
		t.Errorf("default CSP = %q", got)
	}
	cfg := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append([]byte("image_hosts = [\"images.example.org\", \"cdn.example.net\"]\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	res = mustRender(t, Options{Dir: dir})
	want := strings.Replace(def, "data:;", "data: https://images.example.org https://cdn.example.net;", 1)
	for _, name := range []string{"fr/page-a/index.html", "en/index.html", "index.html", "404.html"} {
		if got := csp(res, name); got != want {
			t.Errorf("%s: CSP = %q, want %q", name, got, want)
		}
	}
}

var regexpCSP = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// TestImageNewsletter: the e-mail export finds an image next to the page
// (its size too) and one of static/ under the base path; a sized image
// gets width and height attributes, max-width:100% and its alt text
// styled for when images are blocked.
func TestImageNewsletter(t *testing.T) {
	dir := imageSite(t)
	cfg := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(data, "\n[newsletter]\nenabled = true\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res := mustRender(t, Options{Dir: dir, AllowStale: true})
	msg := string(res.Files["newsletter/fr/page-a.html"])
	for _, want := range []string{
		`<img src="https://example.test/kz30/fr/page-a/col.png" alt="Vue du col" width="40" height="30" style="`,
		`max-width:100%;height:auto;`,
		`color:#4f565c;font-family:Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:15px`,
		`href="https://example.test/kz30/img/carte.svg"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("newsletter/fr/page-a.html lacks %s", want)
		}
	}
}

// TestImageVariants: a JPEG or PNG wider than 480 pixels gets smaller
// copies in assets/img/ (named by its content, one set for every page
// that shows it) in its srcset; the copies have the right size; an
// incremental build does not make them again.
func TestImageVariants(t *testing.T) {
	dir := imageSite(t)
	if err := os.WriteFile(filepath.Join(dir, "content", "fr", "col.png"), mustPNG(t, 1200, 600), 0o644); err != nil {
		t.Fatal(err)
	}
	// The English page shows the same file, from static/.
	if err := os.MkdirAll(filepath.Join(dir, "static", "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "static", "img", "col.png"), mustPNG(t, 1200, 600), 0o644); err != nil {
		t.Fatal(err)
	}
	en := filepath.Join(dir, "content", "en", "a.md")
	src, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(en, append(src, "\n![The pass](/img/col.png)\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res := mustRender(t, Options{Dir: dir, AllowStale: true})
	var names []string
	for name := range res.Files {
		if strings.HasPrefix(name, "assets/img/") {
			names = append(names, name)
		}
	}
	if len(names) != 2 {
		t.Fatalf("variants %v, want 480w and 960w", names)
	}
	for _, name := range names {
		c, err := png.DecodeConfig(bytes.NewReader(res.Files[name]))
		w := 480
		if strings.HasSuffix(name, "-960w.png") {
			w = 960
		}
		if err != nil || c.Width != w || c.Height != w/2 {
			t.Errorf("%s: %d×%d (%v), want %d×%d", name, c.Width, c.Height, err, w, w/2)
		}
	}
	hash := strings.TrimSuffix(strings.TrimPrefix(names[0], "assets/img/"), names[0][strings.LastIndex(names[0], "-"):])
	fr := string(res.Files["fr/page-a/index.html"])
	wantFr := `<img src="col.png" alt="Vue du col" width="1200" height="600" srcset="../../assets/img/` + hash + `-480w.png 480w, ../../assets/img/` + hash + `-960w.png 960w, col.png 1200w" sizes="(min-width: 40em) 38em, calc(100vw - 2rem)">`
	if !strings.Contains(fr, wantFr) {
		t.Errorf("fr/page-a/index.html lacks\n%s", wantFr)
	}
	if !strings.Contains(string(res.Files["en/page-a/index.html"]), `srcset="../../assets/img/`+hash+`-480w.png 480w`) {
		t.Errorf("the English page does not share the variants")
	}

	// One variant set for one source content: the build cache holds it
	// once (the doc, page and memo entries of the pages besides).
	cacheDir := filepath.Join(t.TempDir(), "cache")
	mustRender(t, Options{Dir: dir, AllowStale: true, Defaults: repoRoot, CacheDir: cacheDir})
	memos, _ := filepath.Glob(filepath.Join(cacheDir, "memo", "*", "memo-*"))
	var sets int
	for _, m := range memos {
		data, err := os.ReadFile(m)
		var v map[int][]byte
		if err == nil && len(data) > 46 && decodeGob(data[46:], &v) == nil { // after the entry's header
			if len(v) != 2 {
				t.Errorf("a variant set holds %d widths, want 2", len(v))
			}
			sets++
		}
	}
	if sets != 1 {
		t.Errorf("%d cached entries hold PNG variants, want 1 (one source content)", sets)
	}
}

// TestImageVariantCache: with a CacheDir, the variants a run made are
// read back by the next run instead of being made again (a cached entry
// that differs shows it was read), and a cache folder that cannot be
// written is no error.
func TestImageVariantCache(t *testing.T) {
	dir := imageSite(t)
	img := mustPNG(t, 1000, 500)
	if err := os.WriteFile(filepath.Join(dir, "content", "fr", "col.png"), img, 0o644); err != nil {
		t.Fatal(err)
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	res := mustRender(t, Options{Dir: dir, AllowStale: true, CacheDir: cacheDir})
	var out string
	for name := range res.Files {
		if strings.HasSuffix(name, "-480w.png") {
			out = name
		}
	}
	// Put another 480-pixel variant under the memo's key.
	store, note := cache.Open(cacheDir, programKey())
	if note != "" {
		t.Fatal(note)
	}
	sum := sha256.Sum256(img)
	rc := &runCache{store: store, program: programKey()}
	if _, err := memo(rc, "variants", hex.EncodeToString(sum[:])+".png", func() (map[int][]byte, error) {
		return nil, errors.New("the variants were not cached")
	}); err != nil {
		t.Fatal(err)
	}
	data, err := encodeGob(map[int][]byte{480: []byte("from the cache"), 960: []byte("960")})
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256([]byte(programKey() + "\x00variants\x00" + hex.EncodeToString(sum[:]) + ".png"))
	store.Put("memo-"+hex.EncodeToString(h[:]), data)
	res = mustRender(t, Options{Dir: dir, AllowStale: true, CacheDir: cacheDir})
	if got := string(res.Files[out]); got != "from the cache" {
		t.Errorf("%s was made again instead of read from the cache (%d bytes)", out, len(got))
	}
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	res = mustRender(t, Options{Dir: dir, AllowStale: true, CacheDir: filepath.Join(blocked, "cache")})
	if c, err := png.DecodeConfig(bytes.NewReader(res.Files[out])); err != nil || c.Width != 480 {
		t.Errorf("with an unusable cache: %s is %v (%v)", out, c, err)
	}
}

// TestImageNewsletterRetina: an e-mail export shows the smallest variant
// at least twice the column's 552 px (1440 of a 1600-px image), sized
// from the original.
func TestImageNewsletterRetina(t *testing.T) {
	dir := imageSite(t)
	if err := os.WriteFile(filepath.Join(dir, "content", "fr", "col.png"), mustPNG(t, 1600, 800), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(data, "\n[newsletter]\nenabled = true\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res := mustRender(t, Options{Dir: dir, AllowStale: true})
	msg := string(res.Files["newsletter/fr/page-a.html"])
	m := regexp.MustCompile(`<img src="https://example.test/kz30/(assets/img/[0-9a-f]+-1440w\.png)" alt="Vue du col" width="552" height="276"`).FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("newsletter/fr/page-a.html does not show the 1440-px variant at 552×276:\n%s", regexp.MustCompile(`<img[^>]*>`).FindString(msg))
	}
	if _, ok := res.Files[m[1]]; !ok {
		t.Errorf("%s is not published", m[1])
	}
	if strings.Contains(msg, "srcset") {
		t.Errorf("the export keeps a srcset")
	}
}
