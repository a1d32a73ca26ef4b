package testsupport

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExtractAndEdit(t *testing.T) {
	ar := filepath.Join(t.TempDir(), "site.txtar")
	if err := os.WriteFile(ar, []byte("comment\n-- site.toml --\ntitle = \"T\"\n-- content/fr/a.md --\nbody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := Extract(t, ar)
	Edit(t, dir, "content/fr/a.md", "body", "corps")
	for name, want := range map[string]string{"site.toml": "title = \"T\"\n", "content/fr/a.md": "corps\n"} {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(data) != want {
			t.Errorf("%s = %q, %v; want %q", name, data, err, want)
		}
	}
}
