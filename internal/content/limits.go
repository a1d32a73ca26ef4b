package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/kz30/kz30/internal/diag"
)

// Limits on one source file. What goes past them is refused before it is
// parsed: the YAML parser takes time and memory that grow faster than the
// input with nesting (80 KB of nested "[" took 2.5 GB).
const (
	// MaxPageSize is the largest page file, in bytes.
	MaxPageSize = 32 << 20
	// MaxFrontMatter is the largest front matter, in bytes.
	MaxFrontMatter = 64 << 10
	// MaxYAMLDepth is how deeply front matter values may nest: flow
	// collections ("[", "{") and block sequence items ("- ") opened on
	// one line.
	MaxYAMLDepth = 16
)

// checkFrontSize refuses front matter over MaxFrontMatter.
func checkFrontSize(file string, front []byte) *diag.Error {
	if len(front) <= MaxFrontMatter {
		return nil
	}
	return &diag.Error{Pos: diag.Pos{File: file, Line: 1, Col: 1},
		Msg:  fmt.Sprintf("front matter is %d KB, over the %d KB limit", (len(front)+1023)>>10, MaxFrontMatter>>10),
		Hint: "keep the front matter to the page's keys (title, description…) and move text into the body"}
}

// yamlDepth refuses front matter nested deeper than MaxYAMLDepth, by a
// scan that skips comments and quoted scalars and counts "[", "{" and the
// "- " items that start a line. It returns nil for acceptable YAML.
func yamlDepth(file string, front []byte) *diag.Error {
	depth, line, col := 0, 2, 0 // the front matter starts on file line 2
	lineStart := true           // only blanks and "- " so far on this line
	block := 0                  // block sequence items opened on this line
	prev := byte('\n')          // last byte that is not a blank
	for i := 0; i < len(front); i++ {
		c := front[i]
		if c&0xc0 != 0x80 { // columns count characters
			col++
		}
		switch {
		case c == '\n':
			line, col, lineStart, block, prev = line+1, 0, true, 0, '\n'
			continue
		case c == ' ' || c == '\t':
			continue
		case c == '#' && (i == 0 || front[i-1] == ' ' || front[i-1] == '\t' || front[i-1] == '\n'):
			for i+1 < len(front) && front[i+1] != '\n' {
				i++
			}
			continue
		case (c == '"' || c == '\'') && scalarStart(prev):
			// Skip the quoted scalar; it may span lines.
			end, lines := skipQuoted(front, i)
			line += lines
			if lines > 0 {
				col = utf8.RuneCount(front[bytes.LastIndexByte(front[:end+1], '\n')+1 : end+1])
			} else {
				col += utf8.RuneCount(front[i+1 : end+1])
			}
			i = end
			prev, lineStart = c, false
			continue
		case c == '-' && lineStart && (i+1 == len(front) || front[i+1] == ' ' || front[i+1] == '\n'):
			block++
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
		if c != '-' {
			lineStart = false
		}
		prev = c
		if depth+block > MaxYAMLDepth {
			return &diag.Error{Pos: diag.Pos{File: file, Line: line, Col: col},
				Msg:  fmt.Sprintf("YAML: front matter nested more than %d levels deep", MaxYAMLDepth),
				Hint: "front matter values are strings, numbers, dates or flat lists: remove the nested brackets or dashes"}
		}
	}
	return nil
}

// skipQuoted returns the offset of the quote closing the scalar that
// opens at b[i] (or the last offset when it is not closed) and the number
// of line breaks inside.
func skipQuoted(b []byte, i int) (end, lines int) {
	q := b[i]
	for j := i + 1; j < len(b); j++ {
		switch d := b[j]; {
		case d == '\n':
			lines++
		case q == '"' && d == '\\':
			j++ // the escaped character
		case d == q && q == '\'' && j+1 < len(b) && b[j+1] == '\'':
			j++ // '' is a quote inside
		case d == q:
			return j, lines
		}
	}
	return len(b) - 1, lines
}

// scalarStart reports whether a quote after prev starts a quoted scalar
// (rather than being a character of a plain one, as in l'essentiel).
func scalarStart(prev byte) bool {
	switch prev {
	case '\n', ':', '[', '{', ',', '-', '?':
		return true
	}
	return false
}

// noAliases refuses YAML aliases (*name): a page's keys never need them,
// and each alias of an alias multiplies what decoding builds.
func noAliases(file string, root ast.Node, errs *diag.List) bool {
	ok := true
	ast.Walk(visitor(func(n ast.Node) bool {
		if a, isAlias := n.(*ast.AliasNode); isAlias && ok {
			t := a.GetToken()
			pos := diag.Pos{File: file, Line: 1, Col: 1}
			if t != nil {
				pos = diag.Pos{File: file, Line: t.Position.Line + 1, Col: t.Position.Column}
			}
			errs.Add(pos, fmt.Sprintf("YAML alias %s in front matter", a.String()), "write the value itself instead of an alias")
			ok = false
		}
		return ok
	}), root)
	return ok
}

// visitor adapts a function to ast.Visitor; walking stops when it
// returns false.
type visitor func(ast.Node) bool

// Visit implements ast.Visitor.
func (v visitor) Visit(n ast.Node) ast.Visitor {
	if !v(n) {
		return nil
	}
	return v
}
