package markdown

import (
	"strings"
	"testing"
)

func TestShortcodes(t *testing.T) {
	param := func(name string) (string, bool) {
		if name == "author" {
			return "Aigerim", true
		}
		return "", false
	}
	for _, tc := range []struct {
		name, body string
		want       []string
		warn       string
	}{
		{"figure", "Text.\n\n{{< figure src=\"a.png\" alt=\"Alt\" caption=\"The caption\" title=\"T\" >}}\n",
			[]string{`<figure><img src="a.png" alt="Alt" title="T"><figcaption>The caption</figcaption></figure>`}, ""},
		{"figure inline", "See {{< figure src=\"a.png\" alt=\"A\" >}} here.\n", []string{`See <img src="a.png" alt="A"> here.`}, ""},
		{"ref", "[About]({{< ref \"about\" >}}) and [x]({{< relref \"about.md#team\" >}}).\n",
			[]string{`<a href="../about/index.html">About</a>`, `<a href="../about/index.html#team">x</a>`}, ""},
		{"details", "{{< details summary=\"More\" >}}\nInner *text*.\n{{< /details >}}\n",
			[]string{"<details>\n<summary>More</summary>\n<p>Inner <em>text</em>.</p>\n</details>"}, ""},
		{"highlight", "{{< highlight go \"linenos=table\" >}}\nfunc f() {}\n{{< /highlight >}}\n",
			[]string{`<code class="language-go">`, `<span class="kd">func</span>`}, ""},
		{"param", "By {{< param author >}}.\n", []string{"By Aigerim."}, ""},
		{"missing param", "By {{< param nope >}}.\n", nil, `content/fr/p.md:5:4: shortcode param: no parameter "nope"`},
		{"unknown keeps inner", "Intro.\n\n{{% notice tip %}}\nKeep **this**.\n{{% /notice %}}\n",
			[]string{"<p>Keep <strong>this</strong>.</p>"}, `content/fr/p.md:7:1: unknown shortcode "notice" left out`},
		{"unknown self-closing", "A {{< youtube id=\"x\" />}} b.\n", []string{"<p>A  b.</p>"}, `content/fr/p.md:5:3: unknown shortcode "youtube"`},
		{"fenced code untouched", "```\n{{< figure src=\"a.png\" >}}\n```\n", []string{"{{&lt; figure src=&#34;a.png&#34; &gt;}}"}, ""},
		{"inline code untouched", "Write `{{< ref \"x\" >}}` here.\n", []string{"<code>{{&lt; ref &quot;x&quot; &gt;}}</code>"}, ""},
		{"escaped form", "```\n{{</* figure src=\"a.png\" */>}}\n```\n", []string{"{{&lt; figure src=&#34;a.png&#34; &gt;}}"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{Lang: "en"})
			doc, warns, err := c.Convert(Source{File: "content/fr/p.md", Line: 5, Body: []byte(tc.body), Param: param,
				Resolve: func(dest string) (string, error) {
					return "../" + strings.TrimSuffix(strings.TrimPrefix(dest, "/"), ".md") + "/index.html", nil
				}})
			if err != nil {
				t.Fatal(err)
			}
			h := string(doc.HTML)
			for _, w := range tc.want {
				if !strings.Contains(h, w) {
					t.Errorf("HTML lacks %q:\n%s", w, h)
				}
			}
			if strings.Contains(h, "{{&lt; ") != strings.Contains(tc.name, "untouched") && !strings.Contains(tc.name, "escaped") {
				t.Errorf("shortcode printed as text:\n%s", h)
			}
			if tc.warn == "" && len(warns) > 0 || !strings.Contains(warns.Error(), tc.warn) {
				t.Errorf("warnings = %v, want %q", warns, tc.warn)
			}
		})
	}
}

// The pre-pass keeps every line where it was.
func TestShortcodesKeepLines(t *testing.T) {
	body := "{{< details summary=\"S\" >}}\n{{< highlight go >}}\nx\n{{< /highlight >}}\n{{< /details >}}\n[x](missing.md)\n"
	st := &state{src: Source{File: "f.md", Line: 1}}
	out, _ := st.expandShortcodes([]byte(body))
	if strings.Count(string(out), "\n") != strings.Count(body, "\n") {
		t.Errorf("lines changed:\n%s", out)
	}
	_, _, err := New(Options{Lang: "en"}).Convert(Source{File: "f.md", Line: 1, Body: []byte(body),
		Resolve: func(string) (string, error) { return "", errMissing }})
	if err == nil || !strings.Contains(err.Error(), "f.md:6:1:") {
		t.Errorf("error = %v, want it at f.md:6:1", err)
	}
}

var errMissing = errorString("link to missing page")

type errorString string

func (e errorString) Error() string { return string(e) }
