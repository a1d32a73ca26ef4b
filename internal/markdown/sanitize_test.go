package markdown

import (
	"strings"
	"testing"
)

// TestSafeHTMLRemoves: what the allowlist removes is named in a warning at
// the HTML's position, and never reaches the output.
func TestSafeHTMLRemoves(t *testing.T) {
	cases := []struct{ src, warn, absent string }{
		{"x <span onclick=\"alert(1)\">y</span>\n", "content/fr/p.md:5:3: raw HTML omitted: <span>, onclick on <span>", "onclick"},
		{"<abbr title=\"x\" style=\"color:red\">A</abbr>\n", "raw HTML omitted: style on <abbr>", "style"},
		{"<details ontoggle=\"alert(1)\" open>\n<summary>x</summary>\n</details>\n", "5:1: raw HTML omitted: ontoggle on <details>", "ontoggle"},
		{"<img src=\"javascript:alert(1)\" alt=\"x\">\n", "raw HTML omitted: src on <img>", "javascript"},
		{"<img src=\"data:image/png;base64,AAAA\" alt=\"x\">\n", "raw HTML omitted: src on <img>", "data:"},
		{"<img src=\"x.png\" alt=\"x\" width=\"100%\" onerror=\"alert(1)\">\n", "raw HTML omitted: width on <img>, onerror on <img>", "onerror"},
		{"<sup><script>alert(1)</script></sup>\n", "raw HTML omitted: <script>", "<script"},
		{"<style>body{display:none}</style>\n", "raw HTML omitted: <style>", "<style"},
		{"<a href=\"https://example.org/\">x</a>\n", "raw HTML omitted: <a>, href on <a>", "<a "},
		{"<iframe src=\"https://evil.example/\"></iframe>\n", "raw HTML omitted: <iframe>", "<iframe"},
		{"<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>\n", "raw HTML omitted: <svg>", "<svg"},
		{"<b>gras</b>\n", "raw HTML omitted: <b>", "<b>"},
	}
	for _, tc := range cases {
		doc, warns := convert(t, Options{Lang: "en"}, tc.src)
		if !strings.Contains(warns, tc.warn) {
			t.Errorf("%q: warnings %q, want %q", tc.src, warns, tc.warn)
		}
		if strings.Contains(string(doc.HTML), tc.absent) {
			t.Errorf("%q: output keeps %q:\n%s", tc.src, tc.absent, doc.HTML)
		}
		if err := assertSafe(doc.HTML); err != nil {
			t.Errorf("%q: %v", tc.src, err)
		}
	}
	// unsafe_html lets everything through, as before.
	doc, warns := convert(t, Options{Lang: "en", UnsafeHTML: true}, "<span onclick=\"f()\">x</span>\n")
	if !strings.Contains(string(doc.HTML), `<span onclick="f()">x</span>`) || warns != "" {
		t.Errorf("unsafe_html: %s %q", doc.HTML, warns)
	}
}
