package content

import (
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/config"
)

func TestSplitFront(t *testing.T) {
	for _, tc := range []struct {
		src, front, body string
		line             int
		toml             bool
		err              error
	}{
		{"---\ntitle: T\n---\nbody\n", "title: T\n", "body\n", 4, false, nil},
		{"--- \t\ntitle: T\n---  \nbody", "title: T\n", "body", 4, false, nil},
		{"+++\ntitle = 'T'\n+++\n", "title = 'T'\n", "", 4, true, nil},
		{"---\n---\n", "", "", 3, false, nil},
		{"---\ntitle: T\n+++\n", "", "", 0, false, ErrUnclosedFront},
		{"title: T\n", "", "", 0, false, ErrNoFront},
	} {
		fm, err := SplitFront([]byte(tc.src))
		if !errors.Is(err, tc.err) || string(fm.Text) != tc.front || string(fm.Body) != tc.body || fm.BodyLine != tc.line || (err == nil && fm.TOML != tc.toml) {
			t.Errorf("SplitFront(%q) = %q, %q, line %d, toml %v, %v", tc.src, fm.Text, fm.Body, fm.BodyLine, fm.TOML, err)
		}
	}
}

func TestSiteTitleAndSections(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/a.md": page("title: L'été\ndescription: D\nweight: 1\n", "a\n"),
		"content/en/a.md": page("title: A\ndescription: D\nweight: 1\ntranslation_of: "+BodyHash([]byte("a\n"))+"\n", "a\n"),
		"content/fr/r.md": page("title: R\ndescription: D\nweight: 2\nsection: false\n", "r\n"),
		"content/en/r.md": page("title: R\ndescription: D\nweight: 2\nsection: false\ntranslation_of: "+BodyHash([]byte("r\n"))+"\n", "r\n"),
	})
	cfg := config.Default()
	site, _, err := Load(fsys, cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lang("fr").Title = "Le site d'ici"
	cfg.Lang("en").Title = ""
	if got := SiteTitle(cfg, site, "fr"); got != "Le site d’ici" {
		t.Errorf("fr title = %q, want site.toml's, with French typography", got)
	}
	if got := SiteTitle(cfg, site, "en"); got != "T" {
		t.Errorf("en title = %q, want the home's title T", got)
	}
	if got := SiteTitle(cfg, nil, "en"); got != cfg.Title {
		t.Errorf("en title without a site = %q, want site.toml's %q", got, cfg.Title)
	}
	var names []string
	for _, e := range site.Sections("fr") {
		names = append(names, e.Name)
	}
	if !slices.Equal(names, []string{"a"}) {
		t.Errorf("fr sections = %v, want [a] (not the home, not the reference page)", names)
	}
	if site.Page("fr", HomeName).InNav() || site.Page("fr", "r").InNav() || !site.Page("en", "a").InNav() {
		t.Error("InNav: want the section a only")
	}
}

func TestAliasPos(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/a.md": page("title: É /fr/old/\ndescription: D\naliases:\n  - /fr/old\n  - \"fr/ete/\"\n", "a\n"),
		"content/fr/b.md": page("title: B\ndescription: D\naliases: [fr/b-old/]\n", "b\n"),
	})
	site, _, err := Load(fsys, config.Default(), Options{AllowMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	a := site.Page("fr", "a")
	for _, tc := range []struct {
		alias     string
		line, col int
	}{
		{"fr/old/", 2, 10}, // the first line that holds the path (even the title); columns count characters
		{"fr/ete/", 6, 6},
		{"fr/nope/", 1, 1}, // not an alias of the page
	} {
		if got := a.AliasPos(tc.alias); got.File != a.Path || got.Line != tc.line || got.Col != tc.col {
			t.Errorf("AliasPos(%q) = %v, want line %d col %d", tc.alias, got, tc.line, tc.col)
		}
	}
	if got := site.Page("fr", "b").AliasPos("fr/b-old/"); got.Line != 4 || got.Col != 11 {
		t.Errorf("flow list alias at %v, want 4:11", got)
	}
}

func TestParallel(t *testing.T) {
	var sum atomic.Int64
	seen := make([]atomic.Int32, 100)
	Parallel(len(seen), func(calls *int, i int) {
		*calls++ // each worker's own state
		seen[i].Add(1)
		sum.Add(int64(i))
	})
	for i := range seen {
		if seen[i].Load() != 1 {
			t.Fatalf("item %d done %d times", i, seen[i].Load())
		}
	}
	if sum.Load() != 99*100/2 {
		t.Errorf("sum = %d", sum.Load())
	}
	Parallel(0, func(*int, int) { t.Error("called for no items") })
}
