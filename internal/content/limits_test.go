package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/config"
)

// loadErr loads a site whose content/fr/p.md is data and returns Load's
// error text ("" when it loads).
func loadErr(t testing.TB, data string) string {
	t.Helper()
	fsys := withHomes(fstest.MapFS{
		"content/fr/p.md": &fstest.MapFile{Data: []byte(data)},
		"content/en/p.md": page(okFront, "x\n"),
	})
	_, _, err := Load(fsys, config.Default(), Options{AllowStale: true})
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestFrontMatterLimits(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"nested flow sequences", "---\n" + okFront + "facts: " + strings.Repeat("[", 4000) + strings.Repeat("]", 4000) + "\n---\n",
			"content/fr/p.md:4:24: YAML: front matter nested more than 16 levels deep"},
		{"nested flow maps", "---\n" + okFront + "x: " + strings.Repeat("{a: ", 30) + "1" + strings.Repeat("}", 30) + "\n---\n",
			"content/fr/p.md:4:68: YAML: front matter nested more than 16"},
		{"nested block sequences", "---\n" + okFront + "x:\n" + strings.Repeat("- ", 30) + "y\n---\n",
			"content/fr/p.md:5:33: YAML: front matter nested more than 16"},
		{"brackets after a multi-line string", "---\ntitle: \"a\nb\" " + strings.Repeat("[", 20) + "\ndescription: D\n---\n",
			"content/fr/p.md:3:20: YAML: front matter nested more than 16"},
		{"brackets after a quote inside a flow", "---\n" + okFront + "x: [a:'" + strings.Repeat("[", 30) + "\n---\n",
			"YAML: front matter nested more than 16 levels deep"},
		{"brackets after a # inside quotes", "---\n" + okFront + "x: [ \"a #\", " + strings.Repeat("[", 30) + "\n---\n",
			"YAML: front matter nested more than 16 levels deep"},
		{"too large", "---\n" + okFront + strings.Repeat("# a comment line to fill the front matter\n", 2000) + "---\n",
			"content/fr/p.md:1:1: front matter is 83 KB, over the 64 KB limit"},
		{"alias", "---\ntitle: &t T\ndescription: *t\n---\n", "content/fr/p.md:3:14: YAML alias *t in front matter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := loadErr(t, tc.data); !strings.Contains(got, tc.want) {
				t.Errorf("Load error =\n%v\nwant %q", got, tc.want)
			}
		})
	}
}

func TestFrontMatterWithinLimits(t *testing.T) {
	for _, tc := range []struct{ name, front string }{
		{"brackets in quoted strings", `title: "[[[[[[[[[[[[[[[[[[[[[["` + "\ndescription: '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{ l''a'\n"},
		{"brackets in comments", okFront + "# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"},
		{"apostrophes in plain text", "title: l'été [[[[[[[[[[[[ ]]]]]]]]]]]]\ndescription: l'a \"b\n"},
		{"a list", okFront + "facts: [a, b]\naliases:\n  - fr/x/\n  - fr/y/\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := loadErr(t, "---\n"+tc.front+"---\nx\n")
			if strings.Contains(got, "YAML") || strings.Contains(got, "limit") {
				t.Errorf("refused: %v", got)
			}
		})
	}
}

func TestPageTooLarge(t *testing.T) {
	big := &fstest.MapFile{Data: make([]byte, MaxPageSize+1)}
	fsys := fstest.MapFS{"content/fr/p.md": big, "content/en/p.md": page(okFront, "x\n")}
	_, _, err := Load(fsys, config.Default(), Options{})
	if err == nil || !strings.Contains(err.Error(), "content/fr/p.md:1:1: page file is 32 MB, over the 32 MB limit") {
		t.Errorf("Load error = %v", err)
	}
}

// BenchmarkNestedFrontMatter measures the refusal of nested YAML: it grows
// with the input, not with its square (80 KB of "[" took 2.5 GB before).
func BenchmarkNestedFrontMatter(b *testing.B) {
	for _, shape := range []struct {
		name string
		yaml func(n int) string
	}{
		{"flow-sequences", func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }},
		{"flow-maps", func(n int) string { return strings.Repeat("{a: ", n) + "1" + strings.Repeat("}", n) }},
		{"quoted-brackets", func(n int) string { return `"` + strings.Repeat("[", n) + `"` }},
	} {
		for _, n := range []int{2000, 8000, 32000} {
			data := "---\n" + okFront + "x: " + shape.yaml(n) + "\n---\nx\n"
			b.Run(fmt.Sprintf("%s/n=%d", shape.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					loadErr(b, data)
				}
			})
		}
	}
}

func TestSlugsFromFileNames(t *testing.T) {
	for name, want := range map[string]string{
		"café":            "cafe",
		"économie":        "economie",
		"Œuvre complète":  "oeuvre-complete",
		"e-gouvernement":  "e-gouvernement",
		"qazaqstan_2021":  "qazaqstan-2021",
		"қазақ":           "qazaq", // Cyrillic is transliterated (i18n/translit.go)
		"東京":              "page",  // no transliteration: a default slug
		"cafe\u0301-noir": "cafe-noir",
	} {
		if got := defaultSlug("fr", name); got != want {
			t.Errorf("defaultSlug(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestFileNamesCompareInNFC: the French file spelled in NFC and the
// English one in NFD are one page; two spellings in one language are an
// error.
func TestFileNamesCompareInNFC(t *testing.T) {
	nfc, nfd := "content/fr/caf\u00e9.md", "content/en/cafe\u0301.md"
	site, _ := mustLoad(t, withHomes(fstest.MapFS{nfc: page(okFront, "x\n"), nfd: page(okFront, "x\n")}), Options{AllowStale: true})
	if e := site.Entries[len(site.Entries)-1]; len(site.Entries) != 2 || e.Pages[0] == nil || e.Pages[1] == nil {
		t.Fatalf("entries = %+v, want one page in both languages", site.Entries)
	}
	if p := site.Page("fr", "cafe\u0301"); p == nil || p.Slug != "cafe" || p.URLPath() != "fr/cafe/" {
		t.Errorf("Page(fr, NFD name) = %+v", p)
	}
	fsys := withHomes(fstest.MapFS{
		nfc:                        page(okFront, "x\n"),
		"content/fr/cafe\u0301.md": page(okFront, "y\n"),
		"content/en/caf\u00e9.md":  page(okFront, "x\n"),
	})
	_, _, err := Load(fsys, config.Default(), Options{AllowStale: true})
	want := `content/fr/café.md:1:1: "content/fr/caf\u00e9.md" and "content/fr/cafe\u0301.md" are one name in two Unicode spellings`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Load error =\n%v\nwant %q", err, want)
	}
}
