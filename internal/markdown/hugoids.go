package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// hugoID is the heading ID Hugo gives a heading's text (its default,
// "github" style): letters, digits and _ lower-cased and kept in any
// script, each space or "-" a "-", everything else dropped:
// "Table des matières" → "table-des-matières", "1.1 Problème" →
// "11-problème".
func hugoID(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// hugoAnchors maps the IDs Hugo would give the document's headings to
// the IDs kz30 gives them, for the headings whose two IDs differ (a
// second "x" is "x-1" in Hugo), so that a link written for Hugo's IDs
// ("#table-des-matières") goes to its heading. Headings with an explicit
// {#id} are left out: the same ID in both.
func hugoAnchors(doc *ast.Document, src []byte) map[string]string {
	out := map[string]string{}
	seen := map[string]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		id := ""
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				id = string(b)
			}
		}
		hid := hugoID(plainText(h, src))
		if hid == "" {
			hid = "heading"
		}
		if k := seen[hid]; k > 0 {
			seen[hid]++
			hid += "-" + strconv.Itoa(k)
		} else {
			seen[hid] = 1
		}
		if id != "" && hid != id {
			out[hid] = id
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}
