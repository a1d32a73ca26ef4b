package check

import (
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
)

// factsTOML is the registry of the fact tests; [facts.unused] is on line 23.
const factsTOML = `[sources.s]
title = { fr = "S", en = "S" }
[facts.fdi]
kind = "money"
value = 370_000_000_000
currency = "USD"
source = "s"
label = { fr = "IDE", en = "FDI" }
[facts.users]
kind = "count"
min = 11_000_000
max = 12_000_000
label = { fr = "Utilisateurs", en = "Users" }
[facts.pct]
kind = "percent"
value = 18
qualifier = "more-than"
label = { fr = "Part", en = "Share" }
[facts.rank]
kind = "rank"
value = 29
of = 193
label = { fr = "Rang", en = "Rank" }
[facts.claim]
kind = "claim"
label = { fr = "Affirmation", en = "Claim" }
`

// unusedTOML adds a fact that no page lists, on line 27.
const unusedTOML = `[facts.unused]
kind = "count"
value = 5
label = { fr = "Inutilisé", en = "Unused" }
`

// Page bodies start on line 6: ---, title, description, facts, ---.
func TestFactsAndNumbers(t *testing.T) {
	for _, tc := range []struct {
		name             string
		frFacts, enFacts string
		fr, en           string
		extra            string
		errs, warns      []string
	}{
		{
			name:    "contradicting translation",
			frFacts: "[fdi]", enFacts: "[fdi]",
			fr: "Le pays a attiré 370 milliards de dollars.\n",
			en: "The country drew 307 billion US dollars.\n",
			errs: []string{
				`content/en/p.md:4:9: fact "fdi" (370000000000) is listed but its figure is not in the text; the text has "307 billion US dollars"; fix the figure`,
				`content/en/p.md:6:18: figure "307 billion US dollars" has no counterpart in content/fr/p.md`,
				`content/fr/p.md:6:18: figure "370 milliards de dollars" has no counterpart in content/en/p.md`,
			},
		},
		{
			name:    "same figures, each language's way",
			frFacts: "[fdi, users, pct, rank, claim]", enFacts: "[fdi, users, pct, rank, claim]",
			fr: "Plus de 18\u00a0% du total ; 29e sur 193 ; 11 à 12 millions d’utilisateurs ;\n370 milliards de dollars depuis le 16 décembre 1991, soit 1 234,5 par jour.\n",
			en: "More than 18% of the total; 29th of 193; 11 to 12 million users;\nUS$370 billion since 16 December 1991, or 1,234.5 a day.\n",
		},
		{
			name:    "figure written nowhere",
			frFacts: "[pct]", enFacts: "[pct]",
			fr: "Rien ici.\n", en: "Nothing here.\n",
			errs: []string{
				`content/en/p.md:4:9: fact "pct" (18%) is listed but its figure is not in the text; state the figure`,
				`content/fr/p.md:4:9: fact "pct" (18%) is listed but its figure is not in the text; state the figure`,
			},
		},
		{
			name:    "a percent fact needs a percentage",
			frFacts: "[pct]", enFacts: "[pct]",
			fr: "18 entreprises.\n", en: "18 companies.\n",
			errs: []string{
				`content/en/p.md:4:9: fact "pct" (18%) is listed but its figure is not in the text`,
				`content/fr/p.md:4:9: fact "pct" (18%) is listed but its figure is not in the text`,
			},
		},
		{
			name:    "a range needs both ends",
			frFacts: "[users]", enFacts: "[users]",
			fr: "11 millions d’utilisateurs.\n", en: "11 million users.\n",
			errs: []string{
				`content/en/p.md:4:9: fact "users" (11000000–12000000) is listed but its figure is not in the text; the text has "11 million"`,
				`content/fr/p.md:4:9: fact "users" (11000000–12000000) is listed but its figure is not in the text; the text has "11 millions"`,
			},
		},
		{
			name:    "claims have no figure to find",
			frFacts: "[claim]", enFacts: "[claim]",
			fr: "Une affirmation.\n", en: "A claim.\n",
		},
		{
			name:    "fact lists differ",
			frFacts: "[fdi, pct]", enFacts: "[fdi, rank]",
			fr: "370 milliards de dollars, plus de 18 %, 29e.\n", en: "US$370 billion, more than 18%, 29th.\n",
			errs: []string{
				`content/en/p.md:1:1: facts: lacks "pct", which content/fr/p.md lists`,
				`content/en/p.md:4:14: fact "rank" is listed here but not in content/fr/p.md`,
			},
		},
		{
			name:    "a fact no page lists",
			frFacts: "[]", enFacts: "[]",
			fr: "Texte.\n", en: "Text.\n",
			extra: unusedTOML,
			warns: []string{`content/facts.toml:27:1: fact "unused" is listed by no page`},
		},
		{
			name:    "footnote references, list numbers and code are not figures",
			frFacts: "[]", enFacts: "[]",
			fr: "1. premier\n2. second\n\nUne note[^1] et `42`.\n\n```\n99\n```\n\n[^1]: Voir le rapport de 2021.\n",
			en: "1. first\n2. second\n\nA note[^1] and `7`.\n\n```\n5\n```\n\n[^1]: See the 2021 report.\n",
		},
		{
			name:    "years are figures too",
			frFacts: "[]", enFacts: "[]",
			fr: "Entrée en bourse en 2020.\n", en: "Listed in 2021.\n",
			errs: []string{
				`content/en/p.md:6:11: figure "2021" has no counterpart in content/fr/p.md`,
				`content/fr/p.md:6:21: figure "2020" has no counterpart in content/en/p.md`,
			},
		},
		{
			name:    "a day written as an ordinal matches",
			frFacts: "[]", enFacts: "[]",
			fr: "Le 1er décembre.\n", en: "On 1 December.\n",
		},
		{
			name:    "a range matches its two ends written apart",
			frFacts: "[]", enFacts: "[]",
			fr: "De 11 à 12 millions.\n", en: "At least 11 million, at most 12 million.\n",
		},
		{
			name:    "a repeated figure is placed at its own occurrence",
			frFacts: "[]", enFacts: "[]",
			fr: "Ligne 5.\n\nEncore 5 et 6.\n", en: "Line 5.\n\nAgain 5 and 7.\n",
			errs: []string{
				`content/en/p.md:8:13: figure "7" has no counterpart in content/fr/p.md`,
				`content/fr/p.md:8:13: figure "6" has no counterpart in content/en/p.md`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := mustInput(t, map[string]string{
				"content/facts.toml": factsTOML + tc.extra,
				"content/fr/p.md":    md(pageFront+"facts: "+tc.frFacts+"\n", tc.fr),
				"content/en/p.md":    md(pageFront+"facts: "+tc.enFacts+"\n", tc.en),
				// all.md lists every fact, so only "unused" is unused.
				"content/fr/all.md": md(pageFront+"facts: [fdi, users, pct, rank, claim]\n",
					"370 milliards de dollars ; 11 à 12 millions ; 18 % ; 29e.\n"),
				"content/en/all.md": md(pageFront+"facts: [fdi, users, pct, rank, claim]\n",
					"US$370 billion; 11 to 12 million; 18%; 29th.\n"),
			})
			r := Run(in)
			wantLines(t, "errors", r.Errors, tc.errs)
			wantLines(t, "warnings", r.Warnings, tc.warns)
		})
	}
}

