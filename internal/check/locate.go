package check

import (
	"strings"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
)

// locate finds the nth (0-based) occurrence of text in p's body and returns
// its file position. Text taken from the prose may differ from the source
// (a line break inside a figure, an entity): then the first line holding
// the figure's leading digits is used, and failing that the body's start.
func locate(p *content.Page, text string, nth int) diag.Pos {
	body := string(p.Body)
	if off := indexNth(body, text, nth); off >= 0 {
		return offsetPos(p, off)
	}
	if lead := leadingToken(text); lead != "" {
		if off := indexNth(body, lead, 0); off >= 0 {
			return offsetPos(p, off)
		}
	}
	return bodyPos(p)
}

// locator finds figures of one page in the order they appear, in time
// linear in the body: each search starts after the previous figure found
// (falling back to locate's search from the start when the text is not
// there), and each line is counted from the previous position.
type locator struct {
	p      *content.Page
	body   string
	cursor int // where the previous figure ends
	// The previous position: its offset, line index and column.
	off, line, col int
}

func newLocator(p *content.Page) *locator {
	return &locator{p: p, body: string(p.Body), col: 1}
}

// locate is the position of text, the nth figure with that text.
func (l *locator) locate(text string, nth int) diag.Pos {
	if text != "" {
		if j := strings.Index(l.body[l.cursor:], text); j >= 0 {
			off := l.cursor + j
			l.cursor = off + len(text)
			return l.pos(off)
		}
	}
	return locate(l.p, text, nth)
}

// pos is offsetPos, counting lines and characters on from the previous
// position when off is after it.
func (l *locator) pos(off int) diag.Pos {
	if off < l.off {
		l.off, l.line, l.col = 0, 0, 1
	}
	seg := l.body[l.off:off]
	if i := strings.LastIndexByte(seg, '\n'); i >= 0 {
		l.line += strings.Count(seg, "\n")
		l.col = 1 + utf8.RuneCountInString(seg[i+1:])
	} else {
		l.col += utf8.RuneCountInString(seg)
	}
	l.off = off
	return diag.Pos{File: l.p.Path, Line: max(l.p.BodyLine, 1) + l.line, Col: l.col}
}

// indexNth is the byte offset of the nth occurrence of sub in s, or -1.
func indexNth(s, sub string, nth int) int {
	if sub == "" {
		return -1
	}
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			return -1
		}
		if i == nth {
			return off + j
		}
		off += j + len(sub)
	}
}

// leadingToken is text up to its first space: "370" of "370 milliards".
func leadingToken(text string) string {
	if i := strings.IndexAny(text, " \u00a0\u202f\u2009\n"); i > 0 {
		return text[:i]
	}
	return ""
}

// offsetPos turns a byte offset of p.Body into a file position (the column
// counts characters).
func offsetPos(p *content.Page, off int) diag.Pos {
	before := string(p.Body[:off])
	line := strings.Count(before, "\n")
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return diag.Pos{File: p.Path, Line: max(p.BodyLine, 1) + line, Col: utf8.RuneCountInString(before[lineStart:]) + 1}
}
