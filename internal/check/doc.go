// Package check finds what a bilingual site must not ship: translations that
// say something else than their source, pages whose structure drifted apart,
// figures missing from the prose, and links of the built output that lead
// nowhere. It reads a site that was already loaded, converted and rendered
// (in memory: package build does that and calls Run) and writes nothing.
//
// The checks, each a diagnostic at path:line:col (errors fail `kz30 check`,
// warnings do not):
//
//   - fact parity (error): every fact a page lists in `facts:` that carries
//     a figure (all kinds but "claim") appears in the page's prose
//     (markdown.Doc.Text: code, front matter, footnote and list numbers
//     excluded), recognised with i18n.FindNumbers and compared by value:
//     "370 milliards de dollars" and "US$370 billion" are both 370e9, a
//     range "11 à 12 millions" must state both ends, a percent fact needs a
//     percentage. Qualifiers ("plus de", "about") are not checked;
//   - number parity (error): every figure of one language's version of a
//     page (its prose, title and description together) has a counterpart
//     of the same value (the range's two ends for a range) in the
//     source-language version and the other way round; a figure of the
//     title or description is reported on the file's first line.
//     Figures are read in each language's format (de "1.200,5", fr and ru
//     "1 200,5", en "1,200.5", Arabic-Indic digits) and compared by value;
//     a figure written the same way in the other version ("WCAG 2.1" on
//     both sides), version-like tokens ("1.2.3"), and digits inside URLs,
//     code, footnote marks and list numbers are never reported.
//     Years and days are figures too ("16 décembre 1991" = "16 December
//     1991"); kinds are not compared, so "29e" matches "29th" and "la 2e"
//     matches "2nd". Every page is compared, reference pages (section:
//     false) included: a glossary or a sources page that gives a date or a
//     count in one language owes it to the other. A figure spelled in words
//     in one language ("trois", "three") is not a figure: write digits in
//     both, or words in both;
//   - fact lists (error): the translations of a page list the same fact IDs;
//     a fact of content/facts.toml that no page lists is a warning;
//   - structure drift (warning): a translation has another number of
//     headings, footnotes, internal links or images than its source; explicit
//     heading IDs ({#id}) are the same set in every language (error), so a
//     deep link survives the language switch;
//   - placeholders (error): a title or description still starting with
//     "TODO", as `kz30 new` writes them;
//   - links (error): every href, src, srcset, meta refresh URL and sharing
//     URL (og:url, og:image, twitter:image) of every HTML file of the
//     output resolves to a file of the output, and a #fragment to an id of
//     that file. Relative URLs are resolved against the file's folder; a
//     URL under base_url is resolved below the base path; a root-relative
//     URL ("/x") is an error, as it ignores the base path and breaks the
//     site under a sub-path and opened from disk, except in 404.html, which
//     the host serves at any depth: its URLs start with the base path
//     ("/kz30/assets/…") and are resolved below it; an
//     absolute URL on the site's host outside the base path is an error; a
//     relative link to a folder ("../kaspi/") is a warning (it works on a
//     server, not from disk: link to index.html). Other absolute URLs are
//     external: listed in Report.External, never fetched.
//
// Missing and stale translations, unknown fact IDs and facts without a label
// in every language are found by the loader (package content); build.Check
// reports them with the findings of this package. Translations returns the
// page × language status table of `kz30 check --translations`.
package check
