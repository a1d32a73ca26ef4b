package newsletter

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/vanng822/go-premailer/premailer"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// classRE finds the class selectors of a stylesheet.
var classRE = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_-]*)`)

// inline moves the stylesheet into style attributes with go-premailer.
// What cannot be inlined (the @media rules) stays in one <style> block;
// classes that no leftover rule uses are removed, and the result must
// hold no var(): e-mail clients do not know custom properties.
func inline(doc string) ([]byte, error) {
	p, err := premailer.NewPremailerFromString(doc, premailer.NewOptions())
	if err != nil {
		return nil, fmt.Errorf("inline styles: %w", err)
	}
	out, err := p.Transform()
	if err != nil {
		return nil, fmt.Errorf("inline styles: %w", err)
	}
	root, err := html.Parse(strings.NewReader(out))
	if err != nil {
		return nil, fmt.Errorf("inline styles: %w", err)
	}
	var styles []*html.Node
	used := map[string]bool{}
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Style {
			styles = append(styles, n)
			css := textOf(n)
			if strings.Contains(css, "var(") {
				return nil, fmt.Errorf("inline styles: a CSS custom property is left in <style>")
			}
			for _, m := range classRE.FindAllStringSubmatch(css, -1) {
				used[m[1]] = true
			}
		}
	}
	if len(styles) > 1 {
		return nil, fmt.Errorf("inline styles: %d <style> blocks left, want at most one", len(styles))
	}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		var keep []html.Attribute
		for _, a := range n.Attr {
			if a.Key == "style" && strings.Contains(a.Val, "var(") {
				return nil, fmt.Errorf("inline styles: a CSS custom property is left in <%s style=%q>", n.Data, a.Val)
			}
			if a.Key == "class" {
				var cs []string
				for _, c := range strings.Fields(a.Val) {
					if used[c] {
						cs = append(cs, c)
					}
				}
				if len(cs) == 0 {
					continue
				}
				a.Val = strings.Join(cs, " ")
			}
			if a.Key == "type" && n.DataAtom == atom.Style {
				continue
			}
			keep = append(keep, a)
		}
		n.Attr = keep
	}
	outlookFonts(root, font{})
	var buf bytes.Buffer
	if err := html.Render(&buf, root); err != nil {
		return nil, err
	}
	return append(buf.Bytes(), '\n'), nil
}

// font is the inherited font of an element, as CSS values.
type font struct{ family, size, lineHeight string }

// textBlock reports the elements that hold text in their own box: classic
// Outlook for Windows gives each its default font (Times New Roman)
// unless it names one itself, since it inherits no font into table cells.
func textBlock(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Td, atom.Th, atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Blockquote:
		return true
	}
	return false
}

// outlookFonts gives every text block below n the font-family, font-size
// and line-height it inherits, unless it sets its own, and
// mso-line-height-rule:exactly before its line-height, so Outlook keeps
// the line height as written instead of treating it as a minimum.
func outlookFonts(n *html.Node, in font) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		cur := in
		style := ""
		for _, a := range c.Attr {
			if a.Key == "style" {
				style = a.Val
			}
		}
		decls := splitStyle(style)
		for _, d := range decls {
			switch d[0] {
			case "font-family":
				cur.family = d[1]
			case "font-size":
				cur.size = d[1]
			case "line-height":
				cur.lineHeight = d[1]
			}
		}
		if c.DataAtom == atom.Body {
			cur = font{}
		}
		if textBlock(c.DataAtom) && !strings.Contains(style, "display:none") && (cur.family != "" || cur.size != "" || cur.lineHeight != "") && insideBody(c) {
			setAttr(c, "style", withFont(decls, cur))
		}
		outlookFonts(c, cur)
	}
}

// withFont writes decls back with the font's missing declarations added,
// and mso-line-height-rule:exactly just before line-height.
func withFont(decls [][2]string, f font) string {
	has := map[string]bool{}
	for _, d := range decls {
		has[d[0]] = true
	}
	var out []string
	for _, d := range decls {
		switch d[0] {
		case "mso-line-height-rule":
			continue
		case "line-height":
			out = append(out, "mso-line-height-rule:exactly")
		}
		out = append(out, d[0]+":"+d[1])
	}
	if !has["font-family"] && f.family != "" {
		out = append(out, "font-family:"+f.family)
	}
	if !has["font-size"] && f.size != "" {
		out = append(out, "font-size:"+f.size)
	}
	if !has["line-height"] && f.lineHeight != "" {
		out = append(out, "mso-line-height-rule:exactly", "line-height:"+f.lineHeight)
	}
	return strings.Join(out, ";")
}

// insideBody reports whether n is below <body>.
func insideBody(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Body {
			return true
		}
	}
	return false
}

// splitStyle splits a style attribute into property, value pairs, minding
// quotes and parentheses.
func splitStyle(style string) [][2]string {
	var out [][2]string
	var cur strings.Builder
	depth, quote := 0, rune(0)
	flush := func() {
		if p, v, ok := strings.Cut(cur.String(), ":"); ok && strings.TrimSpace(p) != "" {
			out = append(out, [2]string{strings.ToLower(strings.TrimSpace(p)), strings.TrimSpace(v)})
		}
		cur.Reset()
	}
	for _, r := range style {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '(':
			depth++
		case r == ')':
			depth--
		case r == ';' && depth == 0:
			flush()
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	return out
}
