package check

import (
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/markdown"
)

// Input is a site built in memory: what the checks read.
type Input struct {
	Site  *content.Site
	Docs  map[*content.Page]*markdown.Doc // the converted body of every page
	Files map[string][]byte               // the output by slash path ("fr/kaspi/index.html")
	// BaseURL is the site's absolute address ("https://user.github.io/repo/"):
	// URLs below it are internal.
	BaseURL string
	// OutDir names the output in diagnostics ("public"): a broken link of
	// fr/kaspi/index.html is reported at public/fr/kaspi/index.html:line:col.
	OutDir string
	// Locales and Catalog, when set, let messages show a fact's figure the
	// way each language writes it; they are optional.
	Locales map[string]*i18n.Locale
	Catalog *i18n.Catalog
}

// Report is what Run found.
type Report struct {
	Errors   diag.List
	Warnings diag.List
	// External lists the external URLs of the output, sorted, each with
	// where it first appears; they are never fetched.
	External []External
	// Links is the number of internal URLs checked in Files; Pages the
	// number of HTML files read.
	Links, Pages int
}

// Run runs every check on in and returns the sorted findings.
func Run(in Input) *Report {
	r := &Report{}
	if in.Site != nil {
		Facts(in, r)
		Numbers(in, r)
		Structure(in, r)
		Placeholders(in.Site, r)
	}
	if in.Files != nil {
		Links(in, r)
	}
	r.Errors = r.Errors.Sort()
	r.Warnings = r.Warnings.Sort()
	return r
}

// pairs calls fn for every translation of every entry with the page in the
// source language (the first of Site.Langs); entries missing either are
// skipped (the loader reports them).
func pairs(s *content.Site, fn func(src, tr *content.Page)) {
	for _, e := range s.Entries {
		src := e.Pages[0]
		if src == nil {
			continue
		}
		for _, tr := range e.Pages[1:] {
			if tr != nil {
				fn(src, tr)
			}
		}
	}
}

// bodyPos is the position of a page's first body line.
func bodyPos(p *content.Page) diag.Pos {
	return diag.Pos{File: p.Path, Line: max(p.BodyLine, 1)}
}
