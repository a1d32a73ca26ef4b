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

// wpmByBase are the default silent reading speeds of adult readers of
// non-fiction, in words per minute. English is Brysbaert's meta-analysis
// (How many words do we read per minute?, Journal of Memory and Language
// 109, 2019: 238 wpm). Brysbaert shows that other languages are read at
// the rate of the message, so each is 238 × the words its version of the
// same text needs against English's, measured on the parallel texts of the
// International Reading Speed Texts (Trauzettel-Klosinski and Dietz, IOVS
// 53, 2012, table 2): words of a text = words per minute ÷ texts per
// minute (English 228 ÷ 1.49 = 153; French 195 ÷ 1.46 = 134, so 238 × 134
// ÷ 153 = 208). Ukrainian and Kazakh are not in IReST: Ukrainian takes
// Russian's figure, Kazakh Turkish's (a Turkic language with words as
// long). A language that is not listed, and has no entry in
// cpmByBase, reads at 200.
var wpmByBase = map[string]int{
	"en": 238, "fr": 208, "de": 205, "es": 222, "it": 210, "pt": 209,
	"ru": 196, "uk": 196, "kk": 171, "ar": 185, "he": 189, "nl": 220,
	"pl": 197, "sv": 228, "tr": 171, "fi": 158, "sl": 212,
}

// cpmByBase are the default reading speeds, in characters per minute, of
// the languages written without spaces between words, whose reading is
// counted in characters (Locale.ReadsCharacters). Chinese: 260, the mean
// maximum reading speed of 30 Chinese college students, 259.5 characters
// per minute (Visual requirement for Chinese reading with normal vision,
// read by rapid serial visual presentation). Japanese: 400, the low end of the 400–600 characters a minute
// commonly given for adult readers (no study behind it; set
// words_per_minute in site.toml when you know better).
var cpmByBase = map[string]int{"zh": 260, "yue": 260, "ja": 400}

// characterScripts are the scripts read in characters: Chinese (simplified
// and traditional Han) and Japanese (Han with kana).
var characterScripts = map[string]bool{"Hans": true, "Hant": true, "Hani": true, "Jpan": true}

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

// WordsPerMinute returns the default reading speed of l, in the units
// Locale.Words counts: words per minute, or characters per minute for a
// language read in characters (ReadsCharacters): en 238, fr 208, de 205,
// ru 196, ar 185, zh 260 characters; 200 for a language without a figure.
func (l *Locale) WordsPerMinute() int {
	if n, ok := wpmByBase[l.Base()]; ok {
		return n
	}
	if n, ok := cpmByBase[l.Base()]; ok && l.ReadsCharacters() {
		return n
	}
	return 200
}

// ReadsCharacters reports whether l is written without spaces between
// words and its reading is counted in characters: Chinese and Japanese
// (from the language's script: Hans, Hant, Jpan).
func (l *Locale) ReadsCharacters() bool { return characterScripts[l.Script()] }

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
