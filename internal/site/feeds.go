package site

import (
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/feed"
)

// siteURL is the absolute URL of a site path under the base URL.
func (b *builder) siteURL(p string) string { return content.AbsURL(b.cfg.BaseURL, p) }

// writeSitemap writes sitemap.xml (package feed).
func (b *builder) writeSitemap(s sink) error {
	data, err := feed.Sitemap(b.site, b.siteURL)
	if err != nil {
		return err
	}
	return s.write("sitemap.xml", data)
}

// writeFeeds writes one Atom feed per language with its newest pages
// (package feed).
func (b *builder) writeFeeds(s sink) error {
	for _, lang := range b.site.Langs {
		data, err := feed.Atom(b.site, lang, feed.AtomOptions{
			Title: content.SiteTitle(b.cfg, b.site, lang),
			URL:   b.siteURL,
			Text:  func(s string) string { return text(lang, s) },
		})
		if err != nil {
			return err
		}
		if err := s.write(lang+"/index.xml", data); err != nil {
			return err
		}
	}
	return nil
}
