package check

import (
	"fmt"
	"strings"
	"testing"
)

// linkSite is a small output: every kind of URL, good and broken, one tag
// per line so that positions are easy to read.
func linkSite() map[string][]byte {
	files := map[string]string{
		"index.html": `<!doctype html>
<a href="fr/index.html">fr</a>
<a href="en/">en</a>
`,
		"fr/index.html": `<!doctype html>
<html><head>
<link rel="stylesheet" href="../assets/site.css">
<link rel="canonical" href="https://example.test/kz30/fr/">
<meta property="og:image" content="https://example.test/kz30/assets/share.png">
</head><body>
<h1 id="top">T</h1>
<a href="kaspi/index.html#ipo">ok</a>
<a href="kaspi/index.html#nope">broken anchor</a>
<a href="#top">self</a>
<a href="#missing">self, broken</a>
<a href="/fr/kaspi/">root-relative</a>
<a href="https://example.test/other/">outside the base path</a>
<a href="https://example.org/x">external</a>
<a href="mailto:someone@example.org">mail</a>
<img src="data:image/png;base64,AAAA" alt="">
<img srcset="../img/a.png 1x, ../img/b.png 2x" src="../img/a.png" alt="">
<a href="../../up.html">escapes</a>
<a href="kaspi/gone.html">gone</a>
<a href="index.xml#x">anchor in a feed</a>
<a href="kaspi/index.html?utm_source=x#ipo">query</a>
</body></html>
`,
		"fr/kaspi/index.html": `<h2 id="ipo">IPO</h2>
<a href="../index.html">up</a>
<a href="https://example.org/x">external again</a>
<a href="/fr/kaspi/">root-relative again</a>
<a href="../">a folder</a>
`,
		"404.html": `<link rel="stylesheet" href="https://example.test/kz30/assets/site.css">
<a href="https://example.test/kz30/fr/">accueil</a>
<a href="https://example.test/kz30">the root, without its slash</a>
<a href="https://example.test/kz30/en/">no such folder</a>
`,
		"old/index.html":   `<meta http-equiv="refresh" content="0; url=../fr/kaspi/index.html">`,
		"old2/index.html":  `<meta http-equiv="refresh" content="0; URL='../fr/nope/'">`,
		"assets/site.css":  "body{}",
		"assets/share.png": "png",
		"img/a.png":        "png",
		"fr/index.xml":     "<feed/>",
	}
	out := map[string][]byte{}
	for k, v := range files {
		out[k] = []byte(v)
	}
	return out
}

func TestLinks(t *testing.T) {
	r := &Report{}
	Links(Input{Files: linkSite(), BaseURL: "https://example.test/kz30/", OutDir: "public"}, r)
	wantLines(t, "errors", r.Errors.Sort(), []string{
		`public/404.html:4:1: broken link "https://example.test/kz30/en/": the output has no en/index.html (and 1 more like it in other places)`,
		`public/fr/index.html:9:1: link "kaspi/index.html#nope": fr/kaspi/index.html has no anchor #nope`,
		`public/fr/index.html:11:1: link "#missing": fr/index.html has no anchor #missing`,
		`public/fr/index.html:12:1: root-relative URL "/fr/kaspi/" ignores the base path /kz30/ (and 1 more like it in other places)`,
		`public/fr/index.html:13:1: URL "https://example.test/other/" is on the site's host but outside its base path /kz30/`,
		`public/fr/index.html:17:1: broken link "../img/b.png": the output has no img/b.png`,
		`public/fr/index.html:18:1: link "../../up.html" leaves the site`,
		`public/fr/index.html:19:1: broken link "kaspi/gone.html": the output has no fr/kaspi/gone.html`,
		`public/fr/index.html:20:1: link "index.xml#x" has an anchor, but fr/index.xml is not an HTML page`,
		`public/old2/index.html:1:1: broken link "../fr/nope/": the output has no fr/nope/index.html`,
	})
	wantLines(t, "warnings", r.Warnings.Sort(), []string{
		`public/fr/kaspi/index.html:5:1: link "../" points to a folder; it works on a web server but not when the site is opened from disk: link to fr/index.html`,
	})
	var ext []string
	for _, e := range r.External {
		ext = append(ext, fmt.Sprintf("%s %d %s", e.URL, e.Count, e.Pos))
	}
	wantExt := "https://example.org/x 2 public/fr/index.html:14:1\nmailto:someone@example.org 1 public/fr/index.html:15:1"
	if got := strings.Join(ext, "\n"); got != wantExt {
		t.Errorf("external =\n%s\nwant\n%s", got, wantExt)
	}
	// Every href, src, srcset candidate, sharing and refresh URL that is
	// not external, data:, root-relative or outside the base path: 4 in
	// 404.html, 2 in index.html, 14 in fr/index.html, 2 in fr/kaspi, 1 per
	// alias.
	if r.Links != 4+2+14+2+1+1 || r.Pages != 6 {
		t.Errorf("checked %d links in %d pages, want 24 in 6", r.Links, r.Pages)
	}
}

func TestLinksPositions(t *testing.T) {
	files := map[string][]byte{
		"a.html": []byte("<p>Déjà vu,\n  <em>é</em> <a\n href=\"#x\">x</a>\n<!-- <a href=\"#comment\"> -->\n<script>var s = '<a href=\"#script\">';</script></p>"),
	}
	r := &Report{}
	Links(Input{Files: files}, r)
	wantLines(t, "errors", r.Errors, []string{`a.html:2:14: link "#x": a.html has no anchor #x`})
}

func TestLinksBase(t *testing.T) {
	files := map[string][]byte{
		"404.html":      []byte(`<a href="https://kz.example/fr/">fr</a><a href="http://KZ.example/fr/index.html#top">fr</a>`),
		"fr/index.html": []byte(`<h1 id="top">x</h1>`),
	}
	for _, tc := range []struct {
		base      string
		errs, ext int
	}{
		{"https://kz.example/", 0, 0},          // a domain root: both are internal and resolve
		{"https://user.github.io/kz30/", 0, 2}, // another host: external
		{"", 0, 2},                             // no base URL: every absolute URL is external
		{"https://kz.example/sub/", 2, 0},      // the site's host outside the base path
	} {
		r := &Report{}
		Links(Input{Files: files, BaseURL: tc.base}, r)
		if len(r.Errors) != tc.errs || len(r.External) != tc.ext {
			t.Errorf("base %q: %d errors, %d external, want %d and %d:\n%v", tc.base, len(r.Errors), len(r.External), tc.errs, tc.ext, r.Errors)
		}
	}
}

func TestRefreshURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0; url=../x/", "../x/"},
		{"0;URL='a.html'", "a.html"},
		{`5; url="b.html"`, "b.html"},
		{"0", ""},
		{"0; nothing", ""},
	} {
		if got, _ := refreshURL(tc.in); got != tc.want {
			t.Errorf("refreshURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
