package content

import (
	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/i18n"
)

// SiteTitle is the site's title in lang as every output shows it (page
// header, feed, share image, e-mail): site.toml's title for the language,
// else the title of the language's home page, else site.toml's title, in
// plain text with lang's typography (i18n.PlainText). s may be nil: then
// only site.toml counts.
func SiteTitle(cfg *config.Config, s *Site, lang string) string {
	title := cfg.Title
	if l := cfg.Lang(lang); l != nil && l.Title != "" {
		title = l.Title
	} else if s != nil {
		if home := s.Page(lang, HomeName); home != nil {
			title = home.Title
		}
	}
	return i18n.PlainText(lang, title)
}
