package newsletter

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Message is one e-mail: the HTML document and its plain-text twin.
type Message struct {
	HTML     []byte
	Text     []byte
	Warnings diag.List
}

// Compose puts sections of one language into one message, in order: the
// whole sections, or with teaser only their title, lede, key figures and a
// "Read on the site" button. Footnotes are numbered across the message.
func (x *Exporter) Compose(secs []*Section, teaser bool) (*Message, error) {
	if len(secs) == 0 {
		return nil, fmt.Errorf("newsletter: no section to export")
	}
	lang := secs[0].Page.Lang
	for _, s := range secs[1:] {
		if s.Page.Lang != lang {
			return nil, fmt.Errorf("newsletter: %s is in %q, %s in %q: a message has one language", secs[0].Page.Path, lang, s.Page.Path, s.Page.Lang)
		}
	}
	m := &Message{}
	// The HTML and the text each get their own parse of the bodies: the
	// HTML pass rewrites its tree.
	htmlParts, warns, err := x.parts(secs, teaser)
	if err != nil {
		return nil, err
	}
	textParts, _, _ := x.parts(secs, teaser)
	m.Warnings = warns
	doc, err := x.document(lang, htmlParts, teaser)
	if err != nil {
		return nil, err
	}
	out, err := inline(doc)
	if err != nil {
		// The HTML parser refuses elements nested over 512 deep (only raw
		// HTML, unsafe_html = true, can bring that many), and raw style
		// attributes can defeat the inlining.
		p := secs[0].Page
		return nil, &diag.Error{Pos: diag.Pos{File: p.Path, Line: max(p.BodyLine, 1), Col: 1},
			Msg: "cannot export this page to e-mail: " + err.Error(),
			Hint: "flatten the page's raw HTML (elements nested over 500 deep) and remove its inline style attributes; " +
				"if it has neither, report it (the built-in e-mail stylesheet should always inline)"}
	}
	m.HTML = out
	text, err := x.plain(lang, textParts, teaser)
	if err != nil {
		return nil, err
	}
	m.Text = text
	if len(m.HTML) > MaxBytes {
		m.Warnings.Add(diag.Pos{File: secs[0].Page.Path},
			fmt.Sprintf("the e-mail export is %d KB, over the %d KB at which Gmail clips a message", (len(m.HTML)+1023)/1024, MaxBytes/1024),
			"send the teaser, fewer sections, or shorten the page")
	}
	return m, nil
}

// parts prepares each section, numbering footnotes across the message.
func (x *Exporter) parts(secs []*Section, teaser bool) ([]*part, diag.List, error) {
	var parts []*part
	var warns, errs diag.List
	first := 1
	for _, s := range secs {
		if teaser {
			parts = append(parts, &part{sec: s, first: first})
			continue
		}
		pt, w, err := x.prepare(s, first)
		if err != nil {
			errs.Append(err)
			continue
		}
		warns = append(warns, w...)
		first += len(pt.notes)
		parts = append(parts, pt)
	}
	return parts, warns, errs.Err()
}

