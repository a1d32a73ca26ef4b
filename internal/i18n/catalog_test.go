package i18n

import (
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kz30/kz30/internal/diag"
)

// mustCatalog loads a catalog from TOML sources keyed by language.
func mustCatalog(t *testing.T, sources map[string]string) *Catalog {
	t.Helper()
	c, err := LoadCatalog(catalogFiles(sources))
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	return c
}

func catalogFiles(sources map[string]string) map[string]CatalogFile {
	files := make(map[string]CatalogFile)
	for lang, src := range sources {
		files[lang] = CatalogFile{Name: "templates/i18n/" + lang + ".toml", Data: []byte(src)}
	}
	return files
}

// siteCatalog loads the real templates/i18n files.
func siteCatalog(t *testing.T) *Catalog {
	t.Helper()
	files := make(map[string]CatalogFile)
	for _, lang := range []string{"fr", "en"} {
		name := "templates/i18n/" + lang + ".toml"
		data, err := os.ReadFile("../../theme/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files[lang] = CatalogFile{Name: name, Data: data}
	}
	c, err := LoadCatalog(files)
	if err != nil {
		t.Fatalf("LoadCatalog(templates/i18n): %v", err)
	}
	return c
}

const testFR = `
skip-link = "Aller au contenu"
rank-of = "%s sur %s"
last-reviewed = "Dernière relecture` + "\u00a0" + `: %s"

[reading-time]
one = "%d minute de lecture"
other = "%d minutes de lecture"
`

const testEN = `
skip-link = "Skip to content"
rank-of = "%s of %s"
reading-time = { one = "%d min read", other = "%d min read" }
`

func TestCatalogT(t *testing.T) {
	c := mustCatalog(t, map[string]string{"fr": testFR, "en": testEN})
	// Twice: the second pass reads the strings kept from the first.
	for range 2 {
		catalogTCases(t, c)
	}
}

func catalogTCases(t *testing.T, c *Catalog) {
	t.Helper()
	for _, tc := range []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"fr", "skip-link", nil, "Aller au contenu"},
		{"en", "skip-link", nil, "Skip to content"},
		{"fr", "rank-of", []any{"29e", "190"}, "29e sur 190"},
		{"en", "rank-of", []any{"29th", "190"}, "29th of 190"},
		{"fr", "last-reviewed", []any{"1er juin 2025"}, "Dernière relecture\u00a0: 1er juin 2025"},
		{"fr", "reading-time", []any{0}, "0 minute de lecture"},
		{"fr", "reading-time", []any{1}, "1 minute de lecture"},
		{"fr", "reading-time", []any{2}, "2 minutes de lecture"},
		{"fr", "reading-time", []any{12}, "12 minutes de lecture"},
		{"en", "reading-time", []any{1}, "1 min read"},
		{"en", "reading-time", []any{4}, "4 min read"},
	} {
		got, err := c.T(tc.lang, tc.key, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("T(%q, %q, %v) = %q, %v; want %q", tc.lang, tc.key, tc.args, got, err, tc.want)
		}
	}
}

func TestCatalogTMissing(t *testing.T) {
	c := mustCatalog(t, map[string]string{"fr": "only-fr = \"x\"\n" + testFR, "en": testEN})
	for _, tc := range []struct {
		lang, key string
		want      string
	}{
		{"en", "last-reviewed", `missing i18n key "last-reviewed" for language "en"; add it to templates/i18n/en.toml`},
		{"fr", "nope", `missing i18n key "nope" for language "fr"; add it to templates/i18n/fr.toml`},
		{"de", "skip-link", `no i18n catalog for language "de"; loaded languages: en, fr`},
	} {
		got, err := c.T(tc.lang, tc.key)
		if err == nil || err.Error() != tc.want || got != "" {
			t.Errorf("T(%q, %q) = %q, %v; want error %q", tc.lang, tc.key, got, err, tc.want)
		}
		var de *diag.Error
		if !errors.As(err, &de) {
			t.Errorf("T(%q, %q) error is %T, want *diag.Error", tc.lang, tc.key, err)
		}
	}
	var nilCat *Catalog
	if _, err := nilCat.T("fr", "x"); err == nil {
		t.Error("nil Catalog: T succeeded")
	}
}

