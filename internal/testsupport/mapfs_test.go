package testsupport

import (
	"bytes"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestMapFS(t *testing.T) {
	ar := filepath.Join(t.TempDir(), "site.txtar")
	if err := os.WriteFile(ar, []byte("comment\n-- site.toml --\ntitle = \"T\"\n-- content/fr/a.md --\nbody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := MapFS(t, ar)
	if data, err := fs.ReadFile(fsys, "content/fr/a.md"); err != nil || string(data) != "body\n" {
		t.Errorf("content/fr/a.md = %q, %v", data, err)
	}
	if entries, err := fs.ReadDir(fsys, "content"); err != nil || len(entries) != 1 || !entries[0].IsDir() {
		t.Errorf("content/ lists %v, %v; want the folder fr", entries, err)
	}
}

func TestPNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(PNG(t, 40, 30)))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 40 || b.Dy() != 30 {
		t.Errorf("PNG is %v, want 40×30", b)
	}
}
