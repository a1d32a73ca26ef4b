package i18n

// Transliteration tables for slugs and heading IDs. They give plain ASCII
// (no diacritics, no apostrophes), so the results are readable anchors and
// file names, not reversible romanizations.
//
// Cyrillic follows BGN/PCGN romanization, simplified to ASCII: Russian
// (BGN/PCGN 1947) ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ы y, э e, ю yu,
// я ya, й y, ё e, ъ and ь dropped. Ukrainian follows the official 2010
// romanization (Cabinet of Ministers resolution 55) for its own letters:
// г h, ґ g, и y, і i, ї yi, є ye, й y, х kh, щ shch. Kazakh follows
// BGN/PCGN 1979 for Kazakh, simplified: ә a, ғ gh, қ q, ң ng, ө o, ұ u,
// ү u, һ h, і i, х kh. Greek follows ELOT 743 / ISO 843 (type 2,
// transcription), simplified: η i, θ th, ξ x, υ y, φ f, χ ch, ψ ps, ω o;
// accents are dropped before the table applies.
//
// Letters of other scripts (Arabic, Hebrew, Chinese, Japanese…) have no
// table: Slug drops them, ID keeps them.

// latinExtra are Latin letters that do not decompose to ASCII.
var latinExtra = map[rune]string{
	'œ': "oe", 'æ': "ae", 'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ŀ': "l", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng",
}

// cyrillicRU is the Russian table, also used for Cyrillic of a language
// without its own (Belarusian ў and the Ukrainian and Kazakh letters get
// their usual values).
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

// cyrillicUK is the Ukrainian table.
var cyrillicUK = with(cyrillicRU, map[rune]string{
	'г': "h", 'и': "y", 'і': "i", 'ї': "yi", 'є': "ye", 'й': "y", 'ь': "",
})

// cyrillicKK is the Kazakh table.
var cyrillicKK = with(cyrillicRU, map[rune]string{
	'и': "i", 'у': "u", 'ы': "y", 'і': "i", 'х': "kh", 'ц': "ts",
})

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
