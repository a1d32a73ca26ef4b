package site

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/newsletter"
	"github.com/kz30/kz30/internal/testsupport"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nlFixture extracts testdata/newsletter.txtar and adds the PNG image its
// pages show (800×400: wider than the e-mail column) to a static/ folder
// that otherwise holds the default files.
func nlFixture(t testing.TB) string {
	t.Helper()
	return testsupport.NewsletterSite(t, filepath.Join("testdata", "newsletter.txtar"), filepath.Join("..", "..", "theme"))
}

// nlRealSite renders the Kazakhstan site of the repository.
func nlRealSite(t testing.TB) *Result {
	t.Helper()
	return mustRender(t, Options{Dir: filepath.Join("..", ".."), Defaults: repoRoot})
}

// nlExports lists the HTML exports of a build (not the index), sorted.
func nlExports(res *Result) []string { return testsupport.NewsletterExports(res.Files) }

// nlUnstyled are the elements exempt from the inline-style rule: table
// rows and row groups have no box of their own in the table model (their
// cells carry the styles), and <br> renders no box.
var nlUnstyled = map[atom.Atom]bool{atom.Tr: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Br: true}

// nlCheckHTML asserts the e-mail rules on one HTML export. "Every element
// that renders visibly has its style inline" means: every element inside
// <body> except tr, tbody, thead, tfoot and br has a style attribute with
// at least one declaration, so the message looks the same once a client
// has dropped every <style> block.
func nlCheckHTML(t *testing.T, name, lang string, data []byte, res *Result) {
	t.Helper()
	fail := func(format string, args ...any) { t.Errorf("%s: "+format, append([]any{name}, args...)...) }
	if len(data) >= newsletter.MaxBytes {
		fail("%d bytes, Gmail clips messages from %d", len(data), newsletter.MaxBytes)
	}
	if !bytes.HasPrefix(data, []byte("<!DOCTYPE html>")) {
		fail("does not start with <!DOCTYPE html>")
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	base := res.Config.BaseURL
	utm := url.Values{}
	for k, v := range map[string]string{"utm_source": res.Config.Newsletter.UTMSource, "utm_medium": res.Config.Newsletter.UTMMedium, "utm_campaign": res.Config.Newsletter.UTMCampaign} {
		if v != "" {
			utm.Set(k, v)
		}
	}
	var styles, robots, wrappers int
	var body *html.Node
	for n := range doc.Descendants() {
		switch n.Type {
		case html.CommentNode:
			continue
		case html.ElementNode:
		default:
			continue
		}
		get := func(k string) string { return nlAttr(n, k) }
		switch n.DataAtom {
		case atom.Html:
			if get("lang") != lang {
				fail("<html lang=%q>, want %q", get("lang"), lang)
			}
		case atom.Body:
			body = n
			if nlHasAttr(n, "class") {
				fail("<body class=%q>: webmail washers replace the class of <body>; the wrapper carries it", get("class"))
			}
		case atom.Script, atom.Form, atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Iframe, atom.Object, atom.Embed, atom.Svg:
			fail("has a <%s>", n.Data)
		case atom.Link:
			fail("has a <link rel=%q>", get("rel"))
		case atom.Style:
			styles++
			if rest := nlOutsideMedia(nlText(n)); strings.TrimSpace(rest) != "" {
				fail("the <style> block holds more than @media rules: %q", rest)
			}
			if strings.Contains(nlText(n), "var(") {
				fail("var() in the <style> block")
			}
		case atom.Meta:
			if strings.EqualFold(get("http-equiv"), "Content-Security-Policy") {
				fail("carries a Content-Security-Policy: exports are exempt")
			}
			if get("name") == "robots" && strings.Contains(get("content"), "noindex") {
				robots++
			}
		case atom.Img:
			if !nlHasAttr(n, "alt") {
				fail("<img src=%q> without alt", get("src"))
			}
			for _, k := range []string{"width", "height"} {
				if v, err := strconv.Atoi(get(k)); err != nil || v <= 0 {
					fail("<img src=%q> %s=%q", get("src"), k, get(k))
				}
			}
			if w, _ := strconv.Atoi(get("width")); w > newsletter.Width {
				fail("<img> %d px wide in a %d px column", w, newsletter.Width)
			}
		case atom.Table:
			if get("role") != "presentation" && !nlHas(n, atom.Th) {
				fail("a layout table without role=presentation")
			}
		}
		if nlHasAttr(n, "id") {
			fail("<%s id=%q>: an export defines no id, nothing may link inside a message", n.Data, get("id"))
		}
		if strings.Contains(get("style"), "var(") {
			fail("<%s style=%q> has var()", n.Data, get("style"))
		}
		// Pasting into a rich-text editor freezes a width of a style
		// attribute into the pixels of the layout: a width in percent
		// goes in the width attribute, or comes with a max-width that
		// fits the narrowest phone's column.
		var pct bool
		maxPx := 0
		for _, d := range nlDeclarations(get("style")) {
			if d.Property == "width" && strings.HasSuffix(d.Value, "%") {
				pct = true
			}
			if d.Property == "max-width" && strings.HasSuffix(d.Value, "px") {
				maxPx, _ = strconv.Atoi(strings.TrimSuffix(d.Value, "px"))
			}
		}
		if pct && (maxPx == 0 || maxPx > nlNarrowest) {
			fail("<%s style=%q>: width in percent in a style attribute (paste turns it into the pixels of the layout); use the width attribute, or a max-width of at most %dpx", n.Data, get("style"), nlNarrowest)
		}
		for _, k := range []string{"href", "src"} {
			v, ok := nlAttrOK(n, k)
			if !ok {
				continue
			}
			if strings.HasPrefix(v, "#") {
				fail("in-message anchor %s=%q", k, v)
				continue
			}
			u, err := url.Parse(v)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				fail("%s=%q is not an absolute http(s) URL", k, v)
				continue
			}
			if k == "href" && len(utm) > 0 {
				q := u.Query()
				site := strings.HasPrefix(v, base)
				for key, want := range utm {
					if site && q.Get(key) != want[0] {
						fail("link to the site %q lacks %s=%s", v, key, want[0])
					}
					if !site && q.Has(key) {
						fail("link out of the site %q carries %s", v, key)
					}
				}
			}
		}
		if body != nil && nlBelow(n, body) && !nlUnstyled[n.DataAtom] && strings.Trim(get("style"), "; ") == "" {
			fail("<%s> inside <body> has no inline style", n.Data)
		}
		if body != nil && nlBelow(n, body) && nlTextBlock[n.DataAtom] && !strings.Contains(get("style"), "display:none") {
			nlCheckFont(fail, n)
		}
	}
	if styles > 1 {
		fail("%d <style> blocks, want at most 1", styles)
	}
	if robots != 1 {
		fail("no <meta name=robots content=noindex>")
	}
	// lang and dir again on a wrapper inside <body>, its first element.
	if body == nil {
		t.Fatalf("%s: no <body>", name)
	}
	var wrap *html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			wrap = c
			break
		}
	}
	if wrap == nil || nlAttr(wrap, "lang") != lang || nlAttr(wrap, "dir") != "ltr" {
		fail("the first element of <body> does not carry lang=%q dir=ltr", lang)
	} else {
		wrappers++
		// The hidden preheader comes first inside it.
		var pre *html.Node
		for c := wrap.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				pre = c
				break
			}
		}
		if pre == nil || !strings.Contains(nlAttr(pre, "style"), "display:none") || !strings.Contains(nlAttr(pre, "style"), "mso-hide:all") || strings.TrimSpace(nlText(pre)) == "" {
			fail("no hidden preheader at the top of the message")
		} else if strings.Contains(";"+nlAttr(pre, "style"), ";color:") {
			fail("the preheader sets a color (%q): spam filters score text colored like its background", nlAttr(pre, "style"))
		}
	}
	// Outlook's ghost table holds the 600 px column.
	if !bytes.Contains(data, []byte(`<!--[if mso]><table role="presentation" align="center" width="600"`)) || !bytes.Contains(data, []byte(`<!--[if mso]></td></tr></table><![endif]-->`)) {
		fail("no MSO ghost table around the column")
	}
	if !regexp.MustCompile(`max-width:\s*600px`).Match(data) {
		fail("the column has no max-width of 600px")
	}
	nlCheckButtons(fail, doc, bytes.Count(data, []byte(`<h1 `)))
}

