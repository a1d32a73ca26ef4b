package i18n

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug turns s into an ASCII anchor or file name: Latin accents removed
// (NFD, combining marks dropped), œ → oe, æ → ae, ß → ss (and ø, ł, đ, ð,
// þ, ı to their usual Latin letters), Cyrillic and Greek transliterated by
// the tables of translit.go (Russian rules for Cyrillic; Locale.Slug uses
// the rules of its language), digits of any script made ASCII, lower case,
// every run of other characters made one "-", and no "-" at either end:
// "Élégance à Paris" → "elegance-a-paris", "L’été 2021 !" → "l-ete-2021",
// "Қазақстан" → "qazaqstan". The result matches ^[a-z0-9]+(-[a-z0-9]+)*$
// or is "" (for "", "!!!" or a text in a script without transliteration,
// such as Arabic, Hebrew or Chinese), and Slug(Slug(s)) == Slug(s).
func Slug(s string) string { return slugify(s, cyrillicRussian, false) }

// Slug is the package Slug with the Cyrillic table of l's language
// (translit.go): Ukrainian "Київ" → "kyiv", Kazakh "Әуезов" → "auezov",
// Russian and any other language the Russian table.
func (l *Locale) Slug(s string) string { return slugify(s, l.cyrillic(), false) }

// ID turns a heading's text into an HTML id: what Slug gives, except that
// letters of scripts without a transliteration (Arabic, Hebrew, Chinese,
// Japanese, Devanagari…) are kept as they are, with their marks, in NFC:
// "مرحبا بالعالم" → "مرحبا-بالعالم", "東京 2020" → "東京-2020". HTML5
// allows any character but space in an id; URLs percent-encode them. The
// result is "" only for a text with no letter and no digit.
func (l *Locale) ID(s string) string { return slugify(s, l.cyrillic(), true) }

// cyrillic returns the Cyrillic table of l's language.
func (l *Locale) cyrillic() *cyrillic {
	switch l.Base() {
	case "uk":
		return cyrillicUkrainian
	case "kk":
		return cyrillicKazakh
	}
	return cyrillicRussian
}

// slugify is Slug (keep false) or ID (keep true) with the Cyrillic table cyr.
func slugify(s string, cyr *cyrillic, keep bool) string {
	if !isASCII(s) {
		// Cyrillic first, on precomposed letters: й and ё must not lose
		// their marks before the table sees them.
		s = norm.NFD.String(cyr.apply(strings.ToLower(norm.NFC.String(s))))
	}
	var b strings.Builder
	dash := false
	marks := false // combining marks belong to a kept letter
	for _, r := range strings.ToLower(s) {
		var out string
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			out = string(r)
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r):
			if marks {
				b.WriteRune(r)
			}
			continue
		case latinExtra[r] != "":
			out = latinExtra[r]
		case greek[r] != "":
			out = greek[r]
		case unicode.IsDigit(r):
			out = string(rune('0' + digitValue(r)))
		case keep && unicode.IsLetter(r) && r >= 0x80:
			if dash {
				b.WriteByte('-')
				dash = false
			}
			b.WriteRune(r)
			marks = true
			continue
		default:
			dash = b.Len() > 0
			marks = false
			continue
		}
		marks = false
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(out)
	}
	if keep {
		return norm.NFC.String(b.String())
	}
	return b.String()
}

// digitValue is the value of decimal digit r of any script: Unicode puts
// each script's digits 0-9 in a run that starts at a range of unicode.Nd.
func digitValue(r rune) int {
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

// isASCII reports whether s needs no Unicode normalization.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
