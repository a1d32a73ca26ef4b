package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func mustOpen(t *testing.T, dir, version string) Store {
	t.Helper()
	s, note := Open(dir, version)
	if note != "" {
		t.Fatal(note)
	}
	return s
}

func TestDirRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	s := mustOpen(t, dir, "v1")
	s.Put("doc-0123456789abcdef", []byte("hello"))
	s.Put("doc-0123456789abcdee", nil)
	if got, ok := s.Get("doc-0123456789abcdef"); !ok || string(got) != "hello" {
		t.Errorf("Get = %q, %t; want hello", got, ok)
	}
	if got, ok := s.Get("doc-0123456789abcdee"); !ok || len(got) != 0 {
		t.Errorf("empty entry: Get = %q, %t", got, ok)
	}
	if _, ok := s.Get("doc-ffffffffffffffff"); ok {
		t.Error("a missing key is a hit")
	}
	for _, bad := range []string{"", "short", "../../etc/passwd", "Doc-0123456789abcdef", "doc-01234567/9abcdef"} {
		s.Put(bad, []byte("x"))
		if _, ok := s.Get(bad); ok {
			t.Errorf("invalid key %q is a hit", bad)
		}
	}
	// A second Open of the same version sees the entries.
	if got, ok := mustOpen(t, dir, "v1").Get("doc-0123456789abcdef"); !ok || string(got) != "hello" {
		t.Errorf("reopened: Get = %q, %t", got, ok)
	}
}

// TestDirCorruptEntries: an entry truncated, altered, of another format
// or not an entry at all is a miss, and is removed.
func TestDirCorruptEntries(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spoil func([]byte) []byte
	}{
		{"truncated", func(b []byte) []byte { return b[:len(b)-1] }},
		{"header only", func(b []byte) []byte { return b[:headerSize] }},
		{"shorter than a header", func(b []byte) []byte { return b[:10] }},
		{"empty", func(b []byte) []byte { return nil }},
		{"flipped payload byte", func(b []byte) []byte { b[len(b)-2] ^= 1; return b }},
		{"flipped checksum byte", func(b []byte) []byte { b[headerSize-1] ^= 1; return b }},
		{"longer", func(b []byte) []byte { return append(b, 'x') }},
		{"other format", func(b []byte) []byte { b[len(entryMagic)] = Format + 1; return b }},
		{"foreign file", func(b []byte) []byte {
			return []byte("#!/bin/sh\necho not a cache entry, but long enough to hold a header\n")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s := mustOpen(t, dir, "v1").(*Dir)
			key := "page-00112233445566778899"
			s.Put(key, []byte("the page's digest and size"))
			name := s.path(key)
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, tc.spoil(data), 0o644); err != nil {
				t.Fatal(err)
			}
			if got, ok := s.Get(key); ok {
				t.Errorf("corrupt entry trusted: %q", got)
			}
			if _, err := os.Stat(name); !os.IsNotExist(err) {
				t.Errorf("corrupt entry left in place (%v)", err)
			}
		})
	}
}

// TestDirVersions: a cache of another program version or format is
// emptied; a folder that is not a kz30 cache is left alone.
func TestDirVersions(t *testing.T) {
	dir := t.TempDir()
	mustOpen(t, dir, "v1").Put("doc-0123456789abcdef", []byte("old"))
	s := mustOpen(t, dir, "v2")
	if _, ok := s.Get("doc-0123456789abcdef"); ok {
		t.Error("an entry of another version is a hit")
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "doc", "*", "*")); len(files) != 0 {
		t.Errorf("entries of another version left: %v", files)
	}

	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644)
	os.MkdirAll(filepath.Join(foreign, "doc", "01"), 0o755)
	os.WriteFile(filepath.Join(foreign, "doc", "01", "doc-0123456789abcdef"), []byte("mine too"), 0o644)
	st, note := Open(foreign, "v1")
	if _, ok := st.(None); !ok || note == "" {
		t.Errorf("a folder without a marker was opened: %T %q", st, note)
	}
	st.Put("doc-0123456789abcdee", []byte("x"))
	st.Finish(true)
	for _, f := range []string{"notes.txt", "doc/01/doc-0123456789abcdef"} {
		if _, err := os.Stat(filepath.Join(foreign, f)); err != nil {
			t.Errorf("%s of a foreign folder: %v", f, err)
		}
	}
	os.WriteFile(filepath.Join(foreign, MarkerName), []byte("Signature: something else\n"), 0o644)
	if st, _ := Open(foreign, "v1"); st != (None{}) {
		t.Errorf("a folder with another program's %s was opened", MarkerName)
	}
	if _, note := Open(t.TempDir(), ""); note == "" {
		t.Error("a cache without a version was opened")
	}
}

