package site

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/newsletter"
	"github.com/kz30/kz30/internal/render"
)

// newsletterDir is the output folder of the e-mail exports. The files
// are written beside the page list, so the sitemap and feeds never see
// them.
const newsletterDir = "newsletter"

// exporter makes the e-mail exporter of this build: its Markdown
// converters are made once, here, for every page.
func (b *builder) exporter() *newsletter.Exporter {
	return newsletter.New(newsletter.Options{
		Config:  b.cfg,
		Site:    b.site,
		Catalog: b.cat,
		Locales: b.locales,

		AllowMissing: b.opts.AllowMissing,
		Asset:        b.publishedFile,
		Image:        b.image,
	})
}

// publishedFile returns a file of static/ or an image copied beside a
// page (by output path: "fr/kaspi/col.png"), for the e-mail exports'
// image sizes.
func (b *builder) publishedFile(p string) ([]byte, error) {
	data, err := fs.ReadFile(b.src, path.Join("static", p))
	if err == nil {
		return data, nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, d := range b.docs {
		for _, a := range d.Assets {
			if a.Out == p {
				return fs.ReadFile(b.src, a.Src)
			}
		}
	}
	return nil, err
}

// newsletterPages are the pages that get exports: every section (not the
// homes, not reference pages) in every language, in site order.
func (b *builder) newsletterPages() []*content.Page {
	var ps []*content.Page
	for _, lang := range b.site.Langs {
		for _, e := range b.sections(lang) {
			ps = append(ps, e.Page(b.site, lang))
		}
	}
	return ps
}

// writeNewsletters writes the e-mail exports of every section when
// site.toml enables them: newsletter/<lang>/<slug>.html and
// <slug>-teaser.html, each with its .txt twin, newsletter/index.html and
// the script of its Copy buttons.
func (b *builder) writeNewsletters(s sink) error {
	if !b.cfg.Newsletter.Enabled {
		return nil
	}
	x := b.exporter()
	pages := b.newsletterPages()
	entries := make([]newsletter.IndexEntry, len(pages))
	at := make(map[*content.Page]int, len(pages))
	for i, p := range pages {
		at[p] = i
	}
	var mu sync.Mutex
	// An export depends on its page and what every page shares, so the
	// dev server's rebuilds reuse the exports of unchanged pages (memoWrite).
	type export struct { // exported fields: the build cache encodes it
		Entry newsletter.IndexEntry
		Warns diag.List
	}
	err := parallel(pages, func(p *content.Page, _ *bytes.Buffer) error {
		out, err := memoWrite(b.cache, "newsletter", b.cache.pageInputs(p), s, func(s sink) (export, error) {
			sec, _, err := x.Section(p)
			if err != nil {
				return export{}, err
			}
			var errs, warns diag.List
			e := newsletter.IndexEntry{Lang: p.Lang, Name: p.Entry.Name, Title: sec.Title, Description: sec.Description,
				Full: p.Lang + "/" + p.Slug + ".html", Teaser: p.Lang + "/" + p.Slug + "-teaser.html"}
			for _, teaser := range []bool{false, true} {
				m, err := x.Compose([]*newsletter.Section{sec}, teaser)
				if err != nil {
					errs.Append(err)
					continue
				}
				warns = append(warns, m.Warnings...)
				name := e.Full
				if teaser {
					name = e.Teaser
					e.TeaserSize, e.TeaserText = len(m.HTML), string(m.Text)
				} else {
					e.FullSize = len(m.HTML)
				}
				errs.Append(s.write(path.Join(newsletterDir, name), m.HTML))
				errs.Append(s.write(path.Join(newsletterDir, newsletter.TextPath(name)), m.Text))
			}
			return export{e, warns}, errs.Err()
		})
		mu.Lock()
		entries[at[p]] = out.Entry
		b.mu.Lock()
		b.warns = append(b.warns, out.Warns...)
		b.mu.Unlock()
		mu.Unlock()
		return err
	})
	if err != nil {
		return err
	}
	header, err := b.newsletterHeader()
	if err != nil {
		return err
	}
	dir := newsletterDir + "/"
	index, err := x.Index(entries, newsletter.IndexPage{CSS: content.RelURL(dir, b.cssName), Favicon: content.RelURL(dir, "favicon.svg"), Header: header})
	if err != nil {
		return err
	}
	if err := s.write(path.Join(newsletterDir, newsletter.CopyScriptName), []byte(newsletter.CopyScript)); err != nil {
		return err
	}
	return s.write(path.Join(newsletterDir, "index.html"), index)
}

// newsletterHeader is the site's header on the newsletter index, in the
// source language: the brand, the section navigation and a link to every
// other language's home.
func (b *builder) newsletterHeader() (string, error) {
	dir := newsletterDir + "/"
	lang := b.site.Langs[0]
	v := b.baseView(lang, dir, false)
	v.Layout = "newsletter-index"
	for _, l := range b.site.Langs[1:] {
		a := render.Alternate{Lang: l, Name: i18n.LangName(l), Href: content.RelURL(dir, l+"/")}
		if home := b.site.Page(l, content.HomeName); home != nil {
			a.URL, a.Title = content.AbsURL(b.cfg.BaseURL, home.URLPath()), text(l, home.Title)
			a.Href = content.RelURL(dir, home.URLPath())
		}
		v.Switch = append(v.Switch, a)
	}
	var buf bytes.Buffer
	if err := b.tmpl.Partial(&buf, "header", v); err != nil {
		return "", err
	}
	return strings.TrimLeft(buf.String(), "\n"), nil
}
