// Package testsupport holds the helpers that the tests of several kz30
// packages share: writing a txtar fixture to disk (Extract) or reading it
// as a file system (MapFS), editing its files (Edit, EditFS), the fixture
// sites several packages read (NewsletterSite, ImageSite, PNG), small HTML
// helpers, and finding Chromium for the browser tests. Only _test.go
// files import it (internal/deps_test.go checks), so it never reaches the
// kz30 binary.
//
// Every helper takes the test's testing.TB, marks itself as a helper and
// fails the test on error; none returns an error.
package testsupport

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Extract writes the files of the txtar archive at path into a new
// temporary folder (removed after the test) and returns that folder.
func Extract(t testing.TB, path string) string {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		WriteFile(t, dir, f.Name, string(f.Data))
	}
	return dir
}

// WriteFile writes data to name (a slash path below dir), creating its
// folder.
func WriteFile(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Edit replaces the first old in name (a slash path below dir) by new;
// the test fails when the file does not contain old, so an edit that no
// longer applies cannot pass unnoticed.
func Edit(t testing.TB, dir, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	WriteFile(t, dir, name, string(bytes.Replace(data, []byte(old), []byte(new), 1)))
}

// MissingTool fails t when KZ30_REQUIRE_TOOLS=1 (./test.sh and CI, where a
// missing tool is a broken setup) and skips it otherwise, naming what is
// missing.
func MissingTool(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("KZ30_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is missing (KZ30_REQUIRE_TOOLS=1); run ./test.sh, which installs it", what)
	}
	t.Skipf("%s is missing; run ./test.sh to install the test tools", what)
}

// ChromePath finds Chromium: $CHROME_PATH, then the usual names on PATH.
// A missing browser is a MissingTool.
func ChromePath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("CHROME_PATH=%s: %v", p, err)
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	MissingTool(t, "Chromium (set CHROME_PATH or install chromium)")
	return ""
}
