package content

import "testing"

// TestSlugsFromFileNamesPerLanguage: a file name's default slug uses the
// transliteration of the page's language, not Russian's for all Cyrillic.
func TestSlugsFromFileNamesPerLanguage(t *testing.T) {
	for _, tc := range []struct{ lang, name, want string }{
		{"uk", "київ", "kyiv"},
		{"uk", "гривня", "hryvnia"},
		{"ru", "київ", "kiyiv"},
		{"ru", "юрий", "yuriy"},
		{"kk", "ёлка", "yolka"},
		{"ru", "ёлка", "elka"},
		{"kk", "қазақ", "qazaq"},
		{"fr", "café", "cafe"},
	} {
		if got := defaultSlug(tc.lang, tc.name); got != tc.want {
			t.Errorf("defaultSlug(%q, %q) = %q, want %q", tc.lang, tc.name, got, tc.want)
		}
	}
}
