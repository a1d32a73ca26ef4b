package i18n

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Found is a figure a reader sees in a text.
type Found struct {
	Value  float64 // the figure with its scale word applied: "11 millions" is 11e6
	Max    float64 // the upper end of a range; Value when not a range
	Kind   string  // "number", "percent", "ordinal" or "money"
	Text   string  // the figure as written, scale and currency words included
	Offset int     // byte offset of Text in the text
}

// FindNumbers lists, in order, the figures a reader sees in plain text of
// lang, so a checker can compare a page with its translation:
//
//   - numbers: "100 000" (groups of three digits after a space, U+00A0,
//     U+202F or U+2009; in English also a comma: "100,000"), decimals with
//     the language's mark ("1,5" in French, "1.5" otherwise), a sign - − +;
//   - percent: "18 %", "18%", "18 pour cent", "18 percent", and each
//     language's words (numbers_words.go): "18 Prozent", "18 por ciento",
//     "18 per cento", "18 процентов", "18 відсотків", "18 пайыз",
//     "18 في المئة";
//   - ordinal: fr "1er", "1re", "2e", "2nd", "2de", "3ème", "1ᵉʳ"; en "1st",
//     "2nd", "3rd", "29th". An ordinal next to a month name ("1er décembre",
//     "December 1st") is a day: Kind "number";
//   - scale words multiply the value, in each language's words and
//     abbreviations (numbers_words.go): fr "11 millions", "370 milliards",
//     "1 billion" (10¹²), "Md"/"Mds"; en "11 million", "1.5 million",
//     "370 billion", "1 trillion", "370bn"; de "1,2 Mrd.", "3 Millionen";
//     es "1,2 mil millones"; it "1,2 miliardi"; pt "1,2 bilhão"; ru
//     "1,2 млрд", "5 тысяч"; uk "1,2 мільярда"; kk "1,2 млрд"; ar
//     "1,2 مليار";
//   - money: a currency before ("US$370 billion", "$370 billion",
//     "€5 million", "USD 5") or after ("370 milliards de dollars",
//     "2 millions d’euros", "370 billion US dollars", "500 $"), for the
//     dollar, euro, tenge and pound;
//   - ranges "11 à 12 millions", "11 to 12 million", "11–12 million",
//     "entre 11 et 12 millions", "between 11 and 12 million": Value is the
//     low end, Max the high end; a scale or currency written once applies to
//     both; "du 1er au 15 mars" is the range of days 1–15. When the second
//     figure is smaller, the two are separate figures.
//
// Years and days are plain numbers. Digits inside a word ("Web3", "4G",
// "COVID-19", "14h30", "v1.2") are not figures, nor are codes of three or
// more digit runs joined by hyphens ("2021-12-16", "978-2-07-036822-8"),
// version-like tokens (digits joined by points that are neither the
// language's decimal mark nor its groups of three: "1.2.3" anywhere, "2.1"
// in German or French), or anything inside a URL ("https://x.org/2021",
// "www.x.org/a1").
//
// Number formats are those of the language (CLDR, via x/text): the group
// separator is a space in any language, and also "," in English, "." in
// German, Spanish, Italian, Portuguese…; the decimal mark is "," or "." as
// the language writes it: de "1.200,5", fr and ru "1 200,5", en "1,200.5".
// Arabic-Indic and Extended Arabic-Indic digits (٠-٩, ۰-۹) and the Arabic
// separators ٫ ٬ read as their ASCII counterparts; Text and Offset still
// refer to the text as written. Scale and percent words are those of the
// language (fr, en, de, es, it, pt, ru, uk, kk, ar; English for any
// other); currencies, ordinals, months and range words are French for
// French and English for every other language.
func FindNumbers(lang, text string) []Found {
	norm, at := asciiDigits(text)
	loc := LocaleOf(lang)
	group, mark := loc.numberMarks()
	f := finder{s: norm, fr: isFrench(lang), nw: loc.numberWords(), group: group, mark: mark}
	out := f.find()
	if at != nil {
		for k := range out {
			start, end := at[out[k].Offset], at[out[k].Offset+len(out[k].Text)]
			out[k].Offset, out[k].Text = start, text[start:end]
		}
	}
	return out
}