// nlNarrowest is the column of a 320 px phone: the viewport less the
// section's side padding.
const nlNarrowest = 320 - 2*24

// nlTextBlock are the elements that hold text in their own box: each
// must name its font, since classic Outlook inherits none into cells.
var nlTextBlock = map[atom.Atom]bool{atom.Div: true, atom.Td: true, atom.Th: true, atom.P: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true}

// nlCheckFont asserts that a text block sets font-family, font-size and
// line-height, with mso-line-height-rule:exactly before line-height.
func nlCheckFont(fail func(string, ...any), n *html.Node) {
	seen := map[string]int{}
	for i, d := range nlDeclarations(nlAttr(n, "style")) {
		if _, ok := seen[d.Property]; !ok {
			seen[d.Property] = i
		}
	}
	for _, p := range []string{"font-family", "font-size", "line-height"} {
		if _, ok := seen[p]; !ok {
			fail("<%s style=%q> has no %s: Outlook for Windows falls back to its default", n.Data, nlAttr(n, "style"), p)
			return
		}
	}
	if r, ok := seen["mso-line-height-rule"]; !ok || r > seen["line-height"] {
		fail("<%s style=%q>: no mso-line-height-rule:exactly before line-height", n.Data, nlAttr(n, "style"))
	}
}

// nlCheckButtons asserts that each section's "Read on the site" button is
// bulletproof: the link is the whole button (an inline block carrying the
// padding and the background, in a cell without padding that repeats the
// color), with Outlook's padding replaced by its own spacers.
func nlCheckButtons(fail func(string, ...any), doc *html.Node, sections int) {
	buttons := 0
	for n := range doc.Descendants() {
		if n.DataAtom != atom.A || n.Parent == nil || n.Parent.DataAtom != atom.Td || !nlHasAttr(n.Parent, "bgcolor") {
			continue
		}
		buttons++
		td := n.Parent
		decls := map[string]string{}
		for _, d := range nlDeclarations(nlAttr(n, "style")) {
			decls[d.Property] = d.Value
		}
		tdDecls := map[string]string{}
		for _, d := range nlDeclarations(nlAttr(td, "style")) {
			tdDecls[d.Property] = d.Value
		}
		if decls["display"] != "inline-block" || !strings.HasSuffix(decls["padding"], "px") || decls["background-color"] == "" || decls["mso-padding-alt"] != "0" {
			fail("button link %q is not the whole button: style %q", nlText(n), nlAttr(n, "style"))
		}
		if tdDecls["padding"] != "0" || !strings.EqualFold(tdDecls["background-color"], nlAttr(td, "bgcolor")) {
			fail("button cell pads around its link or lacks its color: style %q bgcolor %q", nlAttr(td, "style"), nlAttr(td, "bgcolor"))
		}
		if td.FirstChild != n || td.LastChild != n || strings.TrimSpace(nlText(n)) == "" {
			fail("button cell holds more than its link")
		}
		var mso int
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.CommentNode && strings.Contains(c.Data, "[if mso]") && strings.Contains(c.Data, "mso-font-width") {
				mso++
			}
		}
		if mso != 2 {
			fail("button %q: %d Outlook spacers inside the link, want 2", nlText(n), mso)
		}
	}
	if buttons != sections {
		fail("%d buttons for %d sections", buttons, sections)
	}
}

