// Package kz30 holds the built-in theme: the templates, UI strings and
// static files of theme/, which a site's own templates/ and static/
// override file by file (and templates/i18n/LANG.toml key by key). It
// imports no package of the module, so every package may use it.
package kz30

import (
	"embed"
	"io/fs"
)

// theme is theme/ as embedded. "all:" keeps templates/_partials.html: a
// plain directory pattern leaves out files whose names start with _ or a
// dot.
//
//go:embed all:theme
var theme embed.FS

// Defaults is the built-in theme: templates/ (with templates/i18n/) and
// static/ at its root, as build.Options.Defaults wants them.
var Defaults fs.FS = mustSub(theme, "theme")

// mustSub is fs.Sub for a directory that is known to be embedded.
func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // unreachable: theme/ is embedded above
	}
	return sub
}
