package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/scaffold"
)

// kz30Cmd is kz30 (this test binary running main) with args.
func kz30Cmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "KZ30_RUN_MAIN=1")
	return cmd
}

// digests maps every file below dir to its SHA-256 (symlinks to their
// target).
func digests(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if e.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sums[rel] = fmt.Sprintf("%x", sha256.Sum256(data))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func sameDigests(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// staging returns the staging folders beside out.
func staging(out string) []string {
	m, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".staging-*"))
	return m
}

// countFiles counts the files below dir (0 when it is gone).
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// TestInterrupt kills a build of a generated corpus at several moments —
// as the staging folder appears, half-way through the pages, as the
// manifest is written — with SIGKILL, SIGINT and SIGTERM. After each, the
// output is the previous site byte for byte, its .git included (or, when
// the build won the race, exactly the new site: never a mixture); SIGINT
// and SIGTERM exit 130 and 143 and leave no staging folder; after SIGKILL
// the next build removes the staging folder and succeeds.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an 80-pair corpus many times; skipped with -short")
	}
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := scaffold.Corpus(site, 80, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(site, "public")
	if b, err := kz30Cmd("build", "--source", site).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	if err := os.MkdirAll(filepath.Join(out, ".git", "refs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, ".git", "HEAD"), []byte("ref: refs/heads/gh-pages\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	previous := digests(t, out)
	// The edit every interrupted build would publish.
	page := filepath.Join(site, "content", "fr", "page-0001.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(data, []byte("\nUne phrase ajoutée.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	// The new site, built elsewhere, to recognise a build that finished.
	ref := filepath.Join(dir, "ref")
	if b, err := kz30Cmd("build", "--source", site, "--out", ref, "--allow-stale").CombinedOutput(); err != nil {
		t.Fatalf("reference build: %v\n%s", err, b)
	}
	next := digests(t, ref)
	next[".git/HEAD"] = previous[".git/HEAD"]

	moments := []struct {
		name string
		when func(stage string) bool
	}{
		{"staging appears", func(string) bool { return true }},
		{"half the pages", func(s string) bool { return countFiles(s) >= 80 }},
		{"manifest written", func(s string) bool {
			_, err := os.Stat(filepath.Join(s, ".kz30-manifest"))
			return err == nil
		}},
	}
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT, syscall.SIGTERM} {
		for _, m := range moments {
			t.Run(fmt.Sprintf("%s/%s", sig, strings.ReplaceAll(m.name, " ", "-")), func(t *testing.T) {
				if s := staging(out); len(s) > 0 {
					t.Fatalf("staging folders before the build: %v", s)
				}
				cmd := kz30Cmd("build", "--source", site, "--allow-stale")
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				exited := make(chan error, 1)
				go func() { exited <- cmd.Wait() }()
				var err error
				sent := false
			poll:
				for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); {
					select {
					case err = <-exited:
						break poll
					default:
					}
					if s := staging(out); len(s) > 0 && m.when(s[0]) {
						cmd.Process.Signal(sig)
						sent = true
						err = <-exited
						break
					}
					time.Sleep(200 * time.Microsecond)
				}
				got := digests(t, out)
				finished := sameDigests(got, next)
				switch {
				case sameDigests(got, previous):
				case finished:
					t.Logf("the build finished before the signal")
				default:
					t.Fatalf("after %v at %q the output is neither the previous site nor the new one (%d files; stderr %s)", sig, m.name, len(got), stderr.String())
				}
				code := 0
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
					if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
						code = 128 + int(ws.Signal())
					}
				}
				if sent && !finished {
					want := 128 + int(sig)
					if code != want {
						t.Errorf("exit code %d, want %d (stderr %s)", code, want, stderr.String())
					}
					if sig != syscall.SIGKILL {
						if !strings.Contains(stderr.String(), "interrupted; nothing was written, the previous output is unchanged") {
							t.Errorf("stderr: %s", stderr.String())
						}
						if s := staging(out); len(s) > 0 {
							t.Errorf("%v left %v", sig, s)
						}
					}
				}
				if !finished {
					// The next build cleans up and succeeds; put the
					// previous output back for the next moment.
					check := filepath.Join(dir, "check-"+strings.ReplaceAll(t.Name(), "/", "-"))
					os.RemoveAll(check)
					if b, err := kz30Cmd("build", "--source", site, "--allow-stale").CombinedOutput(); err != nil {
						t.Fatalf("the build after the interruption: %v\n%s", err, b)
					}
					if s := staging(out); len(s) > 0 {
						t.Errorf("the build after the interruption left %v", s)
					}
					if got := digests(t, out); !sameDigests(got, next) {
						t.Errorf("the build after the interruption is not the new site")
					}
				}
				restore(t, site, out, previous, data, page)
			})
		}
	}
}

// restore builds the previous site into out again (the page back as it
// was), keeping .git, and checks it is byte-identical to previous.
func restore(t *testing.T, site, out string, previous map[string]string, orig []byte, page string) {
	t.Helper()
	if err := os.WriteFile(page, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := os.WriteFile(page, append(orig, []byte("\nUne phrase ajoutée.\n")...), 0o644); err != nil {
			t.Fatal(err)
		}
	}()
	if b, err := kz30Cmd("build", "--source", site).CombinedOutput(); err != nil {
		t.Fatalf("restoring the previous site: %v\n%s", err, b)
	}
	if got := digests(t, out); !sameDigests(got, previous) {
		t.Fatalf("restoring the previous site did not give the same bytes")
	}
}
