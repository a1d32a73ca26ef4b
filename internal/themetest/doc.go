// Package themetest holds the browser tests of the built-in theme and of
// the e-mail exports: the real site and the fixture sites of
// internal/site's testdata, built with site.Render and read by headless
// Chromium (layout, contrast, axe-core, no-JS, print, right-to-left,
// images, the 404 page, page weight), Firefox and the W3C Nu checker. It
// has no code besides its tests, and nothing imports it.
//
// The tools come from $KZ30_TOOLS (else tools/node_modules), Chromium
// from $CHROME_PATH (else PATH); with KZ30_REQUIRE_TOOLS=1 (./test.sh) a
// missing one fails the tests instead of skipping them. Screenshots go
// to testout/screenshots/ at the repository root.
package themetest
