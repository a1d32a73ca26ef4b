package i18n

import (
	"fmt"
	"time"

	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Date formats t's calendar date with the month names of the catalog keys
// "month-1" … "month-12" (x/text has no date formatting; Russian and
// Ukrainian catalogs give the genitive, as a date needs), in the order of
// the language's CLDR long date: fr "16 décembre 2021", first of the month
// "1er décembre 2021"; en "16 December 2021"; de "16. Dezember 2021"; es
// and pt "16 de diciembre de 2021"; ru "16 декабря 2021 г."; uk
// "16 грудня 2021 р."; kk "2021 ж. 16 желтоқсан". A U+00A0 NO-BREAK SPACE
// joins day and month; day and year are in the language's digits (ar
// "١٦ ديسمبر ٢٠٢١"). It is an error when the catalog lacks the month key.
func (l *Locale) Date(t time.Time) (string, error) {
	month, err := l.t(fmt.Sprintf("month-%d", int(t.Month())))
	if err != nil {
		return "", err
	}
	// The language's digits (Arabic-Indic in Arabic), without groups.
	p := message.NewPrinter(l.tag)
	day := p.Sprint(number.Decimal(t.Day(), number.NoSeparator()))
	year := p.Sprint(number.Decimal(t.Year(), number.NoSeparator()))
	const nb = "\u00a0"
	switch l.Base() {
	case "fr":
		if t.Day() == 1 {
			day = "1er"
		}
	case "de":
		return day + "." + nb + month + " " + year, nil
	case "es", "pt":
		return day + nb + "de " + month + " de " + year, nil
	case "ru":
		return day + nb + month + " " + year + nb + "г.", nil
	case "uk":
		return day + nb + month + " " + year + nb + "р.", nil
	case "kk":
		return year + nb + "ж." + " " + day + nb + month, nil
	}
	return day + nb + month + " " + year, nil
}

// Weekday returns the name of t's day of the week from the catalog keys
// "day-0" (Sunday) … "day-6" (Saturday); fr "jeudi", en "Thursday". It is an
// error when the catalog lacks the key.
func (l *Locale) Weekday(t time.Time) (string, error) {
	return l.t(fmt.Sprintf("day-%d", int(t.Weekday())))
}
