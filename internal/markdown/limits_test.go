package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/diag"
)

// convertErr converts body (the body starts on file line 5) and returns
// the error list.
func convertErr(t testing.TB, c *Converter, body string) diag.List {
	t.Helper()
	_, _, err := c.Convert(Source{File: "content/fr/p.md", Line: 5, Body: []byte(body)})
	if err == nil {
		return nil
	}
	list, ok := err.(diag.List)
	if !ok {
		t.Fatalf("error is not a diag.List: %v", err)
	}
	return list
}

// indentedList is a list nested n levels by indentation, two columns a level.
func indentedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

func TestNestingTooDeep(t *testing.T) {
	c := New(Options{Lang: "fr"})
	for _, tc := range []struct {
		name, body string
		pos        string // file:line:col of the error
	}{
		{"list markers", "Texte.\n\n" + strings.Repeat("- ", 256) + "x\n", "content/fr/p.md:7:101"},
		{"quotes", strings.Repeat(">", 511) + " x\n", "content/fr/p.md:5:101"},
		{"quotes with spaces", strings.Repeat("> ", 300) + "x\n", "content/fr/p.md:5:201"},
		{"ordered", strings.Repeat("1. ", 60) + "x\n", "content/fr/p.md:5:151"},
		{"indentation", indentedList(60), "content/fr/p.md:55:"},
		{"emphasis", "Un " + strings.Repeat("*", 520) + "mot" + strings.Repeat("*", 520) + "\n", "content/fr/p.md:5:"},
		{"strike", strings.Repeat("~~a ", 150) + "x" + strings.Repeat(" a~~", 150) + "\n", "content/fr/p.md:5:"},
		{"footnote definitions", "x[^a]\n\n" + strings.Repeat("[^a]: ", 200) + "x\n", "content/fr/p.md:7:601"},
		{"list then fence trick", "- ```\n" + strings.Repeat("- ", 60) + "x\n", "content/fr/p.md:6:101"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := convertErr(t, c, tc.body)
			if len(errs) != 1 || !strings.Contains(errs[0].Msg, "nesting too deep") || errs[0].Hint == "" {
				t.Fatalf("errors = %v, want one nesting error with a hint", errs)
			}
			if got := errs[0].Pos.String(); !strings.HasPrefix(got, tc.pos) {
				t.Errorf("error at %s, want %s", got, tc.pos)
			}
		})
	}
}

func TestNestingWithinLimits(t *testing.T) {
	c := New(Options{Lang: "fr"})
	for _, tc := range []struct{ name, body string }{
		{"quotes", strings.Repeat(">", 90) + " x\n"},
		{"lists", strings.Repeat("- ", 45) + "x\n"},
		{"indented lists", indentedList(24)},
		{"emphasis", strings.Repeat("*", 60) + "mot" + strings.Repeat("*", 60) + "\n"},
		{"deep code", "```\n" + strings.Repeat(" ", 400) + "x\n" + strings.Repeat("- ", 30) + "\n```\n"},
		{"thematic break", strings.Repeat("-", 500) + "\n"},
		{"long number", strings.Repeat("1", 500) + ". x\n"},
		{"blank line of spaces", "x\n" + strings.Repeat(" ", 300) + "\ny\n"},
		{"fence in a list with a blank line", "- x\n\n  ```\n  a\n\n" + strings.Repeat(" ", 150) + "b\n  ```\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if errs := convertErr(t, c, tc.body); errs != nil {
				t.Errorf("refused: %v", errs)
			}
		})
	}
}

// TestPositionsOnOneLongLine checks the column of links late on one long
// line (the position index counts on from the previous link).
func TestPositionsOnOneLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("Début é ")
	for i := range 500 {
		fmt.Fprintf(&b, "[é%d](#a%d) ", i, i)
	}
	b.WriteString("\n\nfin [x](#z)\n")
	doc, _ := convert(t, Options{Lang: "fr"}, "## A {#a}\n\n"+b.String())
	if len(doc.Links) != 501 {
		t.Fatalf("%d links, want 501", len(doc.Links))
	}
	col := len([]rune("Début é ")) + 1
	for i, l := range doc.Links[:500] {
		if l.Pos.Line != 7 || l.Pos.Col != col {
			t.Fatalf("link %d at %d:%d, want 7:%d", i, l.Pos.Line, l.Pos.Col, col)
		}
		col += len([]rune(fmt.Sprintf("[é%d](#a%d) ", i, i)))
	}
	if l := doc.Links[500]; l.Pos.Line != 9 || l.Pos.Col != 5 {
		t.Errorf("last link at %d:%d, want 9:5", l.Pos.Line, l.Pos.Col)
	}
}

func TestTooManyLinks(t *testing.T) {
	c := New(Options{Lang: "en"})
	c.links = 10
	errs := convertErr(t, c, "A line.\n\n"+strings.Repeat("[a](https://e.test/) ", 11)+"\n")
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "more than 10 links") || errs[0].Pos.String() != "content/fr/p.md:7:211" {
		t.Errorf("errors = %v", errs)
	}
	if errs := convertErr(t, c, strings.Repeat("[a](https://e.test/) ", 10)+"\n"); errs != nil {
		t.Errorf("10 links refused: %v", errs)
	}
}

// TestLongCodeLanguage: a long info string is not a language (chroma's
// lookup is slow on long names) and renders as plain code.
func TestLongCodeLanguage(t *testing.T) {
	doc, _ := convert(t, Options{Lang: "en"}, "~~~"+strings.Repeat("go", 100)+"\nx := 1\n~~~\n")
	if !strings.Contains(string(doc.HTML), "<pre tabindex=\"0\"><code>x := 1\n</code></pre>") {
		t.Errorf("HTML = %s", doc.HTML)
	}
}
