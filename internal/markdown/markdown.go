// Package markdown turns a page body into HTML with goldmark and chroma.
//
// One Converter per language and output mode is built once and reused by
// every page (it is safe for concurrent use). Convert parses the body,
// rewrites links (a file link such as "kaspi.md#part" goes through
// Source.Resolve; javascript:, vbscript: and data: URLs are dropped unless
// unsafe HTML is allowed), filters raw HTML through an allowlist
// (SafeElements, unless unsafe HTML is allowed), resolves local images
// through Source.Image (URL, size, file to copy; a titled image alone in
// its paragraph becomes a figure), gives headings readable unique IDs (accents
// folded, explicit "{#id}" kept), marks table alignment with classes instead
// of style attributes, highlights fenced code with chroma (CSS classes for
// the web, inline styles for e-mail), applies the language's typography, and
// returns the HTML with what the rest of the build needs: headings, links,
// IDs, words and the prose text. It never imports the content package.
//
// A body nested deeper than MaxNesting levels or holding more than
// MaxLinks links is refused with an error at its line and column (a line
// pre-scan catches deep lists and quotes before goldmark, whose time grows
// with depth × lines); positions cost time linear in the body.
package markdown

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"regexp"
	"sync"

	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Converter.
type Options struct {
	Lang          string // language of the text: typography and word rules
	UnsafeHTML    bool   // let raw HTML and every URL scheme through
	InlineStyles  bool   // chroma inline styles (e-mail) instead of classes (web)
	ExternalLabel string // visually hidden text appended to external links, e.g. "(external site)"
	// BacklinkLabel is the visually hidden name of a footnote's link back
	// to the text, e.g. "Back to note ^^" (goldmark puts the note's number
	// in place of ^^); the visible arrow is hidden from screen readers.
	BacklinkLabel string
	// ImageHosts are the hosts remote images may come from (site.toml's
	// image_hosts, which the Content-Security-Policy allows); a remote
	// image from any other host is reported.
	ImageHosts []string
}

// Converter converts Markdown bodies of one language.
type Converter struct {
	opts   Options
	loc    *i18n.Locale       // the rules of opts.Lang
	policy *bluemonday.Policy // raw HTML allowlist; nil with UnsafeHTML
	// pagePolicy is the allowlist of HTML pages' bodies (newPagePolicy);
	// nil with UnsafeHTML.
	pagePolicy *bluemonday.Policy
	chunk      int // bodies over 2 × chunk bytes convert in parts (chunkSize)
	links      int // links and images allowed per body (MaxLinks)
	md         goldmark.Markdown
	pool       sync.Pool
}

// Source is one body to convert.
type Source struct {
	File string // path for diagnostics; a .html file's body is HTML (ConvertHTML)
	Line int    // file line number of Body's first line
	Body []byte
	// Resolve maps a link to another page ("kaspi.md", "../x.md") to its
	// URL from the current page. It returns an error for a page that does
	// not exist.
	Resolve func(dest string) (string, error)
	// Image maps a local image ("col.png", "/img/x.png") to its URL from
	// the current page, its size and the file to copy. Its error (a
	// *diag.Error, whose position Convert sets) is a build error at the
	// image. Nil leaves image paths as written.
	Image func(dest string) (Image, error)
	// Param is the value of a parameter for the param shortcode: the
	// page's front matter, then site.toml's [params]; false when unset.
	Param func(name string) (string, bool)
	// StandIn is, for a link Resolve resolved, the language of the page it
	// goes to when that page stands in for one missing in this language
	// (--allow-missing), else "". The link gets hreflang and a visible
	// language tag.
	StandIn func(dest string) string
}

// Heading is one heading of a document.
type Heading struct {
	Level    int
	ID       string
	Text     string // plain text, typography applied
	Explicit bool   // the ID was written as {#id}
}

// Link is an internal link: to another page (Page set) and/or an anchor.
type Link struct {
	Page     string // the file link as written, without fragment ("kaspi.md"); "" for same page
	Fragment string // without '#'
	Pos      diag.Pos
}

// Doc is a converted body.
type Doc struct {
	HTML      []byte
	Headings  []Heading
	Links     []Link   // internal links, for anchor checks
	External  []string // external URLs, in order
	IDs       []string // every id attribute the HTML defines
	Footnotes int
	Images    int
	Assets    []Asset // files next to the page that its images use, to copy beside its output
	Words     int     // words of prose (code blocks excluded); characters in a language read in characters (i18n.Locale.Words)
	Text      string  // the prose as plain text (code excluded), for fact checks
}

