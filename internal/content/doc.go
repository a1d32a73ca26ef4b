// Package content loads a bilingual site's sources into a Site.
//
// Layout: content/<lang>/NAME.md for every language of the configuration,
// plus content/facts.toml. Files with the same NAME in each language are one
// page (an Entry) in several languages; _index.md is each language's home.
// NAME may hold folders (content/fr/docs/faq.md is "docs/faq", at URL
// fr/docs/faq/); a folder's _index.md is its section page ("docs/_index"),
// whose slug names the folder in URLs. Hugo's one-tree layout is read too:
// content/NAME.LANG.md (and content/NAME.md in the source language when
// no language has its folder). Pages with the same translationKey are one
// Entry whatever their paths. A folder whose page is index.md (Hugo's leaf
// bundle) is that page, and its other files are its Resources. .markdown
// is read like .md, .html is an HTML page; any other file of content/ is
// a warning.
//
// Each file starts with YAML front matter between two lines of "---", or
// TOML between two lines of "+++" (Hugo's form). Keys are matched
// case-insensitively:
//
//	title           string, required
//	description     string (one sentence: meta, feeds, teasers); when
//	                missing, summary, else the body's first paragraph
//	                (Summary) with a warning
//	weight          int, order in navigation (then NAME)
//	slug            URL segment in this language ([a-z0-9-]); default NAME
//	date, lastmod   YYYY-MM-DD, RFC 3339, or 2006-01-02T15:04:05 (UTC);
//	                lastmod defaults to date
//	facts           list of fact IDs of content/facts.toml stated by the page
//	translation_of  first 12 hex digits of the SHA-256 of the source-language
//	                body this translation was made from (see BodyHash)
//	draft           bool; drafts are left out unless Options.Drafts
//	section         bool, default true; false for reference pages
//	aliases         list of old URL paths ("fr/ancien-nom/") that redirect here
//
// Hugo's keys are read without a warning: linkTitle (the navigation
// label), summary (the description when there is none), translationKey,
// url (the page's whole URL path, below its language: see setURLs),
// tags and categories (Terms, one per language and slug, pairing across
// languages by slug), images (kept on the Page, not used yet); menu,
// menus, layout, type and toc are ignored.
//
// A .html page has the same front matter and an HTML body (converted by
// markdown.Converter.ConvertHTML); its description falls back to its
// first <p> (HTMLSummary). Blank lines before the front matter are
// allowed, as in Hugo. In a language folder, a language in the file name
// wins (content/en/x.fr.md is x in French).
//
// Unknown keys are warnings, one per key for the whole site; wrong types and invalid values are errors
// (a date before year 1000, such as 0001-01-01, is not a date). A UTF-8
// BOM is dropped and CRLF becomes LF before anything else, so both give
// the same output as LF files. Body line numbers stay file line numbers
// (Page.BodyLine).
//
// File names are compared in Unicode NFC (an NFD "café.md" and an NFC one
// are one page; both in one language are an error), and a page without
// slug gets its file name folded like a heading ID (i18n.Slug: "café" →
// "cafe").
//
// Limits, checked before parsing: page files up to MaxPageSize, front
// matter up to MaxFrontMatter, nested at most MaxYAMLDepth levels, and no
// YAML aliases. facts.toml values are finite; ranks are whole numbers
// from 1 to of, percents 0 to 100, date facts years 1000 to 9999.
//
// Translation rules: the first language of the configuration is the source.
// Every language needs its home page, content/<lang>/_index.md, published:
// without it, whatever the options, Load fails naming the file to create.
// A page missing in some language is an error unless Options.AllowMissing;
// when the missing file exists as a draft (draft: true in one language
// only), the message says so. A translation whose translation_of differs
// from the source body's hash is stale: an error unless Options.AllowStale;
// a translation without translation_of gets a warning. These diagnostics
// carry a Code (CodeMissingHome, CodeMissing, CodeDraftOnly, CodeStale,
// CodeNoTranslationOf) and Args, so that the dev server can word them in the
// page's language. `kz30 translated` writes translation_of.
package content