func TestStated(t *testing.T) {
	fdi := &content.Fact{Kind: content.KindMoney, Value: 370e9, Currency: "USD"}
	users := &content.Fact{Kind: content.KindCount, Min: 11e6, Max: 12e6}
	claim := &content.Fact{Kind: content.KindClaim}
	for _, tc := range []struct {
		f          *content.Fact
		lang, text string
		want       bool
	}{
		{fdi, "fr", "370 milliards de dollars", true},
		{fdi, "fr", "370 Mds $", true},
		{fdi, "en", "US$370 billion", true},
		{fdi, "en", "370bn", true},
		{fdi, "en", "307 billion", false},
		{fdi, "en", "370 million", false},
		{users, "fr", "entre 11 et 12 millions", true},
		{users, "en", "11–12 million", true},
		{users, "en", "12 million", false},
		{claim, "en", "anything 1", false},
	} {
		if got := Stated(tc.f, tc.lang, tc.text); got != tc.want {
			t.Errorf("Stated(%v, %s, %q) = %v, want %v", tc.f.Value+tc.f.Min, tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestNumbersInFrontMatter: titles and descriptions are compared too, with
// the prose, and reported on the file's first line.
func TestNumbersInFrontMatter(t *testing.T) {
	in := mustInput(t, map[string]string{
		"content/fr/p.md": md("title: 370 milliards de dollars en 30 ans\ndescription: Trente ans d’investissements.\n", "Au total, 370 milliards de dollars.\n"),
		"content/en/p.md": md("title: 307 billion dollars in 30 years\ndescription: Thirty years, 2021 edition.\n", "In all, US$370 billion.\n"),
	})
	r := Run(in)
	wantLines(t, "errors", r.Errors, []string{
		`content/en/p.md:1:1: figure "2021" of the description has no counterpart in content/fr/p.md`,
		`content/en/p.md:1:1: figure "307 billion dollars" of the title has no counterpart in content/fr/p.md`,
	})
}

// TestNumbersPerLocale: figures are read in each language's format and
// compared by value; the same token on both sides, versions and URLs are
// never reported.
func TestNumbersPerLocale(t *testing.T) {
	for _, tc := range []struct {
		langs    []string
		src, tr  string
		wantErrs []string
	}{
		{[]string{"de", "en"}, "Der Turm ist 1.200 m hoch, 1.200,5 m genau.\n", "The tower is 1,200 m high, 1,200.5 m exactly.\n", nil},
		{[]string{"ru", "en"}, "Высота 1 200,5 м.\n", "Height 1,200.5 m.\n", nil},
		{[]string{"ar", "en"}, "الارتفاع ١٬٢٠٠٫٥ متر.\n", "Height 1,200.5 m.\n", nil},
		{[]string{"de", "es"}, "Es sind 1.200 Meter.\n", "Son 1.300 metros.\n", []string{
			`content/de/p.md:5:9: figure "1.200" has no counterpart in content/es/p.md`,
			`content/es/p.md:6:5: figure "1.300" has no counterpart in content/de/p.md`}},
		{[]string{"de", "en"}, "Nach WCAG 2.1 und Version 1.2.3, siehe https://x.org/2021/7.\n", "Under WCAG 2.1 and version 1.2.3, see https://x.org/2021/7.\n", nil},
		{[]string{"kk", "ru"}, "Үлесі 18,5 %.\n", "Доля 18,5 %.\n", nil},
	} {
		in := mustInputLangs(t, tc.langs, map[string]string{
			"content/" + tc.langs[0] + "/p.md": md(pageFront, tc.src),
			"content/" + tc.langs[1] + "/p.md": md(pageFront+"translation_of: "+content.BodyHash([]byte(tc.src))+"\n", tc.tr),
		})
		r := Run(in)
		var got []string
		for _, e := range r.Errors {
			if strings.Contains(e.Msg, "figure") {
				got = append(got, e.Pos.String()+": "+e.Msg)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tc.wantErrs, "\n") {
			t.Errorf("%v %q / %q:\n got %q\nwant %q", tc.langs, tc.src, tc.tr, got, tc.wantErrs)
		}
	}
}
