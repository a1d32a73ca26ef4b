package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCorpusDeterministicAndSized(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := Corpus(d, 40, 1); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"fr", "en"} {
		files, _ := filepath.Glob(filepath.Join(a, "content", lang, "*.md"))
		if len(files) != 41 {
			t.Fatalf("%s: %d files, want 40 pages and a home", lang, len(files))
		}
		for _, f := range files {
			x, _ := os.ReadFile(f)
			y, _ := os.ReadFile(filepath.Join(b, "content", lang, filepath.Base(f)))
			if !bytes.Equal(x, y) {
				t.Errorf("%s differs between two runs", f)
			}
			if !utf8.Valid(x) {
				t.Errorf("%s is not valid UTF-8", f)
			}
			if filepath.Base(f) == "_index.md" {
				continue
			}
			n := len(bytes.Fields(x))
			if n < 600 || n > 1900 {
				t.Errorf("%s has %d words", f, n)
			}
			for _, want := range []string{"| ", "```go", "[^1]", ".md#part-1"} {
				if !bytes.Contains(x, []byte(want)) {
					t.Errorf("%s lacks %q", f, want)
				}
			}
		}
	}
	if err := Corpus(a, 0, 1); err == nil {
		t.Error("Corpus(0) accepted")
	}
}

// The corpus never overwrites: into a site that has one of its files, it
// writes nothing and names the file.
func TestCorpusNeverOverwrites(t *testing.T) {
	d := t.TempDir()
	mine := filepath.Join(d, "content", "fr", "page-0002.md")
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("my page"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Corpus(d, 3, 1)
	if err == nil || !strings.Contains(err.Error(), mine) || !strings.Contains(err.Error(), "never overwrites") {
		t.Fatalf("Corpus into a site = %v", err)
	}
	if got, _ := os.ReadFile(mine); string(got) != "my page" {
		t.Errorf("the existing page became %q", got)
	}
	entries, _ := os.ReadDir(filepath.Join(d, "content", "fr"))
	if len(entries) != 1 {
		t.Errorf("content/fr holds %d files, want only the existing one", len(entries))
	}
}
