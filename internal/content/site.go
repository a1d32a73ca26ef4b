package content

import (
	"strings"
	"time"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/diag"
)

// Site is everything the content folder holds.
type Site struct {
	Config  *config.Config
	Langs   []string // language codes in site order; Langs[0] is the source
	Entries []*Entry // sorted by home first, then weight, then name
	Facts   *Facts

	byName map[string]*Entry // Entries by name (set by Load)
	byPath map[string]*Page  // pages by "lang/name" (set by Load)
	byURL  map[string]*Page  // pages by URLPath (set by Load)
	suffix bool              // Hugo's one-tree layout: content/NAME.LANG.md

	terms     map[string][]*Term           // by "lang/taxonomy" (set by Load)
	pageTerms map[*Page]map[string][]*Term // each page's terms by taxonomy
}

// File is the file a page named name has, or would have, in lang:
// content/LANG/NAME.md, or content/NAME.LANG.md in the one-tree layout.
func (s *Site) File(lang, name string) string {
	if p := s.byPath[lang+"/"+name]; p != nil {
		return p.Path
	}
	if s.suffix {
		return "content/" + name + "." + lang + ".md"
	}
	return "content/" + lang + "/" + name + ".md"
}

// Entry is one page in all its languages.
type Entry struct {
	Name  string  // file name without .md ("kaspi", "_index")
	Pages []*Page // indexed like Site.Langs; nil where a language lacks the page
}

// Page returns the entry's page in lang, or nil.
func (e *Entry) Page(s *Site, lang string) *Page {
	for i, l := range s.Langs {
		if l == lang {
			return e.Pages[i]
		}
	}
	return nil
}

// IsHome reports whether the entry is the language home (_index.md).
func (e *Entry) IsHome() bool { return e.Name == HomeName }

// IsSection reports whether the entry is a section page: the _index.md
// of a folder below the language (the home is not one).
func (e *Entry) IsSection() bool { return strings.HasSuffix(e.Name, "/"+HomeName) }

// HomeName is the file name (without .md) of each language's home page.
const HomeName = "_index"

// Page is one language of an entry.
type Page struct {
	Entry *Entry
	Lang  string
	Path  string // slash path relative to the source folder: content/fr/kaspi.md
	Name  string // path below the language without the extension: "kaspi", "docs/faq"

	Title         string
	Description   string
	Weight        int
	Slug          string
	Date          time.Time // zero when unset
	Lastmod       time.Time // Date when unset
	Facts         []FactRef
	TranslationOf string
	Draft         bool
	Section       bool
	Aliases       []string

	// Hugo's keys (see the package doc for what each one does).
	LinkTitle      string   // shorter title for navigation; Title when empty
	Summary        string   // front matter summary: the description when that is missing
	TranslationKey string   // pairs translations whose paths differ
	URL            string   // Hugo's url as written: the page's whole URL path (see URLPath)
	Images         []string // read, not used yet
	Tags           []string // Hugo's tags: shown on the page, each with its term page (Site.PageTerms)
	Categories     []string // Hugo's categories, likewise
	// Params are the values of the param shortcode: Hugo's params: and
	// the page's unknown keys, by lower-case name ("a.b" inside tables).
	Params map[string]string

	Body     []byte // Markdown after the front matter, LF line endings
	BodyLine int    // file line number of Body's first line
	Hash     string // BodyHash(Body)

	// Resources are the files of a leaf bundle (a folder whose page is
	// index.md), copied beside the page.
	Resources []Resource

	// Stale is set on a translation whose translation_of no longer matches
	// the source body (only when stale pages are allowed).
	Stale bool

	unknown []unknownKey // front matter keys kz30 does not know
	dirURL  string       // URL path of the page's folder below the language: "" or "docs/"
	urlPos  diag.Pos     // where url is written
	url     string       // URL path set by url ("fr/a-propos/"), "" when unset
}

// NavTitle is the title navigation shows: LinkTitle, else Title.
func (p *Page) NavTitle() string {
	if p.LinkTitle != "" {
		return p.LinkTitle
	}
	return p.Title
}

// Resource is a file of a page bundle.
type Resource struct {
	File string // below the source folder: content/fr/trip/photo.jpg
	Rel  string // below the page's folder: photo.jpg
}

// FactRef is a fact ID listed in front matter, with its position.
type FactRef struct {
	ID  string
	Pos diag.Pos
}

// URLPath is the page's path from the site root, ending in "/":
// "fr/" for a home, "fr/e-gouvernement/" for a page, or the path its url
// front matter gives (always below its language's folder).
func (p *Page) URLPath() string {
	if p.url != "" {
		return p.url
	}
	if p.Entry.IsHome() {
		return p.Lang + "/"
	}
	return p.Lang + "/" + p.dirURL + p.Slug + "/"
}
