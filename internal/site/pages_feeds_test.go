package site

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The sitemap and feeds as their readers see them: decoded with
// encoding/xml by namespace, not compared as text.

const (
	nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsXHTML   = "http://www.w3.org/1999/xhtml"
	nsAtom    = "http://www.w3.org/2005/Atom"
)

type smSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []smURL  `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

type smURL struct {
	Loc     string   `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
	Lastmod string   `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	Links   []smLink `xml:"http://www.w3.org/1999/xhtml link"`
}

type smLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type feedDoc struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Title   string      `xml:"http://www.w3.org/2005/Atom title"`
	ID      string      `xml:"http://www.w3.org/2005/Atom id"`
	Updated string      `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []feedLink  `xml:"http://www.w3.org/2005/Atom link"`
	Author  string      `xml:"http://www.w3.org/2005/Atom author>name"`
	Entries []feedEntry `xml:"http://www.w3.org/2005/Atom entry"`
}

type feedEntry struct {
	Title     string     `xml:"http://www.w3.org/2005/Atom title"`
	ID        string     `xml:"http://www.w3.org/2005/Atom id"`
	Updated   string     `xml:"http://www.w3.org/2005/Atom updated"`
	Published string     `xml:"http://www.w3.org/2005/Atom published"`
	Links     []feedLink `xml:"http://www.w3.org/2005/Atom link"`
	Summary   string     `xml:"http://www.w3.org/2005/Atom summary"`
}

type feedLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr"`
	Href     string `xml:"href,attr"`
	Hreflang string `xml:"hreflang,attr"`
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// missingFixture is the fixture site with a French page that has no
// English translation.
func missingFixture(t *testing.T) Options {
	t.Helper()
	fsys := archive(t, "site.txtar")
	fsys["content/fr/c.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Seulement en français\ndescription: Pas encore traduite.\ndate: 2024-05-01\n---\nTexte.\n")}
	return Options{FS: fsys, AllowMissing: true}
}

