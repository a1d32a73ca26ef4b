package i18n

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Slug turns s into an ASCII anchor or file name: accents removed (NFD,
// runes.Remove(runes.In(unicode.Mn)), NFC), œ → oe, æ → ae, ß → ss (and ø,
// ł, đ, ð, þ, ı to their usual Latin letters), lower case, every run of
// other characters made one "-", and no "-" at either end:
// "Élégance à Paris" → "elegance-a-paris", "L’été 2021 !" → "l-ete-2021".
// The result matches ^[a-z0-9]+(-[a-z0-9]+)*$ or is "" (for "", "!!!" or a
// text in a non-Latin script), and Slug(Slug(s)) == Slug(s).
func Slug(s string) string {
	if !isASCII(s) {
		// A transform.Transformer keeps state: one chain per call.
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if plain, _, err := transform.String(t, s); err == nil {
			s = plain
		}
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		var ascii string
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			ascii = string(r)
		case r == 'œ':
			ascii = "oe"
		case r == 'æ':
			ascii = "ae"
		case r == 'ß':
			ascii = "ss"
		case r == 'ø':
			ascii = "o"
		case r == 'ł':
			ascii = "l"
		case r == 'đ' || r == 'ð':
			ascii = "d"
		case r == 'þ':
			ascii = "th"
		case r == 'ı':
			ascii = "i"
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(ascii)
	}
	return b.String()
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
