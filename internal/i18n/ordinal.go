package i18n

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Ordinal formats n as an ordinal number, choosing the suffix with the CLDR
// ordinal plural rules (plural.Ordinal.MatchPlural): fr "1er" (masculine),
// "2e", "29e"; en "1st", "2nd", "3rd", "4th", "11th", "21st", "101st",
// "111th"; de "29."; es and pt "29.º"; it "29º"; ru and uk "29-й"; kk
// "29-шы", "1-ші" (by vowel harmony with the number's last word); ar the
// bare number. Other languages use the English suffixes.
func (l *Locale) Ordinal(n int) string { return l.ordinal(n, false) }

// OrdinalFem is Ordinal with the feminine form: fr "1re", "2e"; en as
// Ordinal.
func (l *Locale) OrdinalFem(n int) string { return l.ordinal(n, true) }

// ordinal formats n with the masculine or feminine suffix.
func (l *Locale) ordinal(n int, fem bool) string {
	// The rules only look at the last digits and at whether n is 1, so
	// keep those and stay clear of overflow in -n.
	i := n % 1_000_000
	if i < 0 {
		i = -i
	}
	if n >= 1_000_000 || n <= -1_000_000 {
		i += 1_000_000
	}
	num := l.Number(float64(n))
	if l.french {
		switch {
		case plural.Ordinal.MatchPlural(l.tag, i, 0, 0, 0, 0) != plural.One:
			return num + "e"
		case fem:
			return num + "re"
		}
		return num + "er"
	}
	switch l.Base() {
	case "de":
		return num + "."
	case "es", "pt":
		return num + ".º"
	case "it":
		return num + "º"
	case "ru", "uk":
		return num + "-й"
	case "kk":
		return num + "-" + kazakhOrdinal(i%1_000_000)
	case "ar":
		return num
	}
	switch plural.Ordinal.MatchPlural(language.English, i, 0, 0, 0, 0) {
	case plural.One:
		return num + "st"
	case plural.Two:
		return num + "nd"
	case plural.Few:
		return num + "rd"
	}
	return num + "th"
}

// kazakhOrdinal is the Kazakh ordinal ending of n written in digits: "шы"
// after a number whose last word has back vowels (алты, тоғыз, он, отыз…),
// "ші" after front ones (бір, екі, бес, елу, жүз…).
func kazakhOrdinal(n int) string {
	// by units, then tens, then hundreds and thousands
	units := [10]string{"", "ші", "ші", "ші", "ші", "ші", "шы", "ші", "ші", "шы"}
	tens := [10]string{"", "шы", "шы", "шы", "шы", "ші", "шы", "ші", "ші", "шы"}
	switch {
	case n%10 != 0:
		return units[n%10]
	case n%100 != 0:
		return tens[n/10%10]
	case n%1000 != 0:
		return "ші" // жүз
	}
	return "шы" // мың, миллион
}