func TestSitemap(t *testing.T) {
	for _, tc := range []struct {
		name string
		res  func(t *testing.T) *Result
	}{
		{"real site", func(t *testing.T) *Result { return renderPages(t, "https://example.github.io/kz30/") }},
		{"fixture with a missing translation", func(t *testing.T) *Result { return mustRender(t, missingFixture(t)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := tc.res(t)
			base := res.Config.BaseURL
			var set smSet
			if err := xml.Unmarshal(res.Files["sitemap.xml"], &set); err != nil {
				t.Fatalf("sitemap.xml: %v", err)
			}
			if !bytes.Contains(res.Files["robots.txt"], []byte("\nSitemap: "+base+"sitemap.xml\n")) {
				t.Errorf("robots.txt does not point to %ssitemap.xml:\n%s", base, res.Files["robots.txt"])
			}

			// Every page once, and the landing page; nothing else.
			want := map[string]string{base: ""} // loc → lastmod
			for _, e := range res.Site.Entries {
				for _, p := range e.Pages {
					if p != nil {
						want[base+p.URLPath()] = p.Lastmod.Format(time.DateOnly)
					}
				}
			}
			byLoc := map[string]smURL{}
			for _, u := range set.URLs {
				if _, dup := byLoc[u.Loc]; dup {
					t.Errorf("%s is listed twice", u.Loc)
				}
				byLoc[u.Loc] = u
				lm, ok := want[u.Loc]
				if !ok {
					t.Errorf("%s is not a page of the site", u.Loc)
					continue
				}
				if !isoDay.MatchString(u.Lastmod) || lm != "" && u.Lastmod != lm {
					t.Errorf("%s: lastmod %q, want %q", u.Loc, u.Lastmod, cmpOrDay(lm))
				}
			}
			for loc := range want {
				if _, ok := byLoc[loc]; !ok {
					t.Errorf("the sitemap lacks %s", loc)
				}
			}

			// Alternates: one per language the page exists in, plus
			// x-default; the page itself among them; each alternate
			// lists the same set back (reciprocity).
			group := func(u smURL) string {
				var parts []string
				for _, l := range u.Links {
					parts = append(parts, l.Hreflang+"="+l.Href)
				}
				slices.Sort(parts)
				return strings.Join(parts, " ")
			}
			for _, u := range set.URLs {
				langs := map[string]bool{}
				self := false
				for _, l := range u.Links {
					if l.Rel != "alternate" {
						t.Errorf("%s: link rel %q, want alternate", u.Loc, l.Rel)
					}
					if langs[l.Hreflang] {
						t.Errorf("%s: hreflang %s twice", u.Loc, l.Hreflang)
					}
					langs[l.Hreflang] = true
					self = self || l.Href == u.Loc
					if !strings.HasPrefix(l.Href, base) {
						t.Errorf("%s: alternate %s is not under %s", u.Loc, l.Href, base)
					}
					other, ok := byLoc[l.Href]
					if !ok {
						t.Errorf("%s: alternate %s=%s is not in the sitemap", u.Loc, l.Hreflang, l.Href)
						continue
					}
					if l.Hreflang != "x-default" && group(other) != group(u) {
						t.Errorf("not reciprocal: %s lists %s=%s, which lists\n  %s\nnot\n  %s", u.Loc, l.Hreflang, l.Href, group(other), group(u))
					}
				}
				if !langs["x-default"] {
					t.Errorf("%s has no x-default", u.Loc)
				}
				if !self {
					t.Errorf("%s is not among its own alternates", u.Loc)
				}
				for _, lang := range res.Site.Langs {
					href := ""
					for _, l := range u.Links {
						if l.Hreflang == lang {
							href = l.Href
						}
					}
					if href != "" && !strings.HasPrefix(href, base+lang+"/") {
						t.Errorf("%s: hreflang %s points to %s, outside %s%s/", u.Loc, lang, href, base, lang)
					}
				}
			}
			// A page without translation lists only itself and x-default.
			if u, ok := byLoc[base+"fr/c/"]; ok && len(u.Links) != 2 {
				t.Errorf("fr/c/ (no English) has alternates %s, want fr and x-default", group(u))
			}
		})
	}
}

func cmpOrDay(s string) string {
	if s == "" {
		return "YYYY-MM-DD"
	}
	return s
}

// checkFeed decodes lang's feed and checks what any Atom reader needs.
func checkFeed(t *testing.T, res *Result, lang string) feedDoc {
	t.Helper()
	base := res.Config.BaseURL
	name := lang + "/index.xml"
	var f feedDoc
	if err := xml.Unmarshal(res.Files[name], &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if f.Lang != lang {
		t.Errorf("%s: xml:lang %q", name, f.Lang)
	}
	if f.Title == "" || f.Author == "" {
		t.Errorf("%s: title %q, author %q; both are required", name, f.Title, f.Author)
	}
	if f.ID != base+name {
		t.Errorf("%s: id %q, want %q", name, f.ID, base+name)
	}
	links := map[string]feedLink{}
	for _, l := range f.Links {
		links[l.Rel] = l
	}
	if l := links["self"]; l.Href != base+name || l.Type != "application/atom+xml" {
		t.Errorf("%s: self link %+v", name, l)
	}
	if l := links["alternate"]; l.Href != base+lang+"/" {
		t.Errorf("%s: alternate link %+v, want the %s home", name, l, lang)
	}
	updated, err := time.Parse(time.RFC3339, f.Updated)
	if err != nil {
		t.Errorf("%s: updated %q: %v", name, f.Updated, err)
	}
	pages := map[string]bool{}
	li := res.Site.LangIndex(lang)
	for _, e := range res.Site.Entries {
		if p := e.Pages[li]; p != nil {
			pages[base+p.URLPath()] = true
		}
	}
	if want := min(len(pages), 50); len(f.Entries) != want {
		t.Errorf("%s: %d entries, want %d", name, len(f.Entries), want)
	}
	ids := map[string]bool{}
	var prev, newest time.Time
	for i, e := range f.Entries {
		if ids[e.ID] {
			t.Errorf("%s: id %s twice", name, e.ID)
		}
		ids[e.ID] = true
		if u, err := url.Parse(e.ID); err != nil || !u.IsAbs() {
			t.Errorf("%s: id %q is not an absolute URI", name, e.ID)
		}
		if e.Title == "" || strings.TrimSpace(e.Summary) == "" {
			t.Errorf("%s: entry %s has title %q, summary %q", name, e.ID, e.Title, e.Summary)
		}
		var alt string
		for _, l := range e.Links {
			if l.Rel == "alternate" {
				alt = l.Href
				if l.Hreflang != lang || l.Type != "text/html" {
					t.Errorf("%s: entry link %+v", name, l)
				}
			}
		}
		if !pages[alt] {
			t.Errorf("%s: entry link %q is not a %s page URL", name, alt, lang)
		}
		up, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil {
			t.Errorf("%s: entry %s updated %q: %v", name, e.ID, e.Updated, err)
		}
		if e.Published != "" {
			if pub, err := time.Parse(time.RFC3339, e.Published); err != nil || pub.After(up) {
				t.Errorf("%s: entry %s published %q after updated %q", name, e.ID, e.Published, e.Updated)
			}
		}
		if i > 0 && up.After(prev) {
			t.Errorf("%s: entry %d (%s) is newer than the one before; want newest first", name, i, e.ID)
		}
		prev = up
		if up.After(newest) {
			newest = up
		}
	}
	if !updated.Equal(newest) {
		t.Errorf("%s: feed updated %s, newest entry %s", name, f.Updated, newest.Format(time.RFC3339))
	}
	return f
}

func TestFeeds(t *testing.T) {
	res := renderPages(t, "https://example.github.io/kz30/")
	for li, lang := range res.Site.Langs {
		checkFeed(t, res, lang)
		// Every page of the language advertises its language's feed.
		for _, e := range res.Site.Entries {
			p := e.Pages[li]
			if p == nil {
				continue
			}
			name := p.URLPath() + "index.html"
			found := false
			for _, r := range pagesParse(t, name, res.Files[name]).refs {
				if r.where == "link href" && path.Join(path.Dir(name), r.url) == lang+"/index.xml" {
					found = true
				}
			}
			if !found || !strings.Contains(string(res.Files[name]), `<link rel="alternate" type="application/atom+xml" href="`) {
				t.Errorf("%s does not advertise %s/index.xml with <link rel=alternate type=application/atom+xml>", name, lang)
			}
		}
	}
}

func TestGitHubPagesFiles(t *testing.T) {
	dir := extract(t, "site.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Dir: dir, Out: out, Defaults: repoRoot}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, ".nojekyll")); err != nil {
		t.Errorf(".nojekyll: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "CNAME")); err == nil {
		t.Error("CNAME written without cname in site.toml")
	}

	// A custom domain: cname writes CNAME, and the base URL on the
	// command line is used for absolute URLs.
	replaceInFile(t, dir, "site.toml", "base_url = ", "cname = \"kz30.example.org\"\nbase_url = ")
	if _, err := Build(Options{Dir: dir, Out: out, Defaults: repoRoot, BaseURL: "https://kz30.example.org"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "CNAME"))
	if err != nil || string(data) != "kz30.example.org\n" {
		t.Errorf("CNAME = %q, %v; want the domain and a newline", data, err)
	}
	files := readTree(t, out)
	for _, name := range []string{"robots.txt", "sitemap.xml", "fr/page-a/index.html"} {
		if !bytes.Contains(files[name], []byte("https://kz30.example.org/")) || bytes.Contains(files[name], []byte("example.test")) {
			t.Errorf("%s does not use the --base-url https://kz30.example.org/", name)
		}
	}
	for _, name := range []string{"assets/share-fr.png", "assets/share-en.png", ".nojekyll", "404.html"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
}
