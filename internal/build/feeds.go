package build

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"slices"
	"time"

	"github.com/kz30/kz30/internal/content"
)

// sitemapURLSet is /sitemap.xml with hreflang alternates.
type sitemapURLSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string        `xml:"loc"`
	Lastmod string        `xml:"lastmod,omitempty"`
	Links   []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// writeSitemap lists the landing page and every page, each with its
// translations and x-default.
func (b *builder) writeSitemap(s sink) error {
	set := sitemapURLSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	var landing sitemapURL
	landing.Loc = b.cfg.BaseURL
	var newest time.Time
	for _, p := range b.pages() {
		newest = maxTime(newest, p.Lastmod)
	}
	landing.Lastmod = isoDate(newest)
	for _, lang := range b.site.Langs {
		landing.Links = append(landing.Links, sitemapLink{"alternate", lang, absURL(b.cfg.BaseURL, lang+"/")})
	}
	landing.Links = append(landing.Links, sitemapLink{"alternate", "x-default", b.cfg.BaseURL})
	set.URLs = append(set.URLs, landing)
	for _, e := range b.site.Entries {
		var links []sitemapLink
		xdefault := ""
		for i, p := range e.Pages {
			if p == nil {
				continue
			}
			u := absURL(b.cfg.BaseURL, p.URLPath())
			links = append(links, sitemapLink{"alternate", b.site.Langs[i], u})
			if xdefault == "" {
				xdefault = u
			}
		}
		if e.IsHome() {
			xdefault = b.cfg.BaseURL
		}
		links = append(links, sitemapLink{"alternate", "x-default", xdefault})
		for _, p := range e.Pages {
			if p == nil {
				continue
			}
			set.URLs = append(set.URLs, sitemapURL{Loc: absURL(b.cfg.BaseURL, p.URLPath()), Lastmod: isoDate(p.Lastmod), Links: links})
		}
	}
	return writeXML(s, "sitemap.xml", set)
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

// feedSize is the number of entries of each feed.
const feedSize = 50

// writeFeeds writes one Atom feed per language with its newest pages.
func (b *builder) writeFeeds(s sink) error {
	for li, lang := range b.site.Langs {
		var ps []*content.Page
		for _, e := range b.site.Entries {
			if p := e.Pages[li]; p != nil {
				ps = append(ps, p)
			}
		}
		slices.SortStableFunc(ps, func(x, y *content.Page) int {
			return cmp.Or(y.Lastmod.Compare(x.Lastmod), y.Date.Compare(x.Date))
		})
		ps = ps[:min(len(ps), feedSize)]
		self := absURL(b.cfg.BaseURL, lang+"/index.xml")
		f := atomFeed{Lang: lang, Title: text(lang, b.viewTitle(lang)), ID: self,
			Links: []atomLink{
				{Rel: "self", Type: "application/atom+xml", Href: self},
				{Rel: "alternate", Type: "text/html", Href: absURL(b.cfg.BaseURL, lang+"/")},
			},
			Author: atomAuthor{Name: text(lang, b.viewTitle(lang))}}
		var newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		for _, p := range ps {
			u := absURL(b.cfg.BaseURL, p.URLPath())
			newest = maxTime(newest, p.Lastmod)
			f.Entries = append(f.Entries, atomEntry{
				Title: text(lang, p.Title), ID: u,
				Updated: atomTime(cmp.Or(p.Lastmod, p.Date)), Published: atomTimeOpt(p.Date),
				Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: u, Hreflang: lang}},
				Summary: text(lang, p.Description),
			})
		}
		f.Updated = atomTime(newest)
		if err := writeXML(s, lang+"/index.xml", f); err != nil {
			return err
		}
	}
	return nil
}

// viewTitle is the site title in lang.
func (b *builder) viewTitle(lang string) string {
	if t := b.cfg.Lang(lang).Title; t != "" {
		return t
	}
	if home := b.site.Page(lang, content.HomeName); home != nil {
		return home.Title
	}
	return b.cfg.Title
}

func writeXML(s sink, name string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.WriteByte('\n')
	return s.write(name, buf.Bytes())
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC().Format(time.RFC3339)
}

func atomTimeOpt(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return atomTime(t)
}