// nlCheckText asserts the plain-text rules on the twin of an HTML export.
func nlCheckText(t *testing.T, name string, htmlData, text []byte) {
	t.Helper()
	fail := func(format string, args ...any) { t.Errorf("%s: "+format, append([]any{name}, args...)...) }
	if !utf8.Valid(text) {
		fail("not UTF-8")
	}
	doc, err := html.Parse(bytes.NewReader(htmlData))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		for _, k := range []string{"href", "src"} {
			if v, ok := nlAttrOK(n, k); ok && n.DataAtom != atom.Link && !bytes.Contains(text, []byte(v)) {
				fail("the text lacks the link %s", v)
			}
		}
	}
	refLine := regexp.MustCompile(`^\[\d+\] https?://\S+$`)
	markup := regexp.MustCompile(`<[a-zA-Z/!]|&[a-z]+;|&#`)
	for i, l := range strings.Split(string(text), "\n") {
		if n := utf8.RuneCountInString(l); n > newsletter.TextWidth && !refLine.MatchString(l) &&
			!strings.HasPrefix(l, "    ") && strings.Contains(strings.TrimSpace(l), " ") {
			fail("line %d has %d runes: %q", i+1, n, l)
		}
		for _, nb := range []string{"\u00a0", "\u202f"} {
			if strings.HasSuffix(l, nb) || strings.HasPrefix(l, nb) {
				fail("line %d is broken at a no-break space: %q", i+1, l)
			}
		}
		if (strings.ContainsAny(l, "\uE000\uE001") || markup.MatchString(l)) && !strings.HasPrefix(l, "    ") {
			fail("line %d has markup or placeholders: %q", i+1, l)
		}
	}
}

