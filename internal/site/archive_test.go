package site

import (
	"bytes"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/output"
	"github.com/kz30/kz30/internal/testsupport"
)

// archive reads a txtar archive of testdata as a file system, for
// Options.FS: no folder on disk.
func archive(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	return testsupport.MapFS(t, filepath.Join("testdata", name))
}

// TestFSSourceEqualsDir pins that a site read from an fs.FS (Options.FS)
// renders the same files, byte for byte, as the same site extracted to a
// folder, and that Build writes them from one too.
func TestFSSourceEqualsDir(t *testing.T) {
	for _, name := range []string{"site.txtar", "newsletter.txtar", "check-links.txtar"} {
		t.Run(name, func(t *testing.T) {
			fromDir, errDir := Render(Options{Dir: extract(t, name), Defaults: repoRoot})
			fromFS, errFS := Render(Options{FS: archive(t, name), Defaults: repoRoot})
			if (errDir == nil) != (errFS == nil) || errDir != nil && errDir.Error() != errFS.Error() {
				t.Fatalf("errors differ:\n dir: %v\n  fs: %v", errDir, errFS)
			}
			if errDir != nil {
				return
			}
			if !slices.Equal(sortedKeys(fromDir.Files), sortedKeys(fromFS.Files)) {
				t.Fatalf("files differ:\n dir: %v\n  fs: %v", sortedKeys(fromDir.Files), sortedKeys(fromFS.Files))
			}
			for name, data := range fromDir.Files {
				if !bytes.Equal(data, fromFS.Files[name]) {
					t.Errorf("%s differs", name)
				}
			}
			if fromDir.Stats.Warnings.Error() != fromFS.Stats.Warnings.Error() {
				t.Errorf("warnings differ:\n dir: %v\n  fs: %v", fromDir.Stats.Warnings, fromFS.Stats.Warnings)
			}
			if name != "site.txtar" {
				return
			}
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(Options{FS: archive(t, name), Defaults: repoRoot, Out: out}); err != nil {
				t.Fatal(err)
			}
			built := readTree(t, out)
			delete(built, output.ManifestName) // the ownership record is Build's alone
			if !slices.Equal(sortedKeys(built), sortedKeys(fromFS.Files)) {
				t.Errorf("Build from an FS wrote %v, Render %v", sortedKeys(built), sortedKeys(fromFS.Files))
			}
			for _, k := range slices.Sorted(maps.Keys(built)) {
				if !bytes.Equal(built[k], fromFS.Files[k]) {
					t.Errorf("Build from an FS wrote %s unlike Render", k)
				}
			}
		})
	}
	if _, err := Build(Options{FS: archive(t, "site.txtar"), Defaults: repoRoot}); err == nil {
		t.Error("Build with an FS and no Out did not fail")
	}
}