// document writes the message before inlining: the stylesheet in <style>
// and classes on the elements.
func (x *Exporter) document(lang string, parts []*part, teaser bool) (string, error) {
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	site := x.siteTitle(lang)
	home := x.siteLink(x.opts.Config.BaseURL + lang + "/")
	title := site
	if len(parts) == 1 {
		title = parts[0].sec.Title
	}
	d := dir(lang)
	w("<!DOCTYPE html>\n")
	w(`<html lang="`, esc(lang), `" dir="`, d, `" xmlns:o="urn:schemas-microsoft-com:office:office">`, "\n<head>\n")
	w(`<meta charset="utf-8">`, "\n")
	w(`<meta name="viewport" content="width=device-width, initial-scale=1">`, "\n")
	w(`<meta name="x-apple-disable-message-reformatting">`, "\n")
	w(`<meta name="format-detection" content="telephone=no, date=no, address=no, email=no, url=no">`, "\n")
	w(`<meta name="color-scheme" content="light dark">`, "\n")
	w(`<meta name="supported-color-schemes" content="light dark">`, "\n")
	w(`<meta name="robots" content="noindex, nofollow">`, "\n")
	w("<title>", esc(title), "</title>\n")
	w("<!--[if mso]><xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->\n")
	w("<style>", stylesheet, "</style>\n")
	w("</head>\n")
	// No class on <body>: webmail washers (Roundcube) replace it with their
	// own; the wrapper carries the classes.
	w("<body>\n")
	w(`<div class="wrap" lang="`, esc(lang), `" dir="`, d, `" role="article" aria-roledescription="email" aria-label="`, esc(title), `">`, "\n")
	// The filler after the preheader keeps clients from padding the inbox
	// preview with the message's first lines.
	w(`<div class="preheader">`, esc(parts[0].sec.Description), strings.Repeat("\u200c\u00a0", 40), "</div>\n")
	w(`<!--[if mso]><table role="presentation" align="center" width="`, strconv.Itoa(Width), `" cellpadding="0" cellspacing="0" border="0"><tr><td width="`, strconv.Itoa(Width), `"><![endif]-->`, "\n")
	w(`<table role="presentation" class="outer" align="center" width="100%" cellpadding="0" cellspacing="0" border="0">`, "\n")
	w(`<tr><td class="mast"><a class="mast-a" href="`, esc(home), `">`, esc(site), "</a></td></tr>\n")
	for i, pt := range parts {
		class := "sec"
		if i > 0 {
			class = "sec sec-next"
		}
		w(`<tr><td class="`, class, `">`, "\n")
		if err := x.section(&b, lang, pt, teaser); err != nil {
			return "", err
		}
		w("</td></tr>\n")
	}
	w(`<tr><td class="foot"><a class="foot-a" href="`, esc(home), `">`, esc(site), "</a></td></tr>\n")
	w("</table>\n")
	w("<!--[if mso]></td></tr></table><![endif]-->\n")
	w("</div>\n</body>\n</html>\n")
	return b.String(), nil
}

// section writes one section's cell content.
func (x *Exporter) section(b *strings.Builder, lang string, pt *part, teaser bool) error {
	s := pt.sec
	url := x.siteLink(s.URL)
	b.WriteString(`<h1 class="title"><a class="title-a" href="` + esc(url) + `">` + esc(s.Title) + "</a></h1>\n")
	if s.Description != "" {
		b.WriteString(`<p class="lede">` + esc(s.Description) + "</p>\n")
	}
	if err := x.cardsHTML(b, lang, s.Cards); err != nil {
		return err
	}
	if !teaser {
		b.WriteString(`<div class="prose">` + "\n")
		emailBlock(pt.body)
		for c := pt.body.FirstChild; c != nil; c = c.NextSibling {
			if err := html.Render(b, c); err != nil {
				return err
			}
		}
		if len(pt.notes) > 0 {
			notes, err := x.t(lang, "footnotes")
			if err != nil {
				return err
			}
			b.WriteString("\n" + `<p class="notes-title">` + esc(notes) + "</p>\n")
			b.WriteString(`<table role="presentation" class="notes" width="100%" cellpadding="0" cellspacing="0" border="0">` + "\n")
			for i, note := range pt.notes {
				emailBlock(note)
				b.WriteString(`<tr><td class="note-n" width="28">` + strconv.Itoa(pt.first+i) + ".</td>" + `<td class="note-t">`)
				for c := note.FirstChild; c != nil; c = c.NextSibling {
					if err := html.Render(b, c); err != nil {
						return err
					}
				}
				b.WriteString("</td></tr>\n")
			}
			b.WriteString("</table>\n")
		}
		b.WriteString("</div>\n")
	}
	read, err := x.t(lang, "read-on-site")
	if err != nil {
		return err
	}
	b.WriteString(button(url, read))
	return nil
}

// button is a bulletproof button: the link itself is the button (a block
// with padding and background), so the whole button is clickable. Classic
// Outlook ignores padding on <a> (mso-padding-alt:0 says so); there,
// spaces of the link's own letter-spacing before and after the text make
// the sides, and mso-text-raise the top and bottom, so the link still
// covers the whole button. The cell repeats the color for clients that
// paint only the text's background.
func button(href, label string) string {
	return `<table role="presentation" class="btn" cellpadding="0" cellspacing="0" border="0"><tr><td class="btn-in" bgcolor="#00677a">` +
		`<a class="btn-a" href="` + esc(href) + `">` +
		`<!--[if mso]><i style="letter-spacing:24px;mso-font-width:-100%;mso-text-raise:28pt">&nbsp;</i><![endif]-->` +
		`<span class="btn-t">` + esc(label) + `</span>` +
		`<!--[if mso]><i style="letter-spacing:24px;mso-font-width:-100%">&nbsp;</i><![endif]-->` +
		"</a></td></tr></table>\n"
}

