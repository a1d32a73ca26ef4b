package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func convert(t testing.TB, opts Options, body string) (*Doc, string) {
	t.Helper()
	c := New(opts)
	doc, warns, err := c.Convert(Source{File: "content/fr/p.md", Line: 5, Body: []byte(body),
		Resolve: func(dest string) (string, error) {
			if dest == "missing.md" {
				return "", fmt.Errorf("link to missing page %q", dest)
			}
			return "../" + strings.TrimSuffix(dest, ".md") + "/index.html", nil
		}})
	if err != nil {
		t.Fatalf("Convert: %v", err)
	}
	return doc, warns.Error()
}

func TestHeadingsAndIDs(t *testing.T) {
	doc, _ := convert(t, Options{Lang: "fr"}, "## Élégance à Paris\n\n## Élégance à Paris\n\n## Le portail {#portal}\n\n### Sous-partie\n")
	var got []string
	for _, h := range doc.Headings {
		got = append(got, fmt.Sprintf("%d:%s:%v", h.Level, h.ID, h.Explicit))
	}
	want := "2:elegance-a-paris:false 2:elegance-a-paris-1:false 2:portal:true 3:sous-partie:false"
	if strings.Join(got, " ") != want {
		t.Errorf("headings = %v, want %s", got, want)
	}
	if !bytes.Contains(doc.HTML, []byte(`<h2 id="portal">Le portail</h2>`)) {
		t.Errorf("explicit ID not rendered:\n%s", doc.HTML)
	}
}

func TestLinks(t *testing.T) {
	doc, _ := convert(t, Options{Lang: "en", ExternalLabel: "(external site)"},
		"See [Kaspi](kaspi.md#ipo), [top](#top) and [the UN](https://un.org/).\n")
	html := string(doc.HTML)
	for _, want := range []string{
		`<a href="../kaspi/index.html#ipo">Kaspi</a>`,
		`<a href="#top">top</a>`,
		`<a href="https://un.org/" class="ext">the UN<span class="vh"> (external site)</span></a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
	if len(doc.Links) != 2 || doc.Links[0].Page != "kaspi.md" || doc.Links[0].Fragment != "ipo" || doc.Links[0].Pos.Line != 5 || doc.Links[0].Pos.Col != 5 {
		t.Errorf("Links = %+v", doc.Links)
	}
	if len(doc.External) != 1 {
		t.Errorf("External = %v", doc.External)
	}
	_, _, err := New(Options{}).Convert(Source{File: "f.md", Line: 3, Body: []byte("x\n\n[a](missing.md)\n"),
		Resolve: func(string) (string, error) { return "", fmt.Errorf("link to missing page") }})
	if err == nil || !strings.Contains(err.Error(), "f.md:5:1: link to missing page") {
		t.Errorf("missing page error = %v", err)
	}
}

func TestTypography(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"fr", "L'été \"bonjour\" : oui ! Et `a : b` reste.", "<p>L’été «\u202fbonjour\u202f»\u00a0: oui\u202f! Et <code>a : b</code> reste.</p>\n"},
		{"fr", "l'**esprit**, l'*âme*, l'[art](https://x.org/a?b=c!), *l*'idée, l'`x`", "<p>l’<strong>esprit</strong>, l’<em>âme</em>, l’<a href=\"https://x.org/a?b=c!\" class=\"ext\">art</a>, <em>l</em>’idée, l’<code>x</code></p>\n"},
		{"fr", "Oui\u00a0! « Non\u00a0» ; fin\u202f: x", "<p>Oui\u202f! «\u202fNon\u202f»\u202f; fin\u00a0: x</p>\n"},
		{"fr", "<<mot>>", "<p>«\u202fmot\u202f»</p>\n"},
		{"en", "It's \"fine\" -- really...", "<p>It’s “fine” – really…</p>\n"},
		{"de", "Er sagt \"ja\" und geht's.", "<p>Er sagt „ja“ und geht’s.</p>\n"},
		{"ru", "Он сказал \"да\".", "<p>Он сказал «да».</p>\n"},
		{"kk", "Ол \"иә\" деді.", "<p>Ол «иә» деді.</p>\n"},
		{"es", "Dijo \"sí\".", "<p>Dijo «sí».</p>\n"},
		{"ar", "قال \"نعم\".", "<p>قال «نعم».</p>\n"},
		{"de", "`\"x\"` und [a](https://x.org/\"q\")", "<p><code>&quot;x&quot;</code> und <a href=\"https://x.org/%22q%22\" class=\"ext\">a</a></p>\n"},
	} {
		doc, _ := convert(t, Options{Lang: tc.lang}, tc.in+"\n")
		if got := string(doc.HTML); got != tc.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

func TestTablesCodeWords(t *testing.T) {
	body := "One two three.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```python\nprint('x y z')\n```\n\n```nolang\nplain\n```\n"
	doc, _ := convert(t, Options{Lang: "en"}, body)
	h := string(doc.HTML)
	for _, want := range []string{`<th class="al-left">a</th>`, `<td class="al-right">2</td>`, `<div class="table-wrap" tabindex="0"><table>`,
		`<pre class="chroma" tabindex="0"><code class="language-python">`, `<pre tabindex="0"><code class="language-nolang">plain`} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %s:\n%s", want, h)
		}
	}
	if strings.Contains(h, "style=") {
		t.Errorf("web HTML has a style attribute:\n%s", h)
	}
	if doc.Words != 7 || strings.Contains(doc.Text, "print") {
		t.Errorf("Words = %d, Text = %q: code must be excluded", doc.Words, doc.Text)
	}
	inline, _ := convert(t, Options{Lang: "en", InlineStyles: true}, body)
	if !bytes.Contains(inline.HTML, []byte(`<span style="`)) || bytes.Contains(inline.HTML, []byte(`class="chroma"`)) {
		t.Errorf("inline mode did not inline chroma styles:\n%s", inline.HTML)
	}
}

