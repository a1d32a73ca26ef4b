package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// pathological are the shapes that used to cost superlinear time, each a
// body of size n (see PERFORMANCE.md, "Pathological inputs"). Refused
// shapes are refused by the nesting limit; accepted ones must convert in
// time proportional to n.
var pathological = []struct {
	name string
	body func(n int) string
}{
	{"links-one-line", func(n int) string { return strings.Repeat("[é](https://e.test/) ", n) + "\n" }},
	{"anchors-one-line", func(n int) string { return "## A {#a}\n\n" + strings.Repeat("[é](#a) ", n) + "\n" }},
	{"quotes", func(n int) string { return strings.Repeat(">", n) + " x\n" }},
	{"list-markers", func(n int) string { return strings.Repeat("- ", n) + "x\n" }},
	{"indented-lists", indentedList},
	{"emphasis", func(n int) string { return strings.Repeat("*", n) + "x" + strings.Repeat("*", n) + "\n" }},
	{"tildes", func(n int) string { return strings.Repeat("~~", n) + "x" + strings.Repeat("~~", n) + "\n" }},
	{"footnote-definitions", func(n int) string { return "x[^a]\n\n" + strings.Repeat("[^a]: ", n) + "x\n" }},
	{"deep-quote-lines", func(n int) string { return strings.Repeat(strings.Repeat("> ", 90)+"x\n", n) }},
	{"deep-list-lines", func(n int) string { return strings.Repeat(strings.Repeat("- ", 45)+"x\n", n) }},
}

// BenchmarkPathological converts each pathological shape at three sizes,
// each four times the previous: linear time shows as ns/op growing 4×
// from one size to the next.
func BenchmarkPathological(b *testing.B) {
	c := New(Options{Lang: "fr"})
	for _, shape := range pathological {
		for _, n := range []int{250, 1000, 4000} {
			b.Run(fmt.Sprintf("%s/n=%d", shape.name, n), func(b *testing.B) {
				body := []byte(shape.body(n))
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					_, _, _ = c.Convert(Source{File: "p.md", Line: 1, Body: body})
				}
			})
		}
	}
}
