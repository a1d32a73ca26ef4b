package testsupport

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// MapFS reads the txtar archive at path into a file system, for code that
// reads an fs.FS (site.Options.FS, content.Load) without a folder on
// disk: each file of the archive, its folders implied.
func MapFS(t testing.TB, path string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// EditFS replaces the first old in the file name of fsys by new, as Edit
// does on disk; the test fails when the file does not contain old.
func EditFS(t testing.TB, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	f, ok := fsys[name]
	if !ok {
		t.Fatalf("no file %s", name)
	}
	if !strings.Contains(string(f.Data), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1)), Mode: f.Mode}
}
