package i18n

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// found is a compact Found for tables: value, max, kind, text. Offsets are
// checked separately against the text.
type found struct {
	v, max float64
	kind   string
	text   string
}

func (f found) String() string {
	return fmt.Sprintf("{%g %g %s %q}", f.v, f.max, f.kind, show(f.text))
}

func n(v float64, text string) found              { return found{v, v, "number", text} }
func pct(v float64, text string) found            { return found{v, v, "percent", text} }
func ord(v float64, text string) found            { return found{v, v, "ordinal", text} }
func money(v float64, text string) found          { return found{v, v, "money", text} }
func rng(v, max float64, kind, text string) found { return found{v, max, kind, text} }

func TestFindNumbers(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []found
	}{
		// Plain numbers, groups and decimals.
		{"fr", "100 000 habitants", []found{n(100000, "100 000")}},
		{"fr", "100\u00a0000 et 100\u202f000 et 1\u2009234\u2009567", []found{n(100000, "100\u00a0000"), n(100000, "100\u202f000"), n(1234567, "1\u2009234\u2009567")}},
		{"en", "100,000 people", []found{n(100000, "100,000")}},
		{"en", "1,234,567.5", []found{n(1234567.5, "1,234,567.5")}},
		{"en", "100\u202f000 people", []found{n(100000, "100\u202f000")}},
		{"fr", "1,5 tonne", []found{n(1.5, "1,5")}},
		{"en", "1.5 tonnes", []found{n(1.5, "1.5")}},
		{"fr", "1 234,56", []found{n(1234.56, "1 234,56")}},
		{"fr", "En 2021, 45 personnes.", []found{n(2021, "2021"), n(45, "45")}},
		{"en", "In 2021, 45 people.", []found{n(2021, "2021"), n(45, "45")}},
		{"fr", "le 16 décembre 2021", []found{n(16, "16"), n(2021, "2021")}},
		{"en", "on 16 December 2021", []found{n(16, "16"), n(2021, "2021")}},
		{"fr", "en 2021 2 500 personnes", []found{n(2021, "2021"), n(2500, "2 500")}},
		{"fr", "-5 degrés, −3 et +2", []found{n(-5, "-5"), n(-3, "−3"), n(2, "+2")}},
		{"en", "0 and 0.5", []found{n(0, "0"), n(0.5, "0.5")}},
		{"en", "1,2,3", []found{n(1, "1")}},
		{"fr", "1.5", nil}, // version-like in French
		// Each locale's formats.
		{"de", "1.200,5 m und 1.200 m", []found{n(1200.5, "1.200,5"), n(1200, "1.200")}},
		{"de", "1 200,5", []found{n(1200.5, "1 200,5")}},
		{"es", "1.200,5 y 3,14", []found{n(1200.5, "1.200,5"), n(3.14, "3,14")}},
		{"it", "1.234.567", []found{n(1234567, "1.234.567")}},
		{"pt", "12,5 %", []found{pct(12.5, "12,5 %")}},
		{"ru", "1 200,5 м", []found{n(1200.5, "1 200,5")}},
		{"uk", "1\u00a0200,5", []found{n(1200.5, "1\u00a0200,5")}},
		{"kk", "18,5 %", []found{pct(18.5, "18,5 %")}},
		{"en", "1,200.5 m", []found{n(1200.5, "1,200.5")}},
		{"ar", "١٬٢٠٠٫٥ متر و٣", []found{n(1200.5, "١٬٢٠٠٫٥"), n(3, "٣")}}, // و٣ is "and 3"
		{"ar", "عام ٢٠٢١ و 1,200.5", []found{n(2021, "٢٠٢١"), n(1200.5, "1,200.5")}},
		{"fa", "۱۲ درصد", []found{n(12, "۱۲")}},
		{"ar", "١٨٪ من", []found{pct(18, "١٨٪")}},
		// Versions and URLs are no figures.
		{"en", "WCAG 2.1 and 1.2.3", []found{n(2.1, "2.1")}},
		{"de", "WCAG 2.1 und 1.2.3", nil},
		{"en", "See https://x.org/2021/12/a?b=3 or www.y.org/99 then 7", []found{n(7, "7")}},
		{"fr", "n°5", []found{n(5, "5")}},
		// Words with digits are not figures.
		{"en", "Web3 and 4G, COVID-19, G20, 3D, 14h30, v1.2.3 and CO2", nil},
		{"fr", "la 5G et le Web3.0", nil},
		{"en", "ISBN 978-2-07-036822-8, on 2021-12-16", nil},
		// Percent.
		{"fr", "18 % des voix", []found{pct(18, "18 %")}},
		{"fr", "18\u00a0% et 18%", []found{pct(18, "18\u00a0%"), pct(18, "18%")}},
		{"en", "18% of votes", []found{pct(18, "18%")}},
		{"fr", "18,5 % et 7 pour cent", []found{pct(18.5, "18,5 %"), pct(7, "7 pour cent")}},
		{"en", "7 percent, 8 per cent", []found{pct(7, "7 percent"), pct(8, "8 per cent")}},
		{"en", "-2.5%", []found{pct(-2.5, "-2.5%")}},
		// Ordinals.
		{"fr", "29e sur 190", []found{ord(29, "29e"), n(190, "190")}},
		{"fr", "1er, 1re, 2nd, 2de, 3ème, 1ᵉʳ", []found{ord(1, "1er"), ord(1, "1re"), ord(2, "2nd"), ord(2, "2de"), ord(3, "3ème"), ord(1, "1ᵉʳ")}},
		{"en", "1st, 2nd, 3rd, 29th, 111th", []found{ord(1, "1st"), ord(2, "2nd"), ord(3, "3rd"), ord(29, "29th"), ord(111, "111th")}},
		{"en", "29e", nil},
		{"fr", "le 1er décembre 2021", []found{n(1, "1er"), n(2021, "2021")}},
		{"en", "December 1st, 2021", []found{n(1, "1st"), n(2021, "2021")}},
		// Scale words.
		{"fr", "11 millions d’habitants", []found{n(11e6, "11 millions")}},
		{"fr", "1 million", []found{n(1e6, "1 million")}},
		{"fr", "370 milliards", []found{n(370e9, "370 milliards")}},
		{"fr", "1,5 million", []found{n(1.5e6, "1,5 million")}},
		{"fr", "2 billions", []found{n(2e12, "2 billions")}},
		{"fr", "11\u00a0millions", []found{n(11e6, "11\u00a0millions")}},
		{"en", "11 million people", []found{n(11e6, "11 million")}},
		{"en", "370 billion", []found{n(370e9, "370 billion")}},
		{"en", "1.5 million", []found{n(1.5e6, "1.5 million")}},
		{"en", "2 trillion", []found{n(2e12, "2 trillion")}},
		{"en", "1.1 million", []found{n(1.1e6, "1.1 million")}},
		// Money.
		{"fr", "370 milliards de dollars", []found{money(370e9, "370 milliards de dollars")}},
		{"fr", "500 dollars", []found{money(500, "500 dollars")}},
		{"fr", "2 millions d’euros", []found{money(2e6, "2 millions d’euros")}},
		{"fr", "500 $ et 20 €", []found{money(500, "500 $"), money(20, "20 €")}},
		{"fr", "5 milliards de tenges", []found{money(5e9, "5 milliards de tenges")}},
		{"fr", "11 millions de personnes", []found{n(11e6, "11 millions")}},
		{"en", "US$370 billion", []found{money(370e9, "US$370 billion")}},
		{"en", "US$370\u00a0billion", []found{money(370e9, "US$370\u00a0billion")}},
		{"en", "370 billion US dollars", []found{money(370e9, "370 billion US dollars")}},
		{"en", "$370 billion", []found{money(370e9, "$370 billion")}},
		{"en", "$370bn and $5m", []found{money(370e9, "$370bn"), money(5e6, "$5m")}},
		{"en", "€20 and USD 5", []found{money(20, "€20"), money(5, "USD 5")}},
		{"en", "5 billion tenge", []found{money(5e9, "5 billion tenge")}},
		{"en", "5m away", nil},
		// Ranges.
		{"fr", "11 à 12 millions", []found{rng(11e6, 12e6, "number", "11 à 12 millions")}},
		{"en", "11 to 12 million", []found{rng(11e6, 12e6, "number", "11 to 12 million")}},
		{"en", "11–12 million", []found{rng(11e6, 12e6, "number", "11–12 million")}},
		{"fr", "11–12 millions", []found{rng(11e6, 12e6, "number", "11–12 millions")}},
		{"fr", "entre 11 et 12 millions", []found{rng(11e6, 12e6, "number", "11 et 12 millions")}},
		{"en", "between 11 and 12 million", []found{rng(11e6, 12e6, "number", "11 and 12 million")}},
		{"fr", "11 et 12 millions", []found{n(11, "11"), n(12e6, "12 millions")}},
		{"fr", "11 à 12 milliards de dollars", []found{rng(11e9, 12e9, "money", "11 à 12 milliards de dollars")}},
		{"en", "$11–12 billion", []found{rng(11e9, 12e9, "money", "$11–12 billion")}},
		{"en", "$11 billion to $12 billion", []found{rng(11e9, 12e9, "money", "$11 billion to $12 billion")}},
		{"fr", "de 18 à 20 %", []found{rng(18, 20, "percent", "18 à 20 %")}},
		{"fr", "900 millions à 1,2 milliard", []found{rng(900e6, 1.2e9, "number", "900 millions à 1,2 milliard")}},
		{"en", "2020-2021", []found{rng(2020, 2021, "number", "2020-2021")}},
		{"fr", "de 10 à 5", []found{n(10, "10"), n(5, "5")}},
		{"fr", "du 1er au 3", []found{ord(1, "1er"), n(3, "3")}},
		{"fr", "du 1er au 15 mars 2022", []found{rng(1, 15, "number", "1er au 15"), n(2022, "2022")}},
		{"en", "from 1 to 15 March 2022", []found{rng(1, 15, "number", "1 to 15"), n(2022, "2022")}},
		{"en", "11 - 12", []found{rng(11, 12, "number", "11 - 12")}},
		// Other languages use the English rules.
		{"de", "1,5 million", []found{n(1.5e6, "1,5 million")}},
		{"", "", nil},
	} {
		got := FindNumbers(tc.lang, tc.text)
		var gotC []found
		for _, g := range got {
			gotC = append(gotC, found{g.Value, g.Max, g.Kind, g.Text})
			if g.Offset < 0 || g.Offset+len(g.Text) > len(tc.text) || tc.text[g.Offset:g.Offset+len(g.Text)] != g.Text {
				t.Errorf("FindNumbers(%q, %q): Offset %d does not point at %q", tc.lang, tc.text, g.Offset, g.Text)
			}
		}
		if fmt.Sprint(gotC) != fmt.Sprint(tc.want) {
			t.Errorf("FindNumbers(%q, %q)\n got %v\nwant %v", tc.lang, tc.text, gotC, tc.want)
		}
	}
}