// cardsHTML writes the key-figure cards two by two, as fluid columns
// that need no media query: each pair is two inline blocks at most half
// the column wide, side by side when they fit and one above the other on
// a phone, even in a client that strips <style>. Outlook for Windows,
// which knows neither inline-block nor max-width, gets a ghost table of
// two cells instead. A lone last card takes the whole width.
func (x *Exporter) cardsHTML(b *strings.Builder, lang string, cards []Card) error {
	if len(cards) == 0 {
		return nil
	}
	b.WriteString(`<div class="cards">`)
	for i := 0; i < len(cards); i += 2 {
		if i+1 == len(cards) {
			b.WriteString(`<div class="col-w">`)
			if err := x.card(b, lang, cards[i]); err != nil {
				return err
			}
			b.WriteString("</div>")
			continue
		}
		b.WriteString(`<!--[if mso]><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td width="50%" valign="top"><![endif]-->`)
		for j := range 2 {
			if j == 1 {
				b.WriteString(`<!--[if mso]></td><td width="50%" valign="top"><![endif]-->`)
			}
			b.WriteString(`<div class="col">`)
			if err := x.card(b, lang, cards[i+j]); err != nil {
				return err
			}
			b.WriteString("</div>")
		}
		b.WriteString(`<!--[if mso]></td></tr></table><![endif]-->`)
	}
	b.WriteString("</div>\n")
	return nil
}

// card writes one key-figure card: figure, label, bar and source.
func (x *Exporter) card(b *strings.Builder, lang string, c Card) error {
	b.WriteString(`<table role="presentation" class="card" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="card-pad"><table role="presentation" class="card" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="card-in">`)
	b.WriteString(`<p class="figure">` + esc(c.Figure) + "</p>")
	b.WriteString(`<p class="label">` + esc(c.Label) + "</p>")
	if c.Bar != nil {
		b.WriteString(`<table role="presentation" class="bar" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>`)
		cell := func(class string, w int) {
			if w > 0 {
				b.WriteString(`<td class="` + class + `" width="` + strconv.Itoa(w) + `%">&nbsp;</td>`)
			}
		}
		cell("bar-off", c.Bar.From)
		cell("bar-on", c.Bar.To-c.Bar.From)
		cell("bar-off", 100-c.Bar.To)
		b.WriteString("</tr></table>")
		if c.BarText != "" {
			b.WriteString(`<p class="bar-text">` + esc(c.BarText) + "</p>")
		}
	}
	if c.Source != "" {
		src, err := x.t(lang, "source-named", c.Source)
		if err != nil {
			return err
		}
		if c.SourceURL != "" {
			b.WriteString(`<p class="src"><a class="src-a" href="` + esc(x.siteLink(c.SourceURL)) + `">` + esc(src) + "</a></p>")
		} else {
			b.WriteString(`<p class="src">` + esc(src) + "</p>")
		}
	}
	b.WriteString("</td></tr></table></td></tr></table>")
	return nil
}

// emailBlock rewrites what the stylesheet cannot style safely: code
// blocks become a table cell with line breaks, data tables get their
// class and attributes.
func emailBlock(root *html.Node) {
	for _, n := range elements(root) {
		switch n.DataAtom {
		case atom.Pre:
			codeBlock(n)
		case atom.Table:
			if attr(n, "role") == "" {
				setAttr(n, "class", "dt")
				setAttr(n, "width", "100%")
				setAttr(n, "cellpadding", "0")
				setAttr(n, "cellspacing", "0")
				setAttr(n, "border", "0")
			}
		}
	}
}

