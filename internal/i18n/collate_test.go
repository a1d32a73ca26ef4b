package i18n

import (
	"slices"
	"testing"
)

func TestSort(t *testing.T) {
	for _, tc := range []struct {
		lang string
		in   []string
		want []string
	}{
		{"fr",
			[]string{"zèbre", "être", "Zoé", "été", "abricot", "œuf", "école", "Eté", "oeuf", "Ecole", "etre"},
			[]string{"abricot", "Ecole", "école", "Eté", "été", "etre", "être", "oeuf", "œuf", "zèbre", "Zoé"}},
		{"en",
			[]string{"banana", "Apple", "cherry", "apple", "Éclair"},
			[]string{"apple", "Apple", "banana", "cherry", "Éclair"}},
		{"fr", []string{"Kazakhstan", "Almaty", "Ouzbékistan", "Astana"},
			[]string{"Almaty", "Astana", "Kazakhstan", "Ouzbékistan"}},
		{"not a tag", []string{"b", "a"}, []string{"a", "b"}},
		{"fr", nil, nil},
	} {
		got := slices.Clone(tc.in)
		Sort(tc.lang, got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Sort(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
		byCompare := slices.Clone(tc.in)
		slices.SortFunc(byCompare, func(a, b string) int { return Compare(tc.lang, a, b) })
		if !slices.Equal(byCompare, tc.want) {
			t.Errorf("SortFunc(Compare %q) = %q, want %q", tc.lang, byCompare, tc.want)
		}
	}
}

func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		lang, a, b string
		want       int
	}{
		{"fr", "école", "ecole", 1},
		{"fr", "ecole", "école", -1},
		{"fr", "été", "été", 0},
		{"fr", "a", "b", -1},
		{"fr", "Zoé", "abricot", 1},
		{"en", "apple", "Apple", -1},
		{"fr", "e\u0301", "é", -1}, // equal to the collator: ordered by bytes
	} {
		if got := Compare(tc.lang, tc.a, tc.b); got != tc.want {
			t.Errorf("Compare(%q, %q, %q) = %d, want %d", tc.lang, tc.a, tc.b, got, tc.want)
		}
	}
}
