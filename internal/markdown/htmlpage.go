package markdown

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// IsHTMLPage reports whether a page file holds an HTML body (Hugo's .html
// content pages) rather than Markdown: Convert reads it with ConvertHTML.
func IsHTMLPage(file string) bool { return strings.HasSuffix(file, ".html") }

// PageElements are the elements an HTML page's body may hold besides
// SafeElements: what kz30's Markdown writes itself (paragraphs, headings,
// lists, links, emphasis, code, quotes, tables, rules), plus div and span.
var PageElements = []string{
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "b", "i", "code", "pre",
	"blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "s", "div", "span",
}

// newPagePolicy is the policy of an HTML page's body: the raw HTML
// allowlist (newPolicy) and PageElements with the attributes Markdown
// writes on them (a[href title], img[title], ol[start], code[class
// language-x], th/td[colspan rowspan], an id on headings).
func newPagePolicy() *bluemonday.Policy {
	p := newPolicy()
	p.AllowElements(PageElements...)
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowAttrs("title").OnElements("img")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[A-Za-z0-9_+#-]{1,40}$`)).OnElements("code")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,3}$`)).OnElements("th", "td")
	p.AllowAttrs("id").Matching(regexp.MustCompile(`^[^\s"'<>&]{1,100}$`)).OnElements("h1", "h2", "h3", "h4", "h5", "h6")
	return p
}

// skipContent are the elements whose content goes with them when they are
// removed (a script's code is not text to show).
var skipContent = []string{"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select", "svg", "math", "title", "head"}

// htmlPiece is a part of an HTML page's output.
type htmlPiece struct{ s string }

// ConvertHTML converts the body of an HTML page: its elements and
// attributes go through the same allowlist as raw HTML in Markdown,
// extended by PageElements (everything, with unsafe_html), each removal
// a warning at its line:col; links to pages (.md files, root-relative
// paths) resolve as in Markdown, with the same errors; local images get
// their URL, size and copy; headings get IDs (kept when written) for the
// table of contents and anchor checks; the text gets the language's
// typography. Shortcodes are not read in HTML pages.
func (c *Converter) ConvertHTML(src Source) (*Doc, diag.List, error) {
	doc, ids := &Doc{}, newHeadingIDs(c.loc)
	st := &state{src: src, opts: &c.opts, loc: c.loc, policy: c.pagePolicy, ids: ids, doc: doc, maxLinks: c.links}
	var out []string
	var text strings.Builder
	open := map[string]int{} // kept elements not yet closed, by name
	skip := 0                // depth inside a removed element whose content goes too
	skipName := ""
	verbatim := 0 // inside pre or code: no prose
	head := -1    // index in out of the open heading's start tag
	var headText strings.Builder
	z := html.NewTokenizer(strings.NewReader(string(src.Body)))
	off := 0
	for {
		tt := z.Next()
		raw := string(z.Raw())
		at := off
		off += len(raw)
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := html.UnescapeString(raw)
			out = append(out, html.EscapeString(t))
			if head >= 0 {
				headText.WriteString(t)
			}
			if verbatim == 0 {
				text.WriteString(t)
			}
		case html.CommentToken:
			if st.policy != nil {
				st.warns.Add(st.pos(at), "raw HTML omitted: comment", "remove the comment (HTML pages keep only the allowlisted elements), or set unsafe_html = true in site.toml")
			}
		case html.DoctypeToken:
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := tok.Data
			if skip > 0 {
				if name == skipName && tt == html.StartTagToken {
					skip++
				}
				continue
			}
			tag, ok := st.pageTag(raw, tok, at)
			if !ok {
				if slices.Contains(skipContent, name) && tt == html.StartTagToken {
					skip, skipName = 1, name
				}
				continue
			}
			void := tt == html.SelfClosingTagToken || isVoid(name)
			if !void {
				open[name]++
			}
			if name == "pre" || name == "code" {
				verbatim++
			}
			switch name {
			case "a":
				tag = st.pageLink(tag, at)
			case "img":
				tag = st.pageImage(tag, at)
			case "h1", "h2", "h3", "h4", "h5", "h6":
				head = len(out)
				headText.Reset()
			}
			out = append(out, renderTag(tag, void))
		case html.EndTagToken:
			tok := z.Token()
			name := tok.Data
			if skip > 0 {
				if name == skipName {
					skip--
				}
				continue
			}
			if open[name] == 0 {
				continue // its start tag was removed
			}
			open[name]--
			if name == "pre" || name == "code" {
				verbatim--
			}
			if name == "a" && len(out) > 0 {
				out = append(out, st.linkSuffix())
			}
			if head >= 0 && len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
				out[head] = st.headingTag(out[head], name, headText.String())
				head = -1
			}
			out = append(out, "</"+name+">")
		}
	}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for n := range open {
			if !yield(n) {
				return
			}
		}
	}) {
		for range open[name] {
			out = append(out, "</"+name+">")
		}
	}
	doc.HTML = c.loc.HTML([]byte(strings.Join(out, "")))
	doc.Text = text.String()
	doc.IDs = append(doc.IDs, ids.all()...)
	doc.Words = i18n.Words(doc.Text)
	return doc, st.warns, st.errs.Err()
}

