// Package kz30 holds the default site: the templates and static files that
// kz30 uses for a source folder that has none of its own. It imports
// nothing, so every package may use it.
package kz30

import "embed"

// Defaults holds templates/ (with templates/i18n/) and static/. "all:"
// keeps templates/_partials.html: a plain directory pattern leaves out
// files whose names start with _ or a dot.
//
//go:embed all:templates static
var Defaults embed.FS
