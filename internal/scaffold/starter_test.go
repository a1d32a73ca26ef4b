package scaffold

import (
	"strings"
	"testing"
)

// TestStarters: every language of the built-in theme has its own starter
// text with the same pages and heading IDs, so a new site in any pair
// passes kz30 check; another language gets the English text.
func TestStarters(t *testing.T) {
	en := starter("en")
	for _, lang := range []string{"ar", "de", "en", "es", "fr", "it", "kk", "pt", "ru", "uk"} {
		s := starter(lang)
		if lang != "en" && s.description == en.description {
			t.Errorf("starter(%q) is the English text", lang)
		}
		for name, p := range en.pages {
			q, ok := s.pages[name]
			if !ok {
				t.Errorf("starter(%q) lacks page %q", lang, name)
				continue
			}
			for _, id := range []string{"{#start}", "{#write}", "{#translate}", "{#publish}", "{#site}"} {
				if strings.Contains(p.body, id) != strings.Contains(q.body, id) {
					t.Errorf("starter(%q) page %q: heading %s differs from English", lang, name, id)
				}
			}
			for _, link := range []string{"(getting-started.md)", "(sources.md)"} {
				if strings.Contains(p.body, link) != strings.Contains(q.body, link) {
					t.Errorf("starter(%q) page %q: link %s differs from English", lang, name, link)
				}
			}
		}
	}
	for lang, want := range map[string]string{"pt-BR": starter("pt").description, "nl": en.description, "fr-CA": starter("fr").description} {
		if got := starter(lang).description; got != want {
			t.Errorf("starter(%q).description = %q, want %q", lang, got, want)
		}
	}
}