// pageTag passes one start tag through the policy: the tag as the policy
// keeps it, false when the element is removed. Removals are warnings at
// the tag.
func (st *state) pageTag(raw string, tok html.Token, at int) (html.Token, bool) {
	if st.policy == nil {
		return tok, true
	}
	closing := ""
	if !isVoid(tok.Data) {
		closing = "</" + tok.Data + ">"
	}
	clean := st.policy.Sanitize(raw + closing)
	hint := "HTML pages keep only " + strings.Join(append(slices.Clone(PageElements), SafeElements...), " ") + " and their usual attributes; or set unsafe_html = true in site.toml if every writer is trusted"
	if gone := removed(raw, clean); len(gone) > 0 {
		where := at
		if key, _, ok := strings.Cut(gone[0], " on <"); ok && !strings.HasPrefix(gone[0], "<") {
			// An attribute: at the attribute.
			if i := strings.Index(strings.ToLower(raw), " "+key); i >= 0 {
				where = at + i + 1
			}
		}
		st.warns.Add(st.pos(where), "raw HTML omitted: "+strings.Join(gone, ", "), hint)
	}
	z := html.NewTokenizer(strings.NewReader(clean))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return html.Token{}, false
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			return t, t.Data == tok.Data
		}
	}
}

// pageLink checks and rewrites a link of an HTML page as Markdown's are.
func (st *state) pageLink(tag html.Token, at int) html.Token {
	i := slices.IndexFunc(tag.Attr, func(a html.Attribute) bool { return a.Key == "href" })
	if i < 0 {
		return tag
	}
	n := ast.NewLink()
	dest := []byte(tag.Attr[i].Val)
	if !st.link(n, &dest, at) {
		tag.Attr = slices.Delete(tag.Attr, i, i+1)
		return tag
	}
	tag.Attr[i].Val = string(dest)
	for _, a := range n.Attributes() {
		if v, ok := a.Value.([]byte); ok {
			tag.Attr = append(tag.Attr, html.Attribute{Key: string(a.Name), Val: string(v)})
		}
	}
	st.pendingLink = n
	return tag
}

// linkSuffix is what the link just closed gets before </a>: the
// visually hidden label of an external link, a stand-in's language tag.
func (st *state) linkSuffix() string {
	n := st.pendingLink
	st.pendingLink = nil
	if n == nil {
		return ""
	}
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s, ok := c.(*ast.String); ok {
			b.Write(s.Value)
		}
	}
	return b.String()
}

// pageImage gives a local image of an HTML page its URL, size and copy
// through Source.Image; a missing image is an error at the tag.
func (st *state) pageImage(tag html.Token, at int) html.Token {
	st.doc.Images++
	i := slices.IndexFunc(tag.Attr, func(a html.Attribute) bool { return a.Key == "src" })
	if i < 0 || st.src.Image == nil {
		return tag
	}
	dest := tag.Attr[i].Val
	if strings.Contains(dest, "://") || strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "data:") || dest == "" {
		return tag
	}
	img, err := st.src.Image(dest)
	if err != nil {
		var de *diag.Error
		if errors.As(err, &de) {
			e := *de
			e.Pos = st.pos(at)
			st.errs = append(st.errs, &e)
		} else {
			st.errs.Add(st.pos(at), err.Error(), "fix the image's path")
		}
		return tag
	}
	tag.Attr[i].Val = img.URL
	has := func(k string) bool {
		return slices.ContainsFunc(tag.Attr, func(a html.Attribute) bool { return a.Key == k })
	}
	if img.Width > 0 && img.Height > 0 && !has("width") && !has("height") {
		tag.Attr = append(tag.Attr, html.Attribute{Key: "width", Val: strconv.Itoa(img.Width)}, html.Attribute{Key: "height", Val: strconv.Itoa(img.Height)})
	}
	if img.Srcset != "" {
		tag.Attr = append(tag.Attr, html.Attribute{Key: "srcset", Val: img.Srcset}, html.Attribute{Key: "sizes", Val: img.Sizes})
		st.doc.Assets = append(st.doc.Assets, img.Variants...)
	}
	if img.Copy.Src != "" {
		st.doc.Assets = append(st.doc.Assets, img.Copy)
	}
	if st.doc.Images > 1 {
		tag.Attr = append(tag.Attr, html.Attribute{Key: "loading", Val: "lazy"}, html.Attribute{Key: "decoding", Val: "async"})
	}
	return tag
}

// headingTag is a heading's start tag with its ID: the one written, else
// one made from its text; the heading joins Doc.Headings.
func (st *state) headingTag(start, name, text string) string {
	z := html.NewTokenizer(strings.NewReader(start))
	z.Next()
	tok := z.Token()
	id := ""
	for _, a := range tok.Attr {
		if a.Key == "id" {
			id = a.Val
		}
	}
	explicit := id != ""
	if explicit {
		st.ids.Put([]byte(id))
	} else {
		id = string(st.ids.Generate([]byte(strings.TrimSpace(text)), ast.KindHeading))
		tok.Attr = append(tok.Attr, html.Attribute{Key: "id", Val: id})
	}
	level := int(name[1] - '0')
	st.doc.Headings = append(st.doc.Headings, Heading{Level: level, ID: id, Text: st.loc.PlainText(strings.TrimSpace(text)), Explicit: explicit})
	return renderTag(tok, false)
}

// renderTag writes a start tag with its attributes escaped.
func renderTag(t html.Token, void bool) string {
	var b strings.Builder
	b.WriteString("<" + t.Data)
	for _, a := range t.Attr {
		fmt.Fprintf(&b, ` %s="%s"`, a.Key, html.EscapeString(a.Val))
	}
	b.WriteString(">")
	return b.String()
}

// isVoid reports whether an element has no end tag.
func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}
