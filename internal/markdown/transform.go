package markdown

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer rewrites the parsed document and fills the conversion state.
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	if !st.checkDepth(doc) {
		st.tooDeep = true
		return
	}
	src := reader.Source()
	st.hugoIDs = hugoAnchors(doc, src)
	var txt strings.Builder
	var unlink, raw []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock && txt.Len() > 0 {
			txt.WriteByte('\n')
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			st.heading(n, src)
		case *shortcodeNode:
			n.addImage()
		case *ast.HTMLBlock, *ast.RawHTML:
			if !st.opts.UnsafeHTML {
				raw = append(raw, n)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link, *ast.Image, *ast.AutoLink:
			if st.links++; st.links == st.maxLinks+1 {
				st.errs.Add(st.pos(deepPos(n)), fmt.Sprintf("too many links: more than %d links and images on one page", st.maxLinks),
					"split the page into several pages")
			}
		}
		switch n := n.(type) {
		case *ast.Link:
			if !st.link(n, &n.Destination, n.Pos()) {
				unlink = append(unlink, n)
			}
		case *ast.Image:
			if !st.link(n, &n.Destination, n.Pos()) {
				st.doc.Images++
				unlink = append(unlink, n)
			} else {
				st.image(n, src)
			}
		case *ast.AutoLink:
			u := string(n.URL(src))
			if !st.opts.UnsafeHTML && dangerous(u) {
				st.warns.Add(st.pos(nodePos(n)), fmt.Sprintf("unsafe link %q removed", u), "link to an http(s) address")
				unlink = append(unlink, n)
			} else if n.AutoLinkType == ast.AutoLinkURL {
				st.doc.External = append(st.doc.External, u)
			}
		case *east.TableCell:
			if n.Alignment != east.AlignNone {
				n.SetAttributeString("class", []byte("al-"+n.Alignment.String()))
			}
		case *east.Footnote:
			st.doc.Footnotes++
		case *ast.Text:
			txt.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				txt.WriteByte(' ')
			}
		case *ast.String:
			if !n.IsCode() {
				txt.Write(n.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unlink {
		replaceWithChildren(n)
	}
	for _, n := range st.figures {
		makeFigure(n)
	}
	for _, n := range raw {
		if p := n.Parent(); p != nil {
			p.ReplaceChild(p, n, st.rawHTML(n, src))
		}
	}
	if st.doc.Text != "" && txt.Len() > 0 {
		st.doc.Text += "\n"
	}
	st.doc.Text += txt.String()
}

// heading keeps only id and class attributes and records the heading.
func (st *state) heading(n *ast.Heading, src []byte) {
	id := ""
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			id = string(b)
		}
	}
	attrs := n.Attributes()
	n.RemoveAttributes()
	for _, a := range attrs {
		if name := string(a.Name); name == "id" || name == "class" {
			n.SetAttribute(a.Name, a.Value)
		} else {
			st.warns.Add(st.pos(nodePos(n)), fmt.Sprintf("heading attribute %q removed", name), "headings take only {#id} and {.class}")
		}
	}
	t := plainText(n, src)
	t = st.loc.Text(t)
	st.doc.Headings = append(st.doc.Headings, Heading{Level: n.Level, ID: id, Text: t, Explicit: st.ids.explicit[id]})
}

