package site

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// navLinks returns the links of the section navigation of an HTML page.
func navLinks(t *testing.T, page []byte) (hrefs, texts []string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var inNav func(n *html.Node, in bool)
	inNav = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && n.Data == "nav" {
			for _, a := range n.Attr {
				if a.Key == "class" && a.Val == "sections" {
					in = true
				}
			}
		}
		if in && n.Type == html.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key == "href" {
					hrefs = append(hrefs, a.Val)
				}
			}
			var sb strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					sb.WriteString(c.Data)
				}
			}
			texts = append(texts, sb.String())
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			inNav(c, in)
		}
	}
	inNav(doc, false)
	return hrefs, texts
}

// navSite is a flat site of n page pairs.
func navSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":            {Data: []byte("title = \"Nav\"\nbase_url = \"https://example.test/\"\n[[languages]]\ncode = \"fr\"\n[[languages]]\ncode = \"en\"\n")},
		"content/fr/_index.md": {Data: []byte("---\ntitle: Accueil\ndescription: La page d’accueil.\n---\n\nBonjour.\n")},
		"content/en/_index.md": {Data: []byte("---\ntitle: Home\ndescription: The home page.\n---\n\nHello.\n")},
	}
	for i := 1; i <= n; i++ {
		for _, lang := range []string{"fr", "en"} {
			fsys[fmt.Sprintf("content/%s/p%02d.md", lang, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"---\ntitle: Page %d %s\ndescription: Page %d.\nweight: %d\n---\n\nText %d.\n", i, lang, i, i, i))}
		}
	}
	return fsys
}

// TestNavLimit: past 12 first-level sections, every page's navigation
// shows 11 of them and a link to the home's list of all pages, which
// lists every page; at 12 or fewer it shows them all.
func TestNavLimit(t *testing.T) {
	for _, n := range []int{12, 30} {
		res := mustRender(t, Options{FS: navSite(n), AllowStale: true})
		hrefs, texts := navLinks(t, res.Files["fr/p05/index.html"])
		if n <= navLimit {
			if len(hrefs) != n {
				t.Errorf("%d pages: nav has %d links, want %d", n, len(hrefs), n)
			}
			continue
		}
		if len(hrefs) != navLimit {
			t.Fatalf("%d pages: nav has %d links (%q), want %d", n, len(hrefs), texts, navLimit)
		}
		if last := len(hrefs) - 1; hrefs[last] != "../index.html#all-pages" || texts[last] != "Toutes les pages" {
			t.Errorf("%d pages: last nav link %q %q, want the home's list of all pages", n, hrefs[last], texts[last])
		}
		home := string(res.Files["fr/index.html"])
		if !strings.Contains(home, `id="all-pages"`) {
			t.Fatal("the French home has no #all-pages list")
		}
		for i := 1; i <= n; i++ {
			if !strings.Contains(home, fmt.Sprintf(`href="p%02d/index.html"`, i)) {
				t.Errorf("the home's list lacks page %d", i)
			}
		}
	}
}
