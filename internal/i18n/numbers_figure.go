package i18n

import (
	"strings"
	"unicode"
)

// figure reads the figure starting at i: currency prefix, sign, number,
// then an ordinal suffix, or a scale word, a percent sign and a currency.
func (f *finder) figure(i int) (figure, bool) {
	g := figure{start: i, kind: "number"}
	j := i
	if e := f.currencyBefore(j); e > 0 {
		g.kind = "money"
		j = e
	}
	sign := ""
	if r, size := f.rune(j); r == '-' || r == '−' || r == '+' {
		if e := f.digitsEnd(j + size); e > j+size {
			if r != '+' {
				sign = "-"
			}
			j += size
		}
	}
	digits, end, isInt := f.number(j)
	if digits == "" {
		return g, false
	}
	if end+1 < len(f.s) && f.s[end] == '.' && '0' <= f.s[end+1] && f.s[end+1] <= '9' {
		return g, false // version-like: "1.2.3", or "2.1" where "." is no decimal mark
	}
	g.digits = sign + digits
	if r, _ := f.rune(end); unicode.IsLetter(r) {
		// Letters right after the digits: an ordinal, "370bn", or a word
		// such as "4G" that is no figure.
		if isInt && sign == "" && g.kind == "number" {
			if e := f.firstWord(end, f.ordinalSuffixes()...); e > 0 {
				g.kind, g.end = "ordinal", e
				if f.nextToMonth(i, e) {
					g.kind = "number"
				}
				return g, true
			}
		}
		e, exp := f.gluedScale(end, g.kind == "money")
		if e == 0 {
			return g, false
		}
		end, g.exp, g.scaled = e, exp, true
	}
	if !g.scaled {
		if e, exp := f.scaleWord(end); e > 0 {
			end, g.exp, g.scaled = e, exp, true
		}
	}
	if g.kind == "number" {
		if e := f.percentAfter(end); e > 0 {
			g.kind, end = "percent", e
		} else if e := f.currencyAfter(end); e > 0 {
			g.kind, end = "money", e
		}
	}
	g.end = end
	return g, true
}

// number reads digits at i with the groups and decimal mark of the
// language. It returns them as a Go float literal ("" when there are no
// digits at i), their end, and whether there is no decimal part.
func (f *finder) number(i int) (string, int, bool) {
	k := f.digitsEnd(i)
	if k == i {
		return "", i, false
	}
	var b strings.Builder
	b.WriteString(f.s[i:k])
	if k-i <= 3 {
		for {
			r, size := f.rune(k)
			sep := r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || (f.group != 0 && r == f.group)
			if !sep || f.digitsEnd(k+size) != k+size+3 {
				break
			}
			b.WriteString(f.s[k+size : k+size+3])
			k += size + 3
		}
	}
	mark := f.mark
	if k < len(f.s) && f.s[k] == mark {
		if e := f.digitsEnd(k + 1); e > k+1 {
			b.WriteByte('.')
			b.WriteString(f.s[k+1 : e])
			return b.String(), e, false
		}
	}
	return b.String(), k, true
}

// ordinalSuffixes returns the ordinal suffixes of the language.
func (f *finder) ordinalSuffixes() []string {
	if f.fr {
		return []string{"er", "re", "ère", "ers", "res", "ères", "e", "es", "ème", "èmes",
			"d", "de", "ds", "des", "nd", "nde", "ᵉʳ", "ʳᵉ", "ᵉ"}
	}
	return []string{"st", "nd", "rd", "th"}
}

// nextToMonth reports whether the ordinal at start:end is a day: a month
// name follows it or, in English, comes before it.
func (f *finder) nextToMonth(start, end int) bool {
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	if f.fr {
		months = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
			"août", "septembre", "octobre", "novembre", "décembre"}
	}
	if e := f.skipSpaces(end); e > end && f.firstWord(e, months...) > 0 {
		return true
	}
	before := f.wordBefore(start)
	for _, m := range months {
		if strings.EqualFold(before, m) {
			return true
		}
	}
	return false
}

// scaleWord reads a scale word after a space at i, returning its end and
// power of ten.
func (f *finder) scaleWord(i int) (int, int) {
	k := f.skipSpaces(i)
	if k == i {
		return 0, 0
	}
	for _, x := range f.nw.scales {
		if e := f.match(k, x); e > 0 {
			return e, x.exp
		}
	}
	return 0, 0
}

