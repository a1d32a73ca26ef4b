package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Place refuses, whatever the flags, the folders a build must never
// replace, and names the folder and public/ in its message.
func TestPlace(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "home", "me", "site")
	for _, d := range []string{"content/fr", "templates", "static", "public"} {
		if err := os.MkdirAll(filepath.Join(site, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(site, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(site, "content"), filepath.Join(root, "link-to-content")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", filepath.Join(root, "home", "me"))
	t.Chdir(filepath.Join(site, "public"))
	for _, tc := range []struct {
		out, want string // want "" means accepted
	}{
		{site, "is the source folder"},
		{filepath.Join(site, "."), "is the source folder"},
		{filepath.Join(site, "public", ".."), "is the source folder"},
		{filepath.Dir(site), "above the source folder"},
		{filepath.Join(site, "content"), "inside the source's content/"},
		{filepath.Join(site, "content", "fr", "out"), "inside the source's content/"},
		{filepath.Join(root, "link-to-content", "x"), "inside the source's content/"},
		{filepath.Join(site, "templates"), "inside the source's templates/"},
		{filepath.Join(site, "static", "public"), "inside the source's static/"},
		{".", "is the current folder"},
		{filepath.Join(root, "home", "me"), "above the source folder"},
		{"/", "filesystem root"},
		{filepath.Join(site, "notes.txt"), "is a file"},
		{filepath.Join(site, "notes.txt", "out"), "below a regular file"},
		{filepath.Join(site, "docs"), ""},
		{filepath.Join(root, "elsewhere", "deep", "out"), ""},
	} {
		_, err := Place(tc.out, site)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("Place(%s) = %v, want it accepted", tc.out, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("Place(%s) = %v, want %q", tc.out, err, tc.want)
		case tc.want != "" && !strings.Contains(err.Error(), "is a file") && !strings.Contains(err.Error(), "regular file") && !strings.Contains(err.Error(), "public/"):
			t.Errorf("Place(%s): the message does not suggest public/: %v", tc.out, err)
		}
	}
	// The home folder itself, as the output of a site elsewhere.
	t.Chdir(root)
	other := filepath.Join(root, "other")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Place(filepath.Join(root, "home", "me"), other); err == nil || !strings.Contains(err.Error(), "home folder") {
		t.Errorf("Place(home) = %v", err)
	}
	// The current folder's parent.
	t.Chdir(filepath.Join(site, "public"))
	if _, err := Place(filepath.Join(root, "home"), other); err == nil || !strings.Contains(err.Error(), "above the current folder") {
		t.Errorf("Place(above the current folder) = %v", err)
	}
}
