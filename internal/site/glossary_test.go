package site

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/kz30/kz30/internal/i18n"
)

// TestGlossarySorted checks that the real site's glossary lists its terms
// in the alphabetical order of each language (x/text/collate): French
// ignores accents at the first level ("Réalité" before "Robotique"), and the two languages need not share an order.
func TestGlossarySorted(t *testing.T) {
	res := mustRender(t, Options{Dir: filepath.Join("..", ".."), Defaults: repoRoot})
	for _, lang := range res.Site.Langs {
		p := res.Site.Page(lang, "glossary")
		if p == nil {
			t.Fatalf("no %s glossary", lang)
		}
		var terms []string
		for _, h := range res.Docs[p].Headings {
			if h.Level == 2 {
				terms = append(terms, h.Text)
			}
		}
		if len(terms) < 15 || len(terms) > 25 {
			t.Errorf("%s glossary has %d terms, want 15–25", lang, len(terms))
		}
		sorted := slices.Clone(terms)
		i18n.Sort(lang, sorted)
		if !slices.Equal(terms, sorted) {
			t.Errorf("%s glossary is not in collation order:\n got %q\nwant %q", lang, terms, sorted)
		}
	}
}
