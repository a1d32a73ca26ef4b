package i18n

import (
	"math"
	"strings"
	"sync"
	"testing"
	"time"
)

// mustLocale returns the Locale of lang over the site's catalogs.
func mustLocale(t *testing.T, lang string, cat *Catalog) *Locale {
	t.Helper()
	l, err := NewLocale(lang, cat)
	if err != nil {
		t.Fatalf("NewLocale(%q): %v", lang, err)
	}
	return l
}

// show makes the special spaces visible in failure messages.
func show(s string) string {
	return strings.NewReplacer("\u00a0", "⍽", "\u202f", "·").Replace(s)
}

func TestNewLocale(t *testing.T) {
	for _, tc := range []struct {
		lang, want string
		ok         bool
	}{
		{"fr", "fr", true},
		{"en", "en", true},
		{"FR-ca", "fr-CA", true},
		{"de", "de", true},
		{"", "", false},
		{"not a tag", "", false},
	} {
		l, err := NewLocale(tc.lang, nil)
		if (err == nil) != tc.ok {
			t.Errorf("NewLocale(%q) error = %v, want ok=%v", tc.lang, err, tc.ok)
			continue
		}
		if tc.ok && l.Lang() != tc.want {
			t.Errorf("NewLocale(%q).Lang() = %q, want %q", tc.lang, l.Lang(), tc.want)
		}
	}
}

func TestNumber(t *testing.T) {
	fr, en := mustLocale(t, "fr", nil), mustLocale(t, "en", nil)
	for _, tc := range []struct {
		v      float64
		fr, en string
	}{
		{0, "0", "0"},
		{math.Copysign(0, -1), "0", "0"},
		{1, "1", "1"},
		{-1, "-1", "-1"},
		{1.5, "1,5", "1.5"},
		{999, "999", "999"},
		{1000, "1\u202f000", "1,000"},
		{100000, "100\u202f000", "100,000"},
		{-1234.5, "-1\u202f234,5", "-1,234.5"},
		{1234567.891, "1\u202f234\u202f567,891", "1,234,567.891"},
		{0.25, "0,25", "0.25"},
		{1.0 / 3, "0,333", "0.333"},
		{2021, "2\u202f021", "2,021"},
	} {
		if got := fr.Number(tc.v); got != tc.fr {
			t.Errorf("fr.Number(%v) = %q, want %q", tc.v, show(got), show(tc.fr))
		}
		if got := en.Number(tc.v); got != tc.en {
			t.Errorf("en.Number(%v) = %q, want %q", tc.v, show(got), show(tc.en))
		}
	}
	// No panic on special values.
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_ = fr.Number(v) + fr.Percent(v) + fr.Scaled(v) + fr.Money(v, "USD")
	}
}

func TestPercent(t *testing.T) {
	fr, en, de := mustLocale(t, "fr", nil), mustLocale(t, "en", nil), mustLocale(t, "de", nil)
	for _, tc := range []struct {
		v          float64
		fr, en, de string
	}{
		{18, "18\u00a0%", "18%", "18\u00a0%"},
		{0, "0\u00a0%", "0%", "0\u00a0%"},
		{18.5, "18,5\u00a0%", "18.5%", "18,5\u00a0%"},
		{-3, "-3\u00a0%", "-3%", "-3\u00a0%"},
		{1200, "1\u202f200\u00a0%", "1,200%", "1.200\u00a0%"},
		{100, "100\u00a0%", "100%", "100\u00a0%"},
	} {
		for _, c := range []struct {
			l    *Locale
			want string
		}{{fr, tc.fr}, {en, tc.en}, {de, tc.de}} {
			if got := c.l.Percent(tc.v); got != c.want {
				t.Errorf("%s.Percent(%v) = %q, want %q", c.l.Lang(), tc.v, show(got), show(c.want))
			}
		}
	}
}

