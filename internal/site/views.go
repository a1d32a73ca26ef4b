package site

import (
	"html/template"
	"strings"
	"time"
	"unsafe"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/markdown"
	"github.com/kz30/kz30/internal/render"
)

// text applies the typography of lang to plain text (titles,
// descriptions, labels): i18n.Locale.PlainText.
func text(lang, s string) string {
	return i18n.PlainText(lang, s)
}

// navLimit is the most items the section navigation of every page
// shows; a site with more first-level sections gets navLimit-1 of them
// and a link to the home's list of all pages.
const navLimit = 12

// baseView fills what every page of language lang at dir shares. With
// abs (the 404 page, served at any depth of any host) links are
// base-path-absolute ("/kz30/assets/…") instead of relative.
func (b *builder) baseView(lang, dir string, abs bool) *render.View {
	root := content.RelURL(dir, "")
	root = root[:len(root)-len("index.html")]
	href := func(t string) string { return content.RelURL(dir, t) }
	if abs {
		root = content.BasePath(b.cfg.BaseURL)
		href = func(t string) string { return content.AbsURL(root, t) }
	}
	v := &render.View{
		Lang:       lang,
		SiteTitle:  content.SiteTitle(b.cfg, b.site, lang),
		ShortTitle: text(lang, b.cfg.Short(lang)),
		Root:       root,
		CSS:        href(b.cssName),
		Favicon:    href("favicon.svg"),
		BaseURL:    b.cfg.BaseURL,
		Feed:       href(lang + "/index.xml"),
		FeedAbs:    content.AbsURL(b.cfg.BaseURL, lang+"/index.xml"),
		ImageHosts: b.cfg.ImageHosts,
		Catalog:    b.cat,
		Locale:     b.locales[lang],
	}
	b.setSiteShareImage(v, lang, v.SiteTitle)
	home := b.site.Page(lang, content.HomeName)
	if home != nil {
		v.HomeLink = b.navItem(home, href(home.URLPath()))
	}
	for _, e := range b.sections(lang) {
		// The first level of the section tree: what the home holds.
		if home != nil && b.site.Parent(e) != home.Entry {
			continue
		}
		if len(v.Nav) == navLimit && home != nil {
			// Every page carries the navigation: past navLimit sections
			// it ends with a link to the home's list of every page
			// instead (and the rest of the sections are not visited).
			v.Nav = v.Nav[:navLimit-1]
			v.NavMore = href(home.URLPath()) + "#all-pages"
			break
		}
		p := e.Page(b.site, lang)
		v.Nav = append(v.Nav, b.navItem(p, href(p.URLPath())))
	}
	if b.opts.LiveReload {
		v.LiveReload = href("_kz30/reload.js")
	}
	return v
}

// navItem is the navigation link to p; its short label is the title up to
// its first colon ("Kaspi.kz : acheter…" → "Kaspi.kz"). Within a run the
// labels come from cacheSections, made once per page rather than once
// per link.
func (b *builder) navItem(p *content.Page, href string) render.NavItem {
	if it, ok := b.navLabels[p]; ok {
		it.Href = href
		return it
	}
	return navLabels(p, href)
}

// navLabels makes the labels of p's navigation link; the short label is
// the page's linkTitle when it has one.
func navLabels(p *content.Page, href string) render.NavItem {
	title := text(p.Lang, p.Title)
	if p.LinkTitle != "" {
		return render.NavItem{Title: title, Short: text(p.Lang, p.LinkTitle), Href: href}
	}
	short, _, _ := strings.Cut(title, ":")
	short = strings.TrimRight(short, " \u00a0\u202f")
	if short == "" {
		short = title
	}
	return render.NavItem{Title: title, Short: short, Href: href}
}

// sections are the entries shown in navigation for lang: not the home,
// not reference pages, present in lang.
func (b *builder) sections(lang string) []*content.Entry {
	if es, ok := b.secs[lang]; ok {
		return es
	}
	return b.site.Sections(lang)
}

// cacheSections computes the section list of every language once per
// run, and each page's place in it, so that navigation and prev/next cost
// the same on a site of 10 pages and of 10,000.
func (b *builder) cacheSections() {
	b.secs, b.secIndex, b.navLabels = nil, nil, nil
	secs := map[string][]*content.Entry{}
	idx := map[*content.Page]int{}
	for _, lang := range b.site.Langs {
		secs[lang] = b.sections(lang)
		for i, e := range secs[lang] {
			idx[e.Page(b.site, lang)] = i
		}
	}
	labels := map[*content.Page]render.NavItem{}
	for _, p := range b.pages() {
		labels[p] = navLabels(p, "")
	}
	b.secs, b.secIndex, b.navLabels = secs, idx, labels
}

