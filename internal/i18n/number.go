package i18n

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Number formats v with golang.org/x/text/number, with at most three
// decimals: fr "100 000" (U+202F NARROW NO-BREAK SPACE between groups, where
// x/text gives U+00A0), "1,5", "-1 234,5"; en "100,000", "1.5".
func (l *Locale) Number(v float64) string {
	if v == 0 {
		v = 0 // no "-0"
	}
	s := message.NewPrinter(l.tag).Sprint(number.Decimal(v))
	if l.french {
		s = strings.ReplaceAll(s, "\u00a0", "\u202f")
	}
	return s
}

// Percent formats a percentage, v being the percentage value (18 means
// 18 %): fr "18 %" (U+00A0 before %), "18,5 %"; en "18%". Other languages
// follow their CLDR pattern.
func (l *Locale) Percent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return l.Number(v)
	}
	pre, post := l.pct()
	return pre + l.Number(v) + post
}

// numberMarks returns the group separator of l besides spaces (',' or '.',
// 0 when the language groups with a space) and its decimal mark, read from
// x/text's formatting of 1234.5 with Arabic digits made ASCII: en ',' '.';
// de '.' ','; fr and ru 0 ','; ar ',' '.'.
func (l *Locale) numberMarks() (rune, byte) {
	s, _ := asciiDigits(message.NewPrinter(l.tag).Sprint(number.Decimal(1234.5)))
	group, mark := rune(0), byte('.')
	if i := strings.IndexByte(s, '1'); i >= 0 {
		if r, _ := utf8.DecodeRuneInString(s[i+1:]); r == ',' || r == '.' {
			group = r
		}
	}
	if i := strings.LastIndexByte(s, '4'); i >= 0 && i+1 < len(s) && (s[i+1] == ',' || s[i+1] == '.') {
		mark = s[i+1]
	}
	return group, mark
}
