package i18n

import (
	"fmt"
	"strconv"
	"time"
)

// Date formats t's calendar date with the month names of the catalog keys
// "month-1" … "month-12" (x/text has no date formatting): fr
// "16 décembre 2021", first of the month "1er décembre 2021"; en
// "16 December 2021". A U+00A0 NO-BREAK SPACE joins day and month. It is an
// error when the catalog lacks the month key.
func (l *Locale) Date(t time.Time) (string, error) {
	month, err := l.t(fmt.Sprintf("month-%d", int(t.Month())))
	if err != nil {
		return "", err
	}
	day := strconv.Itoa(t.Day())
	if l.french && t.Day() == 1 {
		day = "1er"
	}
	return day + "\u00a0" + month + " " + strconv.Itoa(t.Year()), nil
}

// Weekday returns the name of t's day of the week from the catalog keys
// "day-0" (Sunday) … "day-6" (Saturday); fr "jeudi", en "Thursday". It is an
// error when the catalog lacks the key.
func (l *Locale) Weekday(t time.Time) (string, error) {
	return l.t(fmt.Sprintf("day-%d", int(t.Weekday())))
}
