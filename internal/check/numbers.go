package check

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
)

// figure is a figure a reader sees on a page: in its prose, its title or
// its description.
type figure struct {
	i18n.Found
	where string // "" for the prose, else "title" or "description"
}

// Numbers reports every figure of a page (its prose, title and description
// together) that the other language's version of the page lacks: "370
// milliards" in French and "307 billion" in English give one error on each
// side, each at the figure's line (line 1 for the front matter).
func Numbers(in Input, r *Report) {
	pairs(in.Site, func(src, tr *content.Page) {
		a, b := pageFigures(in, src), pageFigures(in, tr)
		unmatched(r, src, a, tr, b, pageText(in, tr))
		unmatched(r, tr, b, src, a, pageText(in, src))
	})
}

// pageFigures lists the figures of p's title, description and prose.
func pageFigures(in Input, p *content.Page) []figure {
	var out []figure
	for _, f := range []struct{ where, text string }{{"title", p.Title}, {"description", p.Description}} {
		for _, x := range i18n.FindNumbers(p.Lang, f.text) {
			out = append(out, figure{x, f.where})
		}
	}
	for _, x := range figures(in, p) {
		out = append(out, figure{x, ""})
	}
	return out
}

// pageText is p's title, description and prose, one per line.
func pageText(in Input, p *content.Page) string {
	text := p.Title + "\n" + p.Description
	if d := in.Docs[p]; d != nil {
		text += "\n" + d.Text
	}
	return text
}

// hasToken reports whether tok appears in text as a whole token: no letter
// or digit right before or after it ("WCAG 2.1" on both sides).
func hasToken(text, tok string) bool {
	for i := 0; tok != ""; {
		k := strings.Index(text[i:], tok)
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len(tok)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !isWord(before) && !isWord(after) {
			return true
		}
		i = start + 1
	}
	return false
}

// isWord reports whether r is a letter or a digit.
func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// unmatched reports the figures of p (found) without a counterpart in
// other's figures. A figure written the same way in other's text (theirs
// is the whole of it) is never reported, whatever each language reads in
// it: "WCAG 2.1" on both sides.
func unmatched(r *Report, p *content.Page, found []figure, other *content.Page, theirs []figure, otherText string) {
	var values []float64
	for _, y := range theirs {
		values = append(values, y.Value)
		if y.Max != y.Value {
			values = append(values, y.Max)
		}
	}
	// Sorted, so each look-up is a binary search (pages of thousands of
	// figures on both sides would otherwise take the product).
	slices.Sort(values)
	has := func(v float64) bool {
		tol := 2e-9 * math.Abs(v)
		for i, _ := slices.BinarySearch(values, v-tol); i < len(values) && values[i] <= v+tol; i++ {
			if same(v, values[i]) {
				return true
			}
		}
		return false
	}
	seen := map[string]int{}
	loc := newLocator(p)
	for _, x := range found {
		var nth int
		if x.where == "" {
			nth = seen[x.Text]
			seen[x.Text]++
		}
		if has(x.Value) && has(x.Max) || hasToken(otherText, x.Text) {
			continue
		}
		hint := "both languages must state the same figures: fix the figure on the side that is wrong (write figures in digits in both)"
		if x.where != "" {
			r.Errors.Add(frontPos(p), fmt.Sprintf("figure %q of the %s has no counterpart in %s", x.Text, x.where, other.Path), hint)
			continue
		}
		r.Errors.Add(loc.locate(x.Text, nth), fmt.Sprintf("figure %q has no counterpart in %s", x.Text, other.Path), hint)
	}
}