// codeBlock turns <pre><code>…</code></pre> into a one-cell table whose
// lines end in <br> and whose runs of spaces alternate with no-break
// spaces: the layout of <pre> without white-space, which Outlook does
// not support, and long lines wrap at spaces instead of widening the
// message. chroma's inline colors are kept.
func codeBlock(pre *html.Node) {
	if pre.Parent == nil {
		return
	}
	td := &html.Node{Type: html.ElementNode, Data: "td", DataAtom: atom.Td, Attr: []html.Attribute{{Key: "class", Val: "code-in"}}}
	src := pre
	if c := pre.FirstChild; c != nil && c.DataAtom == atom.Code && c.NextSibling == nil {
		src = c
	}
	for c := src.FirstChild; c != nil; {
		next := c.NextSibling
		src.RemoveChild(c)
		td.AppendChild(c)
		c = next
	}
	var texts []*html.Node
	for d := range td.Descendants() {
		if d.Type == html.TextNode {
			texts = append(texts, d)
		}
	}
	if len(texts) > 0 {
		last := texts[len(texts)-1]
		last.Data = strings.TrimRight(last.Data, "\n")
	}
	lineStart, prevSpace := true, false
	for _, t := range texts {
		s := strings.ReplaceAll(t.Data, "\t", "    ")
		var seg strings.Builder
		flush := func() {
			if seg.Len() > 0 {
				t.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: seg.String()}, t)
				seg.Reset()
			}
		}
		for _, r := range s {
			switch {
			case r == '\n':
				flush()
				t.Parent.InsertBefore(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}, t)
				lineStart, prevSpace = true, false
			case r == ' ' && (lineStart || prevSpace):
				seg.WriteRune('\u00a0')
				prevSpace = false
			case r == ' ':
				seg.WriteRune(' ')
				prevSpace = true
			default:
				seg.WriteRune(r)
				lineStart, prevSpace = false, false
			}
		}
		flush()
		t.Parent.RemoveChild(t)
	}
	// Spans that only color blanks, carry no style or the block's own
	// color, go.
	for _, e := range elements(td) {
		if e.DataAtom == atom.Span && (attr(e, "style") == "" || attr(e, "style") == "color:"+codeColor ||
			strings.TrimSpace(strings.ReplaceAll(textOf(e), "\u00a0", " ")) == "") {
			unwrap(e)
		}
	}
	mergeSpans(td)
	table := &html.Node{Type: html.ElementNode, Data: "table", DataAtom: atom.Table, Attr: []html.Attribute{
		{Key: "role", Val: "presentation"}, {Key: "class", Val: "code"}, {Key: "width", Val: "100%"},
		{Key: "cellpadding", Val: "0"}, {Key: "cellspacing", Val: "0"}, {Key: "border", Val: "0"}}}
	tr := &html.Node{Type: html.ElementNode, Data: "tr", DataAtom: atom.Tr}
	table.AppendChild(tr)
	tr.AppendChild(td)
	pre.Parent.InsertBefore(table, pre)
	pre.Parent.RemoveChild(pre)
}

// codeColor is the text color of a code block (.code-in), chroma's
// github text color.
const codeColor = "#1f2328"

// mergeSpans joins the code spans of the same style that follow each
// other, directly or across blanks, so a highlighted block has few spans
// (spam filters score text cut into many spans), and gives each span the
// class of its color for the dark-mode rules (codeDarkCSS).
func mergeSpans(td *html.Node) {
	blank := func(n *html.Node) bool {
		return n.Type == html.TextNode && strings.TrimSpace(strings.ReplaceAll(n.Data, "\u00a0", " ")) == ""
	}
	for c := td.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom != atom.Span {
			continue
		}
		style := attr(c, "style")
		for {
			n := c.NextSibling
			var gap []*html.Node
			for n != nil && blank(n) {
				gap = append(gap, n)
				n = n.NextSibling
			}
			if n == nil || n.DataAtom != atom.Span || attr(n, "style") != style {
				break
			}
			for _, g := range gap {
				td.RemoveChild(g)
				c.AppendChild(g)
			}
			for k := n.FirstChild; k != nil; {
				next := k.NextSibling
				n.RemoveChild(k)
				c.AppendChild(k)
				k = next
			}
			td.RemoveChild(n)
		}
		color, _, _ := strings.Cut(style, ";")
		if hex, ok := strings.CutPrefix(color, "color:#"); ok && len(hex) == 6 {
			setAttr(c, "class", "hl-"+strings.ToLower(hex))
		}
	}
	// Adjacent text nodes left by the merge become one.
	for c := td.FirstChild; c != nil; c = c.NextSibling {
		for c.Type == html.TextNode && c.NextSibling != nil && c.NextSibling.Type == html.TextNode {
			n := c.NextSibling
			c.Data += n.Data
			td.RemoveChild(n)
		}
	}
}

// esc escapes text for HTML content and attribute values.
func esc(s string) string { return html.EscapeString(s) }
