package i18n

import (
	"math"
	"strings"
)

// scaleWord is a power of ten with its name in one language.
type scaleWord struct {
	value       float64
	one, plural string
}

// scaleWords returns the scale words of l from the smallest up.
func (l *Locale) scaleWords() []scaleWord {
	if l.french {
		return []scaleWord{
			{1e6, "million", "millions"},
			{1e9, "milliard", "milliards"},
			{1e12, "billion", "billions"},
		}
	}
	if w, ok := scaleWordsByBase[l.Base()]; ok {
		return w
	}
	return []scaleWord{
		{1e6, "million", "million"},
		{1e9, "billion", "billion"},
		{1e12, "trillion", "trillion"},
	}
}

// scaleWordsByBase are the scale words of the languages other than French
// and English: the long scale of German, Spanish, Italian (Milliarde,
// mil millones, miliardo for 10⁹), the short one of Brazilian Portuguese,
// and the usual abbreviations of Russian, Ukrainian and Kazakh, which need
// no plural.
var scaleWordsByBase = map[string][]scaleWord{
	"de": {{1e6, "Million", "Millionen"}, {1e9, "Milliarde", "Milliarden"}, {1e12, "Billion", "Billionen"}},
	"es": {{1e6, "millón", "millones"}, {1e9, "mil millones", "mil millones"}, {1e12, "billón", "billones"}},
	"it": {{1e6, "milione", "milioni"}, {1e9, "miliardo", "miliardi"}, {1e12, "bilione", "bilioni"}},
	"pt": {{1e6, "milhão", "milhões"}, {1e9, "bilhão", "bilhões"}, {1e12, "trilhão", "trilhões"}},
	"ru": {{1e6, "млн", "млн"}, {1e9, "млрд", "млрд"}, {1e12, "трлн", "трлн"}},
	"uk": {{1e6, "млн", "млн"}, {1e9, "млрд", "млрд"}, {1e12, "трлн", "трлн"}},
	"kk": {{1e6, "млн", "млн"}, {1e9, "млрд", "млрд"}, {1e12, "трлн", "трлн"}},
	"ar": {{1e6, "مليون", "مليون"}, {1e9, "مليار", "مليار"}, {1e12, "تريليون", "تريليون"}},
}

// Scaled formats a large count with a scale word, rounded to two decimals:
// fr 11_000_000 → "11 millions", 1_000_000 → "1 million", 1_500_000 →
// "1,5 million", 370_000_000_000 → "370 milliards", 1e12 → "1 billion";
// en "11 million", "1.5 million", "370 billion", "1 trillion". A U+00A0
// NO-BREAK SPACE keeps the number with its word. Below one million, Scaled is
// Number(v).
func (l *Locale) Scaled(v float64) string {
	s, _ := l.scaled(v)
	return s
}

// scaled is Scaled, also reporting whether a scale word was used.
func (l *Locale) scaled(v float64) (string, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) < 1e6 {
		return l.Number(v), false
	}
	words := l.scaleWords()
	var w scaleWord
	var x float64
	for _, w = range words {
		x = math.Round(v/w.value*100) / 100
		if math.Abs(x) < 1000 {
			break // else 999 999 999 would be "1 000 millions": say 1 milliard
		}
	}
	word := w.plural
	if math.Abs(x) < 2 { // French: "1,5 million", "2 millions"
		word = w.one
	}
	return l.Number(x) + "\u00a0" + word, true
}

// currencyWords names a currency in French: singular, plural.
func currencyWords(code string) (one, plural string, ok bool) {
	switch code {
	case "USD":
		return "dollar", "dollars", true
	case "EUR":
		return "euro", "euros", true
	case "KZT":
		return "tenge", "tenges", true
	}
	return "", "", false
}

// Money formats an amount of currency (an ISO 4217 code), scaling large
// amounts like Scaled. USD: fr "370 milliards de dollars", "500 dollars";
// en "US$370 billion", "US$500". EUR: fr "2 millions d’euros", en
// "€2 million". KZT: fr "5 milliards de tenges", en "5 billion tenge".
// Other currencies put the code after in French ("370 milliards GBP") and
// before in English ("GBP 370 billion").
func (l *Locale) Money(v float64, currency string) string {
	code := strings.ToUpper(currency)
	amount, isScaled := l.scaled(v)
	if l.french {
		one, many, ok := currencyWords(code)
		switch {
		case !ok:
			return amount + "\u00a0" + code
		case isScaled && strings.ContainsAny(many[:1], "aeiou"):
			return amount + " d’" + many
		case isScaled:
			return amount + " de " + many
		case math.Abs(v) < 2:
			return amount + "\u00a0" + one
		}
		return amount + "\u00a0" + many
	}
	var symbol string
	switch code {
	case "USD":
		symbol = "US$"
	case "EUR":
		symbol = "€"
	case "KZT":
		return amount + " tenge"
	default:
		symbol = code + "\u00a0"
	}
	if v < 0 {
		amount, _ = l.scaled(-v)
		return "-" + symbol + amount
	}
	return symbol + amount
}
