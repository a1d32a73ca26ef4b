package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
)

// Taxonomies are the front matter lists that give term pages (Hugo's
// default taxonomies), in the order a page shows them. Each is also the
// URL segment of its pages: fr/tags/, fr/tags/economie/.
var Taxonomies = []string{"tags", "categories"}

// Term is one tag or category in one language: the pages that list it.
// Names are grouped by their slug, so "Économie" and "économie" are one
// term, shown as first written (in site order). A term pairs with the
// term of the same taxonomy and slug in another language ("Kaspi" and
// "Kaspi"); translated names ("économie", "economy") are separate terms,
// each only in its language.
type Term struct {
	Taxonomy string // "tags" or "categories"
	Lang     string
	Name     string  // as first written
	Slug     string  // the language's slug of Name (i18n.Locale.Slug), else its ID
	Pages    []*Page // weight, then date (newest first), then title
}

// URLPath is the term page's path from the site root: "fr/tags/economie/".
func (t *Term) URLPath() string { return t.Lang + "/" + t.Taxonomy + "/" + t.Slug + "/" }

// TaxonomyURLPath is the path of the page listing every term of
// taxonomy in lang: "fr/tags/".
func TaxonomyURLPath(lang, taxonomy string) string { return lang + "/" + taxonomy + "/" }

// Terms are the terms of taxonomy in lang, in the language's collation
// order of their names.
func (s *Site) Terms(lang, taxonomy string) []*Term { return s.terms[lang+"/"+taxonomy] }

// Term is the term of taxonomy with slug in lang, or nil: the same term
// in another language is s.Term(other, t.Taxonomy, t.Slug).
func (s *Site) Term(lang, taxonomy, slug string) *Term {
	for _, t := range s.terms[lang+"/"+taxonomy] {
		if t.Slug == slug {
			return t
		}
	}
	return nil
}

// PageTerms are the terms p lists under taxonomy, in the order written.
func (s *Site) PageTerms(p *Page, taxonomy string) []*Term { return s.pageTerms[p][taxonomy] }

// termNames are the names p lists under taxonomy.
func (p *Page) termNames(taxonomy string) []string {
	if taxonomy == "tags" {
		return p.Tags
	}
	return p.Categories
}

// setTerms groups the published pages by tag and category, per language.
// A page whose URL is a term page's, or the taxonomy's list page, keeps
// it: that term (or list) gets no page and a warning says so. A name
// with no letter or digit is a warning and gets no page.
func (s *Site) setTerms(warns *diag.List) {
	s.terms = map[string][]*Term{}
	s.pageTerms = map[*Page]map[string][]*Term{}
	for _, lang := range s.Langs {
		loc, err := i18n.NewLocale(lang, nil)
		if err != nil {
			continue // reported by config
		}
		for _, tax := range Taxonomies {
			if q := s.byURL[TaxonomyURLPath(lang, tax)]; q != nil && s.hasTerms(lang, tax) {
				warns.Add(diag.Pos{File: q.Path, Line: 1, Col: 1},
					fmt.Sprintf("this page has the URL /%s of the list of %s: the list is not published", TaxonomyURLPath(lang, tax), tax),
					"give the page another url or slug to publish the list")
			}
			bySlug := map[string]*Term{}
			var terms []*Term
			for _, e := range s.Entries {
				p := e.Page(s, lang)
				if p == nil {
					continue
				}
				for _, name := range p.termNames(tax) {
					name = strings.TrimSpace(name)
					slug := loc.Slug(name)
					if slug == "" {
						slug = loc.ID(name)
					}
					if slug == "" {
						if name != "" {
							warns.Add(diag.Pos{File: p.Path, Line: 1, Col: 1}, fmt.Sprintf("%s: %q has no letter or digit to name its page", tax, name), "write the term with a letter or digit, or remove it")
						}
						continue
					}
					t := bySlug[slug]
					if t == nil {
						t = &Term{Taxonomy: tax, Lang: lang, Name: name, Slug: slug}
						if q := s.byURL[t.URLPath()]; q != nil {
							warns.Add(diag.Pos{File: q.Path, Line: 1, Col: 1},
								fmt.Sprintf("this page has the URL /%s of the %s term %q: the term gets no page", t.URLPath(), tax, name),
								"give the page another url or slug")
							bySlug[slug] = &Term{} // reported once
							continue
						}
						bySlug[slug] = t
						terms = append(terms, t)
					}
					if t.Lang == "" || slices.Contains(t.Pages, p) {
						continue
					}
					t.Pages = append(t.Pages, p)
					if s.pageTerms[p] == nil {
						s.pageTerms[p] = map[string][]*Term{}
					}
					s.pageTerms[p][tax] = append(s.pageTerms[p][tax], t)
				}
			}
			for _, t := range terms {
				slices.SortStableFunc(t.Pages, func(p, q *Page) int {
					return cmp.Or(cmp.Compare(p.Weight, q.Weight), q.Date.Compare(p.Date), strings.Compare(p.Title, q.Title))
				})
			}
			slices.SortStableFunc(terms, func(a, b *Term) int {
				return cmp.Or(i18n.Compare(lang, a.Name, b.Name), strings.Compare(a.Slug, b.Slug))
			})
			if len(terms) > 0 {
				s.terms[lang+"/"+tax] = terms
			}
		}
	}
}

// hasTerms reports whether a page of lang lists a term of taxonomy.
func (s *Site) hasTerms(lang, taxonomy string) bool {
	for _, e := range s.Entries {
		if p := e.Page(s, lang); p != nil && len(p.termNames(taxonomy)) > 0 {
			return true
		}
	}
	return false
}

// TaxonomyListed reports whether lang's list page of taxonomy is
// published: some page lists a term, and no page has its URL.
func (s *Site) TaxonomyListed(lang, taxonomy string) bool {
	return len(s.terms[lang+"/"+taxonomy]) > 0 && s.byURL[TaxonomyURLPath(lang, taxonomy)] == nil
}
