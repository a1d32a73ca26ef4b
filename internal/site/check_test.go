package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/check"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/testsupport"
)

// checkLines formats diagnostics one per line.
func checkLines(l diag.List) []string {
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.Error()
	}
	return out
}

// wantFindings checks that each want starts some line of got, and that got
// has no other line about the sources (content/, site.toml): findings in
// the output (public/) depend on the templates and are tested apart.
func wantFindings(t *testing.T, what string, got diag.List, want []string) {
	t.Helper()
	lines := checkLines(got)
	matched := make([]bool, len(lines))
	for _, w := range want {
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, w) })
		if i < 0 {
			t.Errorf("%s lack %q; got:\n%s", what, w, strings.Join(lines, "\n"))
			continue
		}
		matched[i] = true
	}
	for i, l := range lines {
		if !matched[i] && !strings.HasPrefix(l, "public/") {
			t.Errorf("unexpected %s line: %s", what, l)
		}
	}
}

func TestCheckFixtures(t *testing.T) {
	newFR := content.BodyHash([]byte("En trente ans, le pays a attiré\n370 milliards de dollars d’investissements étrangers.\n\nC’est la première source de croissance.\n"))
	for _, tc := range []struct {
		name, fixture string
		opts          Options
		errs, warns   []string
	}{
		{
			name: "contradicting translation", fixture: "check-contradict.txtar",
			errs: []string{
				`content/en/fdi.md:6:9: fact "fdi" (US$370 billion) is listed but its figure is not in the text; the text has "307 billion US dollars"; fix the figure`,
				`content/en/fdi.md:10:1: figure "307 billion US dollars" has no counterpart in content/fr/fdi.md; both languages must state the same figures`,
				`content/fr/fdi.md:9:1: figure "370 milliards de dollars" has no counterpart in content/en/fdi.md; both languages must state the same figures`,
			},
		},
		{
			name: "stale translation", fixture: "check-stale.txtar",
			errs: []string{
				"content/en/fdi.md:1:1: stale translation: content/fr/fdi.md changed since this en page was made from it (translation_of 8a35e259a82f, fr body is now " + newFR + "); update the translation, then run kz30 translated content/en/fdi.md (it sets `translation_of: " + newFR + "`), or build with --allow-stale",
			},
			// The French page has a paragraph more; its English version
			// has no figure of its own, so structure and figures agree.
		},
		{
			name: "stale translation allowed", fixture: "check-stale.txtar", opts: Options{AllowStale: true},
			warns: []string{"content/en/fdi.md:1:1: stale translation: content/fr/fdi.md changed since this en page was made from it"},
		},
		{
			name: "missing translation", fixture: "check-missing.txtar",
			errs: []string{
				`content/fr/extra.md:1:1: page "extra" has no "en" translation (content/en/extra.md is missing)`,
				`content/en/_index.md:6:15: figure "2012" has no counterpart in content/fr/_index.md`,
				`content/fr/_index.md:5:18: figure "2021" has no counterpart in content/en/_index.md`,
			},
		},
		{
			name: "missing translation allowed", fixture: "check-missing.txtar", opts: Options{AllowMissing: true},
			errs: []string{
				`content/en/_index.md:6:15: figure "2012" has no counterpart in content/fr/_index.md`,
				`content/fr/_index.md:5:18: figure "2021" has no counterpart in content/en/_index.md`,
			},
			warns: []string{`content/fr/extra.md:1:1: page "extra" has no "en" translation`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.Dir, opts.Defaults = extract(t, tc.fixture), repoRoot
			cr := Check(opts)
			if !cr.Built {
				t.Fatalf("the site did not build:\n%v", cr.Report.Errors)
			}
			wantFindings(t, "errors", cr.Report.Errors, tc.errs)
			wantFindings(t, "warnings", cr.Report.Warnings, tc.warns)
			if _, err := os.Stat(filepath.Join(opts.Dir, "public")); !os.IsNotExist(err) {
				t.Errorf("check wrote public/ (stat: %v)", err)
			}
		})
	}
}