func TestNewsletterRulesOnEveryExport(t *testing.T) {
	for _, site := range []struct {
		name string
		res  func(t *testing.T) *Result
		want int
	}{
		{"kazakhstan", func(t *testing.T) *Result { return nlRealSite(t) }, 24},
		{"fixture", func(t *testing.T) *Result { return mustRender(t, Options{Dir: nlFixture(t)}) }, 8},
	} {
		t.Run(site.name, func(t *testing.T) {
			res := site.res(t)
			names := nlExports(res)
			if len(names) != site.want {
				t.Fatalf("%d HTML exports, want %d: %v", len(names), site.want, names)
			}
			biggest := 0
			for _, name := range names {
				nlCheckHTML(t, name, strings.Split(name, "/")[1], res.Files[name], res)
				text, ok := res.Files[newsletter.TextPath(name)]
				if !ok {
					t.Errorf("%s has no .txt twin", name)
					continue
				}
				nlCheckText(t, newsletter.TextPath(name), res.Files[name], text)
				biggest = max(biggest, len(res.Files[name]))
			}
			t.Logf("%d exports, the biggest %d bytes (limit %d)", len(names), biggest, newsletter.MaxBytes)
			for _, w := range res.Stats.Warnings {
				if strings.Contains(w.Msg, "e-mail export") {
					t.Errorf("warning: %v", w)
				}
			}
		})
	}
}

