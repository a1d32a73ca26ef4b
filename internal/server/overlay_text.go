package server

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
)

// overlayWords are the texts of the overlay, the error page and the
// diagnostics the server words itself, in one language. Pages in a
// language without its table get the English one.
type overlayWords struct {
	Lang          string    `json:"lang"`          // the language of these words
	ErrorTitle    string    `json:"errorTitle"`    // the site did not build
	Kept          string    `json:"kept"`          // the page shows the last good build
	Close         string    `json:"close"`         // the close button
	WarningsTitle string    `json:"warningsTitle"` // heading of the warnings panel
	WarningsNote  string    `json:"warningsNote"`  // what the warnings mean while serving
	Errors        [2]string `json:"-"`             // "1 error", "%d errors"
	Warnings      [2]string `json:"-"`
	PageTitle     string    `json:"-"` // the error page before any good build
	PageIntro     string    `json:"-"`

	// codes words the diagnostics with a content.Code*: message, hint
	// while serving, and the hint's ending under --strict. The verbs are
	// the diagnostic's Args ("%[1]s").
	codes map[string][3]string
	// phrases words other diagnostics, keyed by their English text.
	phrases []phrase
}

// count formats n with the singular or plural form of forms.
func count(forms [2]string, n int) string {
	if n == 1 {
		return strings.ReplaceAll(forms[0], "%d", "1")
	}
	return strings.ReplaceAll(forms[1], "%d", strconv.Itoa(n))
}

var englishWords = overlayWords{
	Lang:          "en",
	ErrorTitle:    "The site did not build",
	Kept:          "The page shows the last good build. Fix and save: it updates by itself.",
	Close:         "Close",
	WarningsTitle: "Warnings",
	WarningsNote:  "The site builds and the page is up to date. Fix these before publishing: kz30 build and kz30 check refuse missing and stale translations.",
	Errors:        [2]string{"1 error", "%d errors"},
	Warnings:      [2]string{"1 warning", "%d warnings"},
	PageTitle:     "The site does not build yet",
	PageIntro:     "Fix the errors below; this page reloads by itself once the site builds.",
	codes: map[string][3]string{
		content.CodeMissingHome: {"language %[1]s has no home page (%[2]s is missing)",
			"create %[2]s with a title and a description (kz30 new _index writes the home of every language that lacks one)", ""},
		content.CodeMissing: {"page “%[1]s” has no %[2]s translation yet (%[3]s is missing)",
			"write it (kz30 new %[1]s scaffolds it)", "; or serve without --strict"},
		content.CodeDraftOnly: {"page “%[1]s” is a draft in %[2]s only: %[3]s has draft: true, %[4]s is published",
			"publish it (remove draft: true), make %[4]s a draft too, or serve with --drafts", "; or serve without --strict"},
		content.CodeStale: {"out-of-date %[3]s translation: %[2]s changed since it was translated",
			"update the translation, then run kz30 translated %[1]s", "; or serve without --strict"},
		content.CodeNoTranslationOf: {"cannot tell whether the %[3]s translation is up to date with %[2]s (no translation_of)",
			"once it matches the source, run kz30 translated %[1]s", ""},
	},
}

var frenchWords = overlayWords{
	Lang:          "fr",
	phrases:       frenchPhrases,
	ErrorTitle:    "La construction du site a échoué",
	Kept:          "La page montre la dernière version construite. Corrigez puis enregistrez\u00a0: elle se met à jour seule.",
	Close:         "Fermer",
	WarningsTitle: "Avertissements",
	WarningsNote:  "Le site se construit et la page est à jour. Réglez ceci avant de publier\u00a0: kz30 build et kz30 check refusent les traductions manquantes ou périmées.",
	Errors:        [2]string{"1 erreur", "%d erreurs"},
	Warnings:      [2]string{"1 avertissement", "%d avertissements"},
	PageTitle:     "Le site ne se construit pas encore",
	PageIntro:     "Corrigez les erreurs ci-dessous\u202f; cette page se recharge seule dès que le site se construit.",
	codes: map[string][3]string{
		content.CodeMissingHome: {"la langue «\u202f%[1]s\u202f» n’a pas de page d’accueil (%[2]s manque)",
			"créez %[2]s avec un titre et une description (kz30 new _index écrit l’accueil de chaque langue qui n’en a pas)", ""},
		content.CodeMissing: {"la page «\u202f%[1]s\u202f» n’a pas encore de version «\u202f%[2]s\u202f» (%[3]s manque)",
			"écrivez-la (kz30 new %[1]s la prépare)", "\u202f; ou lancez kz30 serve sans --strict"},
		content.CodeDraftOnly: {"la page «\u202f%[1]s\u202f» n’est un brouillon qu’en version «\u202f%[2]s\u202f»\u00a0: %[3]s a draft: true, %[4]s est publiée",
			"publiez-la (retirez draft: true), faites aussi de %[4]s un brouillon, ou lancez kz30 serve --drafts", "\u202f; ou lancez kz30 serve sans --strict"},
		content.CodeStale: {"traduction «\u202f%[3]s\u202f» périmée\u00a0: %[2]s a changé depuis qu’elle a été traduite",
			"mettez la traduction à jour, puis lancez kz30 translated %[1]s", "\u202f; ou lancez kz30 serve sans --strict"},
		content.CodeNoTranslationOf: {"impossible de savoir si la traduction «\u202f%[3]s\u202f» est à jour par rapport à %[2]s (pas de translation_of)",
			"quand elle correspond à l’original, lancez kz30 translated %[1]s", ""},
	},
}

// wordsFor is the table of a page language ("fr", "fr-CA", "en"); English
// when kz30 has none for it.
func wordsFor(lang string) *overlayWords {
	return map[string]*overlayWords{"en": &englishWords, "fr": &frenchWords}[i18n.Best(lang, "en", "fr")]
}

// item words one diagnostic for the overlay: in w's language when its Code
// is one the server knows, as the build said it otherwise.
func (w *overlayWords) item(e *diag.Error, strict bool) errorJSON {
	it := errorJSON{Pos: e.Pos.String(), File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Msg: e.Msg, Hint: e.Hint}
	if t, ok := w.codes[e.Code]; ok && e.Code != "" {
		args := make([]any, len(e.Args))
		for i, a := range e.Args {
			args[i] = a
		}
		it.Msg = fmt.Sprintf(t[0], args...)
		it.Hint = fmt.Sprintf(t[1], args...)
		if strict {
			it.Hint += t[2]
		}
		return it
	}
	it.Msg, it.Hint, _ = translate(w.phrases, it.Msg, it.Hint)
	return it
}

// items words every diagnostic of err (one per entry of a diag.List).
func (w *overlayWords) items(err error, strict bool) []errorJSON {
	list := asList(err)
	out := make([]errorJSON, 0, len(list))
	for _, e := range list {
		out = append(out, w.item(e, strict))
	}
	return out
}
