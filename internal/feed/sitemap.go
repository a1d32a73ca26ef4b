package feed

import (
	"bytes"
	"encoding/xml"
	neturl "net/url"
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

// Sitemap returns the sitemap (to be served at sitemap.xml): the landing
// page (url("")), dated by the newest page, then every page of site in
// site order, each listing its translations and an x-default (the
// landing page for the homes, else the page in the first language that
// has it).
func Sitemap(site *content.Site, url URLFunc) ([]byte, error) {
	set := sitemapURLSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	var landing sitemapURL
	landing.Loc = url("")
	var newest time.Time
	for _, e := range site.Entries {
		for _, p := range e.Pages {
			if p != nil {
				newest = maxTime(newest, p.Lastmod)
			}
		}
	}
	landing.Lastmod = isoDate(newest)
	for _, lang := range site.Langs {
		landing.Links = append(landing.Links, sitemapLink{"alternate", lang, url(lang + "/")})
	}
	landing.Links = append(landing.Links, sitemapLink{"alternate", "x-default", url("")})
	set.URLs = append(set.URLs, landing)
	for _, e := range site.Entries {
		var links []sitemapLink
		xdefault := ""
		for i, p := range e.Pages {
			if p == nil {
				continue
			}
			u := url(p.URLPath())
			links = append(links, sitemapLink{"alternate", site.Langs[i], u})
			if xdefault == "" {
				xdefault = u
			}
		}
		if e.IsHome() {
			xdefault = url("")
		}
		links = append(links, sitemapLink{"alternate", "x-default", xdefault})
		for _, p := range e.Pages {
			if p == nil {
				continue
			}
			set.URLs = append(set.URLs, sitemapURL{Loc: url(p.URLPath()), Lastmod: isoDate(p.Lastmod), Links: links})
		}
	}
	set.URLs = append(set.URLs, termURLs(site, url)...)
	return encode(set)
}

// termURLs are the taxonomy pages in the sitemap, in language, taxonomy,
// then term order: each list page and term page, with the same list or
// term (same slug) in the other languages that have it as alternates,
// and the first of those as x-default. Undated.
func termURLs(site *content.Site, siteURL URLFunc) []sitemapURL {
	// A term's slug may keep letters of scripts without transliteration
	// (Arabic): a sitemap's URLs are percent-encoded.
	url := func(p string) string { return siteURL((&neturl.URL{Path: p}).EscapedPath()) }
	var out []sitemapURL
	alternates := func(path func(lang string) (string, bool)) []sitemapLink {
		var links []sitemapLink
		for _, l := range site.Langs {
			if p, ok := path(l); ok {
				links = append(links, sitemapLink{"alternate", l, url(p)})
			}
		}
		if len(links) < 2 {
			return nil
		}
		return append(links, sitemapLink{"alternate", "x-default", links[0].Href})
	}
	for _, lang := range site.Langs {
		for _, tax := range content.Taxonomies {
			if site.TaxonomyListed(lang, tax) {
				out = append(out, sitemapURL{Loc: url(content.TaxonomyURLPath(lang, tax)), Links: alternates(func(l string) (string, bool) {
					return content.TaxonomyURLPath(l, tax), site.TaxonomyListed(l, tax)
				})})
			}
			for _, t := range site.Terms(lang, tax) {
				out = append(out, sitemapURL{Loc: url(t.URLPath()), Links: alternates(func(l string) (string, bool) {
					if o := site.Term(l, tax, t.Slug); o != nil {
						return o.URLPath(), true
					}
					return "", false
				})})
			}
		}
	}
	return out
}

// encode is v as an indented XML document ending in a newline.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
