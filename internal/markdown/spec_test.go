package markdown

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// specExample is one example of the CommonMark spec (0.31.2, as goldmark
// v1.8.7 ships it in _test/spec.json, copied to testdata).
type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// TestCommonMarkSpec runs every example of the CommonMark spec through
// kz30's converter: none may fail to convert (valid CommonMark never stops
// a build), and the HTML must match the spec's once kz30's documented
// choices are taken out (see normalizeHTML), except for the examples of
// specDiffers, each with its reason.
func TestCommonMarkSpec(t *testing.T) {
	data, err := os.ReadFile("testdata/commonmark-spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) < 600 {
		t.Fatalf("%d examples, want the whole spec", len(examples))
	}
	c := New(Options{Lang: "en", UnsafeHTML: true})
	differ := 0
	for _, ex := range examples {
		doc, _, err := c.Convert(Source{File: "spec.md", Line: 1, Body: []byte(ex.Markdown),
			Resolve: func(dest string) (string, error) { return dest, nil }})
		if err != nil {
			t.Errorf("example %d (%s) stops the build: %v", ex.Example, ex.Section, err)
			continue
		}
		got, want := normalizeHTML(string(doc.HTML)), normalizeHTML(ex.HTML)
		reason, known := specDiffers[ex.Example]
		switch {
		case got != want && !known:
			differ++
			t.Errorf("example %d (%s):\n%q\ngot  %s\nwant %s", ex.Example, ex.Section, ex.Markdown, got, want)
		case got == want && known:
			t.Errorf("example %d (%s) now matches the spec: remove it from specDiffers (%s)", ex.Example, ex.Section, reason)
		}
	}
	if differ > 0 {
		t.Logf("%d of %d examples differ", differ, len(examples))
	}
}

// specDiffers are the examples whose output differs from the spec by a
// documented choice beyond what normalizeHTML takes out.
var specDiffers = map[int]string{
	226: "GFM autolinks (goldmark's Linkify) keep the spaces before a hard line break (invisible)",
	635: "GFM autolinks (goldmark's Linkify) keep the spaces before a hard line break (invisible)",
	608: "GFM autolinks: a bare URL is a link",
	611: "GFM autolinks: a bare URL is a link",
	612: "GFM autolinks: a bare e-mail address is a link",
}

// normalizeHTML takes kz30's documented choices out of HTML: figures
// (back to a titled image in a paragraph), heading IDs,
// code-block and table wrappers and classes, chroma's highlighting spans, tabindex, external-link
// classes, typography (curly quotes, dashes, ellipsis back to ASCII), and
// entity spellings; what is left is the element tree and its text.
func normalizeHTML(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return "unparsable: " + s
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(untypograph(n.Data))
		case html.ElementNode:
			if n.Data == "figure" {
				// A titled image alone in its paragraph is a figure whose
				// caption is the title (README, Images).
				if img, caption := figureParts(n); img != nil {
					img.Attr = append(img.Attr, html.Attribute{Key: "title", Val: caption})
					b.WriteString("<p>")
					walk(img)
					b.WriteString("</p>")
					return
				}
			}
			if n.Data == "div" && attr(n, "class") == "table-wrap" ||
				n.Data == "span" && n.Parent != nil && n.Parent.Data == "code" {
				break // the table's scrolling box, chroma's highlighting
			}
			b.WriteString("<" + n.Data)
			for _, a := range n.Attr {
				switch a.Key {
				case "id", "class", "tabindex":
					continue
				}
				b.WriteString(" " + a.Key + "=" + untypograph(a.Val))
			}
			b.WriteString(">")
			defer b.WriteString("</" + n.Data + ">")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// figureParts returns the image of a kz30 figure and its caption's text.
func figureParts(fig *html.Node) (*html.Node, string) {
	var img *html.Node
	var caption strings.Builder
	for c := fig.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.Data == "img":
			img = c
		case c.Type == html.ElementNode && c.Data == "figcaption":
			for t := c.FirstChild; t != nil; t = t.NextSibling {
				if t.Type == html.TextNode {
					caption.WriteString(t.Data)
				}
			}
		}
	}
	return img, caption.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

var untypographer = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "–", "--", "—", "---", "…", "...", "«", "<<", "»", ">>")

func untypograph(s string) string { return untypographer.Replace(s) }
