package i18n

import (
	"strings"
	"testing"
)

func TestParseVerbs(t *testing.T) {
	for _, tc := range []struct{ in, sig, bad string }{
		{"no verbs", "no arguments", ""},
		{"100%% sûr", "no arguments", ""},
		{"%s of %s", "%s %s", ""},
		{"%[2]s then %[1]s", "%s %s", ""},
		{"%d min", "%d", ""},
		{"%5.2v", "%v", ""},
		{"%[2]s only", "argument 1 unused %s", ""},
		{"100% off", "", `unknown verb "% o"`},
		{"%f", "", `unknown verb "%f"`},
		{"50%", "", "a lone %"},
		{"%*d", "", "a * width"},
		{"%[0]s", "", "bad argument index"},
		{"%[x]s", "", "bad argument index"},
		{"%s and %[1]d", "", "argument 1 is used both as %s and %d"},
	} {
		sig, bad := parseVerbs(tc.in)
		if tc.bad != "" {
			if !strings.Contains(bad, tc.bad) {
				t.Errorf("parseVerbs(%q) problem = %q, want %q", tc.in, bad, tc.bad)
			}
			continue
		}
		if bad != "" || sig.String() != tc.sig {
			t.Errorf("parseVerbs(%q) = %s, %q; want %s", tc.in, sig, bad, tc.sig)
		}
	}
}

func TestLoadCatalogVerbs(t *testing.T) {
	for _, tc := range []struct{ lang, src, want string }{
		{"en", `rank-of = "%d of %s"`, `templates/i18n/en.toml:1:1: i18n key "rank-of" prints argument 1 with %d, but kz30 passes text there`},
		{"en", `range = "%s to %s and %s"`, `i18n key "range" uses argument 3 (%s), but kz30 passes it 2`},
		{"en", `x = "50% off"`, `templates/i18n/en.toml:1:1: i18n key "x": unknown verb "% o"`},
		{"en", "[n]\nother = \"%d things\"\n", `templates/i18n/en.toml:1:2: i18n key "n": plural form "one" missing: English (en) uses it`},
		{"en", "[n]\none = \"a\"\nfew = \"b\"\nother = \"c\"\n", `templates/i18n/en.toml:3:1: i18n key "n": English (en) never selects the plural form "few"`},
		{"ru", "[n]\none = \"%d a\"\nother = \"%d c\"\n", `plural form "few" missing: Russian (ru)`},
		{"en", "[n]\none = \"%s a\"\nother = \"%d c\"\n", `templates/i18n/en.toml:3:1: i18n key "n", form "other": its forms use different verbs`},
		{"fr", "[n]\none = \"%s a\"\nother = \"%s c\"\n", `the count (argument 1) of a plural table must be printed with %d`},
	} {
		_, err := LoadCatalog(catalogFiles(map[string]string{tc.lang: tc.src}))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("LoadCatalog(%s: %q) = %v, want %q", tc.lang, tc.src, err, tc.want)
		}
	}
	ru := "[n]\none = \"%d файл\"\nfew = \"%d файла\"\nmany = \"%d файлов\"\nother = \"%d файла\"\n"
	if _, err := LoadCatalog(catalogFiles(map[string]string{"ru": ru})); err != nil {
		t.Errorf("a complete Russian plural table: %v", err)
	}
}

func TestCheckVerbs(t *testing.T) {
	c := mustCatalog(t, map[string]string{
		"fr": "a = \"Relu le %s\"\nb = \"%s, %s\"\nc = \"%[2]s\"\n",
		"en": "a = \"Reviewed %d\"\nb = \"%[2]s, %[1]v\"\nc = \"%s %s\"\n",
	})
	got := c.CheckVerbs([]string{"fr", "en"}).Error()
	want := `templates/i18n/en.toml:1:1: i18n key "a" prints argument 1 with %d, but the fr message prints it with %s (templates/i18n/fr.toml:1:1); use the verbs of the fr message: %s`
	if got != want {
		t.Errorf("CheckVerbs =\n%s\nwant\n%s", got, want)
	}
}

func TestTRefusesArguments(t *testing.T) {
	c := mustCatalog(t, map[string]string{"en": "a = \"%s of %s\"\nb = \"%d items\"\nn = { one = \"%d min\", other = \"%d min\" }\nplain = \"x\"\n"})
	for _, tc := range []struct {
		key  string
		args []any
		want string
	}{
		{"a", []any{"x"}, `templates/i18n/en.toml:1:1: i18n key "a" does not fit the call: its message uses argument 2 (%s) but it is given 1`},
		{"b", []any{"29th"}, `its message prints argument 1 with %d (a number) but it is given the text "29th"`},
		{"a", []any{1, 2}, "prints argument 1 with %s (text) but it is given the number 1"},
		{"n", []any{"x"}, "given the text"},
	} {
		if s, err := c.T("en", tc.key, tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("T(%q, %v) = %q, %v; want error %q", tc.key, tc.args, s, err, tc.want)
		}
	}
	for _, tc := range []struct {
		key  string
		args []any
		want string
	}{
		{"a", []any{"x", "y"}, "x of y"},
		{"b", []any{3}, "3 items"},
		{"n", []any{1}, "1 min"},
		{"plain", []any{"ignored"}, "x"},
	} {
		if s, err := c.T("en", tc.key, tc.args...); err != nil || s != tc.want {
			t.Errorf("T(%q, %v) = %q, %v; want %q", tc.key, tc.args, s, err, tc.want)
		}
	}
}

func TestCodeCallsWithoutArguments(t *testing.T) {
	for _, src := range []string{`not-found-title = "Page %s"`, `month-3 = "%s mars"`} {
		_, err := LoadCatalog(catalogFiles(map[string]string{"fr": src}))
		if err == nil || !strings.Contains(err.Error(), "but kz30 passes it 0 (no arguments)") {
			t.Errorf("LoadCatalog(%q) = %v, want the verb refused", src, err)
		}
	}
	if _, err := LoadCatalog(catalogFiles(map[string]string{"fr": `month-x = "%s"`})); err != nil {
		t.Errorf("month-x is not a month key: %v", err)
	}
}
