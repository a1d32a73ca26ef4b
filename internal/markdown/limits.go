package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/diag"
	"github.com/yuin/goldmark/ast"
)

// Limits on one body. What goes past them is refused with an error at
// path:line:col before it can cost minutes or gigabytes: goldmark's block
// parser revisits every open block on every line (nesting × lines), and
// HTML parsers (the newsletter's among them) refuse documents nested
// more than 512 elements deep.
const (
	// MaxNesting is how deeply blocks and inlines may nest: lists (each
	// level counts), block quotes, emphasis, links, table cells.
	MaxNesting = 100
	// MaxLinks is how many links and images one page may hold.
	MaxLinks = 250_000
	// maxLangName is the longest code block language looked up in chroma
	// (the lookup is slow on very long names; real names are short).
	maxLangName = 40
)

// prescan refuses a body whose lines open more nested blocks than
// MaxNesting allows, before goldmark sees it. It reads each line's
// container prefix (spaces, tabs, ">", list markers "-", "+", "*", "1."
// or "1)", footnote definitions "[^a]:") and counts what the syntax tree
// will hold at most: one level per ">" or footnote, two per list marker
// (the list and its item), and one per column of indentation (a nested
// list needs two more columns and adds two levels). Blank lines open
// nothing; inside fenced code, indentation is code and only markers
// count. A line it accepts may still nest deeper inline (300 "*" around
// a word): checkDepth catches that after parsing.
func prescan(src Source) *diag.Error {
	body := src.Body
	var fence byte // '`' or '~' inside a fenced code block
	fenceLen, fenceCol := 0, 0
	for off, line := 0, 0; off < len(body); line++ {
		end := bytes.IndexByte(body[off:], '\n')
		next := len(body)
		if end >= 0 {
			next = off + end
		}
		l := body[off:next]
		off = next + 1
		if len(bytes.TrimSpace(l)) == 0 {
			continue // a blank line, even inside a fence
		}
		levels, i := 0, 0
	prefix:
		for i < len(l) {
			at := i
			switch c := l[i]; {
			case c == ' ' || c == '\t':
				switch {
				case fence != 0:
				case c == '\t':
					levels += 4
				default:
					levels++
				}
				i++
			case c == '>':
				levels++
				i++
				if i < len(l) && l[i] == ' ' {
					i++ // the space belongs to the marker
				}
			case c == '-' || c == '+' || c == '*':
				if !markerEnd(l, i+1) {
					break prefix
				}
				levels += 2
				i += 2 // the marker and its space
			case c == '[' && i+1 < len(l) && l[i+1] == '^':
				// A footnote definition "[^label]: " holds blocks too.
				j := bytes.IndexByte(l[i:], ']')
				if j < 0 || i+j+1 >= len(l) || l[i+j+1] != ':' {
					break prefix
				}
				levels++
				i += j + 2
				if i < len(l) && l[i] == ' ' {
					i++
				}
			case c >= '0' && c <= '9':
				j := i
				for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
					j++
				}
				if j == len(l) || (l[j] != '.' && l[j] != ')') || !markerEnd(l, j+1) {
					break prefix
				}
				levels += 2
				i = j + 2
			default:
				break prefix
			}
			if levels > MaxNesting {
				return &diag.Error{
					Pos:  diag.Pos{File: src.File, Line: src.Line + line, Col: at + 1},
					Msg:  fmt.Sprintf("nesting too deep: this line opens more than %d levels of lists and quotes (a list counts two, a quote one, a column of indentation one)", MaxNesting),
					Hint: fmt.Sprintf("flatten the structure, or indent less: at most %d levels", MaxNesting),
				}
			}
		}
		rest := l[min(i, len(l)):]
		if fence != 0 {
			if i < fenceCol {
				fence = 0 // the container holding the fence ended
			} else {
				if n := run(rest, fence); n >= fenceLen && len(bytes.Trim(rest[n:], " \t")) == 0 {
					fence = 0
				}
				continue
			}
		}
		if n := run(rest, '`'); n >= 3 {
			fence, fenceLen, fenceCol = '`', n, min(i, len(l))
		} else if n := run(rest, '~'); n >= 3 {
			fence, fenceLen, fenceCol = '~', n, min(i, len(l))
		}
	}
	return nil
}

// markerEnd reports whether a list marker ending before l[i] is followed
// by a space, a tab or the end of the line.
func markerEnd(l []byte, i int) bool {
	return i >= len(l) || l[i] == ' ' || l[i] == '\t' || l[i] == '\n'
}

// run is the length of the run of c at the start of b.
func run(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

// checkDepth refuses a syntax tree nested more than MaxNesting levels
// (inline nesting such as 300 "*" around a word, which prescan does not
// see). It walks the tree without recursion.
func (st *state) checkDepth(doc ast.Node) bool {
	depth := 1
	for n := doc.FirstChild(); n != nil; {
		if depth > MaxNesting {
			st.errs.Add(st.pos(deepPos(n)),
				fmt.Sprintf("nesting too deep: more than %d levels of lists, quotes, emphasis or links", MaxNesting),
				fmt.Sprintf("flatten the structure: at most %d levels (a list counts two: the list and its item)", MaxNesting))
			return false
		}
		if c := n.FirstChild(); c != nil {
			n, depth = c, depth+1
			continue
		}
		for n != doc && n.NextSibling() == nil {
			n, depth = n.Parent(), depth-1
		}
		if n == doc {
			break
		}
		n = n.NextSibling()
	}
	return true
}

// deepPos is the byte offset of n, of its first text, or of its nearest
// ancestor that has one.
func deepPos(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if p := c.Pos(); p >= 0 {
			return p
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for ; n != nil; n = n.Parent() {
		if p := nodePos(n); p >= 0 {
			return p
		}
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return -1
}

// posIndex maps byte offsets of a body to line and column in time
// proportional to the distance from the previous lookup on the same line,
// so the positions of every link of a page cost one pass over it even
// when the page is one long line.
type posIndex struct {
	body     []byte
	lineOffs []int // byte offset of each line start
	// The last lookup: its line, byte offset and column.
	line, off, col int
}

func newPosIndex(body []byte) *posIndex {
	offs := []int{0}
	for i, b := range body {
		if b == '\n' {
			offs = append(offs, i+1)
		}
	}
	return &posIndex{body: body, lineOffs: offs, line: -1}
}

// at returns the 0-based line and 1-based column (in characters) of off.
func (x *posIndex) at(off int) (line, col int) {
	off = min(off, len(x.body))
	// The last line starting at or before off.
	lo, hi := 0, len(x.lineOffs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.lineOffs[m] <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	line = lo - 1
	from, col := x.lineOffs[line], 1
	if line == x.line && off >= x.off {
		from, col = x.off, x.col
	}
	col += utf8.RuneCount(x.body[from:off])
	x.line, x.off, x.col = line, off, col
	return line, col
}
