package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildIsDeterministic(t *testing.T) {
	dir := extract(t, "site.txtar")
	out1, out2 := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, out := range []string{out1, out2} {
		if _, err := Build(Options{Dir: dir, Out: out, Defaults: repoRoot}); err != nil {
			t.Fatal(err)
		}
	}
	a, b := readTree(t, out1), readTree(t, out2)
	if len(a) != len(b) || len(a) < 15 {
		t.Fatalf("builds wrote %d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	dir := extract(t, "site.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Dir: dir, Out: out, Defaults: repoRoot}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	// Break a page: an unclosed front matter.
	if err := os.WriteFile(filepath.Join(dir, "content/en/a.md"), []byte("---\ntitle: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(Options{Dir: dir, Out: out, Defaults: repoRoot})
	if err == nil || !strings.Contains(err.Error(), "content/en/a.md:1:1: unclosed front matter") {
		t.Fatalf("Build error = %v, want the unclosed front matter", err)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output has %d files, had %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("staging folders left behind: %v", entries)
	}
}

func TestBuildSummary(t *testing.T) {
	dir := extract(t, "site.txtar")
	st, err := Build(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out"), Defaults: repoRoot})
	if err != nil {
		t.Fatal(err)
	}
	s := st.String()
	for _, want := range []string{"built 6 pages (fr 3, en 3)", "files", "KB", " ms"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary %q lacks %q", s, want)
		}
	}
}
