package newsletter

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TextWidth is the column at which the plain text wraps.
const TextWidth = 72

// Private-use runes that stand for layout while a paragraph is built:
// glue is a space the wrapper never breaks at (before a link reference),
// hardBreak a <br>. Neither survives into the output.
const (
	glue      = '\uE000'
	hardBreak = '\uE001'
)

// textDoc collects the links of a plain-text message as numbered
// references.
type textDoc struct {
	refs  []string
	index map[string]int
}

// ref returns the number of url in the reference list, adding it.
func (t *textDoc) ref(url string) int {
	if n, ok := t.index[url]; ok {
		return n
	}
	t.refs = append(t.refs, url)
	t.index[url] = len(t.refs)
	return len(t.refs)
}

// refText is "[n]" glued to what precedes it.
func (t *textDoc) refText(url string) string {
	return string(glue) + "[" + strconv.Itoa(t.ref(url)) + "]"
}

// plain renders the plain-text message.
func (x *Exporter) plain(lang string, parts []*part, teaser bool) ([]byte, error) {
	t := &textDoc{index: map[string]int{}}
	var blocks [][]string
	add := func(lines ...string) { blocks = append(blocks, lines) }
	site := x.siteTitle(lang)
	home := x.siteLink(x.opts.Config.BaseURL + lang + "/")
	add(wrap(site+t.refText(home), TextWidth)...)
	read, err := x.t(lang, "read-on-site")
	if err != nil {
		return nil, err
	}
	for i, pt := range parts {
		s := pt.sec
		if i > 0 {
			add("* * *")
		}
		add(underline(wrap(s.Title, TextWidth), '=')...)
		if s.Description != "" {
			add(wrap(s.Description, TextWidth)...)
		}
		if len(s.Cards) > 0 {
			title, err := x.t(lang, "key-figures")
			if err != nil {
				return nil, err
			}
			add(underline(wrap(title, TextWidth), '-')...)
			var items []string
			for _, c := range s.Cards {
				lines := wrap(c.Figure, TextWidth-2)
				lines = append(lines, wrap(c.Label, TextWidth-2)...)
				if c.Bar != nil && c.BarText != "" {
					lines = append(lines, wrap(c.BarText, TextWidth-2)...)
				}
				if c.Source != "" {
					src, err := x.t(lang, "source-named", c.Source)
					if err != nil {
						return nil, err
					}
					if c.SourceURL != "" {
						src += t.refText(x.siteLink(c.SourceURL))
					}
					lines = append(lines, wrap(src, TextWidth-2)...)
				}
				items = append(items, indent(lines, "- ", "  ")...)
			}
			add(items...)
		}
		if !teaser {
			for _, b := range t.blocks(children(pt.body), TextWidth) {
				add(b...)
			}
			if len(pt.notes) > 0 {
				title, err := x.t(lang, "footnotes")
				if err != nil {
					return nil, err
				}
				add(underline(wrap(title, TextWidth), '-')...)
				// One block of notes, with blank lines between them only
				// when one has several paragraphs.
				var notes [][]string
				loose := false
				for i, note := range pt.notes {
					mark := superscript(pt.first+i) + " "
					var lines []string
					bs := t.blocks(children(note), TextWidth-runes(mark))
					loose = loose || len(bs) > 1
					for j, b := range bs {
						if j > 0 {
							lines = append(lines, "")
						}
						lines = append(lines, b...)
					}
					notes = append(notes, indent(lines, mark, strings.Repeat(" ", runes(mark))))
				}
				add(joinBlocks(notes, loose)...)
			}
		}
		add(wrap(read+t.refText(x.siteLink(s.URL)), TextWidth)...)
	}
	links, err := x.t(lang, "newsletter-links")
	if err != nil {
		return nil, err
	}
	refs := underline([]string{links}, '-')
	for i, u := range t.refs {
		refs = append(refs, "["+strconv.Itoa(i+1)+"] "+u)
	}
	add(refs...)
	var out strings.Builder
	for i, b := range blocks {
		if i > 0 {
			out.WriteString("\n")
		}
		for _, l := range b {
			out.WriteString(strings.TrimRight(l, " "))
			out.WriteString("\n")
		}
	}
	return []byte(out.String()), nil
}

// tblock is one block of text: its lines, and whether it is a list (a
// list follows its item's text without a blank line).
type tblock struct {
	lines []string
	list  bool
}

