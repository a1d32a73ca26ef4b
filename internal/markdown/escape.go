package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// typographic are the characters goldmark's typographer rewrites: dashes,
// ellipses, quotes and angle quotes.
const typographic = `-.'"<>`

// escapeParser keeps escaped punctuation out of the typographer: "\---"
// stays three hyphens and "\..." three dots, as CommonMark renders them,
// instead of the escaped character followed by a dash or an ellipsis made
// of the rest. It takes a backslash, one of the typographic characters,
// and the run of that same character after it, as literal text; every
// other backslash is left to goldmark.
type escapeParser struct{}

// Trigger implements parser.InlineParser.
func (escapeParser) Trigger() []byte { return []byte{'\\'} }

// Parse implements parser.InlineParser.
func (escapeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 2 || line[0] != '\\' {
		return nil
	}
	c := line[1]
	found := false
	for i := 0; i < len(typographic); i++ {
		if typographic[i] == c {
			found = true
		}
	}
	if !found {
		return nil
	}
	n := 2
	for n < len(line) && line[n] == c {
		n++
	}
	block.Advance(n)
	return ast.NewString(line[1:n])
}