// gluedScale reads a scale abbreviation written against the digits, English
// only: "370bn", "2tn", and with a currency "$5m", "$5k".
func (f *finder) gluedScale(i int, money bool) (int, int) {
	if !f.nw.glued {
		return 0, 0
	}
	if e := f.word(i, "bn"); e > 0 {
		return e, 9
	}
	if e := f.word(i, "tn"); e > 0 {
		return e, 12
	}
	if e := f.firstWord(i, "m", "mn"); e > 0 && money {
		return e, 6
	}
	if e := f.word(i, "k"); e > 0 && money {
		return e, 3
	}
	return 0, 0
}

// percentAfter reads "%" or a percent word of the language at i ("pour
// cent", "percent", "Prozent", "процентов"…).
func (f *finder) percentAfter(i int) int {
	k := f.skipSpaces(i)
	if strings.HasPrefix(f.s[k:], "%") {
		return k + 1
	}
	if k == i {
		return 0
	}
	for _, x := range f.nw.percent {
		if e := f.match(k, x); e > 0 {
			return e
		}
	}
	return 0
}

// currencySymbols may be written before or after an amount.
func currencySymbols() []string { return []string{"US$", "$", "€", "₸", "£"} }

// currencyCodes are the ISO codes FindNumbers knows.
func currencyCodes() []string { return []string{"USD", "EUR", "KZT", "GBP"} }

// currencyBefore reads a currency written before an amount at i ("US$",
// "€", "USD "), returning where the amount starts.
func (f *finder) currencyBefore(i int) int {
	for _, sym := range currencySymbols() {
		if strings.HasPrefix(f.s[i:], sym) {
			return f.skipSpaces(i + len(sym))
		}
	}
	if e := f.firstWord(i, currencyCodes()...); e > 0 {
		return f.skipSpaces(e)
	}
	return 0
}

// currencyAfter reads a currency written after an amount at i ("$",
// " dollars", " de dollars", " d’euros", " US dollars").
func (f *finder) currencyAfter(i int) int {
	k := f.skipSpaces(i)
	for _, sym := range currencySymbols() {
		if strings.HasPrefix(f.s[k:], sym) {
			return k + len(sym)
		}
	}
	if k == i {
		return 0
	}
	if f.fr {
		if e := f.word(k, "de"); e > 0 {
			k = f.skipSpaces(e)
		} else if strings.HasPrefix(f.s[k:], "d’") || strings.HasPrefix(f.s[k:], "d'") {
			_, size := f.rune(k + 1)
			k += 1 + size
		}
	} else if e := f.firstWord(k, "US", "U.S.", "American"); e > 0 {
		k = f.skipSpaces(e)
	}
	words := append([]string{"dollars", "dollar", "euros", "euro", "tenges", "tenge",
		"pounds", "pound"}, currencyCodes()...)
	return f.firstWord(k, words...)
}

// withRange returns a as a Found, or the range a starts when a connector
// ("-", "–", "à", "to", "et"/"and" after "entre"/"between") and a second,
// larger figure follow. An ordinal starts a range only of days ("du 1er au
// 15 mars"). It also returns where scanning resumes.
func (f *finder) withRange(a figure) (Found, int) {
	single := Found{Value: a.value(), Kind: a.kind, Text: f.s[a.start:a.end], Offset: a.start}
	single.Max = single.Value
	k := f.skipSpaces(a.end)
	m := 0
	if r, size := f.rune(k); r == '-' || r == '‑' || r == '–' || r == '—' {
		m = k + size
	} else if k > a.end {
		words := []string{"to"}
		if f.fr {
			words = []string{"à", "au"}
		}
		switch strings.ToLower(f.wordBefore(a.start)) {
		case "entre":
			words = append(words, "et")
		case "between":
			words = append(words, "and")
		}
		if e := f.firstWord(k, words...); e > 0 && f.skipSpaces(e) > e {
			m = e
		}
	}
	if m == 0 {
		return single, a.end
	}
	m = f.skipSpaces(m)
	b, ok := f.figure(m)
	if !ok || b.kind == "ordinal" {
		return single, a.end
	}
	if a.kind == "ordinal" {
		// Only days: "du 1er au 15 mars" is the range 1–15.
		if b.kind != "number" || b.scaled || !f.nextToMonth(b.start, b.end) {
			return single, a.end
		}
		a.kind = "number"
	}
	if !a.scaled {
		a.exp = b.exp
	}
	lo, hi := a.value(), b.value()
	if lo > hi {
		return single, a.end
	}
	kind := b.kind
	if a.kind == "money" || (a.kind == "percent" && kind == "number") {
		kind = a.kind
	}
	return Found{Value: lo, Max: hi, Kind: kind, Text: f.s[a.start:b.end], Offset: a.start}, b.end
}
