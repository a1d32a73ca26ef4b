package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
)

// TestLocatorMatchesLocate: the locator, which searches on from the
// previous figure, finds figures met in order where locate does, on long
// lines and across lines, and falls back to locate for one out of order.
func TestLocatorMatchesLocate(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&b, "é %d ", 1000+i)
		if i%100 == 99 {
			b.WriteString("\nligne suivante ")
		}
	}
	p := &content.Page{Path: "content/fr/p.md", BodyLine: 5, Body: []byte(b.String())}
	loc := newLocator(p)
	for i := range 300 {
		text := fmt.Sprint(1000 + i)
		if got, want := loc.locate(text, 0), locate(p, text, 0); got != want {
			t.Fatalf("figure %s at %v, want %v", text, got, want)
		}
	}
	if got, want := loc.locate("1005", 0), locate(p, "1005", 0); got != want || got.Line != 5 || got.Col != 38 {
		t.Errorf("out of order: %v, want %v (5:38)", got, want)
	}
}

// BenchmarkLocateOneLine locates n figures of one long line: linear in n
// (it was quadratic: every position counted the line from its start).
func BenchmarkLocateOneLine(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		var body strings.Builder
		for i := range n {
			fmt.Fprintf(&body, "%d ", 10000+i)
		}
		p := &content.Page{Path: "p.md", BodyLine: 1, Body: []byte(body.String())}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				loc := newLocator(p)
				for i := range n {
					loc.locate(fmt.Sprint(10000+i), 0)
				}
			}
		})
	}
}
