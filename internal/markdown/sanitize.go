package markdown

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// SafeElements are the raw HTML elements kept when unsafe_html is off
// (with the attributes of safeAttrs); everything else is removed with a
// warning.
var SafeElements = []string{
	"sup", "sub", "kbd", "abbr", "mark", "small", "br",
	"details", "summary", "figure", "figcaption", "dl", "dt", "dd", "img",
}

// newPolicy is the bluemonday allowlist of raw HTML: SafeElements,
// abbr[title], details[open], img[src alt width height] with http(s) or
// relative URLs. No script, style, event handler or other URL scheme gets
// through. A Policy is safe for concurrent use once built.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(SafeElements...)
	p.AllowAttrs("title").OnElements("abbr")
	p.AllowAttrs("open").Matching(regexp.MustCompile(`^(|open)$`)).OnElements("details")
	p.AllowAttrs("alt").OnElements("img")
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,5}$`)).OnElements("img")
	p.AllowAttrs("src").OnElements("img")
	p.AllowURLSchemes("http", "https")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	return p
}

// omitted is what stands for raw HTML that the policy removes whole, as
// goldmark writes it.
const omitted = "<!-- raw HTML omitted -->"

// sanitize runs raw HTML through the policy and warns at pos about what it
// removed. It returns the HTML to write.
func (st *state) sanitize(raw string, off int, block bool) string {
	out := st.policy.Sanitize(raw)
	if gone := removed(raw, out); len(gone) > 0 {
		st.warns.Add(st.pos(off), "raw HTML omitted: "+strings.Join(gone, ", "),
			"write Markdown instead (raw HTML keeps only "+strings.Join(SafeElements, " ")+"), or set unsafe_html = true in site.toml if every writer is trusted")
	}
	if strings.TrimSpace(out) == "" {
		if block {
			return omitted + "\n"
		}
		return omitted
	}
	return out
}

// removed lists the elements and attributes of in that out lacks, in the
// order of in ("<script>", "onclick on <img>"), at most five.
func removed(in, out string) []string {
	if in == out {
		return nil
	}
	have := map[string]int{}
	for _, t := range tags(out) {
		have[t]++
	}
	var gone []string
	seen := map[string]bool{}
	for _, t := range tags(in) {
		if have[t] > 0 {
			have[t]--
			continue
		}
		if !seen[t] && len(gone) < 5 {
			gone = append(gone, t)
		}
		seen[t] = true
	}
	if len(gone) == 0 && strings.Contains(in, "<!--") && !strings.Contains(out, "<!--") {
		gone = append(gone, "comment")
	}
	return gone
}

// tags lists the start tags of h as "<name>" and their attributes as
// "name on <tag>".
func tags(h string) []string {
	var ts []string
	z := html.NewTokenizer(strings.NewReader(h))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ts
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			ts = append(ts, "<"+t.Data+">")
			for _, a := range t.Attr {
				ts = append(ts, fmt.Sprintf("%s on <%s>", a.Key, t.Data))
			}
		}
	}
}

// kindSafeHTML is the node kind of a sanitised HTML block.
var kindSafeHTML = ast.NewNodeKind("SafeHTML")

// safeHTML is an HTML block after the policy: written as is.
type safeHTML struct {
	ast.BaseBlock
	html string
}

// Kind implements ast.Node.
func (*safeHTML) Kind() ast.NodeKind { return kindSafeHTML }

// Dump implements ast.Node.
func (s *safeHTML) Dump(src []byte, level int) {
	ast.DumpHelper(s, src, level, map[string]string{"HTML": s.html}, nil)
}

// safeHTMLRenderer renders safeHTML nodes.
type safeHTMLRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (safeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindSafeHTML, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*safeHTML).html)
		}
		return ast.WalkSkipChildren, nil
	})
}

// rawHTML sanitises a raw HTML node (inline or block) and returns the node
// that replaces it.
func (st *state) rawHTML(n ast.Node, src []byte) ast.Node {
	var b strings.Builder
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			s := n.Segments.At(i)
			b.Write(s.Value(src))
		}
		r := ast.NewString([]byte(st.sanitize(b.String(), nodePos(n), false)))
		r.SetCode(true)
		return r
	case *ast.HTMLBlock:
		for i := range n.Lines().Len() {
			s := n.Lines().At(i)
			b.Write(s.Value(src))
		}
		if n.HasClosure() {
			b.Write(n.ClosureLine.Value(src))
		}
		out := st.sanitize(b.String(), nodePos(n), true)
		if !strings.HasSuffix(out, "\n") {
			out += "\n"
		}
		return &safeHTML{html: out}
	}
	return n
}
