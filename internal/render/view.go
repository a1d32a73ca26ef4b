package render

import (
	"html/template"
	"strings"
	"time"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/markdown"
)

// View is what a layout is executed with. Hrefs are relative to the page
// (Root leads back to the site root) except on the 404 page, where they
// start with the base URL's path ("/kz30/…", Root is that path) because
// the host serves it at any depth, on any host name.
type View struct {
	Layout      string // landing, home, page, terms, 404, alias
	Lang        string
	Title       string // typography applied
	Description string
	SiteTitle   string // in Lang
	ShortTitle  string // in Lang: site.toml's short_title, else its title
	Content     template.HTML
	Page        *content.Page // nil on the landing and 404 pages
	Doc         *markdown.Doc

	Root      string // relative path to the site root ("../../"), or the base path (404: "/kz30/")
	CSS       string // stylesheet href
	Favicon   string // favicon href
	BaseURL   string // absolute, ends in "/"
	Canonical string // absolute URL of this page
	Feed      string // href of this language's Atom feed
	FeedAbs   string // absolute URL of the feed
	// ImageHosts are site.toml's image_hosts: the Content-Security-Policy
	// lets images load from them over https.
	ImageHosts []string

	Alternates []Alternate // every language of the page that exists, for hreflang
	XDefault   string      // absolute URL for hreflang x-default, as in the sitemap: the source-language page; the landing page for the homes
	Switch     []Alternate // the other languages, for the language switcher
	Nav        []NavItem   // the first level of the section tree, by weight (at most 12 items)
	NavMore    string      // when Nav was cut short: the link to the home's list of all pages
	AllPages   []NavItem   // home only: every page of the language (on a site with folders, what the home holds)
	Children   []NavItem   // section pages only: the pages and sections it holds
	Crumbs     []NavItem   // pages below a section: the home and the sections above, in order
	HomeLink   NavItem     // this language's home
	// TermGroups: on a page, its tags and categories (one group per
	// taxonomy it uses); on a taxonomy's list page (layout terms), one
	// group with every term of the language.
	TermGroups []TermGroup
	// Taxonomy is set on the terms layout: "tags" or "categories". On a
	// term page Term is the term's name and Children its pages; on the
	// list page Term is "".
	Taxonomy   string
	Term       string
	Prev, Next *NavItem
	TOC        []markdown.Heading
	Minutes    int // reading time
	Stale      *Alternate
	Sources    *NavItem // this language's sources page, when there is one
	Cards      []Card
	JSONLD     any    // marshalled into <script type="application/ld+json">
	OGImage    string // absolute URL of the share image (og:image, twitter:image)
	// OGImageAlt, OGImageWidth, OGImageHeight and OGImageType describe
	// it when known (a remote image of the front matter has none).
	OGImageAlt    string
	OGImageWidth  int
	OGImageHeight int
	OGImageType   string
	Langs         []LangBlock // landing and 404: one block per language
	Redirect      string      // alias: target href
	LiveReload    string      // dev server only: href of the reload script

	Published time.Time
	Reviewed  time.Time

	Catalog *i18n.Catalog
	Locale  *i18n.Locale
}

// NavKey is the key under which the section navigation is cached
// ({{partialCached "nav" .NavKey .}}): its language and, item by item,
// what it shows. Pages whose navigation looks the same share one
// rendering.
func (v *View) NavKey() string {
	var b strings.Builder
	b.WriteString(v.Lang)
	for _, n := range v.Nav {
		b.WriteByte(0)
		b.WriteString(n.Href)
		b.WriteByte(0)
		b.WriteString(n.Title)
		b.WriteByte(0)
		b.WriteString(n.Short)
		if n.Current {
			b.WriteString("\x00current")
		}
	}
	if v.NavMore != "" {
		b.WriteString("\x00more\x00")
		b.WriteString(v.NavMore)
	}
	return b.String()
}

// Alternate is the page in another language.
type Alternate struct {
	Lang     string
	Name     string // language name in that language ("Français")
	Href     string // relative; "" when the page is missing in that language
	URL      string // absolute
	Title    string
	Missing  bool
	Current  bool
	Original bool // the source-language version of a stale page
}

// NavItem is one navigation link.
type NavItem struct {
	Title   string
	Short   string // compact label for the section navigation: Title up to its first colon
	Href    string
	Current bool
}

// TermGroup is the terms of one taxonomy ("tags", "categories").
type TermGroup struct {
	Taxonomy string
	Label    string // the taxonomy's name in the view's language ("Étiquettes")
	Terms    []TermLink
}

// TermLink is a link to a term page.
type TermLink struct {
	Name  string
	Href  string
	Count string // how many pages list it, formatted in the view's language
}

// Card is one key-figure card.
type Card struct {
	ID       string
	Figure   string // the localized figure: "29e", "plus de 90 %"
	Label    string
	Source   string // source title
	Href     string // link to the source on the sources page
	Chart    template.HTML
	ChartAlt string // visible text equivalent of the chart
}

// LangBlock is one language's block on the landing and 404 pages.
type LangBlock struct {
	Lang        string
	Name        string
	Title       string
	Description string
	Href        string
	Content     template.HTML
	Sections    []NavItem // the language's sections, in order (landing and 404 pages)
}

// T formats UI string key in the view's language.
func (v *View) T(key string, args ...any) (string, error) {
	return v.Catalog.T(v.Lang, key, args...)
}

// TL formats UI string key in language lang (landing and 404 pages).
func (v *View) TL(lang, key string, args ...any) (string, error) {
	return v.Catalog.T(lang, key, args...)
}

// LangName is the name of language code in the view's language: the UI
// string "lang-CODE" when the catalog has one, else the name x/text knows
// ("French" on an English page, "anglais" on a French one).
func (v *View) LangName(code string) (string, error) {
	if v.Catalog.Has(v.Lang, "lang-"+code) {
		return v.Catalog.T(v.Lang, "lang-"+code)
	}
	return i18n.LangNameIn(code, v.Lang), nil
}

// Dir is the writing direction of the view's language, "ltr" or "rtl"
// (i18n.Locale.Dir, from the language's script), for <html dir>.
func (v *View) Dir() string { return i18n.LocaleOf(v.Lang).Dir() }

// DirChange is the direction of lang when it differs from the view's, ""
// otherwise: an element in another language writes dir="{{.}}" only when
// its direction changes (an Arabic name on an English page).
func (v *View) DirChange(lang string) string {
	if d := i18n.LocaleOf(lang).Dir(); d != v.Dir() {
		return d
	}
	return ""
}

// Num formats a number in the view's language.
func (v *View) Num(x float64) string { return v.Locale.Number(x) }

// Date formats t in the view's language ("16 décembre 2021").
func (v *View) Date(t time.Time) (string, error) { return v.Locale.Date(t) }

// ISODate formats t as YYYY-MM-DD for <time datetime>.
func (v *View) ISODate(t time.Time) string { return t.Format(time.DateOnly) }