// find lists the figures of f.s.
func (f *finder) find() []Found {
	text := f.s
	var out []Found
	for i := 0; i < len(text); {
		if e := f.urlEnd(i); e > i {
			i = e
			continue
		}
		if f.canStart(i) && !f.codeAt(i) {
			if a, ok := f.figure(i); ok {
				found, end := f.withRange(a)
				out = append(out, found)
				i = end
				continue
			}
		}
		if r, size := f.rune(i); isWordRune(r) && f.arabicPrefixAt(i) {
			i += size // "و5": the figure starts after the letter
		} else if isWordRune(r) {
			i = f.skipWord(i)
		} else {
			i += size
		}
	}
	return out
}

// isFrench reports whether lang is a French language code.
func isFrench(lang string) bool {
	tag, err := language.Parse(lang)
	if err != nil {
		return false
	}
	base, _ := tag.Base()
	return base.String() == "fr"
}

// finder scans one text for figures.
type finder struct {
	s     string
	fr    bool         // French ordinals, months, currencies and ranges; English otherwise
	nw    *numberWords // the language's scale and percent words
	group rune         // group separator besides spaces: ',' or '.', 0 for none
	mark  byte         // decimal mark: '.' or ','
}

// urlEnd returns the end of the URL that starts at i ("http://…",
// "https://…", "www.…", up to the next space), or i when none does.
func (f *finder) urlEnd(i int) int {
	if prev, _ := f.runeBefore(i); isWordRune(prev) {
		return i
	}
	rest := f.s[i:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return i
	}
	for i < len(f.s) {
		r, size := f.rune(i)
		if isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// hasPrefixFold is strings.HasPrefix without case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// asciiDigits returns text with Arabic-Indic and Extended Arabic-Indic
// digits made ASCII, the Arabic percent sign U+066A made '%', the Arabic
// decimal separator U+066B made '.' and the Arabic thousands separator
// U+066C made ','. at maps each byte offset of
// the result (and its end) to the offset in text; it is nil when text has
// none of them and comes back as is.
func asciiDigits(text string) (string, []int) {
	if !strings.ContainsFunc(text, isArabicNumeric) {
		return text, nil
	}
	var b strings.Builder
	at := make([]int, 0, len(text)+1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isArabicNumeric(r) {
			switch {
			case r == '\u066a':
				b.WriteByte('%')
			case r == '\u066b':
				b.WriteByte('.')
			case r == '\u066c':
				b.WriteByte(',')
			case r >= '\u06f0':
				b.WriteByte(byte('0' + r - '\u06f0'))
			default:
				b.WriteByte(byte('0' + r - '\u0660'))
			}
			at = append(at, i)
			i += size
			continue
		}
		for k := 0; k < size; k++ {
			at = append(at, i+k)
		}
		b.WriteString(text[i : i+size])
		i += size
	}
	at = append(at, len(text))
	return b.String(), at
}

// isArabicNumeric reports whether r is an Arabic-script digit, percent
// sign or number separator.
func isArabicNumeric(r rune) bool {
	return '\u0660' <= r && r <= '\u066c' || '\u06f0' <= r && r <= '\u06f9'
}

// figure is one figure before range handling.
type figure struct {
	start, end int
	digits     string // "-1.5": sign, digits and decimal point
	exp        int    // power of ten of the scale word, 0 when none
	scaled     bool
	kind       string
}

// value is the figure with its scale applied.
func (g figure) value() float64 { return decimalValue(g.digits, g.exp) }

func decimalValue(digits string, exp int) float64 {
	v, _ := strconv.ParseFloat(digits+"e"+strconv.Itoa(exp), 64)
	return v
}

// rune returns the rune at byte offset i (RuneError, 0 past the end).
func (f *finder) rune(i int) (rune, int) {
	if i >= len(f.s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(f.s[i:])
}

// runeBefore returns the rune ending at byte offset i (RuneError, 0 at the
// start).
func (f *finder) runeBefore(i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(f.s[:i])
}

// canStart reports whether a figure may start at i: not inside a word
// ("Web3"), not after a hyphen joined to a word ("COVID-19"), not after the
// decimal mark of a number already read.
func (f *finder) canStart(i int) bool {
	prev, size := f.runeBefore(i)
	if isWordRune(prev) && f.arabicPrefixAt(i-size) {
		return true
	}
	if isWordRune(prev) || prev == '_' || unicode.Is(unicode.M, prev) {
		return false
	}
	prev2, _ := f.runeBefore(i - size)
	switch prev {
	case '-', '‑':
		return !unicode.IsLetter(prev2)
	case '.', ',':
		return !unicode.IsDigit(prev2)
	}
	return true
}

// arabicPrefixAt reports whether the rune at i is a one-letter Arabic
// prefix (و and, ف then, ب with, ل for, ك as) written against a figure:
// "و٣" is "and 3".
func (f *finder) arabicPrefixAt(i int) bool {
	r, size := f.rune(i)
	if !strings.ContainsRune("وفبلك", r) {
		return false
	}
	if prev, _ := f.runeBefore(i); unicode.IsLetter(prev) || unicode.Is(unicode.M, prev) {
		return false
	}
	return i+size < len(f.s) && '0' <= f.s[i+size] && f.s[i+size] <= '9'
}

// codeAt reports whether three or more runs of digits joined by hyphens
// start at i: an ISO date, an ISBN or a phone number, not figures.
func (f *finder) codeAt(i int) bool {
	parts := 0
	for {
		e := f.digitsEnd(i)
		if e == i {
			return false
		}
		if parts++; parts == 3 {
			return true
		}
		if e >= len(f.s) || f.s[e] != '-' {
			return false
		}
		i = e + 1
	}
}

// skipWord returns the end of the word at i, joined parts included
// ("COVID-19", "v1.2.3", "14h30").
func (f *finder) skipWord(i int) int {
	for i < len(f.s) {
		r, size := f.rune(i)
		switch {
		case isWordRune(r) || unicode.Is(unicode.M, r):
			i += size
		case strings.ContainsRune("-‑_.,", r):
			if next, _ := f.rune(i + size); !isWordRune(next) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

// isSpace reports whether r separates words.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\u202f', '\u2009', '\t', '\n', '\r':
		return true
	}
	return false
}

// skipSpaces returns the offset after at most two spaces from i.
func (f *finder) skipSpaces(i int) int {
	for n := 0; n < 2; n++ {
		r, size := f.rune(i)
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// word returns the end of w at i, compared without case, if w is a whole
// word there (no letter or digit right after it); a space in w stands for
// any one space. It returns 0 otherwise.
func (f *finder) word(i int, w string) int {
	for _, part := range strings.SplitAfter(w, " ") {
		part, spaced := strings.CutSuffix(part, " ")
		if len(f.s)-i < len(part) || !strings.EqualFold(f.s[i:i+len(part)], part) {
			return 0
		}
		i += len(part)
		if spaced {
			r, size := f.rune(i)
			if !isSpace(r) {
				return 0
			}
			i += size
		}
	}
	if r, _ := f.rune(i); isWordRune(r) {
		return 0
	}
	return i
}

// firstWord returns the end of the first of words found at i, or 0.
func (f *finder) firstWord(i int, words ...string) int {
	for _, w := range words {
		if e := f.word(i, w); e > 0 {
			return e
		}
	}
	return 0
}

// wordBefore returns the word that ends, after a space, just before i.
func (f *finder) wordBefore(i int) string {
	r, size := f.runeBefore(i)
	if !isSpace(r) {
		return ""
	}
	end := i - size
	start := end
	for {
		r, size := f.runeBefore(start)
		if !unicode.IsLetter(r) {
			break
		}
		start -= size
	}
	return f.s[start:end]
}

// digitsEnd returns the end of the ASCII digits at i.
func (f *finder) digitsEnd(i int) int {
	for i < len(f.s) && '0' <= f.s[i] && f.s[i] <= '9' {
		i++
	}
	return i
}
