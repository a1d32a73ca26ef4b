package site

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kz30/kz30/internal/testsupport"
)

// repoRoot holds the default templates/ and static/ (the files embedded in
// the kz30 binary), so tests use exactly what ships.
var repoRoot = os.DirFS(filepath.Join("..", "..", "theme"))

// extract writes a txtar archive of testdata into a new temporary folder.
func extract(t testing.TB, name string) string {
	t.Helper()
	return testsupport.Extract(t, filepath.Join("testdata", name))
}

// mustRender builds dir in memory and fails the test on error.
func mustRender(t testing.TB, opts Options) *Result {
	t.Helper()
	if opts.Defaults == nil {
		opts.Defaults = repoRoot
	}
	res, err := Render(opts)
	if err != nil {
		t.Fatalf("Render(%s): %v", opts.Dir, err)
	}
	return res
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// readTree reads every file below dir by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