// New builds a Converter.
func New(opts Options) *Converter {
	loc := i18n.LocaleOf(opts.Lang)
	exts := []goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough,
		extension.Linkify,
		extension.NewFootnote(
			extension.WithFootnoteBacklinkHTML(backlinkHTML(opts.BacklinkLabel)),
		),
		extension.NewTypographer(extension.WithTypographicSubstitutions(substitutions(loc))),
		extension.TaskList,
		extension.DefinitionList,
	}
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(newCodeRenderer(opts.InlineStyles), 100), util.Prioritized(figureRenderer{}, 100),
			util.Prioritized(safeHTMLRenderer{}, 100), util.Prioritized(blockRenderer{}, 100),
			util.Prioritized(linkRenderer{unsafe: opts.UnsafeHTML}, 100)),
	}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	c := &Converter{opts: opts, loc: loc, chunk: chunkSize, links: MaxLinks}
	if !opts.UnsafeHTML {
		c.policy = newPolicy()
		c.pagePolicy = newPagePolicy()
	}
	c.md = goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 10)),
			parser.WithInlineParsers(util.Prioritized(escapeParser{}, 100), util.Prioritized(apostropheParser{loc.Apostrophe()}, 9998)),
			parser.WithBlockParsers(util.Prioritized(markerParser{}, 50)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return c
}

// backlinkHTML is the content of a footnote's back link: an arrow, and the
// label for screen readers when there is one.
func backlinkHTML(label string) string {
	if label == "" {
		return "↩\uFE0E"
	}
	return `<span aria-hidden="true">↩` + "\uFE0E" + `</span><span class="vh">` + stdhtml.EscapeString(label) + `</span>`
}

// substitutions are the typographer's replacements for loc: its own
// quotation marks for "…" and <<…>>, ‘ and ’ for single quotes. A closing
// single quote is always ’, the apostrophe, as after a letter it nearly
// always is one ("l'**esprit**" gives "l’esprit", never a closing quote).
func substitutions(loc *i18n.Locale) map[extension.TypographicPunctuation]string {
	q := loc.Quotes()
	return map[extension.TypographicPunctuation]string{
		extension.EnDash:           "–",
		extension.EmDash:           "—",
		extension.Ellipsis:         "…",
		extension.LeftDoubleQuote:  q.Open,
		extension.RightDoubleQuote: q.Close,
		extension.LeftAngleQuote:   q.Open,
		extension.RightAngleQuote:  q.Close,
		extension.LeftSingleQuote:  "‘",
		extension.RightSingleQuote: loc.Apostrophe(),
		extension.Apostrophe:       loc.Apostrophe(),
	}
}

// state is what one conversion collects; the transformer finds it in the
// parser context.
type state struct {
	src      Source
	opts     *Options
	loc      *i18n.Locale
	policy   *bluemonday.Policy
	ids      *headingIDs
	doc      *Doc
	errs     diag.List
	warns    diag.List
	index    *posIndex              // made on the first position asked
	links    int                    // links and images seen
	maxLinks int                    // links and images allowed (MaxLinks)
	tooDeep  bool                   // the tree is nested deeper than MaxNesting
	figures  []*ast.Image           // captioned images alone in their paragraph
	images   map[string]imageResult // Source.Image's answers, by destination
	blocks   []scBlock              // what the shortcode markers stand for
	// pendingLink is the link of an HTML page being written (ConvertHTML):
	// what link() appended to it goes before its </a>.
	pendingLink ast.Node
	// hugoIDs maps the heading IDs Hugo would write to this document's
	// (hugoAnchors), for same-page links written for Hugo.
	hugoIDs map[string]string
}

var stateKey = parser.NewContextKey()