// pageView is the view of one page (a home or a section/reference page).
func (b *builder) pageView(p *content.Page, doc *markdown.Doc) *render.View {
	dir := p.URLPath()
	v := b.baseView(p.Lang, dir, false)
	b.setShareImage(v, p)
	v.Layout = "page"
	v.Page, v.Doc = p, doc
	v.Title = text(p.Lang, p.Title)
	v.Description = text(p.Lang, p.Description)
	v.Content = htmlView(doc.HTML)
	v.Canonical = content.AbsURL(b.cfg.BaseURL, dir)
	v.Published, v.Reviewed = p.Date, p.Lastmod
	v.Minutes = i18n.LocaleOf(p.Lang).ReadingMinutes(doc.Words, b.cfg.Lang(p.Lang).WordsPerMinute)
	for i := range v.Nav {
		v.Nav[i].Current = v.Nav[i].Href == "index.html"
	}
	for _, h := range doc.Headings {
		if h.Level == 2 || h.Level == 3 {
			v.TOC = append(v.TOC, h)
		}
	}
	if len(v.TOC) < 2 {
		v.TOC = nil
	}
	for i, lang := range b.site.Langs {
		q := p.Entry.Pages[i]
		a := render.Alternate{Lang: lang, Name: i18n.LangName(lang), Current: q == p}
		if q == nil {
			a.Missing = true
		} else {
			a.Href = content.RelURL(dir, q.URLPath())
			a.URL = content.AbsURL(b.cfg.BaseURL, q.URLPath())
			a.Title = text(lang, q.Title)
			v.Alternates = append(v.Alternates, a)
			if i == 0 {
				v.XDefault = a.URL
			}
		}
		if q != p {
			v.Switch = append(v.Switch, a)
		}
		if i == 0 && p.Stale && q != nil {
			o := a
			o.Original = true
			v.Stale = &o
		}
	}
	if p.Entry.IsHome() {
		// The homes' x-default is the landing page that chooses between
		// them, as in the sitemap (writeSitemap).
		v.XDefault = b.cfg.BaseURL
	}
	if p.InNav() {
		secs := b.sections(p.Lang)
		for i, e := range secs[max(0, b.secIndex[p]-1):] {
			if e != p.Entry {
				continue
			}
			i += max(0, b.secIndex[p]-1)
			if i > 0 {
				q := secs[i-1].Page(b.site, p.Lang)
				v.Prev = &render.NavItem{Title: text(p.Lang, q.Title), Href: content.RelURL(dir, q.URLPath())}
			}
			if i+1 < len(secs) {
				q := secs[i+1].Page(b.site, p.Lang)
				v.Next = &render.NavItem{Title: text(p.Lang, q.Title), Href: content.RelURL(dir, q.URLPath())}
			}
		}
	}
	switch {
	case p.Entry.IsHome() && !b.site.Nested():
		for _, e := range b.site.Entries {
			if q := e.Page(b.site, p.Lang); q != nil && !e.IsHome() {
				v.AllPages = append(v.AllPages, render.NavItem{Title: text(p.Lang, q.Title), Href: content.RelURL(dir, q.URLPath())})
			}
		}
	case p.Entry.IsHome():
		v.AllPages = b.childItems(p, dir)
	case p.Entry.IsSection():
		v.Children = b.childItems(p, dir)
	}
	if anc := b.site.Ancestors(p.Entry); len(anc) > 1 {
		for _, a := range anc {
			if q := a.Page(b.site, p.Lang); q != nil {
				v.Crumbs = append(v.Crumbs, render.NavItem{Title: text(p.Lang, q.NavTitle()), Href: content.RelURL(dir, q.URLPath())})
			}
		}
	}
	v.Cards = b.cards(p, dir)
	v.TermGroups = b.pageTermGroups(p, dir)
	if s := b.site.Page(p.Lang, "sources"); s != nil && s != p {
		v.Sources = &render.NavItem{Title: text(p.Lang, s.Title), Href: content.RelURL(dir, s.URLPath())}
	}
	v.JSONLD = b.jsonLD(p, v)
	return v
}

// childItems are the links to the pages and sections p's section holds.
func (b *builder) childItems(p *content.Page, dir string) []render.NavItem {
	var out []render.NavItem
	for _, e := range b.site.Children(p.Entry, p.Lang) {
		q := e.Page(b.site, p.Lang)
		out = append(out, render.NavItem{Title: text(p.Lang, q.Title), Href: content.RelURL(dir, q.URLPath())})
	}
	return out
}

// cards are the key-figure cards of a page's facts.
func (b *builder) cards(p *content.Page, dir string) []render.Card {
	var sourcesHref string
	if s := b.site.Page(p.Lang, "sources"); s != nil {
		sourcesHref = content.RelURL(dir, s.URLPath())
	}
	var cards []render.Card
	for _, ref := range p.Facts {
		f := b.site.Facts.Facts[ref.ID]
		if f == nil || !f.HasFigure() {
			continue
		}
		c := render.FactCard(b.locales[p.Lang], b.cat, f)
		if src := b.site.Facts.Sources[f.Source]; src != nil {
			c.Source = text(p.Lang, src.Title[p.Lang])
			if sourcesHref != "" {
				c.Href = sourcesHref + "#" + src.Key
			}
		}
		cards = append(cards, c)
	}
	return cards
}

