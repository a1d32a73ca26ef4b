package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// apostropheParser turns a straight ' between two letters into the
// apostrophe even when emphasis, strikethrough or code marks stand between
// them ("*l*'esprit", "l'`x`"), which the typographer, looking at one
// character on each side, would take for a quote. It runs before the
// typographer and leaves every other ' to it.
type apostropheParser struct{ mark string }

// Trigger implements parser.InlineParser.
func (apostropheParser) Trigger() []byte { return []byte{'\''} }

// Parse implements parser.InlineParser.
func (p apostropheParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[0] != '\'' {
		return nil
	}
	src := block.Source()
	i := seg.Start
	for i > 0 && isMarkupByte(src[i-1]) {
		i--
	}
	if i == seg.Start {
		return nil // no mark before: the typographer decides
	}
	before, _ := utf8.DecodeLastRune(src[:i])
	j := 1
	for j < len(line) && (isMarkupByte(line[j]) || line[j] == '[') {
		j++
	}
	after, _ := utf8.DecodeRune(line[j:])
	if !unicode.IsLetter(before) || !unicode.IsLetter(after) {
		return nil
	}
	block.Advance(1)
	n := ast.NewString([]byte(p.mark))
	n.SetCode(true)
	return n
}

// isMarkupByte reports whether c is an inline mark that does not end a word:
// emphasis, strikethrough, code.
func isMarkupByte(c byte) bool {
	return c == '*' || c == '_' || c == '~' || c == '`'
}
