package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// begin starts a stage of out, failing the test on error.
func begin(t *testing.T, out string, clean bool) *Stage {
	t.Helper()
	s, err := Begin(context.Background(), out, clean)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// writeTree writes files (slash path → content) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree reads every file below dir (slash path → content), symlinks as
// "-> target".
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			files[rel] = "-> " + target
		case fi.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[rel] = string(data)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

// build writes files through a stage of out and commits it.
func build(t *testing.T, out string, clean bool, files map[string]string) error {
	t.Helper()
	s, err := Begin(context.Background(), out, clean)
	if err != nil {
		return err
	}
	for name, data := range files {
		if err := s.Write(name, []byte(data)); err != nil {
			s.Abort()
			return err
		}
	}
	return s.Commit()
}

func withoutManifest(m map[string]string) map[string]string {
	c := map[string]string{}
	for k, v := range m {
		if k != ManifestName {
			c[k] = v
		}
	}
	return c
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// Many writers into nested folders that do not exist yet: every file
// lands with its bytes, folders are made once, and a file standing where
// a folder must go is an error, not a panic.
func TestStageConcurrent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s := begin(t, out, false)
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for w := range 4 {
		wg.Go(func() {
			for i := range 100 {
				name := fmt.Sprintf("l%d/p%d/deep/index.html", i%3, i%17)
				if w > 0 {
					name = fmt.Sprintf("l%d/p%d/w%d-%d.html", i%3, i%17, w, i)
				}
				if err := s.Write(name, []byte(name)); err != nil && !strings.Contains(err.Error(), "two outputs") {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := s.Write("file", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("file/inside.html", []byte("x")); err == nil {
		t.Error("writing below a file gave no error")
	}
	if n, err := s.Stream("big.html", func(w io.Writer) error { _, err := io.WriteString(w, "streamed"); return err }); err != nil || n != 8 {
		t.Fatalf("Stream = %d, %v", n, err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for w := 1; w < 4; w++ {
		for i := range 100 {
			name := fmt.Sprintf("l%d/p%d/w%d-%d.html", i%3, i%17, w, i)
			got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
			if err != nil || string(got) != name {
				t.Fatalf("%s: %q, %v", name, got, err)
			}
		}
	}
	// The manifest lists what was written, so a second build may replace it.
	if err := build(t, out, false, map[string]string{"index.html": "again"}); err != nil {
		t.Fatalf("rebuilding an output kz30 wrote: %v", err)
	}
	if got := withoutManifest(readTree(t, out)); !equal(got, map[string]string{"index.html": "again"}) {
		t.Errorf("after the second build: %v", got)
	}
}

// Reserved and escaping names are refused.
func TestStageNames(t *testing.T) {
	s := begin(t, filepath.Join(t.TempDir(), "public"), false)
	defer s.Abort()
	for _, name := range []string{ManifestName, stagingMark, ".git", ".git/config", "../x", "/abs", "a/../b", "", "a\\b"} {
		if err := s.Write(name, nil); err == nil {
			t.Errorf("Write(%q) = nil, want an error", name)
		}
	}
}

// The output's .git (folder or file) survives every build byte for byte;
// a file kz30 did not write stops the build, unless clean.
func TestStageOwnership(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, false, map[string]string{"index.html": "v1", "fr/index.html": "fr v1"}); err != nil {
		t.Fatal(err)
	}
	writeTree(t, out, map[string]string{".git/HEAD": "ref: refs/heads/gh-pages\n", ".git/objects/ab/cd": "blob"})
	if err := build(t, out, false, map[string]string{"index.html": "v2"}); err != nil {
		t.Fatalf("an output with .git: %v", err)
	}
	got := withoutManifest(readTree(t, out))
	want := map[string]string{"index.html": "v2", ".git/HEAD": "ref: refs/heads/gh-pages\n", ".git/objects/ab/cd": "blob"}
	if !equal(got, want) {
		t.Fatalf("after a build: %v, want %v", got, want)
	}

	// A file added by hand, a changed file and a folder of one's own.
	writeTree(t, out, map[string]string{"google123.html": "verify", "extra/a.txt": "a"})
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("hand edit"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	err := build(t, out, false, map[string]string{"index.html": "v3"})
	var fe *ForeignError
	if !errors.As(err, &fe) {
		t.Fatalf("foreign files: err = %v, want a *ForeignError", err)
	}
	if strings.Join(fe.Paths, " ") != "extra/ google123.html index.html" {
		t.Errorf("foreign paths = %q", fe.Paths)
	}
	for _, w := range []string{"google123.html", "index.html (changed since kz30 wrote it)", "extra", "static/", "--clean", ".git"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message lacks %q:\n%s", w, err)
		}
	}
	if after := readTree(t, out); !equal(before, after) {
		t.Errorf("a refused build changed the output")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.staging-*")); len(left) > 0 {
		t.Errorf("a refused build left %v", left)
	}
	// --clean deletes them, never .git.
	if err := build(t, out, true, map[string]string{"index.html": "v3"}); err != nil {
		t.Fatal(err)
	}
	got = withoutManifest(readTree(t, out))
	want = map[string]string{"index.html": "v3", ".git/HEAD": "ref: refs/heads/gh-pages\n", ".git/objects/ab/cd": "blob"}
	if !equal(got, want) {
		t.Fatalf("after --clean: %v, want %v", got, want)
	}

	// A gitfile (worktree) works the same.
	out2 := filepath.Join(t.TempDir(), "site")
	writeTree(t, out2, map[string]string{".git": "gitdir: /elsewhere\n"})
	if err := build(t, out2, false, map[string]string{"a.html": "a"}); err != nil {
		t.Fatalf("an output holding only a .git file: %v", err)
	}
	if got := readTree(t, out2)[".git"]; got != "gitdir: /elsewhere\n" {
		t.Errorf(".git file = %q", got)
	}
}

// An output with no manifest is foreign as a whole, and says why.
func TestStageNoManifest(t *testing.T) {
	out := t.TempDir()
	writeTree(t, out, map[string]string{"index.html": "old kz30 or someone else"})
	err := build(t, out, false, map[string]string{"index.html": "new"})
	if err == nil || !strings.Contains(err.Error(), "has no "+ManifestName) {
		t.Fatalf("err = %v", err)
	}
	writeTree(t, out, map[string]string{ManifestName: "not a manifest\n"})
	err = build(t, out, false, map[string]string{"index.html": "new"})
	if err == nil || !strings.Contains(err.Error(), "manifest is unreadable") {
		t.Fatalf("err = %v", err)
	}
	// An empty folder is fine.
	if err := build(t, t.TempDir(), false, map[string]string{"index.html": "new"}); err != nil {
		t.Fatal(err)
	}
}

// Folders and files get the modes of a plain mkdir and create under the
// umask.
func TestStageModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, false, map[string]string{"fr/kaspi/index.html": "x"}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{out: 0o755, filepath.Join(out, "fr"): 0o755, filepath.Join(out, "fr/kaspi/index.html"): 0o644, filepath.Join(out, ManifestName): 0o644} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", p, got, want)
		}
	}
}

// What an interrupted build leaves is removed by the next one, and a .git
// caught on its way is put back; what kz30 cannot prove its own stays.
func TestStageLeftovers(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := build(t, out, false, map[string]string{"index.html": "v1"}); err != nil {
		t.Fatal(err)
	}
	// A staging folder killed mid-write (marked), one killed after .git
	// was moved into it, and a folder of the user's named like one.
	writeTree(t, filepath.Join(parent, ".public.staging-aaa"), map[string]string{stagingMark: "", "half.html": "x"})
	gitStage := filepath.Join(parent, ".public.staging-bbb")
	writeTree(t, gitStage, map[string]string{stagingMark: "", ".git/HEAD": "head"})
	mine := filepath.Join(parent, ".public.staging-mine")
	writeTree(t, mine, map[string]string{"notes.txt": "mine"})
	s := begin(t, out, false)
	s.Abort()
	for _, gone := range []string{".public.staging-aaa", ".public.staging-bbb"} {
		if _, err := os.Stat(filepath.Join(parent, gone)); !os.IsNotExist(err) {
			t.Errorf("%s not removed (%v)", gone, err)
		}
	}
	if got := readTree(t, out)[".git/HEAD"]; got != "head" {
		t.Errorf("the .git of an interrupted build was not put back: %q", got)
	}
	if got := readTree(t, mine); got["notes.txt"] != "mine" {
		t.Errorf("a folder kz30 cannot prove its own was touched: %v", got)
	}
	if len(s.Notes) != 1 || !strings.Contains(s.Notes[0], ".public.staging-mine") {
		t.Errorf("notes = %q", s.Notes)
	}

	// Interrupted between the renames of the fallback swap: the previous
	// output is put back.
	prevOut := readTree(t, out)
	if err := os.Rename(out, filepath.Join(parent, ".public.staging-ccc.prev")); err != nil {
		t.Fatal(err)
	}
	s = begin(t, out, false)
	s.Abort()
	if got := readTree(t, out); !equal(got, prevOut) {
		t.Errorf("the previous output was not put back: %v", got)
	}
}

// The fallback swap exchanges the folders as renameat2 does.
func TestSwapTwoRenames(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	writeTree(t, a, map[string]string{"x": "a"})
	writeTree(t, b, map[string]string{"x": "b"})
	if err := swapTwoRenames(a, b); err != nil {
		t.Fatal(err)
	}
	if readTree(t, a)["x"] != "b" || readTree(t, b)["x"] != "a" {
		t.Error("not exchanged")
	}
}

// A done context stops writes.
func TestStageCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Begin(ctx, filepath.Join(t.TempDir(), "public"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	cancel()
	if err := s.Write("a.html", nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Write after cancel = %v", err)
	}
}

// Two builds of one output, or of two outputs in one parent folder, never
// run at once: the second waits for the first to finish, and gives up
// with an error naming the folder when the first does not finish in time.
func TestStageLock(t *testing.T) {
	defer func(d time.Duration) { lockWait = d }(lockWait)
	lockWait = 200 * time.Millisecond
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	s := begin(t, out, false)
	defer s.Abort()
	if _, err := Begin(context.Background(), out, false); err == nil || !strings.Contains(err.Error(), "another kz30 build") {
		t.Errorf("second Begin = %v", err)
	}

	// Another output beside it waits for the first build, then runs.
	lockWait = time.Minute
	done := make(chan error, 1)
	go func() {
		s2, err := Begin(context.Background(), filepath.Join(dir, "other"), false)
		if err == nil {
			s2.Abort()
		}
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("Begin beside a running build returned at once: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	s.Abort()
	if err := <-done; err != nil {
		t.Errorf("Begin once the first build ended = %v", err)
	}

	// A done context stops the wait.
	s3 := begin(t, out, false)
	defer s3.Abort()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Begin(ctx, filepath.Join(dir, "third"), false); err == nil {
		t.Error("Begin with a done context waited for the lock and succeeded")
	}
}

// A rebuild writes only what changed: a file with the same bytes as in the
// previous output is hard-linked from it, a changed one is written anew.
func TestStageLinksUnchanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := build(t, out, false, map[string]string{"same.html": "same", "changed.html": "v1"}); err != nil {
		t.Fatal(err)
	}
	sameBefore, _ := os.Stat(filepath.Join(out, "same.html"))
	changedBefore, _ := os.Stat(filepath.Join(out, "changed.html"))
	s := begin(t, out, false)
	for name, data := range map[string]string{"same.html": "same", "changed.html": "v2", "new.html": "new"} {
		if err := s.Write(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if n := s.Linked(); n != 1 {
		t.Errorf("Linked = %d, want 1", n)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	sameAfter, _ := os.Stat(filepath.Join(out, "same.html"))
	changedAfter, _ := os.Stat(filepath.Join(out, "changed.html"))
	if !os.SameFile(sameBefore, sameAfter) {
		t.Error("an unchanged file was rewritten, not linked")
	}
	if os.SameFile(changedBefore, changedAfter) {
		t.Error("a changed file was linked")
	}
	want := map[string]string{"same.html": "same", "changed.html": "v2", "new.html": "new"}
	if got := withoutManifest(readTree(t, out)); !equal(got, want) {
		t.Errorf("output = %v, want %v", got, want)
	}
	// A file edited by hand is never linked, even with --clean.
	if err := os.WriteFile(filepath.Join(out, "same.html"), []byte("hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := build(t, out, true, map[string]string{"same.html": "same"}); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out)["same.html"]; got != "same" {
		t.Errorf("same.html = %q after --clean", got)
	}
}
