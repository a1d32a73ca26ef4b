package internal_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// tiers is the import rule of STYLE.md: a package imports only packages of
// a lower tier; same-tier packages never import each other.
var tiers = map[string]int{
	"diag":        0,
	"testsupport": 0, // test helpers: imported only by _test.go files (TestTestsupportOnlyInTests)
	"i18n":        1,
	"config":      1,
	"output":      1,
	"cache":       1,
	"shareimage":  1,
	"content":     2,
	"markdown":    2,
	"render":      3,
	"feed":        3,
	"newsletter":  4,
	"check":       4,
	"site":        5,
	"scaffold":    5,
	"server":      6,
	"themetest":   6, // test-only: the browser tests of the built-in theme; imports site, nothing imports it
}

const module = "github.com/kz30/kz30/"

func TestImportTiers(t *testing.T) {
	dirs, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, d := range dirs {
		if !d.IsDir() || strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" {
			continue
		}
		tier, ok := tiers[d.Name()]
		if !ok {
			t.Errorf("internal/%s has no tier: add it to STYLE.md and to tiers in deps_test.go", d.Name())
			continue
		}
		err := filepath.WalkDir(d.Name(), func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			checked++
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if !strings.HasPrefix(p, module) {
					continue
				}
				rest := strings.TrimPrefix(p, module)
				if !strings.HasPrefix(rest, "internal/") {
					t.Errorf("%s imports %s: internal packages import no package above internal/", path, p)
					continue
				}
				dep, _, _ := strings.Cut(strings.TrimPrefix(rest, "internal/"), "/")
				if dep == d.Name() {
					continue
				}
				if dt, ok := tiers[dep]; !ok || dt >= tier {
					t.Errorf("%s (tier %d) imports %s (tier %d): imports must go down a tier", path, tier, p, dt)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 10 {
		t.Fatalf("checked only %d files; is the test running in internal/?", checked)
	}
}

// TestTestsupportOnlyInTests keeps the shared test helpers out of the
// kz30 binary: anywhere in the module, only _test.go files import
// internal/testsupport.
func TestTestsupportOnlyInTests(t *testing.T) {
	checked := 0
	err := filepath.WalkDir("..", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if n := e.Name(); path != ".." && (strings.HasPrefix(n, ".") || n == "testdata" || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == module+"internal/testsupport" {
				t.Errorf("%s imports %s: only _test.go files may import the test helpers", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked only %d files; is the test running in internal/?", checked)
	}
}

// TestRootImportsNothing keeps embed.go free of imports but embed, and
// io/fs, which roots the embedded theme/ folder at its templates/ and
// static/ (fs.Sub): no package of the module, nothing else.
func TestRootImportsNothing(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../embed.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range f.Imports {
		if imp.Path.Value != `"embed"` && imp.Path.Value != `"io/fs"` {
			t.Errorf("embed.go imports %s; the root package must import nothing but embed and io/fs", imp.Path.Value)
		}
	}
}

// TestArchitectureTable: ARCHITECTURE.md's tier table lists exactly the
// packages and tiers of the map above.
func TestArchitectureTable(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, line := range strings.Split(string(doc), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 {
			continue
		}
		tier, err := strconv.Atoi(strings.TrimSpace(cells[1]))
		if err != nil {
			continue
		}
		for _, name := range strings.Split(cells[2], ",") {
			got[strings.Trim(strings.TrimSpace(name), "`")] = tier
		}
	}
	for pkg, tier := range tiers {
		if g, ok := got[pkg]; !ok || g != tier {
			t.Errorf("ARCHITECTURE.md: %s at tier %d (listed: %t), want tier %d", pkg, g, ok, tier)
		}
	}
	for pkg := range got {
		if _, ok := tiers[pkg]; !ok {
			t.Errorf("ARCHITECTURE.md lists %s, which internal/deps_test.go does not know", pkg)
		}
	}
}
