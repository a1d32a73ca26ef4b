package newsletter

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestLinks(t *testing.T) {
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/kz30/"
	cfg.Newsletter = config.Newsletter{Enabled: true, UTMSource: "nl", UTMCampaign: "c1"}
	x := New(Options{Config: cfg})
	page := "https://example.org/kz30/fr/kaspi/"
	for _, tc := range []struct{ href, want string }{
		// Same-page anchor: to the web page, UTM before the fragment.
		{"#ipo", "https://example.org/kz30/fr/kaspi/?utm_campaign=c1&utm_source=nl#ipo"},
		{"../fdi/", "https://example.org/kz30/fr/fdi/?utm_campaign=c1&utm_source=nl"},
		{"https://example.org/kz30/en/?a=1", "https://example.org/kz30/en/?a=1&utm_campaign=c1&utm_source=nl"},
		// A query of the link's own wins.
		{"https://example.org/kz30/?utm_source=x", "https://example.org/kz30/?utm_campaign=c1&utm_source=x"},
		// Other sites and schemes are left alone.
		{"https://kaspi.kz/", "https://kaspi.kz/"},
		{"https://example.org/other/", "https://example.org/other/"},
		{"mailto:editor@example.org", "mailto:editor@example.org"},
		{"//cdn.example.net/x.png", "https://cdn.example.net/x.png"},
	} {
		if got := x.link(page, tc.href); got != tc.want {
			t.Errorf("link(%q) = %q, want %q", tc.href, got, tc.want)
		}
	}
	cfg.Newsletter = config.Newsletter{Enabled: true}
	if got := New(Options{Config: cfg}).link(page, "#ipo"); got != page+"#ipo" {
		t.Errorf("without utm_* settings: %q", got)
	}
}

func TestCodeBlock(t *testing.T) {
	src := "<div><pre tabindex=\"0\" style=\"white-space:pre-wrap\"><code><span style=\"color:#cf222e\">if</span><span style=\"color:#fff\"> </span>x {\n\treturn  1\n}\n</code></pre></div>"
	nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	root := nodes[0]
	emailBlock(root)
	var b bytes.Buffer
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			t.Fatal(err)
		}
	}
	// Lines end in <br>, indentation and runs of spaces alternate with
	// no-break spaces, chroma's colors stay with the class of their
	// dark-mode color, the blank-coloring span goes, and <pre> with its
	// white-space is gone.
	want := `<table role="presentation" class="code" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="code-in">` +
		`<span style="color:#cf222e" class="hl-cf222e">if</span> x {<br/>` + "\u00a0\u00a0\u00a0\u00a0" + `return \u00a01<br/>}</td></tr></table>`
	want = strings.ReplaceAll(want, `\u00a0`, "\u00a0")
	if got := b.String(); got != want {
		t.Errorf("code block:\n got %q\nwant %q", got, want)
	}
}

func TestBar(t *testing.T) {
	for _, tc := range []struct {
		kind       string
		value, of  float64
		from, to   int
		wantNoBars bool
	}{
		{kind: "percent", value: 90, from: 0, to: 90},
		{kind: "percent", value: 18.4, from: 0, to: 18},
		{kind: "rank", value: 1, of: 193, from: 0, to: 3},
		{kind: "rank", value: 193, of: 193, from: 97, to: 100},
		{kind: "rank", value: 29, of: 193, from: 14, to: 17},
		{kind: "percent", value: 120, wantNoBars: true},
		{kind: "rank", value: 3, of: 0, wantNoBars: true},
		{kind: "count", value: 3, wantNoBars: true},
	} {
		b := barOf(&content.Fact{Kind: tc.kind, Value: tc.value, Of: tc.of})
		if tc.wantNoBars {
			if b != nil {
				t.Errorf("%s %v of %v: bar %+v, want none", tc.kind, tc.value, tc.of, b)
			}
			continue
		}
		if b == nil || b.From != tc.from || b.To != tc.to {
			t.Errorf("%s %v of %v: bar %+v, want %d–%d", tc.kind, tc.value, tc.of, b, tc.from, tc.to)
		}
	}
}

// Code spans of one style that follow each other, directly or across
// blanks, become one; spans of the block's own color go: few spans.
func TestCodeBlockMergesSpans(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<span style="color:#cf222e">a</span><span style="color:#cf222e">b</span>`, `<span style="color:#cf222e" class="hl-cf222e">ab</span>`},
		{`<span style="color:#cf222e">a</span> <span style="color:#cf222e">b</span>`, `<span style="color:#cf222e" class="hl-cf222e">a b</span>`},
		{`<span style="color:#cf222e">a</span> x <span style="color:#cf222e">b</span>`, `<span style="color:#cf222e" class="hl-cf222e">a</span> x <span style="color:#cf222e" class="hl-cf222e">b</span>`},
		{`<span style="color:#1f2328">main</span><span style="color:#1f2328">()</span> z`, `main() z`},
		{`<span style="color:#0550ae">1</span><span style="color:#0a3069">"s"</span>`, `<span style="color:#0550ae" class="hl-0550ae">1</span><span style="color:#0a3069" class="hl-0a3069">&#34;s&#34;</span>`},
		{`<span style="color:#57606a;font-style:italic">// c</span>`, `<span style="color:#57606a;font-style:italic" class="hl-57606a">// c</span>`},
	} {
		nodes, err := html.ParseFragment(strings.NewReader("<div><pre><code>"+tc.in+"</code></pre></div>"), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil {
			t.Fatal(err)
		}
		emailBlock(nodes[0])
		var b bytes.Buffer
		if err := html.Render(&b, nodes[0]); err != nil {
			t.Fatal(err)
		}
		got := b.String()
		got = got[strings.Index(got, `class="code-in">`)+len(`class="code-in">`) : strings.Index(got, "</td>")]
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}
