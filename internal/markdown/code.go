package markdown

import (
	"embed"
	"fmt"
	"html"
	"io"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// LightStyle and DarkStyle are the chroma styles of the site's two color
// schemes; e-mail uses LightStyle inline.
const (
	LightStyle = "github"
	DarkStyle  = "github-dark"
)

// styleFiles are the two styles, copied from chroma's styles package:
// importing that package parses its seventy styles at start-up, which
// costs every run, even kz30 --help, several milliseconds.
//
//go:embed styles/*.xml
var styleFiles embed.FS

// style returns the chroma style name (LightStyle or DarkStyle), parsed
// once.
func style(name string) (*chroma.Style, error) {
	s, err := loadStyles()
	if err != nil {
		return nil, err
	}
	if st := s[name]; st != nil {
		return st, nil
	}
	return nil, fmt.Errorf("no chroma style %q", name)
}

var loadStyles = sync.OnceValues(func() (map[string]*chroma.Style, error) {
	s := map[string]*chroma.Style{}
	for _, name := range []string{LightStyle, DarkStyle} {
		f, err := styleFiles.Open("styles/" + name + ".xml")
		if err != nil {
			return nil, err
		}
		st, err := chroma.NewXMLStyle(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("chroma style %s: %w", name, err)
		}
		s[name] = st
	}
	return s, nil
})

// codeRenderer renders fenced and indented code blocks with chroma. Web
// pages get CSS classes (the stylesheet holds both schemes); e-mail gets
// inline styles. Every block is a focusable <pre> so a keyboard can scroll it.
type codeRenderer struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
}

func newCodeRenderer(inline bool) *codeRenderer {
	opts := []chromahtml.Option{chromahtml.PreventSurroundingPre(true)}
	if !inline {
		opts = append(opts, chromahtml.WithClasses(true))
	}
	st, err := style(LightStyle)
	if err != nil {
		panic(err) // embedded and tested: cannot happen
	}
	return &codeRenderer{formatter: chromahtml.New(opts...), style: st}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
	reg.Register(ast.KindCodeBlock, r.render)
}

func (r *codeRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		lang = string(f.Language(src))
	}
	var code []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code = append(code, seg.Value(src)...)
	}
	var lexer chroma.Lexer
	if lang != "" && len(lang) <= maxLangName {
		lexer = lexerFor(lang)
	}
	if lexer == nil {
		if lang != "" && len(lang) <= maxLangName {
			_, _ = w.WriteString(`<pre tabindex="0"><code class="language-` + html.EscapeString(lang) + `">`)
		} else {
			_, _ = w.WriteString(`<pre tabindex="0"><code>`)
		}
		_, _ = w.WriteString(html.EscapeString(string(code)))
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkSkipChildren, nil
	}
	tokens, ok, err := tokenise(lexer, string(code))
	if err != nil {
		return ast.WalkStop, err
	}
	if !ok {
		// Too slow to highlight (see highlightBudget): shown plain.
		_, _ = w.WriteString(`<pre tabindex="0"><code class="language-` + html.EscapeString(lang) + `">`)
		_, _ = w.WriteString(html.EscapeString(string(code)))
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkSkipChildren, nil
	}
	it := chroma.Literator(tokens...)
	if r.formatter.Classes {
		_, _ = w.WriteString(`<pre class="chroma" tabindex="0"><code class="language-` + html.EscapeString(lang) + `">`)
	} else {
		_, _ = w.WriteString(`<pre tabindex="0" style="` + preStyle(r.style) + `"><code>`)
	}
	if err := r.formatter.Format(w, r.style, it); err != nil {
		return ast.WalkStop, err
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// preStyle is the inline style of an e-mail code block.
func preStyle(s *chroma.Style) string {
	bg := s.Get(chroma.Background)
	css := "margin:0 0 16px;padding:12px;overflow-x:auto;font-family:Consolas,Menlo,monospace;font-size:13px;line-height:1.45;white-space:pre-wrap;word-break:break-word;"
	if bg.Background.IsSet() {
		css += "background-color:" + bg.Background.String() + ";"
	}
	if bg.Colour.IsSet() {
		css += "color:" + bg.Colour.String() + ";"
	}
	return css
}

// WriteCSS writes the chroma rules of style for the class-based output.
func WriteCSS(w io.Writer, name string) error {
	st, err := style(name)
	if err != nil {
		return err
	}
	return chromahtml.New(chromahtml.WithClasses(true)).WriteCSS(w, st)
}
