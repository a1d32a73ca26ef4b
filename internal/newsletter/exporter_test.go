package newsletter

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestRewrites checks what an export rewrites, from the page to the
// message: links absolute with the UTM parameters, same-page anchors to
// the web page, images absolute and sized to the column, bars for
// charts, inline code colors, and the plain-text twin's endnotes, code,
// lists, quotes and tables. (It was internal/site's
// TestNewsletterRewrites, through a whole build.)
func TestRewrites(t *testing.T) {
	x, site := fixture(t, "site.txtar")
	m, err := x.Compose([]*Section{section(t, x, site, "en", "a")}, false)
	if err != nil {
		t.Fatal(err)
	}
	page, text := string(m.HTML), string(m.Text)
	for _, want := range []string{
		// Same-page anchor → the web page, with UTM before the fragment.
		`href="https://example.test/kz30/en/page-a/?utm_campaign=essai&amp;utm_medium=email&amp;utm_source=newsletter#figures"`,
		// Link to a reference page's anchor.
		`href="https://example.test/kz30/en/page-b/?utm_campaign=essai&amp;utm_medium=email&amp;utm_source=newsletter#detail"`,
		// Links out of the site are left alone.
		`href="https://publicadministration.un.org/egovkb/"`,
		// The image: absolute, scaled to the column, with its alt.
		`src="https://example.test/kz30/img/map.png" alt="Map of Kazakhstan" width="552" height="276"`,
		// Bars with their text values instead of SVG charts.
		`width="90%"`, ">90%</p>", ">29th of 193</p>",
		// Code: chroma's inline colors, lines ending in <br/>.
		`<span style="color:#cf222e" class="hl-cf222e">func</span>`, "<br/>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the HTML lacks %s", want)
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"online¹, and about 11 to 12 million people use the app².",
		"[Map of Kazakhstan] [",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	for _, want := range []string{
		"    func main() {",
		"        message := \"hello, here is a line of code long enough to go past the column\"",
		"1. First point\n2. Second point, with a sub-list:\n   - one\n   - two",
		"> A quote: “digital first”.",
		"Indicator | Value\n----------+------\nRank      |  29th\nServices  |   90%",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
}

// TestMessageDocument parses a French message: a whole document in the
// page's language, the site title and the section's typography, no
// script, id or class on <body>, and every link absolute.
func TestMessageDocument(t *testing.T) {
	x, site := fixture(t, "site.txtar")
	sec := section(t, x, site, "fr", "a")
	if sec.Title != "Page A\u202f: l’essentiel" && sec.Title != "Page A\u00a0: l’essentiel" {
		t.Errorf("Section.Title = %q, want the web typography (no-break space before the colon, curly apostrophe)", sec.Title)
	}
	if sec.URL != "https://example.test/kz30/fr/page-a/" {
		t.Errorf("Section.URL = %q", sec.URL)
	}
	if len(sec.Cards) != 3 {
		t.Errorf("%d cards, want the page's 3 facts", len(sec.Cards))
	}
	m, err := x.Compose([]*Section{sec}, false)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(m.HTML))
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	var title string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "html":
			langs = append(langs, attr(n, "lang"))
		case "title":
			title = textOf(n)
		case "script", "form", "svg":
			t.Errorf("the message has a <%s>", n.Data)
		case "body":
			if attr(n, "class") != "" {
				t.Error("<body> has a class (webmail replaces it)")
			}
		case "a":
			if h := attr(n, "href"); !strings.HasPrefix(h, "https://") && !strings.HasPrefix(h, "mailto:") {
				t.Errorf("link %q is not absolute", h)
			}
		}
		if id := attr(n, "id"); id != "" && n.Data != "html" {
			t.Errorf("<%s id=%q>: a message has no in-message anchors", n.Data, id)
		}
	}
	if len(langs) != 1 || langs[0] != "fr" {
		t.Errorf("<html lang> = %v, want fr", langs)
	}
	if !strings.Contains(title, "l’essentiel") {
		t.Errorf("<title> = %q, want the section's title", title)
	}
	if !strings.Contains(string(m.HTML), "Site d’essai") {
		t.Error("the message does not name the site (site.toml's French title)")
	}
	if len(m.HTML) > MaxBytes || len(m.Warnings) != 0 {
		t.Errorf("%d bytes, warnings %v", len(m.HTML), m.Warnings)
	}
}

