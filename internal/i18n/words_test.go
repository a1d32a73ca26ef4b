package i18n

import "testing"

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"Bonjour", 1},
		{"Bonjour le monde", 3},
		{"l’été", 2},
		{"peut-être", 2},
		{"Il y a 1,5 million d’habitants.", 7},
		{"3.14 and 100,000", 3},
		{"— « Oui ! » —", 1},
		{"Қазақстан Республикасы", 2},
		{"e\u0301te\u0301", 1},
		{"a\nb\tc", 3},
		{"2021.", 1},
	} {
		if got := Words(tc.in); got != tc.want {
			t.Errorf("Words(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestReadingMinutes(t *testing.T) {
	for _, tc := range []struct{ words, wpm, want int }{
		{0, 200, 1},
		{1, 200, 1},
		{200, 200, 1},
		{201, 200, 2},
		{1000, 200, 5},
		{1001, 250, 5},
		{1000, 0, 5},
		{1000, -3, 5},
		{-5, 200, 1},
	} {
		if got := ReadingMinutes(tc.words, tc.wpm); got != tc.want {
			t.Errorf("ReadingMinutes(%d, %d) = %d, want %d", tc.words, tc.wpm, got, tc.want)
		}
	}
}
