// Package i18n holds everything kz30 knows about languages: the UI string
// catalogs, number and date formatting, French typography, slugs, collation,
// word counts, and the figure finder used by the translation checker.
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
// Word-based features (ordinal suffixes, scale words, currency words) know
// French and English; any other language uses the English words with its own
// digits. x/text has no date formatting, so month and day names come from the
// catalog keys month-1 … month-12 and day-0 (Sunday) … day-6.
//
// # Typography
//
// FrenchHTML and FrenchText put the French spaces before ; : ! ? % » and
// after «. They only turn an existing ordinary space into a no-break one, or
// add one inside guillemets next to a letter, so URLs and code stay intact;
// FrenchHTML rewrites text nodes only and leaves every other byte as it was.
//
// # Text utilities
//
// Slug and IDs make ASCII anchors; Sort and Compare order strings with
// golang.org/x/text/collate; Words and ReadingMinutes estimate reading time;
// FindNumbers lists the figures in a text so the checker can compare a page
// with its translation.
//
// Everything here is safe for concurrent use except IDs, which belongs to
// one document at a time. The package has no mutable package-level state.
package i18n
