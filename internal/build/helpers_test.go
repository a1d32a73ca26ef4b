package build

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// repoRoot holds the default templates/ and static/ (the files embedded in
// the kz30 binary), so tests use exactly what ships.
var repoRoot = os.DirFS(filepath.Join("..", "..", "theme"))

// extract writes a txtar archive of testdata into a new temporary folder.
func extract(t testing.TB, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
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
