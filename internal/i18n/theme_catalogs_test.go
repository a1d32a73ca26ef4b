package i18n

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// themeLangs are the languages the built-in theme must have UI strings for.
var themeLangs = []string{"ar", "de", "en", "es", "fr", "it", "kk", "pt", "ru", "uk"}

// themeCatalog loads every theme/templates/i18n/*.toml.
func themeCatalog(t *testing.T) (*Catalog, []string) {
	t.Helper()
	paths, err := filepath.Glob("../../theme/templates/i18n/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]CatalogFile{}
	var langs []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lang := strings.TrimSuffix(filepath.Base(p), ".toml")
		files[lang] = CatalogFile{Name: "templates/i18n/" + lang + ".toml", Data: data}
		langs = append(langs, lang)
	}
	c, err := LoadCatalog(files)
	if err != nil {
		t.Fatal(err) // plural forms per CLDR and verbs of kz30's own calls
	}
	slices.Sort(langs)
	return c, langs
}

// TestThemeCatalogs: every language of the theme has the keys of en.toml,
// no other key, and verbs that fit the English ones whichever language is
// the source.
func TestThemeCatalogs(t *testing.T) {
	c, langs := themeCatalog(t)
	for _, l := range themeLangs {
		if !slices.Contains(langs, l) {
			t.Errorf("theme/templates/i18n/%s.toml is missing", l)
		}
	}
	en := c.Keys("en")
	for _, l := range langs {
		if got := c.Keys(l); !slices.Equal(got, en) {
			t.Errorf("%s.toml keys differ from en.toml:\n%s %q\nen %q", l, l, got, en)
		}
		for _, other := range langs {
			if errs := c.CheckVerbs([]string{l, other}); len(errs) > 0 {
				t.Errorf("source %s, translation %s: %v", l, other, errs)
			}
		}
	}
}

func TestThemeDates(t *testing.T) {
	c, _ := themeCatalog(t)
	d := time.Date(2021, 12, 16, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ lang, date, weekday string }{
		{"de", "16.\u00a0Dezember 2021", "Donnerstag"},
		{"es", "16\u00a0de diciembre de 2021", "jueves"},
		{"it", "16\u00a0dicembre 2021", "giovedì"},
		{"pt", "16\u00a0de dezembro de 2021", "quinta-feira"},
		{"ru", "16\u00a0декабря 2021\u00a0г.", "четверг"},
		{"uk", "16\u00a0грудня 2021\u00a0р.", "четвер"},
		{"kk", "2021\u00a0ж. 16\u00a0желтоқсан", "бейсенбі"},
		{"ar", "١٦\u00a0ديسمبر ٢٠٢١", "الخميس"},
	} {
		l := mustLocale(t, tc.lang, c)
		if got, err := l.Date(d); err != nil || got != tc.date {
			t.Errorf("%s Date = %q, %v; want %q", tc.lang, show(got), err, show(tc.date))
		}
		if got, err := l.Weekday(d); err != nil || got != tc.weekday {
			t.Errorf("%s Weekday = %q, %v; want %q", tc.lang, got, err, tc.weekday)
		}
	}
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"ru", 1, "1 минута чтения"}, {"ru", 3, "3 минуты чтения"}, {"ru", 5, "5 минут чтения"}, {"ru", 21, "21 минута чтения"},
		{"uk", 2, "2 хвилини читання"}, {"uk", 11, "11 хвилин читання"},
		{"de", 1, "1 Minute Lesezeit"}, {"de", 2, "2 Minuten Lesezeit"},
		{"ar", 3, "٣ دقائق للقراءة"}, {"ar", 2, "دقيقتان للقراءة"}, {"ar", 1, "دقيقة واحدة للقراءة"}, {"ar", 11, "١١ دقيقة للقراءة"},
	} {
		if got, err := c.T(tc.lang, "reading-time", tc.n); err != nil || got != tc.want {
			t.Errorf("%s reading-time(%d) = %q, %v; want %q", tc.lang, tc.n, got, err, tc.want)
		}
	}
}
