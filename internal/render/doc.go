// Package render executes the site's html/template files. Its contract
// is the template API: what a layout can read, call and cache.
//
// # Files
//
// Templates live in templates/ of the source folder, each file falling
// back to the built-in theme's (kz30 theme export copies them). base.html
// and every file whose name starts with "_" are shared; each other file
// is a layout, one of Layouts (landing.html, home.html, page.html,
// 404.html, alias.html), executed with a *View. Templates are named by
// their path, so parse and execution errors name templates/FILE.html:
// line:col. A Renderer parses them once per build (New) and is safe for
// concurrent use; Execute runs a layout, Partial one shared template
// ("header" on the newsletter index).
//
// # The View
//
// A layout's dot is a *View: its fields are the page (Title,
// Description, Content, Page, Doc, TOC, Minutes, Cards, Published,
// Reviewed), the site in the page's language (SiteTitle, ShortTitle,
// HomeLink, Nav, AllPages, Children, Crumbs, Prev, Next, Sources), the
// other languages (Alternates, XDefault, Switch, Stale, Langs) and the
// addresses (Root, CSS, Favicon, BaseURL, Canonical, Feed, FeedAbs,
// OGImage, ImageHosts, Redirect, LiveReload), each documented on the
// type. Strings are plain text with the language's typography applied;
// hrefs are relative to the page, except on the 404 page (see View).
// Its methods format in the page's language:
//
//	{{.T "key" args…}}       a UI string of templates/i18n/LANG.toml
//	{{.TL "en" "key" args…}} the same in another language
//	{{.LangName "kk"}}        a language's name in the page's language
//	{{.Dir}}                  "ltr" or "rtl"
//	{{.DirChange "ar"}}       "rtl" when a language's direction differs from the page's, else ""
//	{{.Num 12.5}}             a number in the locale's digits and separators
//	{{.Date .Published}}      a date as the locale writes it
//	{{.ISODate .Published}}   2006-01-02, for datetime attributes
//	{{.NavKey}}               the key of the section navigation (partialCached)
//
// # Functions
//
// Besides html/template's own, every template may call add (a + b),
// join (sep, list), contains (list, s), locale (lang → Open Graph
// locale "fr_FR") and partialCached:
//
//	{{partialCached "nav" .NavKey .}}
//
// executes the shared template "nav" with . the first time a build asks
// for that key and reuses its HTML for every later page that passes the
// same key, so the key must name everything the template reads. A
// template that calls itself through partialCached more than
// MaxPartialDepth deep fails with a RecursionError instead of running
// without end. The cache lives as long as the Renderer: one build.
package render