// jsonLD is the schema.org Article of a page, linked to its translations.
func (b *builder) jsonLD(p *content.Page, v *render.View) any {
	ld := map[string]any{
		"@context":    "https://schema.org",
		"@type":       "Article",
		"headline":    v.Title,
		"description": v.Description,
		"inLanguage":  p.Lang,
		"url":         v.Canonical,
		"image":       v.OGImage,
		"isPartOf": map[string]any{
			"@type": "WebSite",
			"name":  v.SiteTitle,
			"url":   b.cfg.BaseURL,
		},
	}
	if !p.Date.IsZero() {
		ld["datePublished"] = p.Date.Format(time.DateOnly)
	}
	if !p.Lastmod.IsZero() {
		ld["dateModified"] = p.Lastmod.Format(time.DateOnly)
	}
	var others []map[string]any
	for _, a := range v.Alternates {
		if a.Current {
			continue
		}
		others = append(others, map[string]any{"@type": "Article", "url": a.URL, "inLanguage": a.Lang, "headline": a.Title})
	}
	if len(others) > 0 {
		if p.Lang == b.site.Langs[0] {
			ld["workTranslation"] = others
		} else {
			ld["translationOfWork"] = others[0]
		}
	}
	return ld
}

// langBlocks are the per-language blocks of the landing and 404 pages.
func (b *builder) langBlocks(dir string, abs bool) []render.LangBlock {
	var blocks []render.LangBlock
	for _, lang := range b.site.Langs {
		home := b.site.Page(lang, content.HomeName)
		l := b.cfg.Lang(lang)
		blk := render.LangBlock{Lang: lang, Name: i18n.LangName(lang), Title: text(lang, l.Title), Description: text(lang, l.Description)}
		target := lang + "/"
		if home != nil {
			blk.Title = text(lang, home.Title)
			blk.Description = text(lang, home.Description)
		}
		href := func(t string) string { return content.RelURL(dir, t) }
		if abs {
			href = func(t string) string { return content.AbsURL(content.BasePath(b.cfg.BaseURL), t) }
		}
		blk.Href = href(target)
		for _, e := range b.sections(lang) {
			p := e.Page(b.site, lang)
			blk.Sections = append(blk.Sections, b.navItem(p, href(p.URLPath())))
		}
		blocks = append(blocks, blk)
	}
	return blocks
}

// landingView is the bilingual page at the site root.
func (b *builder) landingView() *render.View {
	lang := b.site.Langs[0]
	v := b.baseView(lang, "", false)
	v.Layout = "landing"
	v.Langs = b.langBlocks("", false)
	v.Title = v.SiteTitle
	v.Description = v.Langs[0].Description
	v.Canonical = b.cfg.BaseURL
	v.XDefault = b.cfg.BaseURL
	for _, blk := range v.Langs {
		v.Alternates = append(v.Alternates, render.Alternate{Lang: blk.Lang, Name: blk.Name, URL: content.AbsURL(b.cfg.BaseURL, blk.Lang+"/"), Href: blk.Href})
	}
	v.JSONLD = map[string]any{"@context": "https://schema.org", "@type": "WebSite", "name": v.Title, "url": b.cfg.BaseURL,
		"inLanguage": b.site.Langs}
	return v
}

// notFoundView is /404.html: both languages with their sections, every
// URL base-path-absolute, since the host serves it at any depth and under
// any name (a preview, a custom domain).
func (b *builder) notFoundView() *render.View {
	lang := b.site.Langs[0]
	v := b.baseView(lang, "", true)
	v.Layout = "404"
	v.Langs = b.langBlocks("", true)
	v.Title, _ = b.cat.T(lang, "not-found-title")
	return v
}

// aliasView is a redirect page from an old URL to p.
func (b *builder) aliasView(p *content.Page, alias string) *render.View {
	dir := alias
	if !isDirPath(alias) {
		dir = dirOf(alias)
	}
	v := b.baseView(p.Lang, dir, false)
	v.Layout = "alias"
	v.Page = p
	v.Title = text(p.Lang, p.Title)
	v.Canonical = content.AbsURL(b.cfg.BaseURL, p.URLPath())
	v.Redirect = content.RelURL(dir, p.URLPath())
	return v
}

// htmlView is a converted body as template.HTML without copying it: a
// Doc's HTML is never modified once converted, and a huge page would
// otherwise be held twice while it renders.
func htmlView(b []byte) template.HTML {
	return template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
}
