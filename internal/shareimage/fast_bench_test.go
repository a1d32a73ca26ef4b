package shareimage

import (
	"fmt"
	"testing"
)

// BenchmarkDrawFast draws page cards of different titles with one
// Painter, as a build does: the background is shared, each card's title
// rows are compressed on their own.
func BenchmarkDrawFast(b *testing.B) {
	p := NewPainter()
	var size, i int
	for b.Loop() {
		d, err := p.DrawFast(Card{Title: fmt.Sprintf("Kaspi.kz : acheter, payer et emprunter, page %d", i),
			Subtitle: "Le Kazakhstan à 30\u00a0ans\u00a0: le saut numérique", Brand: "Kazakhstan 30", Address: "example.github.io/kz30"})
		if err != nil {
			b.Fatal(err)
		}
		size += len(d.PNG)
		i++
	}
	b.ReportMetric(float64(size)/float64(i), "bytes/card")
}
