package check

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/render"
)

// Facts checks that every figure a page lists in facts: appears in its
// prose, that the translations of a page list the same facts, and warns
// about facts no page lists.
func Facts(in Input, r *Report) {
	s := in.Site
	if s.Facts == nil {
		return
	}
	listed := map[string]bool{}
	for _, e := range s.Entries {
		for _, p := range e.Pages {
			if p == nil {
				continue
			}
			found := figures(in, p)
			for _, ref := range p.Facts {
				listed[ref.ID] = true
				f := s.Facts.Facts[ref.ID]
				if f == nil || !f.HasFigure() || slices.ContainsFunc(found, func(x i18n.Found) bool { return states(f, x) }) {
					continue
				}
				hint := "state the figure in the page's text, in digits, or remove the ID from facts:"
				if near := similar(f, found); near != "" {
					hint = "the text has " + near + "; fix the figure (content/facts.toml is the reference), or remove the ID from facts:"
				}
				r.Errors.Add(ref.Pos, fmt.Sprintf("fact %q (%s) is listed but its figure is not in the text", ref.ID, describe(in, p.Lang, f)), hint)
			}
		}
	}
	pairs(s, func(src, tr *content.Page) {
		srcIDs, trIDs := factIDs(src), factIDs(tr)
		for _, ref := range tr.Facts {
			if !slices.Contains(srcIDs, ref.ID) {
				r.Errors.Add(ref.Pos, fmt.Sprintf("fact %q is listed here but not in %s", ref.ID, src.Path),
					"list the same facts in every language: add it there or remove it here")
			}
		}
		for _, id := range srcIDs {
			if !slices.Contains(trIDs, id) {
				r.Errors.Add(frontPos(tr), fmt.Sprintf("facts: lacks %q, which %s lists", id, src.Path),
					"list the same facts in every language: add it to facts: here (and state its figure)")
			}
		}
	})
	for _, id := range s.Facts.IDs() {
		if !listed[id] {
			f := s.Facts.Facts[id]
			r.Warnings.Add(f.Pos, fmt.Sprintf("fact %q is listed by no page", id),
				"add it to the facts: of the pages that state it, or remove it from content/facts.toml")
		}
	}
}

// frontPos is the first line of a page file, where its front matter is.
func frontPos(p *content.Page) diag.Pos { return diag.Pos{File: p.Path, Line: 1, Col: 1} }

func factIDs(p *content.Page) []string {
	ids := make([]string, len(p.Facts))
	for i, ref := range p.Facts {
		ids[i] = ref.ID
	}
	return ids
}

// figures are the figures of p's prose.
func figures(in Input, p *content.Page) []i18n.Found {
	d := in.Docs[p]
	if d == nil {
		return nil
	}
	return i18n.FindNumbers(p.Lang, d.Text)
}

// Stated reports whether text, prose in lang, states the figure of fact f
// (see states). A claim, which has no figure, is never stated.
func Stated(f *content.Fact, lang, text string) bool {
	if !f.HasFigure() {
		return false
	}
	return slices.ContainsFunc(i18n.FindNumbers(lang, text), func(x i18n.Found) bool { return states(f, x) })
}

// states reports whether the figure x of a text states fact f: the same
// value (both ends for a range), a percentage for a percent fact.
func states(f *content.Fact, x i18n.Found) bool {
	if (f.Kind == content.KindPercent) != (x.Kind == "percent") {
		return false
	}
	if f.IsRange() {
		return same(x.Value, f.Min) && same(x.Max, f.Max)
	}
	return same(x.Value, f.Value) && same(x.Max, x.Value)
}

// same compares two figures, allowing for floating-point rounding.
func same(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*max(math.Abs(a), math.Abs(b))
}

// similar lists the figures of found that could be a mistyped f: same
// kind, within a factor of ten, up to three.
func similar(f *content.Fact, found []i18n.Found) string {
	want := f.Value
	if f.IsRange() {
		want = f.Min
	}
	var near []string
	for _, x := range found {
		if (f.Kind == content.KindPercent) != (x.Kind == "percent") || want == 0 || x.Value == 0 {
			continue
		}
		ratio := x.Value / want
		if ratio < 0.1 || ratio > 10 {
			continue
		}
		q := strconv.Quote(x.Text)
		if !slices.Contains(near, q) {
			near = append(near, q)
		}
		if len(near) == 3 {
			break
		}
	}
	return strings.Join(near, ", ")
}

// describe shows f's figure as lang writes it, or plainly without locales.
func describe(in Input, lang string, f *content.Fact) string {
	if loc := in.Locales[lang]; loc != nil && in.Catalog != nil {
		if s := render.FactFigure(loc, in.Catalog, f); s != "" {
			return s
		}
	}
	g := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	s := g(f.Value)
	if f.IsRange() {
		s = g(f.Min) + "–" + g(f.Max)
	}
	if f.Kind == content.KindPercent {
		s += "%"
	}
	return s
}
