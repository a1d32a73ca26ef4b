package site

import (
	"fmt"
	"strings"
	"time"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/newsletter"
)

// NewsletterRequest selects the e-mail export that kz30 newsletter prints.
type NewsletterRequest struct {
	Names  []string // file names of section pages, without .md ("kaspi"), in message order
	Lang   string   // language of the message; "" for the source language
	Teaser bool     // title, lede, key figures and a link instead of the whole sections
	Text   bool     // the plain text instead of the HTML
	// EML asks for a whole message (an .eml file): the text and the HTML
	// as multipart/alternative, with From, To, Subject, Date and
	// Message-ID (see newsletter.Exporter.EML). Text is then ignored.
	EML      bool
	From, To string           // addresses of the message; "" for the defaults
	Now      func() time.Time // the message's Date; nil for time.Now
}

// Newsletter renders one e-mail message from the sections req names, in
// memory, whether or not site.toml enables the exports. It loads the site
// and converts every page first, so a broken link fails as it does in a
// build, but renders no web page. It returns the build's warnings with
// the message's.
//
// The result is never nil: on error it holds the warnings so far and no
// message.
func Newsletter(opts Options, req NewsletterRequest) (*NewsletterResult, error) {
	msg, warns, err := newsletterMessage(opts, req)
	if err != nil {
		msg = nil
	}
	return &NewsletterResult{Message: msg, Warnings: warns}, err
}

// NewsletterResult is what Newsletter made.
type NewsletterResult struct {
	Message  []byte    // the HTML, the plain text or the .eml file the request asked for
	Warnings diag.List // the build's and the message's
}

// newsletterMessage is Newsletter's work.
func newsletterMessage(opts Options, req NewsletterRequest) ([]byte, diag.List, error) {
	opts = opts.withDefaults()
	b, err := newBuilder(opts)
	if err != nil {
		return nil, b.warnings(), err
	}
	lang := req.Lang
	if lang == "" {
		lang = b.site.Langs[0]
	}
	if b.site.LangIndex(lang) < 0 {
		return nil, b.warnings(), diag.List{{Msg: fmt.Sprintf("--lang: unknown language %q", lang), // a flag: no file position
			Hint: "pass --lang " + strings.Join(b.site.Langs, " or --lang ")}}
	}
	if len(req.Names) == 0 {
		return nil, b.warnings(), diag.List{{Msg: "no section named on the command line", Hint: "name one or more sections: " + strings.Join(b.sectionNames(lang), ", ")}}
	}
	var pages []*content.Page
	var errs diag.List
	for _, name := range req.Names {
		// A name is the page's path below its language ("kaspi",
		// "docs/faq"), with or without its extension.
		for _, ext := range []string{".md", ".markdown", ".html"} {
			name = strings.TrimSuffix(name, ext)
		}
		p := b.site.Page(lang, name)
		switch {
		case p == nil && b.site.Page(b.site.Langs[0], name) != nil && lang != b.site.Langs[0]:
			file := b.site.File(lang, name)
			errs.Add(diag.Pos{File: file}, fmt.Sprintf("page %q has no %s translation (%s is missing)", name, lang, file),
				"write it (kz30 new "+name+" scaffolds it), or export the "+b.site.Langs[0]+" page: --lang "+b.site.Langs[0])
		case p == nil:
			errs.Add(diag.Pos{File: b.site.File(lang, name)}, fmt.Sprintf("no page %q in %s", name, lang),
				"name a section by its file name: "+strings.Join(b.sectionNames(lang), ", "))
		case !p.InNav():
			errs.Add(diag.Pos{File: p.Path}, fmt.Sprintf("%q is a reference page (section: false), which has no newsletter export", name),
				"name a section: "+strings.Join(b.sectionNames(lang), ", "))
		default:
			pages = append(pages, p)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, b.warnings(), err
	}
	// Conversions come from the build cache when it has them (nothing is
	// evicted: the cache holds what the last build needed).
	if err := b.useCache(); err != nil {
		return nil, b.warnings(), err
	}
	err = b.convert(b.pages())
	b.cache.finish(err == nil, false)
	if err != nil {
		return nil, b.warnings(), err
	}
	x := b.exporter()
	var secs []*newsletter.Section
	for _, p := range pages {
		sec, _, err := x.Section(p)
		if err != nil {
			return nil, b.warnings(), err
		}
		secs = append(secs, sec)
	}
	m, err := x.Compose(secs, req.Teaser)
	if err != nil {
		return nil, b.warnings(), err
	}
	warns := append(b.warnings(), m.Warnings...)
	if req.EML {
		now := req.Now
		if now == nil {
			now = time.Now
		}
		eml, err := x.EML(secs, m, newsletter.Envelope{From: req.From, To: req.To, Date: now()})
		return eml, warns, err
	}
	if req.Text {
		return m.Text, warns, nil
	}
	return m.HTML, warns, nil
}

// sectionNames are the file names of lang's sections, for hints.
func (b *builder) sectionNames(lang string) []string {
	var names []string
	for _, e := range b.sections(lang) {
		names = append(names, e.Name)
	}
	return names
}