// TestCheckNotBuilt: when the site cannot be built even with translations
// allowed, the build's errors are the report, and no check ran.
func TestCheckNotBuilt(t *testing.T) {
	dir := extract(t, "check-missing.txtar")
	page := filepath.Join(dir, "content", "en", "fdi.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(strings.Replace(string(data), "facts: [fdi]", "facts: [fdi, nope]", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	cr := Check(Options{Dir: dir, Defaults: repoRoot})
	if cr.Built || cr.Translations != nil {
		t.Errorf("Built = %v with an unknown fact", cr.Built)
	}
	wantFindings(t, "errors", cr.Report.Errors, []string{
		`content/en/fdi.md:6:14: unknown fact "nope"`,
		`content/fr/extra.md:1:1: page "extra" has no "en" translation`,
	})
}

// TestCheckFactLabels: a fact without a label in a language is the
// loader's error, and check reports it.
func TestCheckFactLabels(t *testing.T) {
	fsys := archive(t, "check-links.txtar")
	testsupport.EditFS(t, fsys, "content/facts.toml", `label = { fr = "Investissements étrangers", en = "Foreign investment" }`, `label = { fr = "Investissements étrangers" }`)
	cr := Check(Options{FS: fsys, Defaults: repoRoot})
	wantFindings(t, "errors", cr.Report.Errors, []string{`content/facts.toml:4:1: fact "fdi" has no label in "en"`})
}

// TestCheckLinks injects an anchor that no page defines and a root-relative
// URL into the fixture's copy of templates/base.html: each is reported once,
// at its first place, with the number of other places.
func TestCheckLinks(t *testing.T) {
	dir := extract(t, "check-links.txtar")
	for _, base := range []string{"https://example.test/kz30/", "https://kz30.example.org/", "http://localhost:1313/a/b/"} {
		cr := Check(Options{Dir: dir, Defaults: repoRoot, BaseURL: base})
		if len(cr.Report.Errors) > 0 || !cr.Built {
			t.Errorf("clean site under %s: %d errors:\n%s", base, len(cr.Report.Errors), strings.Join(checkLines(cr.Report.Errors), "\n"))
		}
		if cr.Report.Links < 50 || cr.Report.Pages < 6 {
			t.Errorf("under %s: only %d links in %d pages checked", base, cr.Report.Links, cr.Report.Pages)
		}
	}

	inject, err := os.ReadFile(filepath.Join(dir, "inject.html"))
	if err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join("..", "..", "theme", "templates"), filepath.Join(dir, "templates"))
	base := filepath.Join(dir, "templates", "base.html")
	tmpl, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(tmpl), "</body>") {
		t.Fatal("templates/base.html has no </body> to inject before")
	}
	tmpl = []byte(strings.Replace(string(tmpl), "</body>", string(inject)+"</body>", 1))
	if err := os.WriteFile(base, tmpl, 0o644); err != nil {
		t.Fatal(err)
	}
	cr := Check(Options{Dir: dir, Defaults: repoRoot})
	if !cr.Built {
		t.Fatalf("not built: %v", cr.Report.Errors)
	}
	html := 0
	for name := range cr.Result.Files {
		if strings.HasSuffix(name, ".html") && strings.Contains(string(cr.Result.Files[name]), `class="broken"`) {
			html++
		}
	}
	if html < 5 {
		t.Fatalf("the injected links are in %d files only", html)
	}
	var anchor, root []string
	for _, l := range checkLines(cr.Report.Errors) {
		switch {
		case strings.Contains(l, `link "#no-such-anchor":`):
			anchor = append(anchor, l)
		case strings.Contains(l, `root-relative URL "/fr/" ignores the base path /kz30/`):
			root = append(root, l)
		default:
			t.Errorf("unexpected error: %s", l)
		}
	}
	others := " (and " + itoa(html-1) + " more like it in other places)"
	if len(anchor) != 1 || !strings.HasPrefix(anchor[0], "public/") || !strings.Contains(anchor[0], others) {
		t.Errorf("broken anchor reported as %q, want one line ending in %q", anchor, others)
	}
	if len(root) != 1 || !strings.Contains(root[0], others) {
		t.Errorf("root-relative URL reported as %q, want one line ending in %q", root, others)
	}
}

// TestRealContent proves the content contract of the site itself: kz30
// check finds no error in content/ (as built with the repository's own
// templates), every page exists in both languages and is up to date, every
// fact of content/facts.toml is listed by a page in both languages and its
// figure is in both prose versions, and every link of the output resolves.
func TestRealContent(t *testing.T) {
	root := filepath.Join("..", "..")
	cr := Check(Options{Dir: root, Defaults: repoRoot})
	for _, w := range cr.Report.Warnings {
		t.Logf("warning: %v", w)
	}
	if len(cr.Report.Errors) > 0 || !cr.Built {
		t.Fatalf("kz30 check finds %d errors in the real content:\n%s", len(cr.Report.Errors), strings.Join(checkLines(cr.Report.Errors), "\n"))
	}
	site := cr.Result.Site
	if !slices.Equal(site.Langs, []string{"fr", "en"}) {
		t.Fatalf("languages %v, want fr, en", site.Langs)
	}

	// Every page in both languages, the translation up to date.
	var names []string
	for _, row := range cr.Translations {
		names = append(names, row.Name)
		for _, c := range row.Cells[1:] {
			if c.State != check.StateOK {
				t.Errorf("%s: %s", c.Path, c.State)
			}
		}
		if row.Cells[0].State != check.StateSource {
			t.Errorf("%s: %s", row.Cells[0].Path, row.Cells[0].State)
		}
	}
	for _, want := range []string{"_index", "e-government", "it-skills", "research", "kaspi", "crypto-mining", "fdi", "sources", "glossary"} {
		if !slices.Contains(names, want) {
			t.Errorf("no page %q (content/fr/%[1]s.md and content/en/%[1]s.md)", want)
		}
	}
	for _, lang := range site.Langs {
		files, err := os.ReadDir(filepath.Join(root, "content", lang))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != len(names) {
			t.Errorf("content/%s has %d files, the site %d pages", lang, len(files), len(names))
		}
	}

	// Every fact listed by some page in both languages, its figure in both
	// prose versions of that page.
	if len(site.Facts.Facts) == 0 {
		t.Fatal("content/facts.toml holds no fact")
	}
	for _, id := range site.Facts.IDs() {
		f := site.Facts.Facts[id]
		proven := false
		for _, e := range site.Entries {
			fr, en := e.Pages[0], e.Pages[1]
			if fr == nil || en == nil || !lists(fr, id) || !lists(en, id) {
				continue
			}
			if !f.HasFigure() || check.Stated(f, "fr", cr.Result.Docs[fr].Text) && check.Stated(f, "en", cr.Result.Docs[en].Text) {
				proven = true
				break
			}
		}
		if !proven {
			t.Errorf("fact %q: no page lists it in both languages and states its figure in both", id)
		}
	}

	// Every link resolves (no error above); make sure links were checked.
	if cr.Report.Links < 500 || cr.Report.Pages < 2*len(names) {
		t.Errorf("only %d links in %d HTML files checked", cr.Report.Links, cr.Report.Pages)
	}
}

// lists reports whether p lists the fact id in its front matter.
func lists(p *content.Page, id string) bool {
	return slices.ContainsFunc(p.Facts, func(r content.FactRef) bool { return r.ID == id })
}
