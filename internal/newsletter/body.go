package newsletter

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif"  // image sizes
	_ "image/jpeg" // image sizes
	_ "image/png"  // image sizes
	"path"
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// part is one section inside a message: its body and endnotes with the
// footnotes numbered from first.
type part struct {
	sec   *Section
	body  *html.Node   // a <div> holding the body's blocks; nil for a teaser
	notes []*html.Node // one <div> per endnote, holding its blocks
	first int          // message-wide number of the section's first note
}

// allowed reports the elements an e-mail body keeps; any other element
// is replaced by its children (dropped elements go entirely). Each has a
// rule in the stylesheet, so every element ends up with inline styles.
func allowed(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Blockquote, atom.Pre, atom.Code,
		atom.Em, atom.Strong, atom.Del, atom.Sup, atom.A, atom.Img,
		atom.Br, atom.Hr, atom.Table, atom.Thead, atom.Tbody, atom.Tr, atom.Th, atom.Td:
		return true
	}
	return false
}

// dropped reports the elements removed with their content: what e-mail
// clients strip or block, and what has no place in a message. Only raw
// HTML (unsafe_html = true) can bring them.
func dropped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Link, atom.Meta, atom.Base, atom.Iframe, atom.Object,
		atom.Embed, atom.Form, atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Svg,
		atom.Math, atom.Noscript, atom.Template, atom.Video, atom.Audio, atom.Canvas, atom.Nav:
		return true
	}
	return n.Data == "svg" || n.Data == "math"
}

// prepare parses a section's body for one message: links and images
// absolute, footnote references numbered from first, footnotes moved to
// notes, and nothing an e-mail client would break (ids, in-message
// anchors, scripts, SVG). Both the HTML and the plain text start from it.
//
// The converted body always parses unless raw HTML (unsafe_html = true)
// nests elements deeper than the HTML parser's 512: then the section
// cannot be exported and the error says so at the body's first line.
func (x *Exporter) prepare(sec *Section, first int) (*part, diag.List, error) {
	pt := &part{sec: sec, first: first}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(bytes.NewReader(sec.doc.HTML), ctx)
	if err != nil {
		return nil, nil, diag.List{{Pos: diag.Pos{File: sec.Page.Path, Line: max(sec.Page.BodyLine, 1), Col: 1},
			Msg:  "cannot export this page to e-mail: its HTML does not parse (" + err.Error() + ")",
			Hint: "flatten the page's raw HTML: fewer elements inside one another"}}
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	var warns diag.List
	// Footnotes first: they leave the body, and their references become
	// plain numbers.
	for _, n := range elements(root) {
		if n.DataAtom == atom.Div && hasClass(n, "footnotes") {
			pt.notes = footnotes(n)
			n.Parent.RemoveChild(n)
		}
	}
	for _, n := range elements(root) {
		if n.DataAtom == atom.A && hasClass(n, "footnote-ref") {
			local, _ := strconv.Atoi(textOf(n))
			num := &html.Node{Type: html.TextNode, Data: strconv.Itoa(first + local - 1)}
			n.Parent.InsertBefore(num, n)
			n.Parent.RemoveChild(n)
		}
	}
	x.clean(root, sec, &warns)
	for _, note := range pt.notes {
		x.clean(note, sec, &warns)
	}
	pt.body = root
	return pt, warns, nil
}

// footnotes returns the content of each <li> of a goldmark footnote list,
// without its back link, each in a <div>.
func footnotes(div *html.Node) []*html.Node {
	var notes []*html.Node
	for _, n := range elements(div) {
		if n.DataAtom != atom.Li {
			continue
		}
		for _, a := range elements(n) {
			if a.DataAtom == atom.A && hasClass(a, "footnote-backref") {
				if prev := a.PrevSibling; prev != nil && prev.Type == html.TextNode {
					prev.Data = strings.TrimRight(prev.Data, " \u00a0")
				}
				a.Parent.RemoveChild(a)
			}
		}
		note := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			n.RemoveChild(c)
			if c.Type != html.TextNode || strings.TrimSpace(c.Data) != "" {
				note.AppendChild(c)
			}
			c = next
		}
		notes = append(notes, note)
	}
	return notes
}

