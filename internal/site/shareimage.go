package site

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/shareimage"
)

// The share image is the picture that link previews (Open Graph, Twitter
// cards) show: one per language, drawn at build time by package
// shareimage, so it always says what site.toml says and needs no image
// editor.

// shareImageName is the path of lang's share image in the output.
func shareImageName(lang string) string { return "assets/share-" + lang + ".png" }

// shareCardOf is the text of lang's share image, from site.toml and the
// language's home page.
func (b *builder) shareCardOf(lang string) shareimage.Card {
	c := shareimage.Card{Title: content.SiteTitle(b.cfg, b.site, lang), Subtitle: b.cfg.Lang(lang).Description, Brand: b.cfg.Short(lang)}
	if c.Subtitle == "" {
		if home := b.site.Page(lang, content.HomeName); home != nil {
			c.Subtitle = home.Description
		}
	}
	c.Subtitle = text(lang, c.Subtitle)
	if u, err := url.Parse(b.cfg.BaseURL); err == nil {
		c.Address = strings.TrimSuffix(u.Host+u.Path, "/")
	}
	return c
}

// writeShareImages draws every language's share image, in parallel, and
// warns about characters the Go fonts cannot draw.
func (b *builder) writeShareImages(s sink) error {
	langs := b.site.Langs
	pngs := make([][]byte, len(langs))
	missing := make([][]rune, len(langs))
	errs := make([]error, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					errs[i] = panicError(nil, r)
				}
			}()
			// A card is drawn from its text alone: builds reuse the
			// drawing (the build cache) while the text is unchanged.
			type drawn struct {
				PNG     []byte
				Missing []rune
			}
			card := b.shareCardOf(lang)
			d, err := memo(b.cache, "share-image", fmt.Sprintf("%#v", card), func() (drawn, error) {
				png, missing, err := shareimage.Draw(card)
				return drawn{png, missing}, err
			})
			pngs[i], missing[i], errs[i] = d.PNG, d.Missing, err
		})
	}
	wg.Wait()
	var all diag.List
	for i, lang := range langs {
		if errs[i] != nil {
			// The card is drawn from site.toml's title and description of
			// the language: the file is the only position there is.
			all.Add(diag.Pos{File: "site.toml"}, fmt.Sprintf("cannot draw the %s share image %s: %v", lang, shareImageName(lang), errs[i]),
				"check the language's title and description in site.toml, or the site-title-short UI string")
			continue
		}
		if len(missing[i]) > 0 {
			b.mu.Lock()
			b.warns.Add(diag.Pos{File: "site.toml"},
				fmt.Sprintf("the %s share image cannot draw %q (not in the Go fonts); it shows boxes instead", lang, string(missing[i])),
				"use other characters in the language's title and description, or in short_title")
			b.mu.Unlock()
		}
		all.Append(s.write(shareImageName(lang), pngs[i]))
	}
	return all.Err()
}
