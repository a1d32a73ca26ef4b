package feed

import (
	"cmp"
	"encoding/xml"
	"slices"
	"time"

	"github.com/kz30/kz30/internal/content"
)

// Size is the number of entries of each feed: the newest pages.
const Size = 50

// AtomOptions is what a feed shows besides the pages.
type AtomOptions struct {
	// Title is the feed's title and author: the site title in the
	// language, typeset.
	Title string
	// URL makes the feed's links absolute.
	URL URLFunc
	// Text applies the language's typography to page titles and
	// descriptions; nil leaves them as they are.
	Text func(string) string
}

// atomFeed is an Atom 1.0 feed.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr,omitempty"`
	Type     string `xml:"type,attr,omitempty"`
	Href     string `xml:"href,attr"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Links     []atomLink `xml:"link"`
	Summary   string     `xml:"summary"`
}

// Atom returns lang's feed (to be served at lang/index.xml): the Size
// pages of lang in site last reviewed most recently (lastmod, then date),
// newest first, site order among equals.
func Atom(site *content.Site, lang string, o AtomOptions) ([]byte, error) {
	text := o.Text
	if text == nil {
		text = func(s string) string { return s }
	}
	li := site.LangIndex(lang)
	var ps []*content.Page
	for _, e := range site.Entries {
		if li >= 0 && e.Pages[li] != nil {
			ps = append(ps, e.Pages[li])
		}
	}
	slices.SortStableFunc(ps, func(x, y *content.Page) int {
		return cmp.Or(y.Lastmod.Compare(x.Lastmod), y.Date.Compare(x.Date))
	})
	ps = ps[:min(len(ps), Size)]
	self := o.URL(lang + "/index.xml")
	f := atomFeed{Lang: lang, Title: o.Title, ID: self,
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: o.URL(lang + "/")},
		},
		Author: atomAuthor{Name: o.Title}}
	newest := epoch
	for _, p := range ps {
		u := o.URL(p.URLPath())
		newest = maxTime(newest, p.Lastmod)
		f.Entries = append(f.Entries, atomEntry{
			Title: text(p.Title), ID: u,
			Updated: atomTime(cmp.Or(p.Lastmod, p.Date)), Published: atomTimeOpt(p.Date),
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: u, Hreflang: lang}},
			Summary: text(p.Description),
		})
	}
	f.Updated = atomTime(newest)
	return encode(f)
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = epoch
	}
	return t.UTC().Format(time.RFC3339)
}

func atomTimeOpt(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return atomTime(t)
}