func TestOrdinal(t *testing.T) {
	fr, en := mustLocale(t, "fr", nil), mustLocale(t, "en", nil)
	for _, tc := range []struct {
		n             int
		fr, frFem, en string
	}{
		{1, "1er", "1re", "1st"},
		{2, "2e", "2e", "2nd"},
		{3, "3e", "3e", "3rd"},
		{4, "4e", "4e", "4th"},
		{11, "11e", "11e", "11th"},
		{12, "12e", "12e", "12th"},
		{13, "13e", "13e", "13th"},
		{21, "21e", "21e", "21st"},
		{22, "22e", "22e", "22nd"},
		{23, "23e", "23e", "23rd"},
		{29, "29e", "29e", "29th"},
		{101, "101e", "101e", "101st"},
		{111, "111e", "111e", "111th"},
		{0, "0e", "0e", "0th"},
		{1000, "1\u202f000e", "1\u202f000e", "1,000th"},
		{1_000_001, "1\u202f000\u202f001e", "1\u202f000\u202f001e", "1,000,001st"},
		{-1, "-1er", "-1re", "-1st"},
		{math.MinInt64, "", "", ""}, // must not panic
	} {
		got := []string{fr.Ordinal(tc.n), fr.OrdinalFem(tc.n), en.Ordinal(tc.n)}
		if tc.n == math.MinInt64 {
			continue
		}
		want := []string{tc.fr, tc.frFem, tc.en}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%d: [fr, fr fem, en] = %q, want %q", tc.n, show(strings.Join(got, " | ")), show(strings.Join(want, " | ")))
				break
			}
		}
	}
	if got := en.OrdinalFem(1); got != "1st" {
		t.Errorf("en.OrdinalFem(1) = %q, want 1st", got)
	}
}

func TestScaled(t *testing.T) {
	fr, en := mustLocale(t, "fr", nil), mustLocale(t, "en", nil)
	for _, tc := range []struct {
		v      float64
		fr, en string
	}{
		{11_000_000, "11\u00a0millions", "11\u00a0million"},
		{1_000_000, "1\u00a0million", "1\u00a0million"},
		{1_500_000, "1,5\u00a0million", "1.5\u00a0million"},
		{2_000_000, "2\u00a0millions", "2\u00a0million"},
		{370_000_000_000, "370\u00a0milliards", "370\u00a0billion"},
		{1_000_000_000, "1\u00a0milliard", "1\u00a0billion"},
		{1_234_567, "1,23\u00a0million", "1.23\u00a0million"},
		{999_999_999, "1\u00a0milliard", "1\u00a0billion"},
		{2.5e12, "2,5\u00a0billions", "2.5\u00a0trillion"},
		{3e15, "3\u202f000\u00a0billions", "3,000\u00a0trillion"},
		{-11_000_000, "-11\u00a0millions", "-11\u00a0million"},
		{999_999, "999\u202f999", "999,999"},
		{500, "500", "500"},
		{0, "0", "0"},
	} {
		if got := fr.Scaled(tc.v); got != tc.fr {
			t.Errorf("fr.Scaled(%v) = %q, want %q", tc.v, show(got), show(tc.fr))
		}
		if got := en.Scaled(tc.v); got != tc.en {
			t.Errorf("en.Scaled(%v) = %q, want %q", tc.v, show(got), show(tc.en))
		}
	}
}

func TestMoney(t *testing.T) {
	fr, en := mustLocale(t, "fr", nil), mustLocale(t, "en", nil)
	for _, tc := range []struct {
		v        float64
		currency string
		fr, en   string
	}{
		{370e9, "USD", "370\u00a0milliards de dollars", "US$370\u00a0billion"},
		{500, "USD", "500\u00a0dollars", "US$500"},
		{1, "usd", "1\u00a0dollar", "US$1"},
		{1e6, "USD", "1\u00a0million de dollars", "US$1\u00a0million"},
		{1.5e6, "USD", "1,5\u00a0million de dollars", "US$1.5\u00a0million"},
		{-500, "USD", "-500\u00a0dollars", "-US$500"},
		{2e6, "EUR", "2\u00a0millions d’euros", "€2\u00a0million"},
		{20, "EUR", "20\u00a0euros", "€20"},
		{5e9, "KZT", "5\u00a0milliards de tenges", "5\u00a0billion tenge"},
		{370e9, "GBP", "370\u00a0milliards\u00a0GBP", "GBP\u00a0370\u00a0billion"},
		{0, "USD", "0\u00a0dollar", "US$0"},
	} {
		if got := fr.Money(tc.v, tc.currency); got != tc.fr {
			t.Errorf("fr.Money(%v, %s) = %q, want %q", tc.v, tc.currency, show(got), show(tc.fr))
		}
		if got := en.Money(tc.v, tc.currency); got != tc.en {
			t.Errorf("en.Money(%v, %s) = %q, want %q", tc.v, tc.currency, show(got), show(tc.en))
		}
	}
}

