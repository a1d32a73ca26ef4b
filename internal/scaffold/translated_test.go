package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// setTranslationOf changes the translation_of line only, or adds one before
// the closing "---" with the file's line ending; every other byte stays.
func TestSetTranslationOf(t *testing.T) {
	const h = "0123456789ab"
	for _, tc := range []struct {
		name, in, want, old string
	}{
		{"replace", "---\ntitle: T\ntranslation_of: aaaaaaaaaaaa\nweight: 1\n---\nBody\n", "---\ntitle: T\ntranslation_of: " + h + "\nweight: 1\n---\nBody\n", "aaaaaaaaaaaa"},
		{"add", "---\ntitle: T # c\n---\n\nBody\n", "---\ntitle: T # c\ntranslation_of: " + h + "\n---\n\nBody\n", ""},
		{"crlf and bom", "\ufeff---\r\ntitle: T\r\n---  \r\nBody\r\n", "\ufeff---\r\ntitle: T\r\ntranslation_of: " + h + "\r\n---  \r\nBody\r\n", ""},
		{"crlf replace", "---\r\ntranslation_of: 'bbbbbbbbbbbb'\r\n---\r\n", "---\r\ntranslation_of: " + h + "\r\n---\r\n", "bbbbbbbbbbbb"},
		{"no body", "---\ntitle: T\n---", "---\ntitle: T\ntranslation_of: " + h + "\n---", ""},
		{"indented key is not the key", "---\nx:\n  translation_of: y\n---\n", "---\nx:\n  translation_of: y\ntranslation_of: " + h + "\n---\n", ""},
	} {
		out, old, err := setTranslationOf("f.md", []byte(tc.in), h)
		if err != nil || string(out) != tc.want || old != tc.old {
			t.Errorf("%s: got %q, old %q, %v; want %q, old %q", tc.name, out, old, err, tc.want, tc.old)
		}
	}
	if out, old, err := setTranslationOf("f.md", []byte("---\ntranslation_of: \""+h+"\"  # ok\n---\n"), h); out != nil || old != h || err != nil {
		t.Errorf("up to date: got %q, %q, %v; want nil data", out, old, err)
	}
	for _, in := range []string{"", "title: T\n", "---\ntitle: T\n", "---\ntranslation_of: a\ntranslation_of: b\n---\n"} {
		if _, _, err := setTranslationOf("f.md", []byte(in), h); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// MarkTranslated keeps the file's permissions and writes nothing when one
// target fails.
func TestMarkTranslatedAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string, mode os.FileMode) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode)
	}
	write("content/fr/a.md", "---\ntitle: A\n---\nTexte.\n", 0o644)
	write("content/en/a.md", "---\ntitle: A\n---\nText.\n", 0o600)
	write("content/fr/b.md", "---\ntitle: B\n---\nTexte.\n", 0o644)
	if _, err := MarkTranslated([]string{"a", "b"}, MarkOptions{Dir: dir}); err == nil || !strings.Contains(err.Error(), "content/en/b.md is missing") {
		t.Fatalf("err = %v, want content/en/b.md is missing", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "content/en/a.md")); strings.Contains(string(data), "translation_of") {
		t.Fatalf("a.md was written although b failed:\n%s", data)
	}
	res, err := MarkTranslated([]string{"a"}, MarkOptions{Dir: dir})
	if err != nil || len(res.Marked) != 1 {
		t.Fatalf("MarkTranslated(a) = %+v, %v", res, err)
	}
	fi, err := os.Stat(filepath.Join(dir, "content/en/a.md"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v; want 0600 kept", fi.Mode(), err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "content/en/.*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
