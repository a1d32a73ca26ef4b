package newsletter

import (
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/i18n"
)

// IndexEntry is one section's exports, as the index page lists them.
type IndexEntry struct {
	Lang        string
	Name        string // file name of the page ("kaspi"), unique per language
	Title       string
	Description string
	Full        string // path of the full HTML export, relative to the index ("fr/kaspi.html")
	Teaser      string // path of the teaser's HTML export
	FullSize    int    // bytes of the full HTML export
	TeaserSize  int
	TeaserText  string // the teaser's plain text, shown for copying
}

// TextPath is the plain-text twin of an HTML export's path.
func TextPath(htmlPath string) string {
	return strings.TrimSuffix(htmlPath, ".html") + ".txt"
}

// IndexPage is what the index shares with the site's pages, as hrefs
// relative to the index and HTML.
type IndexPage struct {
	CSS     string // the site's stylesheet
	Favicon string
	Header  string // the site's header (its templates' "header"), written as is
}

// Index writes newsletter/index.html: for each language, every section
// with links to its four exports, a Copy button per export (see
// CopyScript), and its teaser as plain text in a read-only text box, easy
// to select and copy. It is a page of the site for editors, not an
// e-mail: it has the site's header, stylesheet and favicon, and
// CopyScriptName, under a strict Content-Security-Policy (same-origin
// scripts and fetches only), and is noindex.
func (x *Exporter) Index(entries []IndexEntry, pg IndexPage) ([]byte, error) {
	langs := x.opts.Config.Codes()
	page := langs[0]
	title, err := x.t(page, "newsletter-index-title")
	if err != nil {
		return nil, err
	}
	intro, err := x.t(page, "newsletter-index-intro")
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	site := x.siteTitle(page)
	w("<!DOCTYPE html>\n", `<html lang="`, esc(page), `" dir="`, dir(page), `">`, "\n<head>\n")
	w(`<meta charset="utf-8">`, "\n")
	w(`<meta name="viewport" content="width=device-width, initial-scale=1">`, "\n")
	w(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'">`, "\n")
	w(`<meta name="robots" content="noindex, nofollow">`, "\n")
	w("<title>", esc(title), " — ", esc(site), "</title>\n")
	w(`<meta name="description" content="`, esc(intro), `">`, "\n")
	if pg.Favicon != "" {
		w(`<link rel="icon" href="`, esc(pg.Favicon), `" type="image/svg+xml">`, "\n")
	}
	if pg.CSS != "" {
		w(`<link rel="stylesheet" href="`, esc(pg.CSS), `">`, "\n")
	}
	w(`<script src="`, CopyScriptName, `" defer></script>`, "\n")
	w("</head>\n<body>\n", pg.Header)
	if pg.Header != "" && !strings.HasSuffix(pg.Header, "\n") {
		w("\n")
	}
	w(`<main id="main">`, "\n<article>\n")
	w("<h1>", esc(title), "</h1>\n")
	w(`<p class="lede">`, esc(intro), "</p>\n")
	for _, lang := range langs {
		var mine []IndexEntry
		for _, e := range entries {
			if e.Lang == lang {
				mine = append(mine, e)
			}
		}
		if len(mine) == 0 {
			continue
		}
		full, err := x.t(lang, "newsletter-full")
		if err != nil {
			return nil, err
		}
		teaser, err := x.t(lang, "newsletter-teaser")
		if err != nil {
			return nil, err
		}
		text, err := x.t(lang, "newsletter-text")
		if err != nil {
			return nil, err
		}
		preview, err := x.t(lang, "newsletter-preview")
		if err != nil {
			return nil, err
		}
		var copyLabels [3]string
		for i, key := range []string{"newsletter-copy", "newsletter-copied", "newsletter-copy-failed"} {
			if copyLabels[i], err = x.t(lang, key); err != nil {
				return nil, err
			}
		}
		loc := x.opts.Locales[lang]
		w(`<section lang="`, esc(lang), `" dir="`, dir(lang), `" aria-labelledby="nl-`, esc(lang), `">`, "\n")
		w(`<h2 id="nl-`, esc(lang), `">`, esc(i18n.LangName(lang)), "</h2>\n")
		for _, e := range mine {
			id := "nl-" + lang + "-" + e.Name
			w(`<section aria-labelledby="`, esc(id), `">`, "\n")
			w(`<h3 id="`, esc(id), `">`, esc(e.Title), "</h3>\n")
			w("<p>", esc(e.Description), "</p>\n<ul>\n")
			for _, f := range []struct {
				label, path string
				size        int
			}{{full, e.Full, e.FullSize}, {teaser, e.Teaser, e.TeaserSize}} {
				size, err := x.t(lang, "newsletter-html-size", kilobytes(loc, f.size))
				if err != nil {
					return nil, err
				}
				w(`<li><a href="`, esc(f.path), `">`, esc(f.label), "</a> (", esc(size), `) · <a href="`, esc(TextPath(f.path)), `">`, esc(text), "</a>")
				// Hidden until the script shows it: without the script
				// (or the Clipboard API), the links are the way.
				w(` <button type="button" hidden data-copy-html="`, esc(f.path), `" data-copy-text="`, esc(TextPath(f.path)),
					`" data-copied="`, esc(copyLabels[1]), `" data-failed="`, esc(copyLabels[2]), `" aria-label="`, esc(copyLabels[0]+" — "+f.label), `">`, esc(copyLabels[0]), "</button>",
					` <span role="status"></span></li>`, "\n")
			}
			w("</ul>\n")
			w(`<p><label for="`, esc(id), `-text">`, esc(preview), "</label></p>\n")
			rows := min(strings.Count(e.TeaserText, "\n")+1, 24)
			w(`<textarea id="`, esc(id), `-text" readonly rows="`, strconv.Itoa(rows), `" cols="`, strconv.Itoa(TextWidth+2), `" spellcheck="false">`, esc(e.TeaserText), "</textarea>\n")
			w("</section>\n")
		}
		w("</section>\n")
	}
	w("</article>\n</main>\n</body>\n</html>\n")
	return []byte(b.String()), nil
}

// kilobytes formats a size in whole kilobytes, rounded up.
func kilobytes(loc *i18n.Locale, n int) string {
	kb := (n + 1023) / 1024
	if loc == nil {
		return strconv.Itoa(kb)
	}
	return loc.Number(float64(kb))
}
