package site

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// termGoldens are the pages of testdata/hugo/terms.txtar pinned byte for
// byte: a page with tags and categories below a section (breadcrumbs), a
// term page, a taxonomy list, an Arabic term page, the sitemap.
var termGoldens = []string{
	"fr/docs/guide/index.html",
	"fr/tags/index.html",
	"fr/tags/kaspi/index.html",
	"en/categories/guides/index.html",
	"ar/tags/اقتصاد/index.html",
	"sitemap.xml",
}

func TestTermsGolden(t *testing.T) {
	res := mustRender(t, Options{Dir: extract(t, "hugo/terms.txtar"), AllowStale: true})
	for _, name := range termGoldens {
		got, ok := res.Files[name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		// Golden files have ASCII names.
		golden := strings.ReplaceAll(name, "اقتصاد", "iqtisad")
		compareGolden(t, "TermsGolden", "terms__"+golden, got)
	}
}

// TestTermPages reads the term pages as HTML: which exist in each
// language, what they list and in which order, which alternates they
// carry (a term pairs only with the same slug in another language), and
// the links of a page to its terms.
func TestTermPages(t *testing.T) {
	res := mustRender(t, Options{Dir: extract(t, "hugo/terms.txtar"), AllowStale: true})
	for _, name := range []string{
		"fr/tags/index.html", "fr/tags/kaspi/index.html", "fr/tags/economie/index.html", "fr/categories/index.html", "fr/categories/guides/index.html",
		"en/tags/index.html", "en/tags/kaspi/index.html", "en/tags/economy/index.html", "en/categories/guides/index.html",
		"ar/tags/index.html", "ar/tags/kaspi/index.html", "ar/tags/اقتصاد/index.html", "ar/categories/أدلة/index.html",
	} {
		if _, ok := res.Files[name]; !ok {
			t.Errorf("%s not written", name)
		}
	}
	for _, name := range []string{"en/tags/economie/index.html", "fr/tags/economy/index.html", "fr/tags/Kaspi/index.html"} {
		if _, ok := res.Files[name]; ok {
			t.Errorf("%s written: a term exists only in the languages that use it", name)
		}
	}
	// "kaspi" and "Kaspi" are one French term, its pages newest first.
	doc := parseHTML(t, res.Files["fr/tags/kaspi/index.html"])
	if got, want := texts(doc, "ul.term-pages a"), []string{"Notes", "Le guide", "À propos"}; !slices.Equal(got, want) {
		t.Errorf("fr/tags/kaspi/ lists %q, want %q", got, want)
	}
	if got := texts(doc, "h1"); len(got) != 1 || got[0] != "Étiquette\u00a0: Kaspi" {
		t.Errorf("fr/tags/kaspi/ h1 = %q", got)
	}
	if got, want := hreflangs(doc), []string{"fr", "en", "ar", "x-default"}; !slices.Equal(got, want) {
		t.Errorf("fr/tags/kaspi/ hreflang = %q, want %q", got, want)
	}
	if got := hreflangs(parseHTML(t, res.Files["fr/tags/economie/index.html"])); len(got) != 0 {
		t.Errorf("fr/tags/economie/ has alternates %q: no other language has the term", got)
	}
	list := parseHTML(t, res.Files["fr/tags/index.html"])
	if got, want := texts(list, "ul.term-list a"), []string{"Économie", "Kaspi"}; !slices.Equal(got, want) {
		t.Errorf("fr/tags/ lists %q, want %q (French collation)", got, want)
	}
	if got, want := texts(list, "ul.term-list .count"), []string{"(1)", "(3)"}; !slices.Equal(got, want) {
		t.Errorf("fr/tags/ counts %q, want %q", got, want)
	}
	page := parseHTML(t, res.Files["fr/docs/guide/index.html"])
	if got, want := texts(page, "nav.terms h2"), []string{"Étiquettes", "Catégories"}; !slices.Equal(got, want) {
		t.Errorf("guide's term headings %q, want %q", got, want)
	}
	if got, want := attrs(page, "nav.terms a", "href"), []string{"../../tags/kaspi/index.html", "../../tags/economie/index.html", "../../categories/guides/index.html"}; !slices.Equal(got, want) {
		t.Errorf("guide's term links %q, want %q", got, want)
	}
	if got, want := texts(parseHTML(t, res.Files["en/docs/guide/index.html"]), "nav.crumbs a"), []string{"Home", "Documentation"}; !slices.Equal(got, want) {
		t.Errorf("en guide's breadcrumbs %q, want %q", got, want)
	}
	sm := string(res.Files["sitemap.xml"])
	for _, u := range []string{"https://example.test/fr/tags/", "https://example.test/en/tags/economy/", "https://example.test/ar/categories/%D8%A3%D8%AF%D9%84%D8%A9/"} {
		if !strings.Contains(sm, "<loc>"+u+"</loc>") {
			t.Errorf("sitemap lacks %s", u)
		}
	}
	// The page without tags has no term list.
	if strings.Contains(string(res.Files["fr/docs/index.html"]), `class="terms"`) {
		t.Error("fr/docs/ shows terms it does not have")
	}
}

func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	if b == nil {
		t.Fatal("no such file")
	}
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// matches reports whether n is an element matching sel: "tag", ".class"
// or "tag.class".
func matches(n *html.Node, sel string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	tag, class, _ := strings.Cut(sel, ".")
	if tag != "" && n.Data != tag {
		return false
	}
	if class == "" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "class" && slices.Contains(strings.Fields(a.Val), class) {
			return true
		}
	}
	return false
}

// selectAll are the elements below n matching the descendant selector
// sel ("ul.term-list a"), in document order.
func selectAll(n *html.Node, sel string) []*html.Node {
	parts := strings.Fields(sel)
	var out []*html.Node
	var walk func(n *html.Node, i int)
	walk = func(n *html.Node, i int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			j := i
			if matches(c, parts[i]) {
				if i == len(parts)-1 {
					out = append(out, c)
				} else {
					j = i + 1
				}
			}
			walk(c, j)
		}
	}
	walk(n, 0)
	return out
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

func texts(n *html.Node, sel string) []string {
	var out []string
	for _, e := range selectAll(n, sel) {
		out = append(out, nodeText(e))
	}
	return out
}

func attrs(n *html.Node, sel, key string) []string {
	var out []string
	for _, e := range selectAll(n, sel) {
		for _, a := range e.Attr {
			if a.Key == key {
				out = append(out, a.Val)
			}
		}
	}
	return out
}

// hreflangs are the hreflang values of the page's <link rel=alternate>.
func hreflangs(n *html.Node) []string {
	var out []string
	for _, e := range selectAll(n, "link") {
		var rel, lang string
		for _, a := range e.Attr {
			switch a.Key {
			case "rel":
				rel = a.Val
			case "hreflang":
				lang = a.Val
			}
		}
		if rel == "alternate" && lang != "" {
			out = append(out, lang)
		}
	}
	return out
}
