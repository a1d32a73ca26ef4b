package i18n

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Locale formats numbers, percentages, ordinals, scaled counts, money and
// dates for one language. Create it with NewLocale. It is immutable and safe
// for concurrent use: every call makes its own message.Printer.
type Locale struct {
	lang    string
	tag     language.Tag
	french  bool // French words and spaces; otherwise English words
	cat     *Catalog
	catLang string // language code to use in cat, "" when cat lacks it
	// pct returns what comes before and after the number in a
	// percentage, learnt once, on first use.
	pct func() (pre, post string)
}

// NewLocale returns the Locale of lang, "fr", "en" or any BCP 47 tag x/text
// knows. cat may be nil: then Date and Weekday return errors. When cat has
// no catalog for lang itself, the base language's catalog is used (fr for
// fr-CA).
func NewLocale(lang string, cat *Catalog) (*Locale, error) {
	if lang == "" {
		return nil, fmt.Errorf("i18n: empty language code")
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, fmt.Errorf("i18n: invalid language code %q: %w", lang, err)
	}
	base, _ := tag.Base()
	l := &Locale{
		lang:   tag.String(),
		tag:    tag,
		french: base.String() == "fr",
		cat:    cat,
	}
	switch {
	case cat.hasLang(l.lang):
		l.catLang = l.lang
	case cat.hasLang(base.String()):
		l.catLang = base.String()
	}
	// x/text formats percentages of a fraction with at most 0 decimals;
	// learn the pattern from 100 % and put Number's output in it instead.
	l.pct = sync.OnceValues(func() (string, string) {
		p := message.NewPrinter(tag)
		pattern := p.Sprint(number.Percent(1))
		hundred := p.Sprint(number.Decimal(100))
		if i := strings.Index(pattern, hundred); i >= 0 {
			return pattern[:i], pattern[i+len(hundred):]
		}
		return "", "%"
	})
	return l, nil
}

// Lang returns the canonical language code of l ("fr", "en", "fr-CA").
func (l *Locale) Lang() string { return l.lang }

// t looks key up in l's catalog.
func (l *Locale) t(key string, args ...any) (string, error) {
	if l.cat == nil {
		return "", fmt.Errorf("i18n: no catalog for language %q to look up %q", l.lang, key)
	}
	lang := l.catLang
	if lang == "" {
		lang = l.lang
	}
	return l.cat.T(lang, key, args...)
}