func TestFootnotes(t *testing.T) {
	doc, _ := convert(t, Options{Lang: "en"}, "Text[^1] and more[^2].\n\n[^1]: One.\n[^2]: Two.\n")
	if doc.Footnotes != 2 {
		t.Errorf("Footnotes = %d", doc.Footnotes)
	}
	for _, id := range []string{"fn:1", "fnref:2"} {
		if !strings.Contains(strings.Join(doc.IDs, " "), id) {
			t.Errorf("IDs %v lack %s", doc.IDs, id)
		}
	}
}

// xss is a corpus of hostile Markdown: none of it may produce script.
var xss = []string{
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"<svg onload=alert(1)><script>alert(1)</script></svg>",
	"[x](javascript:alert(1))",
	"[x](JaVaScRiPt:alert(1))",
	"[x](  javascript:alert(1))",
	"[x](java\tscript:alert(1))",
	"[x](&#106;avascript:alert(1))",
	"[x](&#x6A;&#x61;vascript:alert(1))",
	"[x](vbscript:msgbox(1))",
	"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
	"![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
	"![x](javascript:alert(1))",
	"<javascript:alert(1)>",
	"<a href=\"javascript:alert(1)\">x</a>",
	"## Title {onclick=alert(1)}",
	"## Title {#id style=\"color:red\"}",
	"## Title {.x onmouseover=\"alert(1)\"}",
	"<iframe src=\"https://evil.example/\"></iframe>",
	"<style>body{display:none}</style>",
	"[x](https://example.org/\"onmouseover=\"alert(1))",
	"<!-- --><script>alert(1)</script>",
	"`<script>alert(1)</script>`",
	"[x]: javascript:alert(1)\n\n[link][x]",
	"<div\nonclick=alert(1)>x</div>",
	"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
}

func TestXSS(t *testing.T) {
	for _, src := range xss {
		doc, _ := convert(t, Options{Lang: "en"}, src+"\n")
		if err := assertSafe(doc.HTML); err != nil {
			t.Errorf("%q → %s\n%s", src, err, doc.HTML)
		}
	}
	_, warns := convert(t, Options{Lang: "en"}, "para\n\n<b>x</b>\n")
	if !strings.Contains(warns, "content/fr/p.md:7:1: raw HTML omitted") {
		t.Errorf("raw HTML warning = %q", warns)
	}
	doc, _ := convert(t, Options{Lang: "en", UnsafeHTML: true}, "<b>x</b>\n")
	if !bytes.Contains(doc.HTML, []byte("<b>x</b>")) {
		t.Errorf("unsafe_html did not let raw HTML through: %s", doc.HTML)
	}
}

