package themetest

import (
	"bytes"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/testsupport"
	"golang.org/x/net/html"
)

// pageBudget is the most HTML plus CSS one page may weigh, uncompressed.
const pageBudget = 60 * 1024

// TestPageBudget weighs every page of the real site and reads what it
// would make a browser fetch: HTML + CSS must stay within 60 KB, a page
// fetches at most its stylesheet and its favicon (so three requests with
// the page itself), all from the site itself; there is no inline style
// and no script other than JSON-LD data. It needs no browser.
func TestPageBudget(t *testing.T) {
	const base = "https://example.github.io/kz30/"
	res := renderRealSite(t, base)
	var report []string
	for _, pg := range readerPages(res) {
		data, ok := res.Files[pg.File]
		if !ok {
			t.Errorf("%s was not built", pg.File)
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", pg.File, err)
		}
		fetches := subresources(doc)
		css := 0
		for _, ref := range fetches {
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad URL %q", pg.File, ref)
				continue
			}
			abs := resolveFile(base, pg.File, u)
			if abs == "" {
				t.Errorf("%s: fetches %s from another origin", pg.File, ref)
				continue
			}
			file, ok := res.Files[abs]
			if !ok {
				t.Errorf("%s: fetches %s, which the build did not write", pg.File, ref)
			}
			if strings.HasSuffix(abs, ".css") {
				css += len(file)
			}
		}
		if len(fetches) > 2 {
			t.Errorf("%s: fetches %d files (%s), want at most the stylesheet and the favicon", pg.File, len(fetches), strings.Join(fetches, ", "))
		}
		if css == 0 {
			t.Errorf("%s: no stylesheet", pg.File)
		}
		if total := len(data) + css; total > pageBudget {
			t.Errorf("%s: HTML %d + CSS %d = %d bytes, over the budget of %d", pg.File, len(data), css, total, pageBudget)
		}
		report = append(report, pg.File+": HTML "+strconv.Itoa(len(data))+" B + CSS "+strconv.Itoa(css)+" B = "+strconv.Itoa(len(data)+css)+" B")
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if n.Data == "style" {
				t.Errorf("%s: inline <style> element", pg.File)
			}
			if n.Data == "script" && attr(n, "type") != "application/ld+json" {
				t.Errorf("%s: <script> %s: no JavaScript is allowed", pg.File, attr(n, "src"))
			}
			for _, a := range n.Attr {
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s=%q>: inline style and event handler attributes break the CSP", pg.File, n.Data, a.Key, a.Val)
				}
			}
		}
	}
	sort.Strings(report)
	t.Logf("page weights (uncompressed):\n\t%s", strings.Join(report, "\n\t"))
}

// subresources lists the URLs a browser fetches to show the document:
// stylesheets, icons, preloads, images, scripts, frames and media.
func subresources(doc *html.Node) []string {
	var refs []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "link":
			rel := " " + strings.ToLower(attr(n, "rel")) + " "
			for _, r := range []string{" stylesheet ", " icon ", " preload ", " modulepreload ", " manifest ", " apple-touch-icon "} {
				if strings.Contains(rel, r) {
					refs = append(refs, attr(n, "href"))
					break
				}
			}
		case "img", "script", "iframe", "audio", "video", "source", "embed", "input":
			if src := attr(n, "src"); src != "" {
				refs = append(refs, src)
			}
		case "object":
			if d := attr(n, "data"); d != "" {
				refs = append(refs, d)
			}
		}
	}
	return refs
}

// resolveFile turns a reference from page file into the output file it
// names, or "" when it leaves the site (another origin, or above the
// base path).
func resolveFile(base, page string, ref *url.URL) string {
	b, _ := url.Parse(base)
	u := b.ResolveReference(&url.URL{Path: page}).ResolveReference(ref)
	if u.Scheme != b.Scheme || u.Host != b.Host || !strings.HasPrefix(u.Path, b.Path) {
		return ""
	}
	return strings.TrimPrefix(u.Path, b.Path)
}

// attr is the value of n's attribute key, or "".
func attr(n *html.Node, key string) string { return testsupport.Attr(n, key) }
