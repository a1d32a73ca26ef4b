package site

import (
	"net/url"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/render"
)

// termPage is one page of a taxonomy: a term's page (term set) or the
// list of a taxonomy's terms in a language.
type termPage struct {
	lang, taxonomy string
	term           *content.Term // nil for the list page
}

// urlPath is where the page is published: "fr/tags/" or "fr/tags/economie/".
func (t termPage) urlPath() string {
	if t.term != nil {
		return t.term.URLPath()
	}
	return content.TaxonomyURLPath(t.lang, t.taxonomy)
}

// termPages are every taxonomy page of the site, in language, taxonomy,
// then collation order: each language's list of tags and of categories
// (when a page lists one) and a page per term.
func (b *builder) termPages() []termPage {
	var out []termPage
	for _, lang := range b.site.Langs {
		for _, tax := range content.Taxonomies {
			if b.site.TaxonomyListed(lang, tax) {
				out = append(out, termPage{lang: lang, taxonomy: tax})
			}
			for _, t := range b.site.Terms(lang, tax) {
				out = append(out, termPage{lang: lang, taxonomy: tax, term: t})
			}
		}
	}
	return out
}

// termLabels are the UI string keys of a taxonomy: its name (a heading,
// the list page's title), a term page's title and description, the list
// page's description.
var termLabels = map[string][4]string{
	"tags":       {"tags-label", "tag-title", "tag-description", "tags-description"},
	"categories": {"categories-label", "category-title", "category-description", "categories-description"},
}

// pageTermGroups are the tags and categories p lists, linked from dir.
func (b *builder) pageTermGroups(p *content.Page, dir string) []render.TermGroup {
	var out []render.TermGroup
	for _, tax := range content.Taxonomies {
		terms := b.site.PageTerms(p, tax)
		if len(terms) == 0 {
			continue
		}
		label, _ := b.cat.T(p.Lang, termLabels[tax][0])
		g := render.TermGroup{Taxonomy: tax, Label: label}
		for _, t := range terms {
			g.Terms = append(g.Terms, render.TermLink{Name: text(p.Lang, t.Name), Href: relURL(dir, t.URLPath())})
		}
		out = append(out, g)
	}
	return out
}

// termView is the view of a term page or of a taxonomy's list page.
// Its alternates are the same term (same slug) or list in the other
// languages that have it.
func (b *builder) termView(tp termPage) *render.View {
	dir := tp.urlPath()
	lang := tp.lang
	v := b.baseView(lang, dir, false)
	v.Layout = "terms"
	v.Taxonomy = tp.taxonomy
	keys := termLabels[tp.taxonomy]
	listTitle, _ := b.cat.T(lang, keys[0])
	if home := b.site.Page(lang, content.HomeName); home != nil {
		v.Crumbs = append(v.Crumbs, render.NavItem{Title: text(lang, home.NavTitle()), Href: relURL(dir, home.URLPath())})
	}
	if tp.term != nil {
		t := tp.term
		v.Term = text(lang, t.Name)
		v.Title, _ = b.cat.T(lang, keys[1], v.Term)
		v.Description, _ = b.cat.T(lang, keys[2], v.Term)
		if b.site.TaxonomyListed(lang, tp.taxonomy) {
			v.Crumbs = append(v.Crumbs, render.NavItem{Title: listTitle, Href: relURL(dir, content.TaxonomyURLPath(lang, tp.taxonomy))})
		}
		for _, p := range t.Pages {
			v.Children = append(v.Children, render.NavItem{Title: text(lang, p.Title), Href: relURL(dir, p.URLPath())})
		}
	} else {
		v.Title = listTitle
		v.Description, _ = b.cat.T(lang, keys[3])
		g := render.TermGroup{Taxonomy: tp.taxonomy, Label: listTitle}
		for _, t := range b.site.Terms(lang, tp.taxonomy) {
			g.Terms = append(g.Terms, render.TermLink{Name: text(lang, t.Name), Href: relURL(dir, t.URLPath()),
				Count: b.locales[lang].Number(float64(len(t.Pages)))})
		}
		v.TermGroups = []render.TermGroup{g}
	}
	v.Canonical = absURL(b.cfg.BaseURL, escapePath(dir))
	for _, other := range b.site.Langs {
		u, ok := b.termAlternate(tp, other)
		if !ok {
			continue
		}
		a := render.Alternate{Lang: other, Name: i18n.LangName(other), Current: other == lang,
			Href: relURL(dir, u), URL: absURL(b.cfg.BaseURL, escapePath(u)), Title: v.Title}
		v.Alternates = append(v.Alternates, a)
		if v.XDefault == "" {
			v.XDefault = a.URL
		}
		if other != lang {
			v.Switch = append(v.Switch, a)
		}
	}
	if len(v.Alternates) < 2 {
		v.Alternates, v.XDefault = nil, ""
	}
	return v
}

// termAlternate is the URL path of tp's page in lang, if lang has it.
func (b *builder) termAlternate(tp termPage, lang string) (string, bool) {
	if tp.term == nil {
		return content.TaxonomyURLPath(lang, tp.taxonomy), b.site.TaxonomyListed(lang, tp.taxonomy)
	}
	t := b.site.Term(lang, tp.taxonomy, tp.term.Slug)
	if t == nil {
		return "", false
	}
	return t.URLPath(), true
}

// escapePath percent-encodes a URL path: a term's slug may keep Arabic
// or Chinese letters, which absolute URLs (canonical, hreflang) encode.
func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }

// writeTermPages renders every taxonomy page.
func (b *builder) writeTermPages(exec func(name, layout string, v any)) {
	for _, tp := range b.termPages() {
		exec(tp.urlPath()+"index.html", "terms", b.termView(tp))
	}
}
