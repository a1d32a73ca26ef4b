package i18n

import (
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
