package feed

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/content"
)

const base = "https://example.org/site/"

func url(p string) string { return base + p }

// testSite is a French and English site: the homes, then pages in
// site order; en is nil where English lacks the page.
func testSite(pages ...[2]*content.Page) *content.Site {
	site := &content.Site{Langs: []string{"fr", "en"}}
	for i, pp := range pages {
		name := fmt.Sprintf("p%02d", i)
		if i == 0 {
			name = content.HomeName
		}
		e := &content.Entry{Name: name, Pages: pp[:]}
		for li, p := range pp {
			if p != nil {
				p.Entry, p.Lang = e, site.Langs[li]
				if p.Slug == "" {
					p.Slug = name
				}
			}
		}
		site.Entries = append(site.Entries, e)
	}
	return site
}

func day(n int) time.Time { return time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

type atomDoc struct {
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Entries []struct {
		ID        string `xml:"id"`
		Title     string `xml:"title"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Summary   string `xml:"summary"`
	} `xml:"entry"`
}

// TestAtomKeepsNewest: of 61 French pages, the feed has the Size last
// reviewed, newest first (lastmod, then date; site order among equals),
// with the typography applied to titles and summaries.
func TestAtomKeepsNewest(t *testing.T) {
	pages := [][2]*content.Page{{{Title: "Accueil", Date: day(0), Lastmod: day(0)}, {Title: "Home"}}}
	for n := 1; n <= 60; n++ {
		pages = append(pages, [2]*content.Page{{Title: fmt.Sprintf("Page %d", n), Description: fmt.Sprintf("Résumé %d.", n), Date: day(0), Lastmod: day(n)}})
	}
	// Same lastmod as page 60, published later: it comes first.
	pages = append(pages, [2]*content.Page{{Title: "Later", Description: "x", Date: day(5), Lastmod: day(60)}})
	site := testSite(pages...)
	data, err := Atom(site, "fr", AtomOptions{Title: "Site", URL: url, Text: strings.ToUpper})
	if err != nil {
		t.Fatal(err)
	}
	var f atomDoc
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	want := []string{base + "fr/p61/"}
	for n := 60; len(want) < Size; n-- {
		want = append(want, fmt.Sprintf("%sfr/p%02d/", base, n))
	}
	var got []string
	for _, e := range f.Entries {
		got = append(got, e.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("feed entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e := f.Entries[1]; e.Title != "PAGE 60" || e.Summary != "RÉSUMÉ 60." || e.Updated != "2022-03-02T00:00:00Z" || e.Published != "2022-01-01T00:00:00Z" {
		t.Errorf("entry p60 = %+v", e)
	}
	if f.Title != "Site" || f.Updated != "2022-03-02T00:00:00Z" {
		t.Errorf("feed title %q, updated %q", f.Title, f.Updated)
	}
	// A language without dates still gives valid times.
	data, err = Atom(site, "en", AtomOptions{Title: "Site", URL: url})
	if err != nil {
		t.Fatal(err)
	}
	var en atomDoc
	if err := xml.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	if len(en.Entries) != 1 || en.Entries[0].Updated != "2000-01-01T00:00:00Z" || en.Entries[0].Published != "" || en.Updated != "2000-01-01T00:00:00Z" {
		t.Errorf("en feed = %+v", en)
	}
}

// TestSitemapXDefault: the landing page is every home's x-default; a page
// points to its first language, a page without translation lists itself.
func TestSitemapXDefault(t *testing.T) {
	site := testSite(
		[2]*content.Page{{Lastmod: day(1)}, {Lastmod: day(3)}},
		[2]*content.Page{{Slug: "a-fr", Lastmod: day(2)}, {Slug: "a-en"}},
		[2]*content.Page{{}, nil},
	)
	data, err := Sitemap(site, url)
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
			Links   []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range set.URLs {
		line := u.Loc + " " + u.Lastmod + ":"
		for _, l := range u.Links {
			line += " " + l.Hreflang + "=" + strings.TrimPrefix(l.Href, base)
		}
		got = append(got, strings.TrimPrefix(line, base))
	}
	want := []string{
		" 2022-01-04: fr=fr/ en=en/ x-default=",
		"fr/ 2022-01-02: fr=fr/ en=en/ x-default=",
		"en/ 2022-01-04: fr=fr/ en=en/ x-default=",
		"fr/a-fr/ 2022-01-03: fr=fr/a-fr/ en=en/a-en/ x-default=fr/a-fr/",
		"en/a-en/ : fr=fr/a-fr/ en=en/a-en/ x-default=fr/a-fr/",
		"fr/p02/ : fr=fr/p02/ x-default=fr/p02/",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sitemap:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
