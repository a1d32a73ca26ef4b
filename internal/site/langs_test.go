package site

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// langFixtures are the sites of testdata/langs, one per language pair, the
// source language first; none has a templates/ folder.
var langFixtures = []struct {
	src, tr string
	dir     string // the source language's direction
}{
	{"ru", "en", "ltr"},
	{"ar", "en", "rtl"},
	{"de", "es", "ltr"},
	{"kk", "ru", "ltr"},
	{"fr", "en", "ltr"},
}

// TestLangGolden builds each pair with the built-in theme alone and pins
// its pages; each page has its language's direction and heading IDs with
// letters, and the site passes kz30 check.
func TestLangGolden(t *testing.T) {
	for _, fx := range langFixtures {
		t.Run(fx.src+"-"+fx.tr, func(t *testing.T) {
			dir := extract(t, "langs/"+fx.src+"-"+fx.tr+".txtar")
			res := mustRender(t, Options{Dir: dir})
			for _, name := range []string{"index.html", fx.src + "/index.html", fx.src + "/p/index.html", fx.tr + "/p/index.html"} {
				got, ok := res.Files[name]
				if !ok {
					t.Errorf("%s was not written", name)
					continue
				}
				compareGolden(t, "LangGolden", "langs-"+fx.src+"-"+fx.tr+"/"+name, got)
			}
			for lang, want := range map[string]string{fx.src: fx.dir, fx.tr: "ltr"} {
				doc, err := html.Parse(bytes.NewReader(res.Files[lang+"/p/index.html"]))
				if err != nil {
					t.Fatal(err)
				}
				var ids []string
				for n := range doc.Descendants() {
					if n.Type != html.ElementNode {
						continue
					}
					if n.Data == "html" && attr(n, "dir") != want {
						t.Errorf("%s/p/: <html dir=%q>, want %q", lang, attr(n, "dir"), want)
					}
					if n.Data == "h2" && attr(n, "id") != "" && n.Parent != nil && attr(n.Parent, "class") != "toc" {
						ids = append(ids, attr(n, "id"))
					}
				}
				for _, id := range ids {
					if strings.HasPrefix(id, "section") {
						t.Errorf("%s/p/: heading id %q for a heading with letters", lang, id)
					}
				}
			}
			cr := Check(Options{Dir: dir, Defaults: repoRoot})
			var warns []string
			for _, w := range cr.Report.Warnings {
				warns = append(warns, w.Error())
			}
			if !cr.Built || len(cr.Report.Errors) > 0 || len(warns) > 0 {
				t.Errorf("kz30 check: built %v, errors:\n%v\nwarnings:\n%q", cr.Built, cr.Report.Errors, warns)
			}
		})
	}
}
