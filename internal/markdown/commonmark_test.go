package markdown

import (
	"strings"
	"testing"
)

// CommonMark-valid input converts (at most a warning) and renders as
// CommonMark says, except for documented choices (typography, link
// rewriting, highlighting, raw HTML).
func TestCommonMarkValidNeverFails(t *testing.T) {
	for _, tc := range []struct {
		name, body, want, warn string
	}{
		{"empty dest", "[x]()\n", `<a href="">x</a>`, "content/fr/p.md:5:1: empty link"},
		{"empty angle dest", "[x](<>)\n", `<a href="">x</a>`, "empty link"},
		{"empty ref def", "[foo]: <>\n\n[foo]\n", `<a href="">foo</a>`, "content/fr/p.md:7:1: empty link"},
		{"escaped parens and colon", "[link](foo\\)\\:)\n", `<a href="foo):">link</a>`, ""},
		{"escaped dashes", "a \\--- b \\-- c -- d --- e\n", "a --- b -- c – d — e", ""},
		{"escaped dots", "x\\.... y...\n", "x.... y…", ""},
		{"escaped quotes", "\\\"a\\\" and \"b\"\n", "&quot;a&quot; and “b”", ""},
		{"unknown language", "```nosuchlang\nx\n```\n", `<pre tabindex="0"><code class="language-nosuchlang">x`, ""},
		{"no language", "```\nx\n```\n", `<pre tabindex="0"><code>x`, ""},
		{"task list", "- [ ] a\n- [x] b\n", `<li><input disabled="" type="checkbox"> a</li>` + "\n" + `<li><input checked="" disabled="" type="checkbox"> b</li>`, ""},
		{"definition list", "Term\n: Definition\n", "<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, warns := convert(t, Options{Lang: "en"}, tc.body)
			if !strings.Contains(string(doc.HTML), tc.want) {
				t.Errorf("HTML = %q, want it to contain %q", doc.HTML, tc.want)
			}
			if tc.warn == "" && warns != "" || !strings.Contains(warns, tc.warn) {
				t.Errorf("warnings = %q, want %q", warns, tc.warn)
			}
		})
	}
}

// A task list's checkbox is the only input goldmark writes; raw HTML in
// an item stays omitted.
func TestTaskListSafe(t *testing.T) {
	doc, warns := convert(t, Options{Lang: "en"}, "- [ ] <input type=text onfocus=alert(1)> a\n")
	if strings.Contains(string(doc.HTML), "onfocus") || !strings.Contains(warns, "raw HTML omitted") {
		t.Errorf("HTML = %q, warnings %q", doc.HTML, warns)
	}
}
