package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// caseOption is one header line of a case file: <!-- key: value -->.
var caseOption = regexp.MustCompile(`^<!-- ([a-z_]+): (.*) -->\n`)

// TestCases converts every testdata/cases/NAME.md and compares the HTML
// with NAME.html byte for byte, as goldmark's own case files do (go test
// -run TestCases -update rewrites the .html files; review the diff).
//
// A case file starts with option lines the conversion takes out before
// converting: <!-- lang: fr --> (the locale, required), <!-- unsafe_html:
// true -->, <!-- inline_styles: true -->, <!-- external_label: TEXT -->
// and <!-- warning: TEXT --> (a warning the conversion must give; without
// one, it must give none). Links to NAME.md resolve to ../NAME/index.html.
func TestCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files (%v)", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var opts Options
			var warning string
			for {
				m := caseOption.FindSubmatch(src)
				if m == nil {
					break
				}
				src = src[len(m[0]):]
				switch v := string(m[2]); string(m[1]) {
				case "lang":
					opts.Lang = v
				case "unsafe_html":
					opts.UnsafeHTML = v == "true"
				case "inline_styles":
					opts.InlineStyles = v == "true"
				case "external_label":
					opts.ExternalLabel = v
				case "warning":
					warning = v
				default:
					t.Fatalf("unknown option %q", m[1])
				}
			}
			if opts.Lang == "" {
				t.Fatal("no <!-- lang: CODE --> line")
			}
			doc, warns := convert(t, opts, string(src))
			if warning == "" && warns != "" || !strings.Contains(warns, warning) {
				t.Errorf("warnings %q, want %q", warns, warning)
			}
			golden := strings.TrimSuffix(file, ".md") + ".html"
			if *update {
				if err := os.WriteFile(golden, doc.HTML, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -run TestCases -update)", err)
			}
			if !bytes.Equal(doc.HTML, want) {
				t.Errorf("HTML differs from %s (go test -run TestCases -update, then review):\n got %q\nwant %q", golden, doc.HTML, want)
			}
		})
	}
}
