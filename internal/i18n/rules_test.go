package i18n

import "testing"

func TestDir(t *testing.T) {
	for _, tc := range []struct{ lang, script, dir string }{
		{"ar", "Arab", "rtl"}, {"fa", "Arab", "rtl"}, {"ur", "Arab", "rtl"},
		{"he", "Hebr", "rtl"}, {"dv", "Thaa", "rtl"}, {"ps", "Arab", "rtl"},
		{"ug", "Arab", "rtl"}, {"yi", "Hebr", "rtl"}, {"syr", "Syrc", "rtl"},
		{"nqo", "Nkoo", "rtl"}, {"ff-Adlm", "Adlm", "rtl"}, {"az-Arab", "Arab", "rtl"},
		{"ar-MA", "Arab", "rtl"},
		{"en", "Latn", "ltr"}, {"fr", "Latn", "ltr"}, {"ru", "Cyrl", "ltr"},
		{"kk", "Cyrl", "ltr"}, {"uk", "Cyrl", "ltr"}, {"ja", "Jpan", "ltr"},
		{"el", "Grek", "ltr"}, {"uz-Arab", "Arab", "rtl"}, {"", "Zyyy", "ltr"},
	} {
		l := LocaleOf(tc.lang)
		if got := l.Dir(); got != tc.dir {
			t.Errorf("LocaleOf(%q).Dir() = %q, want %q", tc.lang, got, tc.dir)
		}
		if tc.lang != "" {
			if got := l.Script(); got != tc.script {
				t.Errorf("LocaleOf(%q).Script() = %q, want %q", tc.lang, got, tc.script)
			}
		}
	}
}

func TestQuotesAndPlainText(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"en", `It's "fine"`, "It’s “fine”"},
		{"fr", `L'été "chaud" !`, "L’été «\u202fchaud\u202f»\u202f!"},
		{"de", `Er sagt "ja"`, "Er sagt „ja“"},
		{"ru", `Он сказал "да"`, "Он сказал «да»"},
		{"uk", `"Так"`, "«Так»"},
		{"kk", `"Иә"`, "«Иә»"},
		{"es", `"Sí"`, "«Sí»"},
		{"it", `"Sì"`, "«Sì»"},
		{"pt", `"Sim"`, "«Sim»"},
		{"ar", `"نعم"`, "«نعم»"},
		{"ja", `"はい"`, "「はい」"},
		{"xx-invalid-", `"x"`, "“x”"},
		{"fr", "Sans rien", "Sans rien"},
	} {
		if got := PlainText(tc.lang, tc.in); got != tc.want {
			t.Errorf("PlainText(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

func TestBest(t *testing.T) {
	for _, tc := range []struct {
		lang string
		sup  []string
		want string
	}{
		{"fr-CA", []string{"en", "fr"}, "fr"},
		{"fr", []string{"en", "fr"}, "fr"},
		{"kk", []string{"en", "fr"}, "en"},
		{"bad code!", []string{"en", "fr"}, "en"},
		{"ru", []string{"en", "fr", "ru"}, "ru"},
		{"x", nil, ""},
	} {
		if got := Best(tc.lang, tc.sup...); got != tc.want {
			t.Errorf("Best(%q, %q) = %q, want %q", tc.lang, tc.sup, got, tc.want)
		}
	}
}