// Every section in every language gets four exports; reference pages and
// homes get none; the index links to all of them, with a Copy button per
// HTML export run by a same-origin script; nothing of it reaches the
// sitemap or the feeds.
func TestNewsletterFilesAndIndex(t *testing.T) {
	res := mustRender(t, Options{Dir: nlFixture(t)})
	var got []string
	for name := range res.Files {
		if strings.HasPrefix(name, "newsletter/") {
			got = append(got, name)
		}
	}
	slices.Sort(got)
	var want []string
	for _, lang := range []string{"en", "fr"} {
		for _, slug := range []string{"page-a", "page-c"} {
			for _, suffix := range []string{".html", ".txt", "-teaser.html", "-teaser.txt"} {
				want = append(want, "newsletter/"+lang+"/"+slug+suffix)
			}
		}
	}
	exports := slices.Clone(want)
	slices.Sort(exports)
	want = append(want, "newsletter/index.html", "newsletter/copy.js")
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("newsletter files:\n got %q\nwant %q", got, want)
	}
	for _, feed := range []string{"sitemap.xml", "fr/index.xml", "en/index.xml"} {
		if bytes.Contains(res.Files[feed], []byte("newsletter/")) {
			t.Errorf("%s mentions the newsletter exports", feed)
		}
	}
	// The web pages keep their CSP; the exports are exempt (checked above).
	if !bytes.Contains(res.Files["fr/page-a/index.html"], []byte("Content-Security-Policy")) {
		t.Errorf("the web page lost its Content-Security-Policy")
	}
	index, err := html.Parse(bytes.NewReader(res.Files["newsletter/index.html"]))
	if err != nil {
		t.Fatal(err)
	}
	var links, copies []string
	var csp, robots, textareas, script bool
	var header []string // the site's header: links to the pages
	for n := range index.Descendants() {
		if n.DataAtom == atom.A && strings.HasPrefix(nlAttr(n, "href"), "../") {
			header = append(header, path.Join("newsletter", nlAttr(n, "href")))
		} else if n.DataAtom == atom.A {
			links = append(links, "newsletter/"+nlAttr(n, "href"))
		}
		// A Copy button per HTML export, hidden until the script shows it,
		// naming the export and its text twin.
		if n.DataAtom == atom.Button {
			h, txt := nlAttr(n, "data-copy-html"), nlAttr(n, "data-copy-text")
			copies = append(copies, "newsletter/"+h)
			if _, ok := res.Files["newsletter/"+txt]; !ok || txt != newsletter.TextPath(h) {
				t.Errorf("Copy button of %s: text %q", h, txt)
			}
			if !nlHasAttr(n, "hidden") || nlAttr(n, "type") != "button" || nlAttr(n, "data-copied") == "" || nlAttr(n, "data-failed") == "" {
				t.Errorf("Copy button of %s: %v", h, n.Attr)
			}
			if s := n.NextSibling.NextSibling; s == nil || nlAttr(s, "role") != "status" {
				t.Errorf("Copy button of %s has no status after it", h)
			}
		}
		if n.DataAtom == atom.Script {
			script = nlAttr(n, "src") == newsletter.CopyScriptName && nlHasAttr(n, "defer") && string(res.Files["newsletter/"+newsletter.CopyScriptName]) == newsletter.CopyScript
		}
		if n.DataAtom == atom.Meta && nlAttr(n, "http-equiv") == "Content-Security-Policy" {
			csp = strings.Contains(nlAttr(n, "content"), "default-src 'none'") && strings.Contains(nlAttr(n, "content"), "script-src 'self'") && strings.Contains(nlAttr(n, "content"), "connect-src 'self'")
		}
		if n.DataAtom == atom.Meta && strings.Contains(nlAttr(n, "content"), "noindex") {
			robots = true
		}
		if n.DataAtom == atom.Textarea && strings.Contains(nlText(n), "Page C") {
			textareas = true
		}
		if n.DataAtom == atom.Link {
			if _, ok := res.Files[path.Join("newsletter", nlAttr(n, "href"))]; !ok {
				t.Errorf("the index links to a missing stylesheet %q", nlAttr(n, "href"))
			}
		}
	}
	slices.Sort(links)
	if !slices.Equal(links, exports) {
		t.Errorf("the index links to\n %q\nwant\n %q", links, exports)
	}
	var htmlExports []string
	for _, e := range exports {
		if strings.HasSuffix(e, ".html") {
			htmlExports = append(htmlExports, e)
		}
	}
	slices.Sort(copies)
	if !slices.Equal(copies, htmlExports) {
		t.Errorf("the index has Copy buttons for\n %q\nwant\n %q", copies, htmlExports)
	}
	if !csp || !robots || !textareas || !script {
		t.Errorf("index: CSP %v, noindex %v, teaser text to copy %v, copy script %v; want all", csp, robots, textareas, script)
	}
	// The site's header: the French home, its sections, the English home.
	slices.Sort(header)
	if want := []string{"en/index.html", "fr/index.html", "fr/page-a/index.html", "fr/page-c/index.html"}; !slices.Equal(header, want) {
		t.Errorf("the index's header links to %q, want %q", header, want)
	}
	for _, want := range []string{`<html lang="fr"`, `<meta name="description" content="`, `<link rel="icon" href="../favicon.svg"`,
		`<header class="site-header">`, `<nav class="switcher" aria-label="Changer de langue">`, `<nav class="sections" aria-label="Navigation entre les sections">`} {
		if !bytes.Contains(res.Files["newsletter/index.html"], []byte(want)) {
			t.Errorf("the index lacks %s", want)
		}
	}
}

