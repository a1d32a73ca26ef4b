package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words counts the words of plain text: runs of letters and digits (with
// their combining marks). Anything else separates words, so "l’été" and
// "peut-être" count as 2, which is close enough for a reading time; a point
// or comma between digits does not ("1,5" and "3.14" are one word).
func Words(s string) int {
	n := 0
	in := false
	var prev rune
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				n++
				in = true
			}
		case in && unicode.Is(unicode.M, r):
			// a combining mark continues its word
		case in && (r == '.' || r == ',') && unicode.IsDigit(prev) && digitAt(s, i+1):
			// a decimal or group separator inside a number
		default:
			in = false
		}
		prev = r
	}
	return n
}

// digitAt reports whether s has a digit at byte offset i.
func digitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[min(i, len(s)):])
	return unicode.IsDigit(r)
}

// ReadingMinutes returns the minutes needed to read words words at wpm
// words per minute: ceil(words / wpm), at least 1. A wpm of 0 or less means
// 200.
func ReadingMinutes(words, wpm int) int {
	if wpm <= 0 {
		wpm = 200
	}
	if words <= 0 {
		return 1
	}
	return max(1, words/wpm+min(1, words%wpm))
}

// Words counts the reading units of plain text in l: its words (the
// package Words) or, in a language read in characters (ReadsCharacters:
// Chinese, Japanese), its characters: each Han, Hiragana or Katakana
// character counts one, and a run of other letters or digits (a Latin
// name, a figure) counts one as well. "東京は大きい" is 6, "Kaspi 银行" 3.
// The result goes with WordsPerMinute, which is in the same unit.
func (l *Locale) Words(s string) int {
	if !l.ReadsCharacters() {
		return Words(s)
	}
	n := 0
	var rest strings.Builder
	for _, r := range s {
		if isIdeographic(r) {
			n++
			rest.WriteByte(' ')
			continue
		}
		rest.WriteRune(r)
	}
	return n + Words(rest.String())
}

// isIdeographic reports whether r is read as one character of a language
// written without spaces: Han ideographs, Hiragana, Katakana (with their
// iteration and length marks) and the ideographic iteration mark.
func isIdeographic(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' || r == '々'
}

// ReadingMinutes returns the minutes needed to read units (what Words
// counts) at perMinute of them a minute, or at l's WordsPerMinute when
// perMinute is 0 or less: ReadingMinutes(units, perMinute) of the package.
func (l *Locale) ReadingMinutes(units, perMinute int) int {
	if perMinute <= 0 {
		perMinute = l.WordsPerMinute()
	}
	return ReadingMinutes(units, perMinute)
}
