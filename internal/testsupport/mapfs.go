package testsupport

import (
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