// TestDirEviction: Finish(true) keeps what the run got or put, and only
// that; Finish(false) keeps everything.
func TestDirEviction(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, "v1")
	for i := range 4 {
		s.Put(fmt.Sprintf("doc-%016d", i), []byte{byte(i)})
	}
	s.Finish(true)
	s.Get(fmt.Sprintf("doc-%016d", 1))
	s.Put(fmt.Sprintf("memo-%016d", 9), []byte("new"))
	s.Finish(false)
	for i := range 4 {
		if _, ok := s.Get(fmt.Sprintf("doc-%016d", i)); !ok {
			t.Errorf("Finish(false) evicted entry %d", i)
		}
	}
	s.Finish(false) // a new run: nothing used yet
	s.Get(fmt.Sprintf("doc-%016d", 2))
	s.Finish(true)
	for i := range 4 {
		if _, ok := s.Get(fmt.Sprintf("doc-%016d", i)); ok != (i == 2) {
			t.Errorf("after eviction, entry %d present %t", i, ok)
		}
	}
	if _, ok := s.Get(fmt.Sprintf("memo-%016d", 9)); ok {
		t.Error("an entry the last run did not use survived eviction")
	}
}

// TestDirConcurrent: writers and readers of the same keys in two stores
// of one folder (two builds at once) never see a partial entry.
func TestDirConcurrent(t *testing.T) {
	dir := t.TempDir()
	a, b := mustOpen(t, dir, "v1"), mustOpen(t, dir, "v1")
	want := func(k int) []byte { return bytes.Repeat([]byte{byte(k)}, 64<<10) }
	var wg sync.WaitGroup
	for w := range 8 {
		s := a
		if w%2 == 1 {
			s = b
		}
		wg.Go(func() {
			for i := range 50 {
				k := (i + w) % 5
				key := fmt.Sprintf("doc-%016d", k)
				s.Put(key, want(k))
				if got, ok := s.Get(key); ok && !bytes.Equal(got, want(k)) {
					t.Errorf("entry %d read partially written (%d bytes)", k, len(got))
				}
			}
		})
	}
	wg.Wait()
	if tmp, _ := filepath.Glob(filepath.Join(dir, "doc", "*", ".tmp-*")); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

func TestMemory(t *testing.T) {
	below := mustOpen(t, t.TempDir(), "v1")
	below.Put("doc-0000000000000001", []byte("from disk"))
	m := NewMemory(below)
	if got, ok := m.Get("doc-0000000000000001"); !ok || string(got) != "from disk" {
		t.Errorf("Memory did not read through: %q %t", got, ok)
	}
	m.Put("doc-0000000000000002", []byte("new"))
	if got, ok := below.Get("doc-0000000000000002"); !ok || string(got) != "new" {
		t.Errorf("Memory did not write through: %q %t", got, ok)
	}
	m.Finish(true)
	m.Finish(true) // a run that used nothing
	if m.Len() != 0 {
		t.Errorf("%d entries survive a run that used none", m.Len())
	}
	if _, ok := m.Get("doc-0000000000000002"); !ok {
		t.Error("the store below was evicted by Memory")
	}
}