// Convert converts one body. It returns the document, warnings, and an
// error (a diag.List) when a link cannot be resolved.
func (c *Converter) Convert(src Source) (*Doc, diag.List, error) {
	if IsHTMLPage(src.File) {
		return c.ConvertHTML(src)
	}
	if err := prescan(src); err != nil {
		return nil, nil, diag.List{err}
	}
	doc, ids := &Doc{}, newHeadingIDs(c.loc)
	var warns, errs diag.List
	links := 0
	var parts [][]byte
	buf, _ := c.pool.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer c.pool.Put(buf)
	pre := &state{src: src}
	body, blocks := pre.expandShortcodes(src.Body)
	warns = append(warns, pre.warns...)
	for _, ch := range chunks(body, c.chunk) {
		part := src
		part.Body, part.Line = ch.body, src.Line+ch.line
		st := &state{src: part, opts: &c.opts, loc: c.loc, policy: c.policy, ids: ids, doc: doc, links: links, maxLinks: c.links, blocks: blocks}
		ctx := parser.NewContext(parser.WithIDs(ids))
		ctx.Set(stateKey, st)
		root := c.md.Parser().Parse(text.NewReader(part.Body), parser.WithContext(ctx))
		if st.tooDeep {
			// Rendering a tree that deep is what the limit prevents.
			return nil, warns, append(errs, st.errs...)
		}
		buf.Reset()
		if err := c.md.Renderer().Render(buf, part.Body, root); err != nil {
			return nil, warns, &diag.Error{Pos: diag.Pos{File: src.File, Line: src.Line}, Msg: "cannot render the page: " + err.Error(),
				Hint: "simplify the page's Markdown around this place (the renderer gives no finer position)"}
		}
		// buf goes back to the pool: keep a copy (Locale.HTML makes one).
		out := wrapTables(buf.Bytes())
		out = c.loc.HTML(out)
		parts = append(parts, out)
		warns = append(warns, st.warns...)
		errs = append(errs, st.errs...)
		links = st.links
	}
	doc.HTML = parts[0]
	if len(parts) > 1 {
		doc.HTML = bytes.Join(parts, nil)
	}
	doc.IDs = append(doc.IDs, ids.all()...)
	for i := 1; i <= doc.Footnotes; i++ {
		doc.IDs = append(doc.IDs, fmt.Sprintf("fn:%d", i), fmt.Sprintf("fnref:%d", i))
	}
	doc.Words = c.loc.Words(doc.Text)
	return doc, warns, errs.Err()
}

// chunkSize is the size above which a body is converted in parts.
const chunkSize = 256 << 10

// chunk is a part of a body and the number of lines before it.
type chunk struct {
	body []byte
	line int
}

// chunks cuts a very large body into parts that convert alone, so that
// goldmark's syntax tree never holds more than one part: it cuts before a
// heading that follows a blank line, outside fenced code. Bodies that hold
// what spans parts (footnotes, link reference definitions, raw HTML
// blocks) stay whole, as do bodies under chunkSize.
func chunks(body []byte, size int) []chunk {
	whole := []chunk{{body: body}}
	if len(body) < 2*size || bytes.Contains(body, []byte("[^")) ||
		bytes.Contains(body, []byte("\n<")) || bytes.HasPrefix(body, []byte("<")) || refDef.Match(body) {
		return whole
	}
	var parts []chunk
	start, startLine, line := 0, 0, 0
	fence := ""
	blank := true
	for off := 0; off < len(body); line++ {
		end := bytes.IndexByte(body[off:], '\n')
		next := len(body)
		if end >= 0 {
			next = off + end + 1
		}
		l := body[off:next]
		t := bytes.TrimLeft(l, " ")
		switch {
		case fence != "":
			if bytes.HasPrefix(t, []byte(fence)) {
				fence = ""
			}
		case bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")):
			fence = string(t[:3])
		case blank && l[0] == '#' && off-start >= size:
			parts = append(parts, chunk{body: body[start:off], line: startLine})
			start, startLine = off, line
		}
		blank = len(bytes.TrimSpace(l)) == 0
		off = next
	}
	return append(parts, chunk{body: body[start:], line: startLine})
}

// refDef finds a link reference definition ("[x]: url") at a line start.
var refDef = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:`)

// pos turns a byte offset of the body into a file position.
func (st *state) pos(off int) diag.Pos {
	if off < 0 {
		return diag.Pos{File: st.src.File, Line: st.src.Line}
	}
	if st.index == nil {
		st.index = newPosIndex(st.src.Body)
	}
	line, col := st.index.at(off)
	return diag.Pos{File: st.src.File, Line: st.src.Line + line, Col: col}
}

// wrapTables puts every table in a focusable scrolling box, so wide tables
// never widen the page on a phone.
func wrapTables(b []byte) []byte {
	if !bytes.Contains(b, []byte("<table>")) {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("<table>"), []byte(`<div class="table-wrap" tabindex="0"><table>`))
	return bytes.ReplaceAll(b, []byte("</table>"), []byte("</table></div>"))
}

// nodePos is n's byte offset, or -1.
func nodePos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return -1
}
