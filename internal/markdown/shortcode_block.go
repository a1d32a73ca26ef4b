package markdown

import (
	"bytes"
	"html"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindShortcode is the node kind of a block a shortcode became.
var KindShortcode = ast.NewNodeKind("Shortcode")

// shortcodeNode is a figure, or the opening or closing tag of details;
// a figure holds its image as its child.
type shortcodeNode struct {
	ast.BaseBlock
	block scBlock
}

// Kind implements ast.Node.
func (n *shortcodeNode) Kind() ast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (n *shortcodeNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"kind": n.block.kind}, nil)
}

// addImage gives a figure its image, once inlines are parsed (goldmark
// parses the inlines of every block, so the image cannot be there before).
func (n *shortcodeNode) addImage() {
	if n.block.kind != "figure" || n.HasChildren() {
		return
	}
	img := ast.NewImage(ast.NewLink())
	img.Destination = []byte(n.block.src)
	if n.block.title != "" {
		img.Title = []byte(n.block.title)
	}
	img.AppendChild(img, ast.NewString([]byte(n.block.alt)))
	img.SetPos(n.Pos())
	n.AppendChild(n, img)
}

// markerParser reads the marker lines the shortcode pre-pass writes.
type markerParser struct{}

// Trigger implements parser.BlockParser.
func (markerParser) Trigger() []byte { return []byte{markerByte} }

// Open implements parser.BlockParser.
func (markerParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	st, _ := pc.Get(stateKey).(*state)
	line, seg := reader.PeekLine()
	t := bytes.TrimSpace(line)
	if st == nil || len(t) < 3 || t[0] != markerByte || t[len(t)-1] != markerByte {
		return nil, parser.NoChildren
	}
	i, err := strconv.Atoi(string(t[1 : len(t)-1]))
	if err != nil || i < 0 || i >= len(st.blocks) {
		return nil, parser.NoChildren
	}
	n := &shortcodeNode{block: st.blocks[i]}
	n.SetPos(seg.Start)
	reader.Advance(seg.Len() - 1)
	return n, parser.NoChildren
}

// Continue implements parser.BlockParser.
func (markerParser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }

// Close implements parser.BlockParser.
func (markerParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (markerParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (markerParser) CanAcceptIndentedLine() bool { return false }

// blockRenderer renders shortcode nodes.
type blockRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (blockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindShortcode, renderShortcode)
}

func renderShortcode(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	b := node.(*shortcodeNode).block
	switch b.kind {
	case "figure":
		if entering {
			_, _ = w.WriteString("<figure>")
			return ast.WalkContinue, nil
		}
		if b.caption != "" {
			_, _ = w.WriteString("<figcaption>" + html.EscapeString(b.caption) + "</figcaption>")
		}
		_, _ = w.WriteString("</figure>\n")
	case "details":
		if entering {
			_, _ = w.WriteString("<details>\n<summary>" + html.EscapeString(b.summary) + "</summary>\n")
		}
	case "/details":
		if entering {
			_, _ = w.WriteString("</details>\n")
		}
	}
	return ast.WalkContinue, nil
}