// blocks renders block nodes as groups of lines, one group per block.
func (t *textDoc) blocks(nodes []*html.Node, width int) [][]string {
	var out [][]string
	for _, b := range t.tblocks(nodes, width) {
		out = append(out, b.lines)
	}
	return out
}

// tblocks renders block nodes; runs of inline nodes make a paragraph.
func (t *textDoc) tblocks(nodes []*html.Node, width int) []tblock {
	var out []tblock
	var run []*html.Node
	flush := func() {
		if len(run) == 0 {
			return
		}
		var b strings.Builder
		for _, n := range run {
			t.inline(&b, n)
		}
		if lines := wrap(b.String(), width); len(lines) > 0 {
			out = append(out, tblock{lines: lines})
		}
		run = nil
	}
	for _, n := range nodes {
		if !isBlock(n) {
			run = append(run, n)
			continue
		}
		flush()
		list := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
		for _, lines := range t.block(n, width) {
			out = append(out, tblock{lines: lines, list: list})
		}
	}
	flush()
	return out
}

// block renders one block element.
func (t *textDoc) block(n *html.Node, width int) [][]string {
	switch n.DataAtom {
	case atom.H1, atom.H2:
		return [][]string{underline(t.para(n, width), '-')}
	case atom.H3, atom.H4, atom.H5, atom.H6:
		return [][]string{t.para(n, width)}
	case atom.Ul, atom.Ol:
		return [][]string{t.list(n, width)}
	case atom.Blockquote:
		var lines []string
		for i, b := range t.blocks(children(n), width-2) {
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, b...)
		}
		return [][]string{indent(lines, "> ", "> ")}
	case atom.Pre:
		code := strings.TrimRight(strings.ReplaceAll(textOf(n), "\t", "    "), "\n")
		var lines []string
		for _, l := range strings.Split(code, "\n") {
			if strings.TrimSpace(l) == "" {
				lines = append(lines, "")
			} else {
				lines = append(lines, "    "+l)
			}
		}
		return [][]string{lines}
	case atom.Table:
		return [][]string{t.table(n, width)}
	case atom.Hr:
		return [][]string{{"* * *"}}
	case atom.Div, atom.Li:
		return t.blocks(children(n), width)
	}
	return [][]string{t.para(n, width)}
}

// para wraps the inline content of n.
func (t *textDoc) para(n *html.Node, width int) []string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.inline(&b, c)
	}
	return wrap(b.String(), width)
}

// list renders a list: "- " or "1. " markers, items' lines indented
// under their text; items are separated by a blank line only when one of
// them holds several blocks.
func (t *textDoc) list(n *html.Node, width int) []string {
	num := 1
	if v, err := strconv.Atoi(attr(n, "start")); err == nil {
		num = v
	}
	var items [][]string
	loose := false
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.DataAtom != atom.Li {
			continue
		}
		mark := "- "
		if n.DataAtom == atom.Ol {
			mark = strconv.Itoa(num) + ". "
			num++
		}
		var lines []string
		paras := 0
		for i, b := range t.tblocks(children(li), width-runes(mark)) {
			if !b.list {
				paras++
			}
			if i > 0 && !b.list {
				lines = append(lines, "")
			}
			lines = append(lines, b.lines...)
		}
		if paras > 1 {
			loose = true
		}
		if len(lines) == 0 {
			lines = []string{""}
		}
		items = append(items, indent(lines, mark, strings.Repeat(" ", runes(mark))))
	}
	return joinBlocks(items, loose)
}

// joinBlocks puts groups of lines one after the other, with a blank line
// between them when loose.
func joinBlocks(groups [][]string, loose bool) []string {
	var out []string
	for i, g := range groups {
		if i > 0 && loose {
			out = append(out, "")
		}
		out = append(out, g...)
	}
	return out
}