// link checks and rewrites one destination. It returns false when the link
// must be removed (its text kept).
func (st *state) link(n ast.Node, dest *[]byte, off int) bool {
	d := string(*dest)
	pos := st.pos(off)
	if !st.opts.UnsafeHTML && dangerous(d) {
		st.warns.Add(pos, fmt.Sprintf("unsafe URL %q removed", truncate(d)), "link to an http(s) address or to a page (.md file)")
		return false
	}
	u, err := url.Parse(d)
	if err != nil {
		// CommonMark allows what url.Parse refuses at the start of a
		// relative reference ("foo):"): read it as a path.
		u, err = url.Parse("./" + d)
	}
	switch {
	case err != nil:
		st.warns.Add(pos, fmt.Sprintf("invalid link %q: %v", truncate(d), err), "fix the URL (it is kept as written)")
		return true
	case u.Scheme != "" || strings.HasPrefix(d, "//"):
		st.doc.External = append(st.doc.External, d)
		if _, ok := n.(*ast.Link); ok {
			n.SetAttributeString("class", []byte("ext"))
			if st.opts.ExternalLabel != "" {
				label := ast.NewString([]byte(`<span class="vh"> ` + st.opts.ExternalLabel + `</span>`))
				label.SetCode(true)
				n.AppendChild(n, label)
			}
		}
		return true
	case d == "":
		st.warns.Add(pos, "empty link", "write the address between the parentheses")
		return true
	case strings.HasPrefix(d, "#"):
		frag := d[1:]
		if f, err := url.PathUnescape(frag); err == nil {
			frag = f
		}
		if id, ok := st.hugoIDs[frag]; ok && !slices.Contains(st.ids.all(), frag) {
			// Written for Hugo's heading IDs: to the heading's ID here.
			*dest = []byte("#" + id)
			frag = id
		} else {
			frag = d[1:]
		}
		st.doc.Links = append(st.doc.Links, Link{Fragment: frag, Pos: pos})
		return true
	case strings.HasSuffix(u.Path, ".md") || strings.HasSuffix(u.Path, ".markdown"):
		st.doc.Links = append(st.doc.Links, Link{Page: u.Path, Fragment: u.Fragment, Pos: pos})
		if st.src.Resolve == nil {
			return true
		}
		target, err := st.src.Resolve(u.Path)
		if err != nil {
			st.errs.Add(pos, err.Error(), "fix the file name, or create the page")
			return true
		}
		st.rewrite(n, dest, target, u)
		return true
	case (strings.HasSuffix(u.Path, ".html") || strings.HasPrefix(u.Path, "/")) && u.RawQuery == "" && st.src.Resolve != nil:
		// An HTML page by its file name ("about.html") or a
		// root-relative link ("/docs/faq/"): to a page when one has that
		// URL or file name, else kept as written (a .html file of
		// static/, say).
		target, err := st.src.Resolve(u.Path)
		if err != nil {
			return true
		}
		st.doc.Links = append(st.doc.Links, Link{Page: u.Path, Fragment: u.Fragment, Pos: pos})
		st.rewrite(n, dest, target, u)
		return true
	}
	return true
}

// rewrite points a resolved page link at target; a link to another
// language's page standing in for a missing one gets hreflang and a
// visible language tag.
func (st *state) rewrite(n ast.Node, dest *[]byte, target string, u *url.URL) {
	if u.Fragment != "" {
		target += "#" + u.Fragment
	}
	*dest = []byte(target)
	if st.src.StandIn == nil {
		return
	}
	if lang := st.src.StandIn(u.Path); lang != "" {
		n.SetAttributeString("hreflang", []byte(lang))
		if _, ok := n.(*ast.Link); ok {
			tag := ast.NewString([]byte(` <span class="lang-tag" lang="` + lang + `">` + strings.ToUpper(lang) + `</span>`))
			tag.SetCode(true)
			n.AppendChild(n, tag)
		}
		st.warns.Add(st.pos(n.Pos()), fmt.Sprintf("link to %s: the page is missing in %s, so it goes to the %s page", u.Path, st.opts.Lang, lang),
			"translate the page (or build without --allow-missing to make this an error)")
	}
}

// dangerous reports URLs whose scheme can run script or smuggle content:
// javascript:, vbscript: and data:, however they are spelled.
func dangerous(d string) bool {
	var b strings.Builder
	for _, r := range d {
		if r > ' ' && r != 0x7f {
			b.WriteRune(r)
		}
		if b.Len() > 12 {
			break
		}
	}
	s := strings.ToLower(b.String())
	for _, p := range []string{"javascript:", "vbscript:", "data:", "file:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// replaceWithChildren puts n's children in its place.
func replaceWithChildren(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// plainText is the text of n's inline descendants.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			if !c.IsCode() {
				b.Write(c.Value)
			}
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tt, ok := t.(*ast.Text); ok {
					b.Write(tt.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
