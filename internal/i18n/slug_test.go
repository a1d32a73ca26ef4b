package i18n

import (
	"regexp"
	"testing"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"É-gouvernement", "e-gouvernement"},
		{"Élégance à Paris", "elegance-a-paris"},
		{"L’été 2021 !", "l-ete-2021"},
		{"Œuvre et cœur", "oeuvre-et-coeur"},
		{"Ærø Straße", "aero-strasse"},
		{"Łódź", "lodz"},
		{"Noël, garçon", "noel-garcon"},
		{"  --Déjà vu--  ", "deja-vu"},
		{"100 000 $", "100-000"},
		{"C++ & Go", "c-go"},
		{"Web3", "web3"},
		{"", ""},
		{"!!!", ""},
		{"Қазақстан", ""},
		{"a\u0301b", "ab"},
		{"ÀÉÎÕÜ", "aeiou"},
		{"\xff\xfe", ""},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIDs(t *testing.T) {
	ids := NewIDs()
	ids.Reserve("resume")
	for _, tc := range []struct{ text, want string }{
		{"Titre", "titre"},
		{"Titre", "titre-1"},
		{"Titre", "titre-2"},
		{"Titre 3", "titre-3"},
		{"Titre", "titre-4"},
		{"Résumé", "resume-1"},
		{"", "section"},
		{"!!!", "section-1"},
		{"Élégance à Paris", "elegance-a-paris"},
		{"Élégance, à Paris", "elegance-a-paris-1"},
	} {
		if got := ids.New(tc.text); got != tc.want {
			t.Errorf("New(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	var zero IDs // the zero value works
	if a, b := zero.New("x"), zero.New("x"); a != "x" || b != "x-1" {
		t.Errorf("zero IDs: New(x), New(x) = %q, %q; want x, x-1", a, b)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"É-gouvernement", "Élégance à Paris", "L’été 2021 !", "Œuvre", "", "---", "a--b", "ﬁ", "\xff", "İstanbul", "ǅ"} {
		f.Add(s)
	}
	valid := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !valid.MatchString(got) {
			t.Fatalf("Slug(%q) = %q: not a slug", s, got)
		}
		if again := Slug(got); again != got {
			t.Fatalf("Slug(%q) = %q, but Slug(%q) = %q", s, got, got, again)
		}
	})
}
