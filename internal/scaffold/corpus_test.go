package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
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
