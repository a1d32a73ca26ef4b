package check

import (
	"fmt"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
)

// Numbers reports every figure of a page's prose that the other language's
// version of the page lacks: "370 milliards" in French and "307 billion" in
// English give one error on each side, each at the figure's line.
func Numbers(in Input, r *Report) {
	pairs(in.Site, func(src, tr *content.Page) {
		a, b := figures(in, src), figures(in, tr)
		unmatched(r, src, a, tr, b)
		unmatched(r, tr, b, src, a)
	})
}

// unmatched reports the figures of p (found) without a counterpart in
// other's figures.
func unmatched(r *Report, p *content.Page, found []i18n.Found, other *content.Page, theirs []i18n.Found) {
	var values []float64
	for _, y := range theirs {
		values = append(values, y.Value)
		if y.Max != y.Value {
			values = append(values, y.Max)
		}
	}
	has := func(v float64) bool {
		for _, w := range values {
			if same(v, w) {
				return true
			}
		}
		return false
	}
	seen := map[string]int{}
	for _, x := range found {
		nth := seen[x.Text]
		seen[x.Text]++
		if has(x.Value) && has(x.Max) {
			continue
		}
		r.Errors.Add(locate(p, x.Text, nth),
			fmt.Sprintf("figure %q has no counterpart in %s", x.Text, other.Path),
			"both languages must state the same figures: fix the figure on the side that is wrong (write figures in digits in both)")
	}
}