func TestFindNumbersOffsets(t *testing.T) {
	text := "Le Kazakhstan compte 20 millions d’habitants, soit 18 % de plus qu’en 2000."
	got := FindNumbers("fr", text)
	var offsets []string
	for _, g := range got {
		offsets = append(offsets, fmt.Sprintf("%d:%s", g.Offset, g.Text))
	}
	want := []string{"21:20 millions", "53:18 %", "74:2000"}
	if strings.Join(offsets, ",") != strings.Join(want, ",") {
		t.Errorf("offsets = %q, want %q", offsets, want)
	}
}

// TestFindNumbersTranslation compares a French sentence and its English
// translation, as the checker does.
func TestFindNumbersTranslation(t *testing.T) {
	fr := FindNumbers("fr", "En 2021, le PIB a atteint 190 milliards de dollars (+4,3 %), 29e rang mondial ; 11 à 12 millions d’actifs.")
	en := FindNumbers("en", "In 2021, GDP reached US$190 billion (+4.3%), 29th in the world; 11–12 million workers.")
	if len(fr) != len(en) {
		t.Fatalf("fr %v\nen %v", fr, en)
	}
	for i := range fr {
		if fr[i].Value != en[i].Value || fr[i].Max != en[i].Max || fr[i].Kind != en[i].Kind {
			t.Errorf("figure %d: fr %+v, en %+v", i, fr[i], en[i])
		}
	}
}

