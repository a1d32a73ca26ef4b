package content

import (
	"bytes"
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"
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

// yamlDepth refuses front matter nested deeper than MaxYAMLDepth: flow
// collections ("[", "{") open at once, plus the block sequence items
// ("- ") that start on the same line. It reads the tokens of go-yaml's
// own scanner (it knows quotes and comments as the parser does) and stops
// at the first token past the limit, so nothing nested reaches the
// parser (the scanner reads a long line whole: at worst, a 64 KB line of
// brackets, that costs some 20 ms). It returns nil
// for acceptable YAML, and for YAML the lexer cannot read (the parser then
// reports the syntax error).
func yamlDepth(file string, front []byte) (e *diag.Error) {
	defer func() {
		if recover() != nil {
			e = nil
		}
	}()
	openers := bytes.Count(front, []byte("[")) + bytes.Count(front, []byte("{"))
	if openers+maxDashes(front) <= MaxYAMLDepth {
		return nil // cannot nest deeper: most front matter stops here
	}
	var sc scanner.Scanner
	sc.Init(string(front))
	depth, line, entries := 0, -1, 0
	for {
		toks, err := sc.Scan()
		if err != nil {
			return nil // the end, or what the parser will report
		}
		if e := depthOf(file, toks, &depth, &line, &entries); e != nil {
			return e
		}
	}
}

// maxDashes is the largest number of "-" on one line of b.
func maxDashes(b []byte) int {
	m := 0
	for line := range bytes.Lines(b) {
		m = max(m, bytes.Count(line, []byte("-")))
	}
	return m
}

// depthOf follows the nesting through toks (see yamlDepth).
func depthOf(file string, toks token.Tokens, depth, line, entries *int) *diag.Error {
	for _, tk := range toks {
		p := tk.Position
		if p == nil {
			continue
		}
		if p.Line != *line {
			*line, *entries = p.Line, 0
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			*depth++
		case token.SequenceEndType, token.MappingEndType:
			*depth = max(*depth-1, 0)
		case token.SequenceEntryType:
			*entries++
		}
		if *depth+*entries > MaxYAMLDepth {
			return &diag.Error{Pos: diag.Pos{File: file, Line: p.Line + 1, Col: p.Column},
				Msg:  fmt.Sprintf("YAML: front matter nested more than %d levels deep", MaxYAMLDepth),
				Hint: "front matter values are strings, numbers, dates or flat lists: remove the nested brackets or dashes"}
		}
	}
	return nil
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