func TestNewsletterOffByDefault(t *testing.T) {
	res := mustRender(t, Options{FS: archive(t, "site.txtar")})
	for name := range res.Files {
		if strings.HasPrefix(name, "newsletter/") {
			t.Errorf("%s written without [newsletter] enabled = true", name)
		}
	}
}

// The exports state the same facts, with the same typography, as the web
// pages: the title, the lede and every key figure.
func TestNewsletterSameFactsAsWebPages(t *testing.T) {
	res := nlRealSite(t)
	checked := 0
	for _, e := range res.Site.Entries {
		for _, p := range e.Pages {
			if p == nil || e.IsHome() || !p.Section {
				continue
			}
			web, err := html.Parse(bytes.NewReader(res.Files[p.URLPath()+"index.html"]))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for n := range web.Descendants() {
				if n.DataAtom == atom.H1 || (n.DataAtom == atom.P && (nlHasClass(n, "lede") || nlHasClass(n, "figure") || nlHasClass(n, "label"))) {
					want = append(want, strings.TrimSpace(nlText(n)))
				}
			}
			if len(want) < 2 {
				t.Fatalf("%s: found only %q on the web page", p.Path, want)
			}
			for _, teaser := range []string{"", "-teaser"} {
				name := "newsletter/" + p.Lang + "/" + p.Slug + teaser + ".html"
				exp, err := html.Parse(bytes.NewReader(res.Files[name]))
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for n := range exp.Descendants() {
					if n.Type == html.ElementNode && (n.DataAtom == atom.H1 || n.DataAtom == atom.P) {
						got = append(got, strings.TrimSpace(nlText(n)))
					}
				}
				text := string(res.Files[newsletter.TextPath(name)])
				for _, w := range want {
					if !slices.Contains(got, w) {
						t.Errorf("%s lacks %q of the web page", name, w)
					}
					if !strings.Contains(strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(w), " ")) {
						t.Errorf("%s lacks %q of the web page", newsletter.TextPath(name), w)
					}
				}
				checked++
			}
		}
	}
	if checked != 24 {
		t.Errorf("checked %d exports, want 24", checked)
	}
}