func TestCatalogLangsKeysHas(t *testing.T) {
	c := mustCatalog(t, map[string]string{"fr": testFR, "en": testEN})
	if got, want := c.Langs(), []string{"en", "fr"}; !slices.Equal(got, want) {
		t.Errorf("Langs() = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"fr", []string{"last-reviewed", "rank-of", "reading-time", "skip-link"}},
		{"en", []string{"rank-of", "reading-time", "skip-link"}},
		{"de", nil},
	} {
		if got := c.Keys(tc.lang); !slices.Equal(got, tc.want) {
			t.Errorf("Keys(%q) = %q, want %q", tc.lang, got, tc.want)
		}
	}
	for _, tc := range []struct {
		lang, key string
		want      bool
	}{
		{"fr", "skip-link", true},
		{"fr", "reading-time", true},
		{"en", "last-reviewed", false},
		{"de", "skip-link", false},
		{"fr", "", false},
	} {
		if got := c.Has(tc.lang, tc.key); got != tc.want {
			t.Errorf("Has(%q, %q) = %v, want %v", tc.lang, tc.key, got, tc.want)
		}
	}
	// Keys returns a copy.
	c.Keys("fr")[0] = "changed"
	if !c.Has("fr", "last-reviewed") {
		t.Error("changing Keys' result changed the catalog")
	}
}

func TestLoadCatalogErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string // error lines, in order
	}{
		{"syntax", "a = \"x\"\nb = tru\n",
			[]string{`templates/i18n/fr.toml:2:5: expected keyword "true"; fix the TOML syntax`}},
		{"unterminated string", "a = \"x\nb = \"y\"\n",
			[]string{"templates/i18n/fr.toml:1:7: basic strings cannot have new lines; fix the TOML syntax"}},
		{"duplicate key", "a = \"x\"\na = \"y\"\n",
			[]string{"templates/i18n/fr.toml:2:1: key a is already defined; keep one definition of each key"}},
		{"integer", "a = \"x\"\n  count = 3\n",
			[]string{`templates/i18n/fr.toml:2:3: i18n key "count" is an integer; write a string, or a table of plural forms`}},
		{"array", "list = [\"a\"]\n",
			[]string{`templates/i18n/fr.toml:1:1: i18n key "list" is an array`}},
		{"no other", "[reading-time]\none = \"%d minute\"\n",
			[]string{`templates/i18n/fr.toml:1:2: i18n key "reading-time": plural table without "other"`}},
		{"unknown form", "[n]\none = \"a\"\nother = \"b\"\nsome = \"c\"\n",
			[]string{`templates/i18n/fr.toml:4:1: i18n key "n": unknown plural form "some"; use zero, one, two, few, many or other`}},
		{"form not string", "n = { one = 1, other = \"b\" }\n",
			[]string{`templates/i18n/fr.toml:1:7: i18n key "n": plural form "one" is an integer; write a string`}},
		{"several", "x = 1\ny = true\n[z]\none = \"a\"\n",
			[]string{
				`templates/i18n/fr.toml:1:1: i18n key "x" is an integer`,
				`templates/i18n/fr.toml:2:1: i18n key "y" is a boolean`,
				`templates/i18n/fr.toml:3:2: i18n key "z": plural table without "other"`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadCatalog(map[string]CatalogFile{
				"fr": {Name: "templates/i18n/fr.toml", Data: []byte(tc.src)},
			})
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("LoadCatalog error = %v (%T), want a diag.List", err, err)
			}
			got := strings.Split(list.Error(), "\n")
			if len(got) != len(tc.want) {
				t.Fatalf("LoadCatalog errors =\n%s\nwant %d lines starting with\n%s", list, len(tc.want), strings.Join(tc.want, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestLoadCatalogBadLanguage(t *testing.T) {
	_, err := LoadCatalog(catalogFiles(map[string]string{"not a language": `a = "b"`}))
	if err == nil || !strings.Contains(err.Error(), `invalid language code "not a language"`) {
		t.Errorf("LoadCatalog(bad code) error = %v", err)
	}
	c, err := LoadCatalog(nil)
	if err != nil || len(c.Langs()) != 0 {
		t.Errorf("LoadCatalog(nil) = %v, %v; want an empty catalog", c.Langs(), err)
	}
}

// TestSiteCatalogs checks templates/i18n: both languages have the same keys,
// the keys the templates need, and French strings already follow French
// typography.
func TestSiteCatalogs(t *testing.T) {
	c := siteCatalog(t)
	fr, en := c.Keys("fr"), c.Keys("en")
	if !slices.Equal(fr, en) {
		t.Errorf("fr and en keys differ:\nfr %q\nen %q", fr, en)
	}
	required := []string{"skip-link", "nav-label", "toc-title",
		"lang-switch-label", "not-translated", "stale-notice", "reading-time",
		"last-reviewed", "published", "prev-section", "next-section", "key-figures",
		"source", "sources", "footnotes", "back-to-text", "external-link", "cite-title",
		"cite-text", "home", "all-pages", "read-on-site", "not-found-title",
		"not-found-text", "choose-language", "feed-title", "rank-of",
		"chart-share-desc", "chart-rank-desc"}
	for i := 1; i <= 12; i++ {
		required = append(required, "month-"+strconv.Itoa(i))
	}
	for i := 0; i <= 6; i++ {
		required = append(required, "day-"+strconv.Itoa(i))
	}
	for _, lang := range []string{"fr", "en"} {
		for _, key := range required {
			if !c.Has(lang, key) {
				t.Errorf("templates/i18n/%s.toml lacks %q", lang, key)
			}
		}
	}
	for _, key := range fr {
		if key == "reading-time" {
			continue
		}
		msg, err := c.T("fr", key, "X", "Y", "Z", "W")
		msg, _, _ = strings.Cut(msg, "%!(EXTRA") // unused arguments
		if err != nil {
			t.Fatal(err)
		}
		if got := FrenchText(msg); got != msg {
			t.Errorf("fr %q = %q, want French spaces: %q", key, msg, got)
		}
	}
	for _, tc := range []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"fr", "reading-time", []any{3}, "3 minutes de lecture"},
		{"en", "reading-time", []any{1}, "1 min read"},
		{"fr", "last-reviewed", []any{"16 décembre 2021"}, "Dernière relecture\u00a0: 16 décembre 2021"},
		{"en", "last-reviewed", []any{"16 December 2021"}, "Last reviewed: 16 December 2021"},
		{"fr", "not-translated", []any{"anglais"}, "Cette page n’est pas encore traduite en anglais."},
		{"en", "external-link", nil, "(external site)"},
		{"fr", "month-12", nil, "décembre"},
		{"en", "day-0", nil, "Sunday"},
	} {
		got, err := c.T(tc.lang, tc.key, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("T(%q, %q) = %q, %v; want %q", tc.lang, tc.key, got, err, tc.want)
		}
	}
}

func TestCatalogConcurrent(t *testing.T) {
	c := mustCatalog(t, map[string]string{"fr": testFR, "en": testEN})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				lang := []string{"fr", "en"}[(g+i)%2]
				if _, err := c.T(lang, "reading-time", i); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}
