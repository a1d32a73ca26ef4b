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
		{"pt", `"Sim"`, "“Sim”"},
		{"pt-PT", `"Sim"`, "“Sim”"},
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

func TestOrdinalScaledPerLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang        string
		n           int
		ord         string
		v           float64
		scaled      string
		number, pct string
	}{
		{"de", 29, "29.", 11e6, "11\u00a0Millionen", "1.234,5", "18\u00a0%"},
		{"es", 29, "29.º", 1e6, "1\u00a0millón", "1.234,5", "18\u00a0%"},
		{"it", 29, "29º", 370e9, "370\u00a0miliardi", "1.234,5", "18%"},
		{"pt", 1, "1.º", 2e9, "2\u00a0bilhões", "1.234,5", "18%"},
		{"ru", 29, "29-й", 370e9, "370\u00a0млрд", "1\u00a0234,5", "18\u00a0%"},
		{"uk", 3, "3-й", 11e6, "11\u00a0млн", "1\u00a0234,5", "18%"},
		{"kk", 29, "29-шы", 1e12, "1\u00a0трлн", "1\u00a0234,5", "18%"},
		{"kk", 1, "1-ші", 2e6, "2\u00a0млн", "1\u00a0234,5", "18%"},
		{"kk", 60, "60-шы", 2e6, "2\u00a0млн", "1\u00a0234,5", "18%"},
		{"kk", 100, "100-ші", 2e6, "2\u00a0млн", "1\u00a0234,5", "18%"},
		{"ar", 29, "٢٩", 5e6, "٥\u00a0مليون", "١٬٢٣٤٫٥", "١٨٪\u061c"},
	} {
		l := LocaleOf(tc.lang)
		if got := l.Ordinal(tc.n); got != tc.ord {
			t.Errorf("%s Ordinal(%d) = %q, want %q", tc.lang, tc.n, got, tc.ord)
		}
		if got := l.Scaled(tc.v); got != tc.scaled {
			t.Errorf("%s Scaled(%g) = %q, want %q", tc.lang, tc.v, show(got), show(tc.scaled))
		}
		if got := l.Number(1234.5); got != tc.number {
			t.Errorf("%s Number(1234.5) = %q, want %q", tc.lang, show(got), show(tc.number))
		}
		if got := l.Percent(18); got != tc.pct {
			t.Errorf("%s Percent(18) = %q, want %q", tc.lang, show(got), show(tc.pct))
		}
	}
}
