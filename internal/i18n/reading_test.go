package i18n

import "testing"

// TestWordsPerMinuteByLanguage pins each language's default reading speed
// (rules.go documents where each figure comes from).
func TestWordsPerMinuteByLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		want  int
		chars bool
	}{
		{"en", 238, false}, {"fr", 208, false}, {"fr-CA", 208, false},
		{"de", 205, false}, {"es", 222, false}, {"it", 210, false},
		{"pt", 209, false}, {"ru", 196, false}, {"uk", 196, false},
		{"kk", 171, false}, {"ar", 185, false}, {"he", 189, false},
		{"zh", 260, true}, {"zh-Hant", 260, true}, {"ja", 400, true},
		{"ko", 200, false}, {"sw", 200, false},
	} {
		l := LocaleOf(tc.lang)
		if got := l.WordsPerMinute(); got != tc.want {
			t.Errorf("%q WordsPerMinute = %d, want %d", tc.lang, got, tc.want)
		}
		if got := l.ReadsCharacters(); got != tc.chars {
			t.Errorf("%q ReadsCharacters = %v, want %v", tc.lang, got, tc.chars)
		}
	}
}

func TestLocaleWords(t *testing.T) {
	for _, tc := range []struct {
		lang, in string
		want     int
	}{
		{"fr", "l’été 2021", 3},       // as the package Words
		{"en", "東京は大きい", 1},           // a word language counts runs
		{"zh", "数字经济", 4},             // one per character
		{"zh", "Kaspi 银行，2021 年。", 5}, // Kaspi, 银, 行, 2021, 年
		{"ja", "東京は大きい", 6},
		{"ja", "カザフスタンの首都", 9},
		{"ja", "々ー", 2},
		{"zh", "", 0},
		{"ko", "한국어 문장", 2}, // Korean is written with spaces
	} {
		if got := LocaleOf(tc.lang).Words(tc.in); got != tc.want {
			t.Errorf("%s Words(%q) = %d, want %d", tc.lang, tc.in, got, tc.want)
		}
	}
}

func TestLocaleReadingMinutes(t *testing.T) {
	for _, tc := range []struct {
		lang               string
		units, per, minute int
	}{
		{"en", 238, 0, 1},
		{"en", 239, 0, 2},
		{"fr", 1000, 0, 5},   // 1000 / 208
		{"fr", 1000, 200, 5}, // site.toml's figure wins
		{"fr", 1001, 200, 6},
		{"ar", 1000, 0, 6},  // 1000 / 185
		{"zh", 2600, 0, 10}, // characters
		{"ja", 2600, 0, 7},
		{"de", 0, 0, 1},
	} {
		if got := LocaleOf(tc.lang).ReadingMinutes(tc.units, tc.per); got != tc.minute {
			t.Errorf("%s ReadingMinutes(%d, %d) = %d, want %d", tc.lang, tc.units, tc.per, got, tc.minute)
		}
	}
}
