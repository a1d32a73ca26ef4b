package i18n

import (
	"unicode"
	"unicode/utf8"
)

// The French spaces, after the Imprimerie nationale's Lexique and current
// French typesetting: a no-break space before the colon and between a
// figure and %; a narrow no-break space before ; ! and ?, after « and
// before ».
const (
	nbsp  = '\u00a0' // NO-BREAK SPACE
	nnbsp = '\u202f' // NARROW NO-BREAK SPACE
)

// unit is one character of text: a literal rune, or in HTML one character
// reference such as &raquo;. raw is how it is written, r what it means (-1
// for a reference standing for several runes).
type unit struct {
	raw string
	r   rune
}

// FrenchText applies French typography to plain text (titles, descriptions,
// plain-text email), with the rules of FrenchHTML:
//
//   - a space before ; ! ? becomes U+202F, whatever space the author typed
//     (U+0020, U+00A0 or U+202F);
//   - a space before : becomes U+00A0, whatever space was typed;
//   - a space after « or before » becomes U+202F, whatever was typed;
//   - an ordinary space between a digit and % becomes U+00A0;
//   - U+202F is added after « followed by a letter or digit, and before »
//     preceded by a letter, a digit or . ! ? … (the guillemet is "adjacent
//     to a letter").
//
// No space is ever added before : ; ! ? %, so "http://x", "a;b" or "18%"
// stay as they are. The result is stable:
// FrenchText(FrenchText(s)) == FrenchText(s).
func FrenchText(s string) string {
	units := make([]unit, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		units = append(units, unit{s[i : i+size], r})
		i += size
	}
	return string(appendFrench(nil, units, 0, 0))
}

// appendFrench appends units to dst with the French spaces. before and
// after are the runes around the units (0 when none); they decide the
// spaces at the edges but are not written.
func appendFrench(dst []byte, units []unit, before, after rune) []byte {
	at := func(i int) rune {
		switch {
		case i < 0:
			return before
		case i >= len(units):
			return after
		}
		return units[i].r
	}
	for i, u := range units {
		prev, next := at(i-1), at(i+1)
		switch {
		case u.raw == " " || u.r == nbsp || u.r == nnbsp:
			if sp := spaceBetween(prev, next, u.raw == " "); sp != 0 && sp != u.r {
				dst = utf8.AppendRune(dst, sp)
				continue
			}
		case u.r == '»' && closesQuote(prev):
			dst = utf8.AppendRune(dst, nnbsp)
		}
		dst = append(dst, u.raw...)
		if u.r == '«' && isWordRune(next) {
			dst = utf8.AppendRune(dst, nnbsp)
		}
	}
	return dst
}

// spaceBetween returns the no-break space that replaces a space between
// prev and next, or 0 to keep it. plain tells an ordinary space (U+0020)
// from a no-break one, which only the punctuation rules replace.
func spaceBetween(prev, next rune, plain bool) rune {
	switch {
	case next == ';' || next == '!' || next == '?' || next == '»' || prev == '«':
		return nnbsp
	case next == ':':
		return nbsp
	case plain && next == '%' && unicode.IsDigit(prev):
		return nbsp
	}
	return 0
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// closesQuote reports whether » right after r needs a space added.
func closesQuote(r rune) bool {
	return isWordRune(r) || unicode.Is(unicode.M, r) ||
		r == '.' || r == '!' || r == '?' || r == '…'
}
