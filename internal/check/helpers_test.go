package check

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/markdown"
)

// md is a page file: front matter lines and a body.
func md(front, body string) string { return "---\n" + front + "---\n" + body }

// pageFront is a valid front matter for the check tests.
const pageFront = "title: T\ndescription: D\n"

// mustInput loads files (path → text) like a build does, missing and stale
// translations allowed, and converts every page.
func mustInput(t *testing.T, files map[string]string) Input {
	t.Helper()
	return mustInputLangs(t, []string{"fr", "en"}, files)
}

// mustInputLangs is mustInput for a site in langs (the source first).
func mustInputLangs(t *testing.T, langs []string, files map[string]string) Input {
	t.Helper()
	cfg := config.Default()
	cfg.Languages = nil
	fsys := fstest.MapFS{}
	for i, lang := range langs {
		cfg.Languages = append(cfg.Languages, config.Language{Code: lang})
		// Every site has its homes; a test may give its own.
		front := pageFront
		if i > 0 {
			front += "translation_of: " + content.BodyHash([]byte("Accueil.\n")) + "\n"
		}
		fsys["content/"+lang+"/_index.md"] = &fstest.MapFile{Data: []byte(md(front, "Accueil.\n"))}
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	site, _, err := content.Load(fsys, cfg, content.Options{AllowMissing: true, AllowStale: true})
	if err != nil {
		t.Fatalf("content.Load: %v", err)
	}
	docs := map[*content.Page]*markdown.Doc{}
	conv := map[string]*markdown.Converter{}
	for _, e := range site.Entries {
		for _, p := range e.Pages {
			if p == nil {
				continue
			}
			if conv[p.Lang] == nil {
				conv[p.Lang] = markdown.New(markdown.Options{Lang: p.Lang})
			}
			doc, _, err := conv[p.Lang].Convert(markdown.Source{File: p.Path, Line: p.BodyLine, Body: p.Body,
				Resolve: func(dest string) (string, error) { return dest, nil }})
			if err != nil {
				t.Fatalf("Convert %s: %v", p.Path, err)
			}
			docs[p] = doc
		}
	}
	return Input{Site: site, Docs: docs}
}

// lines formats a diagnostic list one per line, for messages and matching.
func lines(l diag.List) []string {
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.Error()
	}
	return out
}

// wantLines checks that every want is a prefix of some line of got, and
// that got has no more lines than want.
func wantLines(t *testing.T, what string, got diag.List, want []string) {
	t.Helper()
	gl := lines(got)
	for _, w := range want {
		found := false
		for _, g := range gl {
			if strings.HasPrefix(g, w) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s lack %q; got:\n%s", what, w, strings.Join(gl, "\n"))
		}
	}
	if len(gl) != len(want) {
		t.Errorf("%s: got %d, want %d:\n%s", what, len(gl), len(want), strings.Join(gl, "\n"))
	}
}
