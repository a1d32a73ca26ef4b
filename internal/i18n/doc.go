// Package i18n holds everything kz30 knows about languages: the UI string
// catalogs, number and date formatting, typography, direction, slugs and
// heading IDs, collation, word counts, and the figure finder used by the
// translation checker. No other package compares language codes: they ask
// a Locale (NewLocale, or LocaleOf for the rules that need no catalog) or
// pick among their own per-language data with Best.
//
// # Catalogs
//
// LoadCatalog reads one TOML file per language (templates/i18n/fr.toml,
// templates/i18n/en.toml). Keys are flat. A string value is a message; a
// table whose keys are CLDR plural forms (zero, one, two, few, many, other;
// other required) is a plural message selected on the first argument:
//
//	skip-link = "Aller au contenu"
//
//	[reading-time]
//	one   = "%d minute de lecture"
//	other = "%d minutes de lecture"
//
// Messages are fmt formats (%s, %d); write a literal percent sign as %%.
// Their verbs are checked at load time (see verbs.go: codeCalls, CheckVerbs),
// and T refuses arguments that do not fit a message.
// They are formatted by a golang.org/x/text/message.Printer, so %d prints
// localized digits and group separators. Messages live in a
// golang.org/x/text/message/catalog built with catalog.NewBuilder; nothing is
// registered globally. Load errors are a diag.List positioned at
// file:line:col. Catalog.T fails on a key the language lacks, naming the file
// to fix.
//
// # Formatting
//
// A Locale formats numbers (x/text/number), percentages, ordinals (CLDR
// ordinal rules), large counts with scale words, money and dates for one
// language. French output follows the Imprimerie nationale: U+202F NARROW
// NO-BREAK SPACE groups digits ("100 000"), U+00A0 NO-BREAK SPACE separates
// a figure from its sign or word ("18 %", "11 millions", "16 décembre").
// Ordinal suffixes and scale words know fr, en, de, es, it, pt, ru, uk, kk
// and ar; currency words French and English (other languages write the
// amount the English way with their own digits and scale words). x/text has
// no date formatting, so month and day names come from the catalog keys
// month-1 … month-12 and day-0 (Sunday) … day-6, in each language's order
// (date.go).
//
// # Typography and direction
//
// Locale.Quotes are the language's quotation marks (rules.go), which the
// Markdown typographer and Locale.PlainText put for straight quotes.
// Locale.Text and Locale.HTML apply the language's spacing: for French,
// FrenchText and FrenchHTML put U+00A0 before : and %, U+202F before ; ! ?
// and inside « », replacing whatever space the author typed there, and
// add one inside guillemets next to a letter; no space is added before
// : ; ! ?, so URLs and code stay intact; FrenchHTML rewrites text nodes
// only and leaves every other byte as it was. Locale.Dir is "rtl" for the
// right-to-left scripts, from the language's likely script.
//
// # Text utilities
//
// Slug makes ASCII anchors and file names, Locale.ID heading IDs in any
// script (Cyrillic and Greek transliterated by translit.go's tables, other
// scripts kept), IDs keeps them unique in a document; Sort and Compare order strings with
// golang.org/x/text/collate; Locale.Words (words, or characters for Chinese
// and Japanese) and Locale.ReadingMinutes with the language's default
// reading speed (Locale.WordsPerMinute, rules.go) estimate reading time;
// FindNumbers lists the figures in a text, read with the language's
// number format and its scale and percent words (numbers_words.go), so the
// checker can compare a page with its translation in any pair.
//
// Everything here is safe for concurrent use except IDs, which belongs to
// one document at a time. The package has no mutable package-level state.
package i18n
