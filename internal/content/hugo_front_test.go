package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kz30/kz30/internal/config"
)

// Hugo's front matter reads as it is: TOML, keys in any case, dates with
// a time, Hugo's own keys, and no description.
func TestHugoFrontMatter(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/t.md": {Data: []byte("+++\nTitle = \"Page TOML\"\ndescription = 'D'\ndate = 2021-12-16T10:30:00+06:00\nlastmod = 2022-01-02\ntags = [\"a\", \"b\"]\nlinkTitle = \"Court\"\n[menu.main]\nweight = 3\n+++\nCorps.\n")},
		"content/en/t.md": {Data: []byte("---\nTitle: TOML page\nDescription: D\nDate: 2021-12-16T10:30:00\nlinkTitle: Short\nurl: /x/\nimages: [a.png]\ncategories: c\nmenu: main\nlayout: wide\ntype: post\ntoc: true\ntranslationKey: tk\nsummary: S\n---\nBody.\n")},
		"content/fr/n.md": {Data: []byte("---\ntitle: Sans description\n---\n# Titre\n\nLe **premier** paragraphe, avec [un lien](x) et `du code`.\nSuite du même paragraphe.\n\nSecond.\n")},
		"content/en/n.md": {Data: []byte("---\ntitle: No description\nsummary: From the summary.\n---\nBody.\n")},
		"content/fr/e.md": {Data: []byte("+++ \ntitle = \"Titre seul\"\n+++ \n## Only a heading\n")},
		"content/en/e.md": page(okFront, "x\n"),
	})
	site, warns := mustLoad(t, fsys, Options{})
	fr, en := site.Page("fr", "t"), site.Page("en", "t")
	if fr.Title != "Page TOML" || fr.Description != "D" || fr.NavTitle() != "Court" || strings.Join(fr.Tags, ",") != "a,b" {
		t.Errorf("TOML page = %+v", fr)
	}
	if want := time.Date(2021, 12, 16, 10, 30, 0, 0, time.FixedZone("", 6*3600)); !fr.Date.Equal(want) || fr.Lastmod.Format(time.DateOnly) != "2022-01-02" {
		t.Errorf("TOML dates = %v, %v", fr.Date, fr.Lastmod)
	}
	if en.Title != "TOML page" || en.Date.Format(time.RFC3339) != "2021-12-16T10:30:00Z" || en.LinkTitle != "Short" ||
		en.URL != "/x/" || en.TranslationKey != "tk" || strings.Join(en.Categories, ",") != "c" || en.Images[0] != "a.png" {
		t.Errorf("YAML Hugo page = %+v", en)
	}
	if got, want := site.Page("fr", "n").Description, "Le premier paragraphe, avec un lien et du code. Suite du même paragraphe."; got != want {
		t.Errorf("description from the body = %q, want %q", got, want)
	}
	if got := site.Page("en", "n").Description; got != "From the summary." {
		t.Errorf("description from summary = %q", got)
	}
	if !strings.Contains(warns, "content/fr/n.md:1:1: no description: the first paragraph stands in for it") {
		t.Errorf("no warning for the missing description: %s", warns)
	}
	if got := site.Page("fr", "e").Description; got != "Titre seul" || !strings.Contains(warns, "content/fr/e.md:1:1: no description: the title stands in for it") {
		t.Errorf("description of a page without paragraph = %q; warnings %s", got, warns)
	}
	if strings.Count(warns, "no description") != 2 || strings.Contains(warns, "unknown front matter key") {
		t.Errorf("Hugo's keys or a summary warn: %s", warns)
	}
}

// An unknown key is one warning for the whole site, at its first use.
func TestUnknownKeyOncePerSite(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/a.md": page(okFront+"author: x\n", "x\n"),
		"content/fr/b.md": page(okFront+"Author: y\n", "x\n"),
		"content/en/a.md": page(okFront+"author: x\n", "x\n"),
		"content/en/b.md": page(okFront, "x\n"),
	})
	_, warns := mustLoad(t, fsys, Options{AllowMissing: true})
	if n := strings.Count(warns, "unknown front matter key"); n != 1 {
		t.Fatalf("%d warnings for one unknown key, want 1:\n%s", n, warns)
	}
	if !strings.Contains(warns, `content/fr/a.md:4:1: unknown front matter key "author" (on 3 pages; the first is here)`) {
		t.Errorf("warnings = %s", warns)
	}
}

func TestTOMLFrontErrors(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"syntax", "+++\ntitle = \"T\"\ndescription = oops\n+++\n", "content/fr/p.md:3:"},
		{"type", "+++\ntitle = \"T\"\ndescription = \"D\"\nweight = \"ten\"\n+++\n", `content/fr/p.md:4:1: weight: want an integer`},
		{"date", "+++\ntitle = \"T\"\ndescription = \"D\"\ndate = \"soon\"\n+++\n", `content/fr/p.md:4:1: date: invalid date "soon"`},
		{"unclosed", "+++\ntitle = \"T\"\n", `content/fr/p.md:1:1: unclosed front matter; end the front matter with a line "+++"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := withHomes(fstest.MapFS{"content/fr/p.md": {Data: []byte(tc.data)}, "content/en/p.md": page(okFront, "x\n")})
			_, _, err := Load(fsys, config.Default(), Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load error =\n%v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	long := strings.Repeat("mot ", 60)
	for _, tc := range []struct{ body, want string }{
		{"", ""},
		{"## Only a heading\n\n```\ncode\n```\n", ""},
		{"- list\n\nPara \\*star\\* _em_ snake_case.\n", "Para *star* em snake_case."},
		{long, strings.TrimSpace(strings.Repeat("mot ", 40)) + "…"},
	} {
		if got := Summary([]byte(tc.body), summaryLen); got != tc.want {
			t.Errorf("Summary(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}