// table renders a table as aligned columns when they fit the width,
// otherwise one "cell | cell" paragraph per row.
func (t *textDoc) table(n *html.Node, width int) []string {
	type cell struct {
		text  string
		right bool
	}
	var rows [][]cell
	header := 0
	for tr := range n.Descendants() {
		if tr.DataAtom != atom.Tr {
			continue
		}
		var row []cell
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			var b strings.Builder
			for x := c.FirstChild; x != nil; x = x.NextSibling {
				t.inline(&b, x)
			}
			text := strings.Join(wrap(strings.ReplaceAll(b.String(), string(hardBreak), " "), 1<<30), " ")
			row = append(row, cell{text, hasClass(c, "al-right")})
		}
		if tr.Parent != nil && tr.Parent.DataAtom == atom.Thead {
			header++
		}
		rows = append(rows, row)
	}
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runes(c.text))
		}
	}
	total := 0
	for _, w := range widths {
		total += w
	}
	total += 3 * max(0, len(widths)-1)
	var out []string
	if total > width {
		for _, r := range rows {
			var cs []string
			for _, c := range r {
				cs = append(cs, c.text)
			}
			out = append(out, wrap(strings.Join(cs, " | "), width)...)
		}
		return out
	}
	for i, r := range rows {
		var cs []string
		for j, c := range r {
			pad := strings.Repeat(" ", widths[j]-runes(c.text))
			if c.right {
				cs = append(cs, pad+c.text)
			} else {
				cs = append(cs, c.text+pad)
			}
		}
		out = append(out, strings.Join(cs, " | "))
		if i+1 == header {
			var rule []string
			for _, w := range widths {
				rule = append(rule, strings.Repeat("-", w))
			}
			out = append(out, strings.Join(rule, "-+-"))
		}
	}
	return out
}

// inline appends the text of an inline node: links get a reference
// number, footnote numbers become superscript digits, <br> a hard break.
func (t *textDoc) inline(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.Br:
		b.WriteRune(hardBreak)
	case atom.A:
		var in strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t.inline(&in, c)
		}
		href := attr(n, "href")
		text := in.String()
		b.WriteString(text)
		if href != "" && strings.TrimSpace(text) != href {
			b.WriteString(t.refText(href))
		}
	case atom.Img:
		alt := attr(n, "alt")
		b.WriteString("[" + alt + "]" + t.refText(attr(n, "src")))
	case atom.Sup:
		s := textOf(n)
		if v, err := strconv.Atoi(s); err == nil {
			b.WriteString(superscript(v))
		} else {
			b.WriteString(s)
		}
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t.inline(b, c)
		}
	}
}

// isBlock reports whether n starts its own block of text.
func isBlock(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li,
		atom.Blockquote, atom.Pre, atom.Table, atom.Hr, atom.Div:
		return true
	}
	return false
}

// children lists n's child nodes.
func children(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}

// wrap collapses the white space of s (ASCII white space only: no-break
// spaces stay) and breaks it into lines of at most width runes, at
// ordinary spaces only; a word longer than width gets a line of its own.
// Hard breaks start a new line.
func wrap(s string, width int) []string {
	var lines []string
	for _, para := range strings.Split(s, string(hardBreak)) {
		words := strings.FieldsFunc(para, func(r rune) bool {
			return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f'
		})
		var line strings.Builder
		n := 0
		for _, w := range words {
			wl := runes(w)
			switch {
			case n == 0:
				line.WriteString(w)
				n = wl
			case n+1+wl <= width:
				line.WriteByte(' ')
				line.WriteString(w)
				n += 1 + wl
			default:
				lines = append(lines, line.String())
				line.Reset()
				line.WriteString(w)
				n = wl
			}
		}
		if n > 0 {
			lines = append(lines, line.String())
		}
	}
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, string(glue), " ")
	}
	return lines
}

// underline adds a line of c as long as the longest line.
func underline(lines []string, c byte) []string {
	w := 0
	for _, l := range lines {
		w = max(w, runes(l))
	}
	if w == 0 {
		return lines
	}
	return append(lines, strings.Repeat(string(c), w))
}

// indent prefixes the first line with first and the others with rest
// (empty lines stay empty).
func indent(lines []string, first, rest string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if l == "" && i > 0 {
			out[i] = strings.TrimRight(p, " ")
			continue
		}
		out[i] = p + l
	}
	return out
}

// superscript writes n in superscript digits: 12 → "¹²".
func superscript(n int) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		if d < '0' || d > '9' {
			b.WriteRune(d)
			continue
		}
		r := []rune(digits)[d-'0']
		b.WriteRune(r)
	}
	return b.String()
}

// runes is the width of s in runes.
func runes(s string) int { return utf8.RuneCountInString(s) }
