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