func FuzzFindNumbers(f *testing.F) {
	for _, s := range []string{"11 à 12 millions", "US$370 billion", "1er", "18 %", "1 000,5", "-$5", "€", "$$1", "1,", "entre  et",
		"1.200,5", "١٬٢٠٠٫٥", "٣", "۱۲", "https://x.org/1", "1.2.3", "2.1", "\u066b5", "1\u066c"} {
		for _, lang := range themeLangs {
			f.Add(lang, s)
		}
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		last := -1
		for _, g := range FindNumbers(lang, text) {
			if g.Offset <= last || g.Offset+len(g.Text) > len(text) || text[g.Offset:g.Offset+len(g.Text)] != g.Text || g.Text == "" {
				t.Fatalf("FindNumbers(%q, %q): bad %+v", lang, text, g)
			}
			if g.Max < g.Value {
				t.Fatalf("FindNumbers(%q, %q): Max < Value in %+v", lang, text, g)
			}
			last = g.Offset + len(g.Text) - 1
		}
	})
}

// FuzzNumberRoundTrip: what Locale.Number writes, FindNumbers reads back as
// one figure of the same value, in every language of the theme.
func FuzzNumberRoundTrip(f *testing.F) {
	for i := range themeLangs {
		f.Add(uint8(i), 1200.5)
		f.Add(uint8(i), -1234567.125)
		f.Add(uint8(i), 0.5)
	}
	f.Fuzz(func(t *testing.T, li uint8, v float64) {
		if math.IsNaN(v) || math.Abs(v) >= 1e12 {
			return
		}
		v = math.Round(v*1000) / 1000
		lang := themeLangs[int(li)%len(themeLangs)]
		text := LocaleOf(lang).Number(v)
		got := FindNumbers(lang, text)
		// Arabic writes a U+061C ARABIC LETTER MARK before the sign.
		if len(got) != 1 || math.Abs(got[0].Value-v) > 1e-9*math.Max(1, math.Abs(v)) || got[0].Text != strings.TrimPrefix(text, "\u061c") {
			t.Fatalf("FindNumbers(%q, Number(%v) = %q) = %+v", lang, v, text, got)
		}
	})
}