// assertSafe parses h and reports script, event handlers, style
// attributes, dangerous URLs and embedded documents.
func assertSafe(h []byte) error {
	nodes, err := html.ParseFragment(bytes.NewReader(h), nil)
	if err != nil {
		return err
	}
	for _, top := range nodes {
		for n := range top.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			switch n.Data {
			case "script", "iframe", "object", "embed", "style", "svg", "math":
				return fmt.Errorf("<%s> element", n.Data)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				switch {
				case strings.HasPrefix(a.Key, "on"):
					return fmt.Errorf("event handler %s", a.Key)
				case a.Key == "style":
					return fmt.Errorf("style attribute")
				case (a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")):
					return fmt.Errorf("dangerous URL %s=%q", a.Key, a.Val)
				}
			}
		}
	}
	return nil
}

func FuzzConvert(f *testing.F) {
	for _, s := range xss {
		f.Add(s)
	}
	f.Add("## É {#x}\n\n| a |\n|---|\n| [b](c.md#d) |\n\n```go\nx\n```\n[^1]\n\n[^1]: n\n")
	c := New(Options{Lang: "fr", ExternalLabel: "(site externe)"})
	f.Fuzz(func(t *testing.T, src string) {
		doc, _, err := c.Convert(Source{File: "f.md", Line: 1, Body: []byte(src),
			Resolve: func(dest string) (string, error) { return "../x/index.html", nil }})
		if err != nil {
			return
		}
		if err := assertSafe(doc.HTML); err != nil {
			t.Fatalf("%q → %v\n%s", src, err, doc.HTML)
		}
	})
}

// TestChunkedEqualsWhole converts a body in parts and whole: same HTML,
// headings, words and positions.
func TestChunkedEqualsWhole(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 3000; i++ {
		fmt.Fprintf(&b, "## Partie\n\nDu texte : « oui » et un [lien](https://example.org/%d).\n\n```go\n# not a heading\n\n## nor this\n```\n\n", i)
	}
	body := []byte(b.String() + "[bad](missing.md)\n")
	parts := New(Options{Lang: "fr"})
	parts.chunk = 200
	whole := New(Options{Lang: "fr"})
	whole.chunk = 1 << 30
	if n := len(chunks(body, 200)); n < 5 {
		t.Fatalf("body cut into %d parts, want several", n)
	}
	src := Source{File: "f.md", Line: 3, Body: body, Resolve: func(string) (string, error) { return "", fmt.Errorf("link to missing page") }}
	d1, _, err1 := parts.Convert(src)
	d2, _, err2 := whole.Convert(src)
	if err1 == nil || err2 == nil || err1.Error() != err2.Error() {
		t.Errorf("errors differ:\n%v\n%v", err1, err2)
	}
	if !bytes.Equal(d1.HTML, d2.HTML) || d1.Words != d2.Words || len(d1.Headings) != len(d2.Headings) || d1.Headings[3].ID != "partie-3" {
		t.Errorf("chunked conversion differs: words %d/%d headings %d/%d\n%s", d1.Words, d2.Words, len(d1.Headings), len(d2.Headings), d1.HTML[:200])
	}
	if fmt.Sprint(d1.Links, d1.External) != fmt.Sprint(d2.Links, d2.External) {
		t.Errorf("links differ")
	}
}

func TestHeadingIDsPerScript(t *testing.T) {
	for _, tc := range []struct {
		lang, body string
		want       []string
	}{
		{"ru", "## Москва\n\n## Москва\n\n## Щи и борщ {#soup}\n", []string{"moskva", "moskva-1", "soup"}},
		{"uk", "## Київ\n", []string{"kyiv"}},
		{"kk", "## Қазақстан\n\n## Ұлттық банк\n", []string{"qazaqstan", "ulttyq-bank"}},
		{"el", "## Αθήνα\n", []string{"athina"}},
		{"ar", "## الاقتصاد الرقمي\n\n## ٢٠٢١\n", []string{"الاقتصاد-الرقمي", "2021"}},
		{"he", "## שלום עולם\n\n## שלום עולם\n", []string{"שלום-עולם", "שלום-עולם-1"}},
		{"ja", "## 東京\n\n## !!!\n", []string{"東京", "section"}},
	} {
		doc, _ := convert(t, Options{Lang: tc.lang}, tc.body)
		var got []string
		for _, h := range doc.Headings {
			got = append(got, h.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s heading IDs = %q, want %q", tc.lang, got, tc.want)
		}
		for _, id := range tc.want {
			if !strings.Contains(string(doc.HTML), `id="`+id+`"`) {
				t.Errorf("%s: HTML lacks id=%q:\n%s", tc.lang, id, doc.HTML)
			}
		}
	}
}