// TestTeaser checks that a teaser keeps the title, lede and key figures
// and ends with a button to the page, without the body's later parts.
func TestTeaser(t *testing.T) {
	x, site := fixture(t, "site.txtar")
	secs := []*Section{section(t, x, site, "en", "a")}
	full, err := x.Compose(secs, false)
	if err != nil {
		t.Fatal(err)
	}
	teaser, err := x.Compose(secs, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(teaser.HTML) >= len(full.HTML) || len(teaser.Text) >= len(full.Text) {
		t.Errorf("teaser %d/%d bytes, full %d/%d: the teaser should be shorter", len(teaser.HTML), len(teaser.Text), len(full.HTML), len(full.Text))
	}
	for _, s := range []string{string(teaser.HTML), string(teaser.Text)} {
		if strings.Contains(s, "func main()") {
			t.Error("the teaser holds the body's code")
		}
		if !strings.Contains(s, "https://example.test/kz30/en/page-a/?utm_campaign=essai") {
			t.Error("the teaser has no link to the page")
		}
		if !strings.Contains(s, "29th of 193") {
			t.Error("the teaser lacks the key figures")
		}
	}
}

// TestComposeSeveralAndErrors: sections of one language compose into one
// message with footnotes numbered across it; none, or two languages, is
// an error.
func TestComposeSeveralAndErrors(t *testing.T) {
	x, site := fixture(t, "site.txtar")
	a, c := section(t, x, site, "en", "a"), section(t, x, site, "en", "c")
	m, err := x.Compose([]*Section{a, c}, false)
	if err != nil {
		t.Fatal(err)
	}
	text := string(m.Text)
	if !strings.Contains(text, a.Title) || !strings.Contains(text, c.Title) {
		t.Errorf("the message lacks a title of its two sections")
	}
	if !strings.Contains(text, "³") {
		t.Error("footnotes are not numbered across the message (no ³ after page A's two notes)")
	}
	if got := Subject([]*Section{a, c}); got != strings.Join(strings.FieldsFunc(a.Title, isSpace), " ")+" · "+strings.Join(strings.FieldsFunc(c.Title, isSpace), " ") {
		t.Errorf("Subject = %q", got)
	}
	if _, err := x.Compose(nil, false); err == nil {
		t.Error("no error for no section")
	}
	if _, err := x.Compose([]*Section{a, section(t, x, site, "fr", "a")}, false); err == nil || !strings.Contains(err.Error(), "one language") {
		t.Errorf("two languages: err = %v", err)
	}
}

// TestEML parses an .eml export as a mail client does: the headers, then
// the text and HTML alternatives, decoded, equal to the message's.
func TestEML(t *testing.T) {
	x, site := fixture(t, "site.txtar")
	secs := []*Section{section(t, x, site, "fr", "a")}
	m, err := x.Compose(secs, false)
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	data, err := x.EML(secs, m, Envelope{To: "ana@example.org", Date: date})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := x.EML(secs, m, Envelope{To: "ana@example.org", Date: date})
	if !bytes.Equal(data, again) {
		t.Error("two EML of one message differ")
	}
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("a line ends without CR")
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || subject != Subject(secs) {
		t.Errorf("Subject = %q (%v), want %q", subject, err, Subject(secs))
	}
	from, err := mail.ParseAddress(msg.Header.Get("From"))
	if err != nil || from.Address != "newsletter@example.test" {
		t.Errorf("From = %q (%v), want newsletter@ the site's host", msg.Header.Get("From"), err)
	}
	if got, _ := msg.Header.Date(); !got.Equal(date) {
		t.Errorf("Date = %v, want %v", got, date)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q (%v)", msg.Header.Get("Content-Type"), err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	var types []string
	var bodies [][]byte
	for {
		p, err := r.NextPart() // decodes quoted-printable
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		types = append(types, ct)
		bodies = append(bodies, b)
	}
	if strings.Join(types, ",") != "text/plain,text/html" {
		t.Fatalf("parts %v, want text then HTML", types)
	}
	norm := func(b []byte) string { return strings.ReplaceAll(string(b), "\r\n", "\n") }
	if norm(bodies[0]) != norm(m.Text) || norm(bodies[1]) != norm(m.HTML) {
		t.Error("the decoded parts are not the message's text and HTML")
	}
}

// TestIndex checks the editors' index page: each language's sections with
// links to their four exports, the teaser text to copy, the copy script
// under a strict policy, noindex.
func TestIndex(t *testing.T) {
	x, site := fixture(t, "site.txtar")
	var entries []IndexEntry
	for _, lang := range site.Langs {
		for _, e := range site.Sections(lang) {
			p := e.Page(site, lang)
			entries = append(entries, IndexEntry{Lang: lang, Name: p.Name, Title: p.Title, Description: p.Description,
				Full: lang + "/" + p.Slug + ".html", Teaser: lang + "/" + p.Slug + "-teaser.html", FullSize: 20_000, TeaserSize: 4_000,
				TeaserText: "teaser of " + lang + "/" + p.Name})
		}
	}
	out, err := x.Index(entries, IndexPage{CSS: "../assets/site.css", Favicon: "../favicon.svg", Header: "<header>HEADER</header>"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	hrefs := map[string]bool{}
	var scripts, textareas []string
	var csp, robots string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "a":
			hrefs[attr(n, "href")] = true
		case "script":
			scripts = append(scripts, attr(n, "src"))
		case "textarea":
			textareas = append(textareas, textOf(n))
		case "meta":
			switch {
			case attr(n, "http-equiv") == "Content-Security-Policy":
				csp = attr(n, "content")
			case attr(n, "name") == "robots":
				robots = attr(n, "content")
			}
		}
	}
	for _, e := range entries {
		for _, h := range []string{e.Full, e.Teaser, TextPath(e.Full), TextPath(e.Teaser)} {
			if !hrefs[h] {
				t.Errorf("no link to %s", h)
			}
		}
		if !strings.Contains(strings.Join(textareas, "\n"), e.TeaserText) {
			t.Errorf("no text box with %q", e.TeaserText)
		}
	}
	if len(scripts) != 1 || scripts[0] != CopyScriptName {
		t.Errorf("scripts %v, want only %s", scripts, CopyScriptName)
	}
	if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(robots, "noindex") {
		t.Errorf("CSP %q, robots %q", csp, robots)
	}
	if !bytes.Contains(out, []byte("<header>HEADER</header>")) {
		t.Error("the site's header is not written as is")
	}
}