// Several sections make one message: footnotes are numbered across it,
// each number once, and every reference points to a note of the message.
func TestNewsletterComposesSections(t *testing.T) {
	for _, tc := range []struct {
		dir   string
		names []string
		lang  string
		notes int
	}{
		{nlFixture(t), []string{"a", "c"}, "fr", 3},
		{filepath.Join("..", ".."), []string{"e-government", "kaspi"}, "en", 3},
	} {
		opts := Options{Dir: tc.dir, Defaults: repoRoot}
		out, _, err := nlSplit(Newsletter(opts, NewsletterRequest{Names: tc.names, Lang: tc.lang}))
		if err != nil {
			t.Fatal(err)
		}
		where := fmt.Sprintf("%s %v", tc.lang, tc.names)
		doc, err := html.Parse(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		var h1 int
		var notes []string
		refs := map[string]bool{}
		for n := range doc.Descendants() {
			switch {
			case n.DataAtom == atom.H1:
				h1++
			case n.DataAtom == atom.Td && nlAttr(n, "width") == "28":
				notes = append(notes, strings.TrimSuffix(nlText(n), "."))
			case n.DataAtom == atom.Sup:
				refs[nlText(n)] = true
			}
		}
		if h1 != len(tc.names) {
			t.Errorf("%s: %d section titles, want %d", where, h1, len(tc.names))
		}
		var want []string
		for i := 1; i <= tc.notes; i++ {
			want = append(want, strconv.Itoa(i))
		}
		if !slices.Equal(notes, want) {
			t.Errorf("%s: notes numbered %q, want %q", where, notes, want)
		}
		for r := range refs {
			if !slices.Contains(notes, r) {
				t.Errorf("%s: reference %s points to no note", where, r)
			}
		}
		if len(refs) != tc.notes {
			t.Errorf("%s: %d distinct references, want %d", where, len(refs), tc.notes)
		}
		res := &Result{Config: mustRender(t, opts).Config}
		nlCheckHTML(t, where, tc.lang, out, res)
		text, _, err := nlSplit(Newsletter(opts, NewsletterRequest{Names: tc.names, Lang: tc.lang, Text: true}))
		if err != nil {
			t.Fatal(err)
		}
		nlCheckText(t, where+" text", out, text)
		for i := 1; i <= tc.notes; i++ {
			if strings.Count(string(text), "\n"+nlSuper(i)+" ") != 1 {
				t.Errorf("%s text: note %d is not listed once", where, i)
			}
		}
		teaser, _, err := nlSplit(Newsletter(opts, NewsletterRequest{Names: tc.names, Lang: tc.lang, Teaser: true}))
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Count(teaser, []byte("<h1 ")); got != len(tc.names) {
			t.Errorf("%s teaser: %d titles, want %d", where, got, len(tc.names))
		}
		nlCheckHTML(t, where+" teaser", tc.lang, teaser, res)
	}
}

func nlSuper(n int) string {
	d := []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(d[c-'0'])
	}
	return b.String()
}

func TestNewsletterRequestErrors(t *testing.T) {
	dir := nlFixture(t)
	for _, tc := range []struct {
		req  NewsletterRequest
		want string
	}{
		{NewsletterRequest{Names: []string{"nope"}, Lang: "fr"}, `content/fr/nope.md: no page "nope" in fr; name a section by its file name: a, c`},
		{NewsletterRequest{Names: []string{"b"}, Lang: "en"}, `content/en/b.md: "b" is a reference page (section: false), which has no newsletter export; name a section: a, c`},
		{NewsletterRequest{Names: []string{"_index"}, Lang: "en"}, `content/en/_index.md: "_index" is a reference page`},
		{NewsletterRequest{Names: []string{"a"}, Lang: "de"}, `unknown language "de"; pass --lang fr or --lang en`},
		{NewsletterRequest{Lang: "fr"}, "no section named on the command line; name one or more sections: a, c"},
	} {
		_, _, err := nlSplit(Newsletter(Options{Dir: dir, Defaults: repoRoot}, tc.req))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Newsletter(%+v) error = %v, want %q", tc.req, err, tc.want)
		}
	}
	// --base-url moves every link and image.
	out, _, err := nlSplit(Newsletter(Options{Dir: dir, Defaults: repoRoot, BaseURL: "https://user.github.io/repo"}, NewsletterRequest{Names: []string{"a.md"}}))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("example.test")) || !bytes.Contains(out, []byte(`src="https://user.github.io/repo/img/map.png"`)) {
		t.Errorf("--base-url did not move the links and images")
	}
}

// The fixture's export shows what the rewriting does, beyond the rules.
func nlAttr(n *html.Node, key string) string {
	v, _ := nlAttrOK(n, key)
	return v
}

func nlAttrOK(n *html.Node, key string) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func nlHasAttr(n *html.Node, key string) bool {
	_, ok := nlAttrOK(n, key)
	return ok
}

func nlHasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(nlAttr(n, "class")), class)
}

