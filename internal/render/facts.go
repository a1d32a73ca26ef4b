package render

import (
	"math"
	"strconv"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
)

// FactFigure formats a fact's figure the way its language writes it:
// "29e" / "29th", "plus de 90 %" / "more than 90%", "11 à 12 millions" /
// "11 to 12 million", "370 milliards de dollars" / "US$370 billion".
// Claims have no figure and give "".
func FactFigure(loc *i18n.Locale, cat *i18n.Catalog, f *content.Fact) string {
	lang := loc.Lang()
	var s string
	switch f.Kind {
	case content.KindRank:
		s = loc.Ordinal(int(f.Value))
	case content.KindPercent:
		s = loc.Percent(f.Value)
	case content.KindMoney:
		s = loc.Money(f.Value, f.Currency)
	case content.KindDate:
		s = strconv.Itoa(int(f.Value))
	case content.KindCount:
		if f.IsRange() {
			lo := loc.Scaled(f.Min)
			if scale := scaleOf(f.Max); scale > 1 && scaleOf(f.Min) == scale {
				lo = loc.Number(f.Min / scale)
			}
			s = t(cat, lang, "range", lo, loc.Scaled(f.Max))
		} else {
			s = loc.Scaled(f.Value)
		}
	default:
		return ""
	}
	if f.Qualifier != "" {
		s = t(cat, lang, "qualifier-"+f.Qualifier, s)
	}
	return s
}

// scaleOf is the scale word's factor of v (1e9, 1e6) or 1.
func scaleOf(v float64) float64 {
	switch a := math.Abs(v); {
	case a >= 1e9:
		return 1e9
	case a >= 1e6:
		return 1e6
	}
	return 1
}

// t formats a catalog string, falling back to the first argument when the
// key is missing (the catalog check reports missing keys separately).
func t(cat *i18n.Catalog, lang, key string, args ...any) string {
	s, err := cat.T(lang, key, args...)
	if err != nil {
		if len(args) > 0 {
			if a, ok := args[0].(string); ok {
				return a
			}
		}
		return ""
	}
	return s
}

// FactCard builds the key-figure card of a fact (without its source link).
func FactCard(loc *i18n.Locale, cat *i18n.Catalog, f *content.Fact) Card {
	c := Card{ID: f.ID, Figure: FactFigure(loc, cat, f), Label: f.Label[loc.Lang()]}
	c.Label = loc.Text(c.Label)
	c.Chart, c.ChartAlt = Chart(loc, cat, f)
	return c
}
