package check

import (
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
)

// scaleSentences state 1.2 billion, 18 percent and 20 thousand with each
// language's own scale and percent words.
var scaleSentences = map[string]string{
	"en": "Investment reached 1.2 billion, 18 percent more, and 20 thousand jobs.\n",
	"fr": "L’investissement a atteint 1,2 milliard, 18 pour cent de plus, et 20 mille emplois.\n",
	"de": "Die Investitionen erreichten 1,2 Mrd., 18 Prozent mehr, und 20 Tsd. Stellen.\n",
	"es": "La inversión alcanzó 1,2 mil millones, un 18 por ciento más, y 20 mil empleos.\n",
	"it": "Gli investimenti hanno raggiunto 1,2 miliardi, il 18 per cento in più, e 20 mila posti.\n",
	"pt": "O investimento atingiu 1,2 bilhão, 18 por cento a mais, e 20 mil empregos.\n",
	"ru": "Инвестиции достигли 1,2 млрд, на 18 процентов больше, и 20 тысяч рабочих мест.\n",
	"uk": "Інвестиції сягнули 1,2 мільярда, на 18 відсотків більше, і 20 тис. робочих місць.\n",
	"kk": "Инвестиция 1,2 млрд жетті, 18 пайызға көп, және 20 мың жұмыс орны.\n",
	"ar": "بلغت الاستثمارات ١٫٢ مليار، بزيادة ١٨ في المئة، و٢٠ ألف وظيفة.\n",
}

// TestNumbersScaleWordsEveryPair: the same figures with each language's
// scale and percent words give no error, whichever two of the ten
// languages a site pairs, in either order.
func TestNumbersScaleWordsEveryPair(t *testing.T) {
	langs := []string{"ar", "de", "en", "es", "fr", "it", "kk", "pt", "ru", "uk"}
	for _, a := range langs {
		for _, b := range langs {
			if a == b {
				continue
			}
			if got := figureErrors(t, []string{a, b}, scaleSentences[a], scaleSentences[b]); len(got) > 0 {
				t.Errorf("%s/%s: %q", a, b, got)
			}
		}
	}
}

// TestNumbersScaleWordsMismatch: a wrong scale or percentage is still
// reported, on both sides.
func TestNumbersScaleWordsMismatch(t *testing.T) {
	for _, tc := range []struct {
		langs   []string
		src, tr string
		want    []string
	}{
		{[]string{"de", "en"}, "Es sind 1,2 Mrd. Euro.\n", "It is 1.2 million euros.\n", []string{
			`content/de/p.md:5:9: figure "1,2 Mrd" has no counterpart in content/en/p.md`,
			`content/en/p.md:6:7: figure "1.2 million euros" has no counterpart in content/de/p.md`}},
		{[]string{"ru", "uk"}, "Рост на 18 процентов.\n", "Зростання на 19 відсотків.\n", []string{
			`content/ru/p.md:5:9: figure "18 процентов" has no counterpart in content/uk/p.md`,
			`content/uk/p.md:6:14: figure "19 відсотків" has no counterpart in content/ru/p.md`}},
		{[]string{"ar", "fr"}, "بلغ ٣ مليارات.\n", "Il a atteint 3 millions.\n", []string{
			`content/ar/p.md:5:5: figure "٣ مليارات" has no counterpart in content/fr/p.md`,
			`content/fr/p.md:6:14: figure "3 millions" has no counterpart in content/ar/p.md`}},
	} {
		if got := figureErrors(t, tc.langs, tc.src, tc.tr); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%v %q / %q:\n got %q\nwant %q", tc.langs, tc.src, tc.tr, got, tc.want)
		}
	}
}

// figureErrors checks a site of one page, src in langs[0] and its
// translation tr in langs[1], and returns the figure errors.
func figureErrors(t *testing.T, langs []string, src, tr string) []string {
	t.Helper()
	in := mustInputLangs(t, langs, map[string]string{
		"content/" + langs[0] + "/p.md": md(pageFront, src),
		"content/" + langs[1] + "/p.md": md(pageFront+"translation_of: "+content.BodyHash([]byte(src))+"\n", tr),
	})
	var got []string
	for _, e := range Run(in).Errors {
		if strings.Contains(e.Msg, "figure") {
			got = append(got, e.Pos.String()+": "+e.Msg)
		}
	}
	return got
}
