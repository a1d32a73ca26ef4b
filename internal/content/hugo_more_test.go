package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/config"
)

// Blank lines and spaces before the front matter are allowed, as in
// Hugo, and body line numbers stay file line numbers.
func TestFrontMatterAfterBlankLines(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/a.md": {Data: []byte("\n\n  ---\ntitle: T\ndescription: D\n---\nCorps.\n")},
		"content/en/a.md": {Data: []byte("\n+++\ntitle = \"T\"\ndescription = \"D\"\n+++\nBody.\n")},
	})
	site, _ := mustLoad(t, fsys, Options{AllowStale: true})
	if p := site.Page("fr", "a"); p.Title != "T" || p.BodyLine != 7 || string(p.Body) != "Corps.\n" {
		t.Errorf("fr page: title %q, body line %d, body %q", p.Title, p.BodyLine, p.Body)
	}
	if p := site.Page("en", "a"); p.Title != "T" || p.BodyLine != 6 {
		t.Errorf("en page: title %q, body line %d", p.Title, p.BodyLine)
	}
	_, _, err := Load(withHomes(fstest.MapFS{"content/fr/b.md": {Data: []byte("\n\nJuste du texte.\n")}}), config.Default(), Options{})
	if err == nil || !strings.Contains(err.Error(), "content/fr/b.md:1:1: no front matter") {
		t.Errorf("text without front matter: %v", err)
	}
}

// Terms group by the language's slug, keep the first spelling, sort by
// collation, and list their pages newest first; the same slug pairs
// across languages.
func TestTerms(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/a.md": page(okFront+"date: 2020-01-01\ntags: [Économie, Kaspi]\n", "x\n"),
		"content/fr/b.md": page(okFront+"date: 2021-01-01\ntags: [économie]\ncategories: Banque\n", "x\n"),
		"content/en/a.md": page(okFront+"tags: [Economy, Kaspi]\n", "x\n"),
		"content/en/b.md": page(okFront, "x\n"),
	})
	site, _ := mustLoad(t, fsys, Options{AllowStale: true})
	terms := site.Terms("fr", "tags")
	if len(terms) != 2 || terms[0].Name != "Économie" || terms[0].Slug != "economie" || terms[1].Slug != "kaspi" {
		t.Fatalf("fr tags = %+v", terms)
	}
	if ps := terms[0].Pages; len(ps) != 2 || ps[0] != site.Page("fr", "b") {
		t.Errorf("économie pages = %v, want b (newest) first", ps)
	}
	if site.Term("en", "tags", "kaspi") == nil || site.Term("en", "tags", "economie") != nil {
		t.Error("kaspi should pair across languages, économie should not")
	}
	if got := site.PageTerms(site.Page("fr", "b"), "categories"); len(got) != 1 || got[0].URLPath() != "fr/categories/banque/" {
		t.Errorf("b's categories = %v", got)
	}
	if !site.TaxonomyListed("fr", "categories") || site.TaxonomyListed("en", "categories") {
		t.Error("the categories list exists only where a page has a category")
	}
}

// An HTML body's summary is its first paragraph's text.
func TestHTMLSummary(t *testing.T) {
	got := HTMLSummary([]byte("<h2>Titre</h2>\n<p>Le <em>premier</em> paragraphe.</p><p>Second.</p>"), 160)
	if got != "Le premier paragraphe." {
		t.Errorf("HTMLSummary = %q", got)
	}
}
