package newsletter

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/vanng822/go-premailer/premailer"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// classRE finds the class selectors of a stylesheet.
var classRE = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_-]*)`)

// inline moves the stylesheet into style attributes with go-premailer.
// What cannot be inlined (the @media rules) stays in one <style> block;
// classes that no leftover rule uses are removed, and the result must
// hold no var(): e-mail clients do not know custom properties.
func inline(doc string) ([]byte, error) {
	p, err := premailer.NewPremailerFromString(doc, premailer.NewOptions())
	if err != nil {
		return nil, fmt.Errorf("inline styles: %w", err)
	}
	out, err := p.Transform()
	if err != nil {
		return nil, fmt.Errorf("inline styles: %w", err)
	}
	root, err := html.Parse(strings.NewReader(out))
	if err != nil {
		return nil, fmt.Errorf("inline styles: %w", err)
	}
	var styles []*html.Node
	used := map[string]bool{}
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Style {
			styles = append(styles, n)
			css := textOf(n)
			if strings.Contains(css, "var(") {
				return nil, fmt.Errorf("inline styles: a CSS custom property is left in <style>")
			}
			for _, m := range classRE.FindAllStringSubmatch(css, -1) {
				used[m[1]] = true
			}
		}
	}
	if len(styles) > 1 {
		return nil, fmt.Errorf("inline styles: %d <style> blocks left, want at most one", len(styles))
	}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		var keep []html.Attribute
		for _, a := range n.Attr {
			if a.Key == "style" && strings.Contains(a.Val, "var(") {
				return nil, fmt.Errorf("inline styles: a CSS custom property is left in <%s style=%q>", n.Data, a.Val)
			}
			if a.Key == "class" {
				var cs []string
				for _, c := range strings.Fields(a.Val) {
					if used[c] {
						cs = append(cs, c)
					}
				}
				if len(cs) == 0 {
					continue
				}
				a.Val = strings.Join(cs, " ")
			}
			if a.Key == "type" && n.DataAtom == atom.Style {
				continue
			}
			keep = append(keep, a)
		}
		n.Attr = keep
	}
	var buf bytes.Buffer
	if err := html.Render(&buf, root); err != nil {
		return nil, err
	}
	return append(buf.Bytes(), '\n'), nil
}
