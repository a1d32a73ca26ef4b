package i18n

import (
	"strings"
	"unicode"
)

// Transliteration tables for slugs and heading IDs. They give plain ASCII
// (no diacritics, no apostrophes), so the results are readable anchors and
// file names, not reversible romanizations.
//
// Cyrillic has one table per language. Russian follows BGN/PCGN (1947),
// simplified to ASCII: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ы y, э e,
// ю yu, я ya, й y, ё e, ъ and ь dropped. Ukrainian follows the official
// national table of 2010 (Cabinet of Ministers resolution 55 of 27
// January 2010), which is ASCII already: г h, ґ g, и y, і i, х kh, щ
// shch, ь and the apostrophe dropped; є ї й ю я are ye yi y yu ya at the
// start of a word and ie i i iu ia elsewhere; зг is zgh (Згорани →
// zghorany, Київ → kyiv, Мар’їне → marine). Kazakh follows BGN/PCGN
// (1979) for Kazakh, with its diacritics dropped (ä → a, ī → i, ö → o,
// ū → u, ü → u): ә a, ғ gh, и i, қ q, ң ng, ө o, у u, ұ u, ү u, һ h, і i,
// ы y, ё yo, х kh, ц ts, ч ch, ш sh, щ shch, ъ and ь dropped. Letters
// another language's table lacks take the Russian table's value (Belarusian
// ў w, Serbian and Macedonian letters their usual ASCII). Greek follows
// ELOT 743 / ISO 843 (type 2, transcription), simplified: η i, θ th, ξ x,
// υ y, φ f, χ ch, ψ ps, ω o; accents are dropped before the table applies.
//
// latinExtra are Latin letters that do not decompose to ASCII.
var latinExtra = map[rune]string{
	'œ': "oe", 'æ': "ae", 'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ŀ': "l", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng",
}

// cyrillicRU is the Russian table's letters, with values for the letters
// of other Cyrillic alphabets (Belarusian ў, the Ukrainian and Kazakh
// letters, Serbian and Macedonian) for the languages without a table.
var cyrillicRU = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'ґ': "g", 'є': "ye", 'і': "i", 'ї': "yi", 'ў': "w",
	'ә': "a", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ө': "o", 'ұ': "u", 'ү': "u",
	'һ': "h", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'ђ': "dj", 'џ': "dz",
	'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
}

// cyrillic is the transliteration of one language's Cyrillic letters.
type cyrillic struct {
	letters map[rune]string
	initial map[rune]string    // at the start of a word, instead of letters
	after   map[[2]rune]string // a letter after another, instead of letters
	// apostrophe: an apostrophe between two letters is part of the word
	// and is dropped (Ukrainian п’ять → pyat, not p-yat).
	apostrophe bool
}

// cyrillicRussian is the Russian table, also used for a language without
// its own.
var cyrillicRussian = &cyrillic{letters: cyrillicRU}

// cyrillicUkrainian is the official Ukrainian table of 2010.
var cyrillicUkrainian = &cyrillic{
	letters: with(cyrillicRU, map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e",
		'є': "ie", 'ж': "zh", 'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i",
		'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
		'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch",
		'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia",
	}),
	initial:    map[rune]string{'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya"},
	after:      map[[2]rune]string{{'з', 'г'}: "gh"},
	apostrophe: true,
}

// cyrillicKazakh is BGN/PCGN 1979 for Kazakh, without diacritics.
var cyrillicKazakh = &cyrillic{letters: with(cyrillicRU, map[rune]string{
	'а': "a", 'ә': "a", 'б': "b", 'в': "v", 'г': "g", 'ғ': "gh", 'д': "d",
	'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k",
	'қ': "q", 'л': "l", 'м': "m", 'н': "n", 'ң': "ng", 'о': "o", 'ө': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ұ': "u", 'ү': "u",
	'ф': "f", 'х': "kh", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'і': "i", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
})}

// apply transliterates the letters of s (lower case, NFC) that c knows and
// keeps every other character.
func (c *cyrillic) apply(s string) string {
	var t strings.Builder
	rs := []rune(s)
	prev := rune(0) // the previous letter of the word, 0 at its start
	for i, r := range rs {
		tr, ok := c.letters[r]
		if !ok {
			if c.apostrophe && isApostrophe(r) && prev != 0 && i+1 < len(rs) && c.letters[rs[i+1]] != "" {
				continue // inside the word: dropped, the word goes on
			}
			t.WriteRune(r)
			if unicode.IsLetter(r) || unicode.Is(unicode.M, r) {
				prev = r
			} else {
				prev = 0
			}
			continue
		}
		if x, ok := c.after[[2]rune{prev, r}]; ok {
			tr = x
		} else if x, ok := c.initial[r]; ok && prev == 0 {
			tr = x
		}
		t.WriteString(tr)
		prev = r
	}
	return t.String()
}

// isApostrophe reports whether r is an apostrophe: ' ’ or ʼ.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// greek is the Greek table (lower case, accents already removed).
var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// with returns a copy of base with over's entries.
func with(base, over map[rune]string) map[rune]string {
	m := make(map[rune]string, len(base)+len(over))
	for k, v := range base {
		m[k] = v
	}
	for k, v := range over {
		m[k] = v
	}
	return m
}
