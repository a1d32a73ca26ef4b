package server

import (
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/site"
)

// TestFrenchPhrasesMatchTheBuild builds the fixture with one broken page
// per common mistake and words the diagnostics in French: each must be
// translated (message and hint), and every entry of frenchPhrases must
// have been used, so an English message that changes in the build fails
// here instead of silently falling back to English in the overlay.
func TestFrenchPhrasesMatchTheBuild(t *testing.T) {
	front := "---\ntitle: T\ndescription: D\n"
	for _, tc := range []struct {
		name, page, want string
	}{
		{"empty file", "", "fichier vide"},
		{"no front matter", "Hello\n", "pas d’en-tête (front matter)"},
		{"unclosed", "---\ntitle: x\n", "en-tête non fermé"},
		{"missing title", "---\ndescription: D\n---\nx\n", "titre manquant"},
		{"no description nor paragraph", "---\ntitle: T\n---\n", "pas de description\u00a0: le titre en tient lieu (la page n’a pas de paragraphe)"},
		{"no description", "---\ntitle: T\n---\nx\n", "pas de description\u00a0: le premier paragraphe en tient lieu (méta-description, flux, aperçus)"},
		{"invalid date", front + "date: soon\n---\nx\n", "date\u00a0: date invalide «\u202fsoon\u202f»"},
		{"unknown fact", front + "facts: [nope]\n---\nx\n", "fait inconnu «\u202fnope\u202f»"},
		{"missing page", front + "---\nSee [x](nope.md).\n", "lien vers une page qui n’existe pas, «\u202fnope.md\u202f» (content/fr/nope.md manque)"},
		{"missing anchor", front + "---\nSee [x](a.md#nope).\n", "lien vers une ancre qui n’existe pas, #nope dans content/fr/a.md"},
		{"empty link", front + "---\nSee [x]().\n", "lien vide"},
		{"raw HTML", front + "---\n<div>x</div>\n", "HTML brut omis\u00a0: <div>"},
		{"image without alt", front + "---\n![](/favicon.svg)\n", "image sans texte alternatif"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := fixture(t)
			write(t, dir, "content/fr/x.md", tc.page)
			res, err := site.Render(site.Options{Dir: dir, Defaults: repoRoot, AllowMissing: true, AllowStale: true})
			var all diag.List
			all.Append(err)
			if res != nil && res.Stats != nil {
				all = append(all, res.Stats.Warnings...)
			}
			var got []string
			for _, e := range all {
				if e.Pos.File != "content/fr/x.md" {
					continue
				}
				it := frenchWords.item(e, false)
				got = append(got, it.Msg+" / "+it.Hint)
				if it.Msg == tc.want {
					if it.Hint == e.Hint {
						t.Errorf("%s: the hint is still English: %q", tc.want, it.Hint)
					}
					return
				}
			}
			t.Errorf("no diagnostic of content/fr/x.md worded %q; got:\n%s\nfrom:\n%v", tc.want, strings.Join(got, "\n"), all)
		})
	}
}

// Every phrase is one the test above exercises.
func TestFrenchPhrasesAllTested(t *testing.T) {
	if len(frenchPhrases) != 13 {
		t.Errorf("%d French phrases; give each new one a case in TestFrenchPhrasesMatchTheBuild, then update this count", len(frenchPhrases))
	}
}

// A diagnostic is translated only when message and hint both match; an
// unknown one stays English; English pages get the build's words except
// for the translation codes, worded for serve.
func TestOverlayWording(t *testing.T) {
	e := &diag.Error{Msg: "unclosed front matter", Hint: "end the front matter with a line \"---\""}
	if it := frenchWords.item(e, false); it.Msg != "en-tête non fermé" {
		t.Errorf("fr: %+v", it)
	}
	if it := englishWords.item(e, false); it.Msg != e.Msg || it.Hint != e.Hint {
		t.Errorf("en: %+v", it)
	}
	changed := &diag.Error{Msg: "unclosed front matter", Hint: "a new English hint"}
	if it := frenchWords.item(changed, false); it.Msg != changed.Msg || it.Hint != changed.Hint {
		t.Errorf("a changed hint was half translated: %+v", it)
	}
	if w := wordsFor("fr-CA"); w != &frenchWords {
		t.Error("fr-CA does not get the French words")
	}
	if w := wordsFor("de"); w != &englishWords {
		t.Error("de does not get the English words")
	}
}