func TestDateWeekday(t *testing.T) {
	cat := siteCatalog(t)
	fr, en := mustLocale(t, "fr", cat), mustLocale(t, "en", cat)
	frCA := mustLocale(t, "fr-CA", cat)
	for _, tc := range []struct {
		date               string
		fr, en             string
		frWeekday, weekday string
	}{
		{"2021-12-16", "16\u00a0décembre 2021", "16\u00a0December 2021", "jeudi", "Thursday"},
		{"2021-12-01", "1er\u00a0décembre 2021", "1\u00a0December 2021", "mercredi", "Wednesday"},
		{"2025-01-05", "5\u00a0janvier 2025", "5\u00a0January 2025", "dimanche", "Sunday"},
		{"2024-02-29", "29\u00a0février 2024", "29\u00a0February 2024", "jeudi", "Thursday"},
		{"2020-08-15", "15\u00a0août 2020", "15\u00a0August 2020", "samedi", "Saturday"},
	} {
		d, err := time.Parse(time.DateOnly, tc.date)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			l        *Locale
			date, wd string
		}{{fr, tc.fr, tc.frWeekday}, {frCA, tc.fr, tc.frWeekday}, {en, tc.en, tc.weekday}} {
			if got, err := c.l.Date(d); err != nil || got != c.date {
				t.Errorf("%s.Date(%s) = %q, %v; want %q", c.l.Lang(), tc.date, show(got), err, show(c.date))
			}
			if got, err := c.l.Weekday(d); err != nil || got != c.wd {
				t.Errorf("%s.Weekday(%s) = %q, %v; want %q", c.l.Lang(), tc.date, got, err, c.wd)
			}
		}
	}
}

func TestDateErrors(t *testing.T) {
	d := time.Date(2021, 12, 16, 0, 0, 0, 0, time.UTC)
	noCat := mustLocale(t, "fr", nil)
	if _, err := noCat.Date(d); err == nil {
		t.Error("Date without catalog: no error")
	}
	if _, err := noCat.Weekday(d); err == nil {
		t.Error("Weekday without catalog: no error")
	}
	partial := mustCatalog(t, map[string]string{"fr": `month-1 = "janvier"`})
	l := mustLocale(t, "fr", partial)
	want := `missing i18n key "month-12" for language "fr"; add it to templates/i18n/fr.toml`
	if _, err := l.Date(d); err == nil || err.Error() != want {
		t.Errorf("Date with no month-12 error = %v, want %q", err, want)
	}
	de := mustLocale(t, "de", partial)
	if _, err := de.Date(d); err == nil || !strings.Contains(err.Error(), `no i18n catalog for language "de"`) {
		t.Errorf("de.Date error = %v", err)
	}
}

func TestLangName(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"fr", "Français"},
		{"en", "English"},
		{"de", "Deutsch"},
		{"kk", "Қазақ тілі"},
		{"ru", "Русский"},
		{"fr-CA", "Français canadien"},
		{"", ""},
		{"not a tag", "not a tag"},
	} {
		if got := LangName(tc.lang); got != tc.want {
			t.Errorf("LangName(%q) = %q, want %q", tc.lang, got, tc.want)
		}
	}
}

func TestLocaleConcurrent(t *testing.T) {
	cat := siteCatalog(t)
	l := mustLocale(t, "fr", cat)
	d := time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				v := float64(g*1000 + i)
				_ = l.Number(v) + l.Percent(v) + l.Ordinal(i) + l.Scaled(v*1e6) + l.Money(v, "USD")
				if _, err := l.Date(d); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}
