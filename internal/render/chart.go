package render

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
)

// Chart geometry, in SVG user units. A waffle is 10×10 cells of wafCell
// units, wafPitch apart; a rank scale is a track of rankWidth units with
// rankPad units on each side, a marker above it and the scale's ends below.
const (
	wafCells  = 10
	wafCell   = 9
	wafPitch  = 10
	wafSize   = wafCells*wafPitch - (wafPitch - wafCell) // 99
	rankW     = 200
	rankH     = 46
	rankPad   = 8
	rankWidth = rankW - 2*rankPad
	rankTrack = 24 // y of the track's top
)

// Chart draws the small SVG chart of a share or a rank; other facts get
// none. It returns the SVG and its visible text equivalent.
//
// A percent fact between 0 and 100 becomes a 10×10 waffle (one cell per
// percentage point, rounded, filled row by row from the top left); a rank
// fact with `of` becomes a marker on a 1…of scale, 1 at the left. The SVG
// has role="img", the fact's label as <title> and a localized <desc>
// (catalog keys chart-share-desc, chart-rank-desc); its colors come from
// classes (on, off, mark, scale) that the stylesheet sets for each color
// scheme, never from style attributes. The text equivalent comes from the
// catalog keys chart-share-alt and rank-of. Output depends only on the
// arguments.
func Chart(loc *i18n.Locale, cat *i18n.Catalog, f *content.Fact) (template.HTML, string) {
	if f == nil || f.IsRange() {
		return "", ""
	}
	lang := loc.Lang()
	label := loc.Text(f.Label[lang])
	switch f.Kind {
	case content.KindPercent:
		if math.IsNaN(f.Value) || f.Value < 0 || f.Value > 100 {
			return "", ""
		}
		on := int(math.Round(f.Value))
		desc := t(cat, lang, "chart-share-desc", label, FactFigure(loc, cat, f))
		alt := t(cat, lang, "chart-share-alt", loc.Number(float64(on)))
		return waffle(label, desc, on), alt
	case content.KindRank:
		rank, of := f.Value, f.Of
		if of < 2 || rank < 1 || rank > of || rank != math.Trunc(rank) || of != math.Trunc(of) {
			return "", ""
		}
		ord := loc.Ordinal(int(rank))
		total := loc.Number(of)
		desc := t(cat, lang, "chart-rank-desc", label, ord, total)
		alt := t(cat, lang, "rank-of", ord, total)
		return rankScale(label, desc, int(rank), int(of), total), alt
	}
	return "", ""
}

// svgOpen starts a chart: the root element with its accessible name and
// description.
func svgOpen(b *strings.Builder, kind string, w, h int, title, desc string) {
	b.WriteString(`<svg class="chart `)
	b.WriteString(kind)
	b.WriteString(`" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	b.WriteString(strconv.Itoa(w) + " " + strconv.Itoa(h))
	b.WriteString(`" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h))
	b.WriteString(`" role="img"><title>`)
	b.WriteString(template.HTMLEscapeString(title))
	b.WriteString(`</title><desc>`)
	b.WriteString(template.HTMLEscapeString(desc))
	b.WriteString(`</desc>`)
}

// waffle draws on filled cells of 100: one path for the filled cells, one
// for the others.
func waffle(title, desc string, on int) template.HTML {
	var b strings.Builder
	svgOpen(&b, "waffle", wafSize, wafSize, title, desc)
	cells := func(class string, from, to int) {
		if from >= to {
			return
		}
		b.WriteString(`<path class="` + class + `" d="`)
		for i := from; i < to; i++ {
			x, y := i%wafCells*wafPitch, i/wafCells*wafPitch
			b.WriteString("M" + strconv.Itoa(x) + " " + strconv.Itoa(y) + "h" + strconv.Itoa(wafCell) + "v" + strconv.Itoa(wafCell) + "h-" + strconv.Itoa(wafCell) + "z")
		}
		b.WriteString(`"/>`)
	}
	cells("on", 0, on)
	cells("off", on, wafCells*wafCells)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// rankX is the x coordinate of rank on a 1…of scale.
func rankX(rank, of int) float64 {
	return rankPad + float64(rankWidth)*float64(rank-1)/float64(of-1)
}

// rankScale draws a track from 1 to of, a marker above rank, and the two
// ends of the scale below the track.
func rankScale(title, desc string, rank, of int, total string) template.HTML {
	var b strings.Builder
	svgOpen(&b, "rank", rankW, rankH, title, desc)
	x := num(rankX(rank, of))
	b.WriteString(`<rect class="off" x="` + strconv.Itoa(rankPad) + `" y="` + strconv.Itoa(rankTrack) + `" width="` + strconv.Itoa(rankWidth) + `" height="5" rx="2.5"/>`)
	// A downward triangle whose tip touches the track, and a tick across it.
	b.WriteString(`<path class="mark" d="M` + x + ` ` + strconv.Itoa(rankTrack-1) + `l-7-13h14z"/>`)
	b.WriteString(`<rect class="mark" x="` + num(rankX(rank, of)-1.5) + `" y="` + strconv.Itoa(rankTrack-2) + `" width="3" height="9"/>`)
	b.WriteString(`<text class="scale" x="` + strconv.Itoa(rankPad) + `" y="44" font-size="12">1</text>`)
	b.WriteString(`<text class="scale end" x="` + strconv.Itoa(rankW-rankPad) + `" y="44" font-size="12" text-anchor="end">`)
	b.WriteString(template.HTMLEscapeString(total))
	b.WriteString(`</text></svg>`)
	return template.HTML(b.String())
}

// num writes a coordinate with at most two decimals and no trailing zeros.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
