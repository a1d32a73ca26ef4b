package i18n

import (
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator returns a new collator for lang (the root order when lang is not
// a valid code). A Collator is not safe for concurrent use, so none is kept.
func collator(lang string) *collate.Collator {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	return collate.New(tag)
}

// Sort sorts s in place in the alphabetical order of lang
// (golang.org/x/text/collate): fr "abricot", "Ecole", "école", "Eté", "été",
// "etre", "être", "oeuf", "œuf", "zèbre", "Zoé". Strings the collation finds
// equal are ordered by bytes, so the result is deterministic.
func Sort(lang string, s []string) {
	c := collator(lang)
	slices.SortFunc(s, func(a, b string) int { return compare(c, a, b) })
}

// Compare compares a and b in the alphabetical order of lang, returning -1,
// 0 or +1, for slices.SortFunc users; 0 only when a == b. It builds a
// collator on every call: to sort many strings, use Sort.
func Compare(lang, a, b string) int {
	return compare(collator(lang), a, b)
}

func compare(c *collate.Collator, a, b string) int {
	if r := c.CompareString(a, b); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}
