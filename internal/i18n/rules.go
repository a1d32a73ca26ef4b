package i18n

import (
	"bytes"
	"strings"

	"golang.org/x/text/language"
)

// Quotes are the quotation marks of a language: Open and Close for a
// quotation, InnerOpen and InnerClose for a quotation inside one. The marks
// carry the spaces the language puts inside them (French "«\u202f").
type Quotes struct {
	Open, Close, InnerOpen, InnerClose string
}

// quotesByBase are the quotation marks of each base language, after CLDR's
// delimiters (quotationStart/End, alternateQuotationStart/End). French puts
// a U+202F NARROW NO-BREAK SPACE inside its guillemets. A language that is
// not listed uses the English marks.
var quotesByBase = map[string]Quotes{
	"en": {"“", "”", "‘", "’"},
	"fr": {"«\u202f", "\u202f»", "“", "”"},
	"de": {"„", "“", "‚", "‘"},
	"es": {"«", "»", "“", "”"},
	"it": {"«", "»", "“", "”"},
	"pt": {"“", "”", "‘", "’"}, // CLDR pt is Brazilian Portuguese
	"ru": {"«", "»", "„", "“"},
	"uk": {"«", "»", "„", "“"},
	"kk": {"«", "»", "„", "“"},
	"be": {"«", "»", "„", "“"},
	"pl": {"„", "”", "«", "»"},
	"nl": {"“", "”", "‘", "’"},
	"ar": {"«", "»", "“", "”"},
	"fa": {"«", "»", "“", "”"},
	"el": {"«", "»", "“", "”"},
	"ja": {"「", "」", "『", "』"},
	"zh": {"“", "”", "‘", "’"},
}

// wpmByBase are silent reading speeds of adult readers in words per minute,
// from the International Reading Speed Texts (Trauzettel-Klosinski and
// Dietz, IOVS 2012). A language that is not listed reads at 200.
var wpmByBase = map[string]int{
	"ar": 138, "de": 179, "en": 228, "es": 218, "fr": 195, "he": 187,
	"it": 188, "ja": 193, "nl": 202, "pl": 166, "pt": 181, "ru": 184,
	"sv": 199, "tr": 166, "zh": 158, "fi": 161, "sl": 180,
}

// rtlScripts are the scripts written right to left (ISO 15924 codes).
var rtlScripts = map[string]bool{
	"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true,
	"Adlm": true, "Rohg": true, "Mand": true, "Samr": true, "Yezi": true,
}

// LocaleOf returns the Locale of lang without a catalog, for the rules that
// need none (typography, direction, quotes, IDs). An empty or invalid code
// gives the rules of no particular language: English quotes, left to right.
func LocaleOf(lang string) *Locale {
	l, err := NewLocale(lang, nil)
	if err != nil {
		l, _ = NewLocale(language.Und.String(), nil)
	}
	return l
}

// Base returns the base language of l ("fr" for "fr-CA"), "und" when none.
func (l *Locale) Base() string {
	base, _ := l.tag.Base()
	return base.String()
}

// Script returns the ISO 15924 code of the script l is written in, the one
// x/text finds likely when the code does not say ("Arab" for "ar", "fa" and
// "ur"; "Cyrl" for "ru" and "kk"; "Latn" for "fr").
func (l *Locale) Script() string {
	s, _ := l.tag.Script()
	return s.String()
}

// Dir returns the writing direction of l, "rtl" or "ltr", from its script:
// Arabic, Hebrew, Thaana, Syriac, N’Ko, Adlam, Hanifi Rohingya and the other
// right-to-left scripts give "rtl".
func (l *Locale) Dir() string {
	if rtlScripts[l.Script()] {
		return "rtl"
	}
	return "ltr"
}

// Quotes returns the quotation marks of l.
func (l *Locale) Quotes() Quotes {
	if q, ok := quotesByBase[l.Base()]; ok {
		return q
	}
	return quotesByBase["en"]
}

// Apostrophe returns the apostrophe of l: U+2019 in every language.
func (l *Locale) Apostrophe() string { return "’" }

// WordsPerMinute returns the default reading speed of l.
func (l *Locale) WordsPerMinute() int {
	if n, ok := wpmByBase[l.Base()]; ok {
		return n
	}
	return 200
}

// Name returns the language's own name, capitalized (LangName).
func (l *Locale) Name() string { return LangName(l.lang) }

// NameIn returns the name of l in language in (LangNameIn).
func (l *Locale) NameIn(in string) string { return LangNameIn(l.lang, in) }

// Text applies the spacing rules of l to plain text (FrenchText for French;
// other languages have none and get s back).
func (l *Locale) Text(s string) string {
	if l.french {
		return FrenchText(s)
	}
	return s
}

// HTML applies the spacing rules of l to the text nodes of an HTML fragment
// (FrenchHTML for French). The result is always a new slice.
func (l *Locale) HTML(src []byte) []byte {
	if l.french {
		return FrenchHTML(src)
	}
	return bytes.Clone(src)
}

// PlainText is the typography of a short plain text such as a title: every
// straight apostrophe becomes ’, straight double quotes alternate between
// l's opening and closing marks, then Text applies l's spacing.
func (l *Locale) PlainText(s string) string {
	if strings.ContainsAny(s, `'"`) {
		q := l.Quotes()
		var b strings.Builder
		inQuote := false
		for _, r := range s {
			switch r {
			case '\'':
				b.WriteString(l.Apostrophe())
			case '"':
				if inQuote {
					b.WriteString(q.Close)
				} else {
					b.WriteString(q.Open)
				}
				inQuote = !inQuote
			default:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	return l.Text(s)
}

// PlainText is LocaleOf(lang).PlainText(s), without building the Locale
// when s holds nothing any language's rules change.
func PlainText(lang, s string) string {
	if !strings.ContainsAny(s, "'\";:!?%«»") {
		return s
	}
	return LocaleOf(lang).PlainText(s)
}

// Best returns the code among supported that serves lang best, by
// golang.org/x/text/language's matcher ("fr" for "fr-CA"), or supported[0]
// when none fits. It returns "" when supported is empty.
func Best(lang string, supported ...string) string {
	if len(supported) == 0 {
		return ""
	}
	tags := make([]language.Tag, 0, len(supported))
	idx := make([]int, 0, len(supported))
	for i, s := range supported {
		if t, err := language.Parse(s); err == nil {
			tags = append(tags, t)
			idx = append(idx, i)
		}
	}
	t, err := language.Parse(lang)
	if err != nil || len(tags) == 0 {
		return supported[0]
	}
	_, i, conf := language.NewMatcher(tags).Match(t)
	if conf == language.No {
		return supported[0]
	}
	return supported[idx[i]]
}