// nlHas reports whether n has a descendant element a.
func nlHas(n *html.Node, a atom.Atom) bool {
	for d := range n.Descendants() {
		if d.DataAtom == a {
			return true
		}
	}
	return false
}

func nlBelow(n, root *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}

func nlText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// nlOutsideMedia is the CSS left once every @media block is removed.
func nlOutsideMedia(css string) string {
	var out strings.Builder
	for {
		i := strings.Index(css, "@media")
		if i < 0 {
			out.WriteString(css)
			return out.String()
		}
		out.WriteString(css[:i])
		depth, j := 0, i
		for ; j < len(css); j++ {
			if css[j] == '{' {
				depth++
			} else if css[j] == '}' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if j >= len(css) {
			return out.String() + css[i:]
		}
		css = css[j+1:]
	}
}

// nlGolden are the exports of the fixture pinned byte for byte: one
// section in each language, HTML and text.
var nlGolden = []string{
	"newsletter/fr/page-a.html",
	"newsletter/fr/page-a.txt",
	"newsletter/en/page-a.html",
	"newsletter/en/page-a.txt",
}

func TestNewsletterGolden(t *testing.T) {
	res := mustRender(t, Options{Dir: nlFixture(t)})
	for _, name := range nlGolden {
		got, ok := res.Files[name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		compareGolden(t, "NewsletterGolden", name, got)
	}
}

// Two builds give the same exports, byte for byte; kz30 newsletter works
// on a site whose site.toml does not enable the exports.
func TestNewsletterDeterministicAndOnDemand(t *testing.T) {
	dir := nlFixture(t)
	a, b := mustRender(t, Options{Dir: dir}), mustRender(t, Options{Dir: dir})
	n := 0
	for name, data := range a.Files {
		if strings.HasPrefix(name, "newsletter/") {
			n++
			if !bytes.Equal(data, b.Files[name]) {
				t.Errorf("%s differs between two builds", name)
			}
		}
	}
	if n != 18 {
		t.Errorf("%d newsletter files, want 18", n)
	}
	out, _, err := nlSplit(Newsletter(Options{FS: archive(t, "site.txtar"), Defaults: repoRoot}, NewsletterRequest{Names: []string{"a"}, Lang: "en", Text: true}))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("Test site [1]\n\nPage A: the essentials\n=====")) {
		t.Errorf("text export of a site without [newsletter]:\n%s", out)
	}
	// No UTM parameters when site.toml sets none.
	if bytes.Contains(out, []byte("utm_")) {
		t.Errorf("UTM parameters without [newsletter] utm_*:\n%s", out)
	}
}

// A link whose text looks like another domain than the link's is what
// spam filters' phishing rules flag: the build warns at the link.
func TestNewsletterPhishingWarning(t *testing.T) {
	dir := nlFixture(t)
	p := filepath.Join(dir, "content", "en", "c.md")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte("A second section, which"), []byte("A second section, see [Example.org](a.md), which"), 1)
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	res := mustRender(t, Options{Dir: dir})
	want := `content/en/c.md:10:23: link text "Example.org" looks like the domain example.org, but the link goes to example.test: spam filters score this as phishing in the e-mail export; write the name without its domain ("Example"), or link to example.org itself`
	n := 0
	for _, w := range res.Stats.Warnings {
		if strings.Contains(w.Msg, "phishing") {
			n++
			if w.Error() != want {
				t.Errorf("warning:\n got %s\nwant %s", w.Error(), want)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d phishing warnings, want 1: %v", n, res.Stats.Warnings)
	}
	out, warns, err := nlSplit(Newsletter(Options{Dir: dir, Defaults: repoRoot}, NewsletterRequest{Names: []string{"c"}, Lang: "en"}))
	if err != nil || len(out) == 0 {
		t.Fatal(err)
	}
	if !strings.Contains(warns.Error(), want) {
		t.Errorf("kz30 newsletter warnings lack the phishing one: %v", warns)
	}
}
