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
		{"Қазақстан", "qazaqstan"},
		{"Москва", "moskva"},
		{"Ёлка и йогурт", "elka-i-yogurt"},
		{"Αθήνα", "athina"},
		{"Ψυχή", "psychi"},
		{"שלום", ""},
		{"東京", ""},
		{"١٢٣ مرحبا", "123"},
		{"a\u0301b", "ab"},
		{"ÀÉÎÕÜ", "aeiou"},
		{"\xff\xfe", ""},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLocaleSlugAndID(t *testing.T) {
	for _, tc := range []struct{ lang, in, slug, id string }{
		{"ru", "Щука и ёж", "shchuka-i-ezh", "shchuka-i-ezh"},
		{"ru", "Объём: 100 %", "obem-100", "obem-100"},
		{"uk", "Гривня і Київ", "hryvnia-i-kyiv", "hryvnia-i-kyiv"}, // official 2010 table (translit_test.go)
		{"uk", "Ґанок, Євген", "ganok-yevhen", "ganok-yevhen"},
		{"kk", "Қазақстан Республикасы", "qazaqstan-respublikasy", "qazaqstan-respublikasy"},
		{"kk", "Әділет, Ғылым, Ңң, Өнер, Ұлт, Үй, Һ, Іс", "adilet-ghylym-ngng-oner-ult-uy-h-is", "adilet-ghylym-ngng-oner-ult-uy-h-is"},
		{"el", "Η Ελλάδα σήμερα", "i-ellada-simera", "i-ellada-simera"},
		{"fr", "Élégance à Paris", "elegance-a-paris", "elegance-a-paris"},
		{"ar", "الاقتصاد الرقمي", "", "الاقتصاد-الرقمي"},
		{"ar", "عام ٢٠٢١", "2021", "عام-2021"},
		{"he", "שלום עולם!", "", "שלום-עולם"},
		{"he", "עִבְרִית", "", "עִבְרִית"},
		{"ja", "東京 2020", "2020", "東京-2020"},
		{"zh", "数字经济", "", "数字经济"},
		{"hi", "हिन्दी भाषा", "", "हिन्दी-भाषा"},
		{"en", "Kaspi и Halyk", "kaspi-i-halyk", "kaspi-i-halyk"},
	} {
		l := LocaleOf(tc.lang)
		if got := l.Slug(tc.in); got != tc.slug {
			t.Errorf("%s Slug(%q) = %q, want %q", tc.lang, tc.in, got, tc.slug)
		}
		if got := l.ID(tc.in); got != tc.id {
			t.Errorf("%s ID(%q) = %q, want %q", tc.lang, tc.in, got, tc.id)
		}
		if got := l.ID(l.ID(tc.in)); got != l.ID(tc.in) {
			t.Errorf("%s ID not stable on %q: %q", tc.lang, tc.in, got)
		}
	}
	ids := LocaleOf("he").NewIDs()
	for _, want := range []string{"שלום", "שלום-1"} {
		if got := ids.New("שלום"); got != want {
			t.Errorf("he IDs.New = %q, want %q (never section-N for letters)", got, want)
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
