package i18n

import (
	"strings"
	"unicode"
)

// numberWords are the words FindNumbers reads after a figure in one
// language: scale words, which multiply it ("1,2 Mrd." is 1.2e9), and
// percent words ("18 Prozent" is a percentage).
type numberWords struct {
	scales  []wordExp
	percent []wordExp // exp unused
	glued   bool      // scale abbreviations written against the digits ("370bn", "$5m")
}

// wordExp is a word and the power of ten it stands for. A stem also
// matches with letters after it, for languages whose words inflect
// ("миллион", "миллиона", "миллионов"; Kazakh "пайызға").
type wordExp struct {
	word string
	exp  int
	stem bool
}

// whole is a word matched whole, stem one matched with any ending.
func whole(word string, exp int) wordExp { return wordExp{word, exp, false} }
func stem(word string, exp int) wordExp  { return wordExp{word, exp, true} }

// numberWordsByBase are the scale and percent words of each language
// FindNumbers knows; any other language reads the English ones. The
// longest phrase comes first where one begins another ("mil millones"
// before "mil"). Long-scale languages give "billion" its 10¹² meaning
// (French billion, German Billion, Spanish billón, Italian bilione,
// European Portuguese bilião); Brazilian bilhão is 10⁹. Abbreviations:
// de Tsd., Mio., Mrd. (not Bio., which is also "organic": "5 Bio-Läden"); es mill.; it mln, mld, mrd; pt mi, bi, tri;
// ru тыс., млн, млрд, трлн; uk тис., млн, млрд, трлн; kk млн, млрд, трлн;
// fr Md, Mds, Mrd, Mrds; en bn, tn, mn. Case is ignored.
var numberWordsByBase = map[string]*numberWords{
	"en": {
		scales: []wordExp{whole("million", 6), whole("millions", 6), whole("billion", 9), whole("billions", 9),
			whole("trillion", 12), whole("trillions", 12), whole("thousand", 3), whole("bn", 9), whole("tn", 12), whole("mn", 6)},
		percent: []wordExp{whole("percent", 0), whole("per cent", 0)},
		glued:   true,
	},
	"fr": {
		scales: []wordExp{whole("million", 6), whole("millions", 6), whole("milliard", 9), whole("milliards", 9),
			whole("billion", 12), whole("billions", 12), whole("mille", 3), whole("Md", 9), whole("Mds", 9), whole("Mrd", 9), whole("Mrds", 9)},
		percent: []wordExp{whole("pour cent", 0)},
	},
	"de": {
		scales: []wordExp{whole("Tausend", 3), whole("Tsd", 3), whole("Million", 6), whole("Millionen", 6), whole("Mio", 6),
			whole("Milliarde", 9), whole("Milliarden", 9), whole("Mrd", 9), whole("Billion", 12), whole("Billionen", 12)},
		percent: []wordExp{whole("Prozent", 0)},
	},
	"es": {
		scales: []wordExp{whole("mil millones", 9), whole("millón", 6), whole("millones", 6), whole("mill", 6),
			whole("millardo", 9), whole("millardos", 9), whole("billón", 12), whole("billones", 12), whole("mil", 3)},
		percent: []wordExp{whole("por ciento", 0)},
	},
	"it": {
		scales: []wordExp{whole("mila", 3), whole("mille", 3), whole("milione", 6), whole("milioni", 6), whole("mln", 6),
			whole("miliardo", 9), whole("miliardi", 9), whole("mld", 9), whole("mrd", 9), whole("bilione", 12), whole("bilioni", 12)},
		percent: []wordExp{whole("per cento", 0), whole("percento", 0)},
	},
	"pt": {
		scales: []wordExp{whole("mil milhões", 9), whole("milhão", 6), whole("milhões", 6), whole("mi", 6),
			whole("bilhão", 9), whole("bilhões", 9), whole("bi", 9), whole("bilião", 12), whole("biliões", 12),
			whole("trilhão", 12), whole("trilhões", 12), whole("tri", 12), whole("mil", 3)},
		percent: []wordExp{whole("por cento", 0)},
	},
	"ru": {
		scales: []wordExp{stem("тысяч", 3), whole("тыс", 3), stem("миллион", 6), whole("млн", 6),
			stem("миллиард", 9), whole("млрд", 9), stem("триллион", 12), whole("трлн", 12)},
		percent: []wordExp{stem("процент", 0)},
	},
	"uk": {
		scales: []wordExp{stem("тисяч", 3), whole("тис", 3), stem("мільйон", 6), whole("млн", 6),
			stem("мільярд", 9), whole("млрд", 9), stem("трильйон", 12), whole("трлн", 12)},
		percent: []wordExp{stem("відсот", 0), stem("процент", 0)},
	},
	"kk": {
		scales: []wordExp{stem("мың", 3), stem("миллион", 6), whole("млн", 6), stem("миллиард", 9), whole("млрд", 9),
			stem("триллион", 12), whole("трлн", 12)},
		percent: []wordExp{stem("пайыз", 0), stem("процент", 0)},
	},
	"ar": {
		scales: []wordExp{stem("ألف", 3), stem("آلاف", 3), stem("مليون", 6), stem("ملايين", 6), stem("مليار", 9),
			stem("بليون", 9), stem("تريليون", 12)},
		percent: []wordExp{whole("في المئة", 0), whole("في المائة", 0), whole("بالمئة", 0), whole("بالمائة", 0)},
	},
}

// numberWords returns the scale and percent words FindNumbers reads in l.
func (l *Locale) numberWords() *numberWords {
	if nw, ok := numberWordsByBase[l.Base()]; ok {
		return nw
	}
	return numberWordsByBase["en"]
}

// match returns the end of x at i (its whole word, or its stem and the
// letters after it), or 0.
func (f *finder) match(i int, x wordExp) int {
	if !x.stem {
		return f.word(i, x.word)
	}
	if len(f.s)-i < len(x.word) || !strings.EqualFold(f.s[i:i+len(x.word)], x.word) {
		return 0
	}
	return f.skipLetters(i + len(x.word))
}

// skipLetters returns the end of the letters (and their marks) at i.
func (f *finder) skipLetters(i int) int {
	for i < len(f.s) {
		r, size := f.rune(i)
		if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
			break
		}
		i += size
	}
	return i
}
