package i18n

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestFindNumbersScaleAndPercentWords reads each language's scale and
// percent words, abbreviations and inflected forms included.
func TestFindNumbersScaleAndPercentWords(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []found
	}{
		// English and French keep their words.
		{"en", "1.2 billion and 5 thousand", []found{n(1.2e9, "1.2 billion"), n(5e3, "5 thousand")}},
		{"fr", "1,2 milliard et 3 Mds", []found{n(1.2e9, "1,2 milliard"), n(3e9, "3 Mds")}},
		{"fr", "18 pour cent", []found{pct(18, "18 pour cent")}},
		// German: long scale, abbreviations with a point.
		{"de", "1,2 Mrd. Euro", []found{n(1.2e9, "1,2 Mrd")}},
		{"de", "3 Millionen und 1 Million", []found{n(3e6, "3 Millionen"), n(1e6, "1 Million")}},
		{"de", "4,5 Mio. Menschen", []found{n(4.5e6, "4,5 Mio")}},
		{"de", "2 Milliarden", []found{n(2e9, "2 Milliarden")}},
		{"de", "1 Billion", []found{n(1e12, "1 Billion")}},
		{"de", "20 Tsd. und 7 Tausend", []found{n(20e3, "20 Tsd"), n(7e3, "7 Tausend")}},
		{"de", "18 Prozent", []found{pct(18, "18 Prozent")}},
		{"de", "5 Bio-Läden", []found{n(5, "5")}}, // organic, not 10¹²
		{"de", "18 %", []found{pct(18, "18 %")}},
		{"de", "2 Prozentpunkte", []found{n(2, "2")}},
		// Spanish: "mil millones" is 10⁹, billón 10¹².
		{"es", "1,2 mil millones", []found{n(1.2e9, "1,2 mil millones")}},
		{"es", "3 millones y 1 millón", []found{n(3e6, "3 millones"), n(1e6, "1 millón")}},
		{"es", "20 mil personas", []found{n(20e3, "20 mil")}},
		{"es", "2 billones", []found{n(2e12, "2 billones")}},
		{"es", "18 por ciento", []found{pct(18, "18 por ciento")}},
		// Italian.
		{"it", "1,2 miliardi e 1 miliardo", []found{n(1.2e9, "1,2 miliardi"), n(1e9, "1 miliardo")}},
		{"it", "3 milioni, 5 mln, 20 mila", []found{n(3e6, "3 milioni"), n(5e6, "5 mln"), n(20e3, "20 mila")}},
		{"it", "18 per cento e 7 percento", []found{pct(18, "18 per cento"), pct(7, "7 percento")}},
		// Portuguese: Brazilian bilhão 10⁹, European bilião 10¹².
		{"pt", "1,2 bilhão e 3 bilhões", []found{n(1.2e9, "1,2 bilhão"), n(3e9, "3 bilhões")}},
		{"pt", "1,2 mil milhões", []found{n(1.2e9, "1,2 mil milhões")}},
		{"pt", "2 biliões", []found{n(2e12, "2 biliões")}},
		{"pt", "5 milhões e R$ 2 mi", []found{n(5e6, "5 milhões"), n(2e6, "2 mi")}},
		{"pt", "18 por cento", []found{pct(18, "18 por cento")}},
		// Russian: inflected words and abbreviations.
		{"ru", "1,2 млрд рублей", []found{n(1.2e9, "1,2 млрд")}},
		{"ru", "5 миллионов и 2 миллиона", []found{n(5e6, "5 миллионов"), n(2e6, "2 миллиона")}},
		{"ru", "3 тыс. и 4 тысячи", []found{n(3e3, "3 тыс"), n(4e3, "4 тысячи")}},
		{"ru", "1 триллион, 2 трлн", []found{n(1e12, "1 триллион"), n(2e12, "2 трлн")}},
		{"ru", "18 процентов, 2 процента", []found{pct(18, "18 процентов"), pct(2, "2 процента")}},
		// Ukrainian.
		{"uk", "1,2 мільярда і 5 млн", []found{n(1.2e9, "1,2 мільярда"), n(5e6, "5 млн")}},
		{"uk", "3 тисячі", []found{n(3e3, "3 тисячі")}},
		{"uk", "18 відсотків і 1 відсоток", []found{pct(18, "18 відсотків"), pct(1, "1 відсоток")}},
		// Kazakh: suffixes after the stem.
		{"kk", "1,2 млрд теңге", []found{n(1.2e9, "1,2 млрд")}},
		{"kk", "5 миллионға жуық", []found{n(5e6, "5 миллионға")}},
		{"kk", "20 мың адам", []found{n(20e3, "20 мың")}},
		{"kk", "18 пайыз, 7 пайызға", []found{pct(18, "18 пайыз"), pct(7, "7 пайызға")}},
		// Arabic, with Arabic-Indic or ASCII digits.
		{"ar", "١٫٢ مليار دولار", []found{n(1.2e9, "١٫٢ مليار")}},
		{"ar", "3 مليارات و5 ملايين", []found{n(3e9, "3 مليارات"), n(5e6, "5 ملايين")}},
		{"ar", "٢٠ ألف شخص", []found{n(20e3, "٢٠ ألف")}},
		{"ar", "١٨ في المئة و٧ بالمائة", []found{pct(18, "١٨ في المئة"), pct(7, "٧ بالمائة")}},
		{"ar", "١٨٪", []found{pct(18, "١٨٪")}},
		// A language reads its own words, not another's.
		{"de", "1,5 Milliarden", []found{n(1.5e9, "1,5 Milliarden")}},
		{"ru", "5 Prozent", []found{n(5, "5")}},
		{"en", "5 Prozent", []found{n(5, "5")}},
		// Languages without a table read English words.
		{"ja", "1.2 billion", []found{n(1.2e9, "1.2 billion")}},
		{"ar", "وقال 5", []found{n(5, "5")}},
		{"ar", "كل5", nil},
	} {
		var got []found
		for _, g := range FindNumbers(tc.lang, tc.text) {
			got = append(got, found{g.Value, g.Max, g.Kind, g.Text})
			if tc.text[g.Offset:g.Offset+len(g.Text)] != g.Text {
				t.Errorf("FindNumbers(%q, %q): Offset %d does not point at %q", tc.lang, tc.text, g.Offset, g.Text)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("FindNumbers(%q, %q)\n got %v\nwant %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// parallel says 1.2 billion, 18 percent and 5 million in each language,
// as a writer of that language would.
var parallel = map[string]string{
	"en": "GDP reached 1.2 billion, up 18 percent, with 5 million users.",
	"fr": "Le PIB a atteint 1,2 milliard, en hausse de 18 pour cent, avec 5 millions d’utilisateurs.",
	"de": "Das BIP erreichte 1,2 Mrd., ein Plus von 18 Prozent, mit 5 Millionen Nutzern.",
	"es": "El PIB alcanzó 1,2 mil millones, un 18 por ciento más, con 5 millones de usuarios.",
	"it": "Il PIL ha raggiunto 1,2 miliardi, in crescita del 18 per cento, con 5 milioni di utenti.",
	"pt": "O PIB atingiu 1,2 bilhão, alta de 18 por cento, com 5 milhões de usuários.",
	"ru": "ВВП достиг 1,2 млрд, рост на 18 процентов, 5 миллионов пользователей.",
	"uk": "ВВП досяг 1,2 мільярда, зростання на 18 відсотків, 5 млн користувачів.",
	"kk": "ЖІӨ 1,2 млрд жетті, 18 пайызға өсті, 5 миллион пайдаланушы.",
	"ar": "بلغ الناتج ١٫٢ مليار، بزيادة ١٨ في المئة، مع ٥ ملايين مستخدم.",
}

// TestFindNumbersParallelPairs: the same figures written in each of the
// ten languages read as the same values, so every pair compares.
func TestFindNumbersParallelPairs(t *testing.T) {
	want := []float64{1.2e9, 18, 5e6}
	for _, lang := range themeLangs {
		text, ok := parallel[lang]
		if !ok {
			t.Fatalf("no parallel text for %s", lang)
		}
		var got []float64
		for _, g := range FindNumbers(lang, text) {
			got = append(got, g.Value)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: FindNumbers(%q) values = %v, want %v", lang, text, got, want)
		}
	}
}

// FuzzScaledRoundTrip: what Locale.Scaled and Locale.Percent write,
// FindNumbers reads back as one figure of the same value, in every
// language of the theme.
func FuzzScaledRoundTrip(f *testing.F) {
	for i := range themeLangs {
		f.Add(uint8(i), 1.2e9)
		f.Add(uint8(i), 11e6)
		f.Add(uint8(i), 3.75e12)
		f.Add(uint8(i), -2.5e6)
	}
	f.Fuzz(func(t *testing.T, li uint8, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e15 {
			return
		}
		lang := themeLangs[int(li)%len(themeLangs)]
		l := LocaleOf(lang)
		text := l.Scaled(v)
		got := FindNumbers(lang, text)
		// Scaled rounds to two decimals of its scale word.
		if len(got) != 1 || math.Abs(got[0].Value-v) > 0.006*math.Max(math.Abs(v), 1e6) || got[0].Text != strings.TrimPrefix(text, "\u061c") {
			t.Fatalf("FindNumbers(%q, Scaled(%v) = %q) = %+v", lang, v, text, got)
		}
		p := math.Round(v) / 1e6
		ptext := l.Percent(p)
		got = FindNumbers(lang, ptext)
		if len(got) != 1 || got[0].Kind != "percent" || math.Abs(got[0].Value-p) > 1e-3*math.Max(1, math.Abs(p)) {
			t.Fatalf("FindNumbers(%q, Percent(%v) = %q) = %+v", lang, p, ptext, got)
		}
	})
}

// FuzzFindNumbersWords seeds every language with its own scale and percent
// words (the finder must never panic, and its offsets must hold).
func FuzzFindNumbersWords(f *testing.F) {
	for _, lang := range themeLangs {
		f.Add(lang, parallel[lang])
		for _, x := range LocaleOf(lang).numberWords().scales {
			f.Add(lang, "1,2 "+x.word+" 3 "+x.word+"ов")
		}
		for _, x := range LocaleOf(lang).numberWords().percent {
			f.Add(lang, "18 "+x.word+"a и 2–3 "+x.word)
		}
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		last := -1
		for _, g := range FindNumbers(lang, text) {
			if g.Offset <= last || g.Offset+len(g.Text) > len(text) || text[g.Offset:g.Offset+len(g.Text)] != g.Text || g.Text == "" || g.Max < g.Value {
				t.Fatalf("FindNumbers(%q, %q): bad %+v", lang, text, g)
			}
			last = g.Offset + len(g.Text) - 1
		}
	})
}
