package render

import (
	"html/template"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
)

// Chart draws the small SVG chart of a share or a rank; other facts get
// none. It returns the SVG and its visible text equivalent.
func Chart(loc *i18n.Locale, cat *i18n.Catalog, f *content.Fact) (template.HTML, string) {
	return "", ""
}