// clean rewrites the elements below root for e-mail.
//
// A figure becomes its image followed by its caption as a paragraph of
// class "caption" (no figure element reads the same in every client);
// the image, of class "fig-img", sits close to its caption.
func (x *Exporter) clean(root *html.Node, sec *Section, warns *diag.List) {
	figImgs := map[*html.Node]bool{}
	for _, e := range elements(root) {
		if !below(e, root) {
			continue // removed with an ancestor
		}
		caption := false
		switch {
		case dropped(e):
			e.Parent.RemoveChild(e)
			continue
		case e.DataAtom == atom.Figure:
			for d := range e.Descendants() {
				if d.DataAtom == atom.Img {
					figImgs[d] = true
				}
			}
			unwrap(e)
			continue
		case e.DataAtom == atom.Figcaption:
			e.Data, e.DataAtom, caption = "p", atom.P, true
		case !allowed(e.DataAtom) && !(e.DataAtom == atom.Span && inside(e, atom.Pre)):
			unwrap(e)
			continue
		}
		var keep []html.Attribute
		for _, a := range e.Attr {
			switch a.Key {
			case "href":
				if e.DataAtom == atom.A {
					a.Val = x.link(sec.URL, a.Val)
					keep = append(keep, a)
				}
			case "src", "alt", "title", "start", "colspan", "rowspan", "lang", "dir":
				keep = append(keep, a)
			case "srcset": // read by image, then dropped
				if e.DataAtom == atom.Img {
					keep = append(keep, a)
				}
			case "style":
				if e.DataAtom == atom.Span && inside(e, atom.Pre) && !strings.Contains(a.Val, "var(") {
					keep = append(keep, a)
				}
			case "class":
				if v := alignClass(a.Val); v != "" {
					keep = append(keep, html.Attribute{Key: "class", Val: v})
				}
			}
		}
		e.Attr = keep
		if caption {
			e.Attr = append(e.Attr, html.Attribute{Key: "class", Val: "caption"})
		}
		if e.DataAtom == atom.A && attr(e, "href") == "" {
			unwrap(e)
			continue
		}
		if e.DataAtom == atom.A {
			if w := phishing(sec.Page, textOf(e), attr(e, "href")); w != nil {
				*warns = append(*warns, w)
			}
		}
		if e.DataAtom == atom.Img {
			x.image(e, sec, warns)
			if figImgs[e] && e.Parent != nil {
				e.Attr = append(e.Attr, html.Attribute{Key: "class", Val: "fig-img"})
			}
		}
	}
}

// alignClass keeps a table cell's alignment class.
func alignClass(v string) string {
	for _, c := range strings.Fields(v) {
		if c == "al-left" || c == "al-center" || c == "al-right" {
			return c
		}
	}
	return ""
}

// image makes an image absolute and gives it its width and height,
// scaled down to the column. An image whose size is unknown (not a file
// of the site, or not PNG, JPEG or GIF) becomes a link to it, with a
// warning: without a size, Outlook shows it at its full width.
func (x *Exporter) image(img *html.Node, sec *Section, warns *diag.List) {
	src := x.abs(sec.URL, retinaSource(attr(img, "src"), attr(img, "srcset")))
	alt := attr(img, "alt")
	w, h, ok := x.imageSize(src)
	if !ok {
		name := alt
		if name == "" {
			name = path.Base(src)
		}
		a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: src}}}
		a.AppendChild(&html.Node{Type: html.TextNode, Data: name})
		img.Parent.InsertBefore(a, img)
		img.Parent.RemoveChild(img)
		warns.Add(diag.Pos{File: sec.Page.Path}, fmt.Sprintf("image %s has no known size: the e-mail export links to it instead", src),
			"use a PNG, JPEG or GIF file next to the page or in static/ so the export can give it a width and height")
		return
	}
	if w > contentWidth {
		h = (h*contentWidth + w/2) / w
		w = contentWidth
	}
	img.Attr = []html.Attribute{{Key: "src", Val: src}, {Key: "alt", Val: alt}, {Key: "width", Val: strconv.Itoa(w)}, {Key: "height", Val: strconv.Itoa(h)}}
}

// retinaSource picks the image a message shows: the smallest variant of
// srcset at least twice the column's width (sharp on a retina screen,
// lighter than the original), else src, the original.
func retinaSource(src, srcset string) string {
	best, bestW := src, 0
	for _, c := range strings.Split(srcset, ",") {
		f := strings.Fields(c)
		if len(f) != 2 || !strings.HasSuffix(f[1], "w") {
			continue
		}
		w, err := strconv.Atoi(strings.TrimSuffix(f[1], "w"))
		if err != nil || w < 2*contentWidth {
			continue
		}
		if bestW == 0 || w < bestW {
			best, bestW = f[0], w
		}
	}
	return best
}

// imageSize reads the size of an image of the site.
func (x *Exporter) imageSize(abs string) (w, h int, ok bool) {
	base := x.opts.Config.BaseURL
	if x.opts.Asset == nil || !strings.HasPrefix(abs, base) {
		return 0, 0, false
	}
	p := strings.TrimPrefix(abs, base)
	p, _, _ = strings.Cut(p, "?")
	p, _, _ = strings.Cut(p, "#")
	data, err := x.opts.Asset(p)
	if err != nil {
		return 0, 0, false
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, false
	}
	return cfg.Width, cfg.Height, true
}

// elements lists the element nodes below n in document order. The list
// is taken before any change, so callers may edit the tree while they
// walk it.
func elements(n *html.Node) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode {
			out = append(out, d)
		}
	}
	return out
}

// below reports whether n is still in the tree under root.
func below(n, root *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}

// inside reports whether n has an ancestor of kind a.
func inside(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		n.Parent.InsertBefore(c, n)
		c = next
	}
	n.Parent.RemoveChild(n)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// textOf is the text below n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
