// Package cache keeps blobs between builds, by key: the store behind
// kz30's build cache. It knows nothing of sites; its callers derive every
// key from everything the blob depends on, so a blob found under a key is
// the one that key's inputs produce.
//
// The contract:
//
//   - A Store never fails: a blob that cannot be read, written or trusted
//     is a miss, and the caller does the work again.
//   - Get returns exactly the bytes that Put stored under the key, or a
//     miss. On disk (Dir) every entry carries a header with the format
//     version, its length and its SHA-256: a truncated, altered or foreign
//     entry is a miss and is removed.
//   - A Dir belongs to one program version (Open's version): its marker
//     file names the format and the version, and a folder marked for
//     another one is emptied of its entries before use. A folder that
//     holds files but no marker is not kz30's: it is never written to or
//     emptied (Open returns None).
//   - Writes go to a temporary file renamed into place, so concurrent
//     builds never see half an entry; the last writer of a key wins, and
//     every writer writes the same bytes for a key.
//   - Finish(true) evicts the entries that the run did not use (neither
//     Get nor Put), so the cache holds what the last build needed.
package cache

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Store is a blob store by key. Keys are short printable strings
// (hexadecimal digests with a kind prefix, say "doc-3fa9…"); a key that
// is not valid (see ValidKey) is always a miss. Methods are safe for
// concurrent use.
type Store interface {
	// Get returns the blob stored under key.
	Get(key string) ([]byte, bool)
	// Put stores data under key; the Store keeps its own copy.
	Put(key string, data []byte)
	// Finish ends a run: with evict, entries the run neither got nor put
	// are dropped. A Store is usable again after Finish (a new run).
	Finish(evict bool)
}

// ValidKey reports whether key can name an entry: 8 to 200 characters
// of [a-z0-9-].
func ValidKey(key string) bool {
	if len(key) < 8 || len(key) > 200 {
		return false
	}
	for _, c := range []byte(key) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// None is the Store that keeps nothing: a cold build.
type None struct{}

// Get implements Store: always a miss.
func (None) Get(string) ([]byte, bool) { return nil, false }

// Put implements Store: nothing is kept.
func (None) Put(string, []byte) {}

// Finish implements Store.
func (None) Finish(bool) {}

// Memory is a Store in memory, for the dev server's rebuilds; Next, when
// set, is a store below it (a Dir) that misses are read from and puts
// written to.
type Memory struct {
	Next Store

	mu   sync.Mutex
	m    map[string][]byte
	used map[string]bool
}

// NewMemory returns an empty Memory in front of next (nil for none).
func NewMemory(next Store) *Memory {
	return &Memory{Next: next, m: map[string][]byte{}, used: map[string]bool{}}
}

// Get implements Store.
func (s *Memory) Get(key string) ([]byte, bool) {
	if !ValidKey(key) {
		return nil, false
	}
	s.mu.Lock()
	data, ok := s.m[key]
	if ok {
		s.used[key] = true
	}
	s.mu.Unlock()
	if ok || s.Next == nil {
		return data, ok
	}
	data, ok = s.Next.Get(key)
	if ok {
		s.mu.Lock()
		s.m[key], s.used[key] = data, true
		s.mu.Unlock()
	}
	return data, ok
}

// Put implements Store.
func (s *Memory) Put(key string, data []byte) {
	if !ValidKey(key) {
		return
	}
	data = bytes.Clone(data)
	s.mu.Lock()
	s.m[key], s.used[key] = data, true
	s.mu.Unlock()
	if s.Next != nil {
		s.Next.Put(key, data)
	}
}

// Finish implements Store. The store below is finished without
// eviction: it may hold what other runs need.
func (s *Memory) Finish(evict bool) {
	s.mu.Lock()
	if evict {
		for k := range s.m {
			if !s.used[k] {
				delete(s.m, k)
			}
		}
	}
	s.used = map[string]bool{}
	s.mu.Unlock()
	if s.Next != nil {
		s.Next.Finish(false)
	}
}

// Len is the number of entries held in memory.
func (s *Memory) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.m)
}

// Format is the version of the on-disk layout; a folder of another
// format is emptied.
const Format = 1

// MarkerName is the file that marks a folder as a kz30 cache.
const MarkerName = "CACHEDIR.TAG"

// markerHead starts the marker file: the Cache Directory Tagging
// signature, which backup tools honour, then a line naming kz30.
const markerHead = "Signature: 8a477f597d28d172789f06886806bc55\n# kz30 build cache: safe to delete; kz30 rebuilds it.\n"

// entryMagic starts every entry file, followed by the format byte, the
// payload's length (8 bytes, big-endian) and its SHA-256.
const entryMagic = "kz30c"

const headerSize = len(entryMagic) + 1 + 8 + sha256.Size

// Dir is a Store in a folder: one file per entry, below a folder named by
// the key's first two characters after its kind.
type Dir struct {
	dir string

	mu   sync.Mutex
	used map[string]bool // keys got or put by this run
}

// Open opens the cache folder dir for a program version (a string that
// changes whenever the program's output may change). It creates dir when
// missing and empties it when it is marked for another format or version.
// A folder that cannot be used gives None and the reason.
func Open(dir, version string) (Store, string) {
	if version == "" || strings.ContainsAny(version, "\n") {
		return None{}, "no program version to key the cache by"
	}
	mark := markerHead + "format " + string(rune('0'+Format)) + "\nversion " + version + "\n"
	data, err := os.ReadFile(filepath.Join(dir, MarkerName))
	switch {
	case err == nil && string(data) == mark:
		// Ours, this version.
	case err == nil && bytes.HasPrefix(data, []byte(markerHead)):
		// Ours, another format or version: nothing in it can be trusted.
		clearEntries(dir)
		if err := writeFile(dir, MarkerName, []byte(mark)); err != nil {
			return None{}, "cannot write the cache marker: " + err.Error()
		}
	case errors.Is(err, fs.ErrNotExist):
		if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
			return None{}, dir + " holds files but no " + MarkerName + ": not a kz30 cache, left alone"
		}
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return None{}, "cannot create the cache folder: " + err.Error()
		}
		if err := writeFile(dir, MarkerName, []byte(mark)); err != nil {
			return None{}, "cannot write the cache marker: " + err.Error()
		}
	default:
		return None{}, dir + " is not a kz30 cache (" + MarkerName + " is foreign or unreadable), left alone"
	}
	return &Dir{dir: dir, used: map[string]bool{}}, ""
}

// path is where key's entry lives: "doc-3fa9…" in doc/3f/.
func (d *Dir) path(key string) string {
	kind, rest, ok := strings.Cut(key, "-")
	if !ok || len(rest) < 2 {
		kind, rest = "x", key
	}
	return filepath.Join(d.dir, kind, rest[:2], key)
}

// Get implements Store.
func (d *Dir) Get(key string) ([]byte, bool) {
	if !ValidKey(key) {
		return nil, false
	}
	name := d.path(key)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	payload, ok := decodeEntry(data)
	if !ok {
		// Truncated, altered or foreign: never trusted, and removed so
		// the next Put writes it afresh.
		os.Remove(name)
		return nil, false
	}
	d.mu.Lock()
	d.used[key] = true
	d.mu.Unlock()
	return payload, true
}

// Put implements Store.
func (d *Dir) Put(key string, data []byte) {
	if !ValidKey(key) {
		return
	}
	d.mu.Lock()
	d.used[key] = true
	d.mu.Unlock()
	name := d.path(key)
	entry := encodeEntry(data)
	if writeFile(filepath.Dir(name), filepath.Base(name), entry) != nil {
		if os.MkdirAll(filepath.Dir(name), 0o777) == nil {
			_ = writeFile(filepath.Dir(name), filepath.Base(name), entry)
		}
	}
}

// Finish implements Store.
func (d *Dir) Finish(evict bool) {
	d.mu.Lock()
	used := d.used
	d.used = map[string]bool{}
	d.mu.Unlock()
	if !evict {
		return
	}
	walkEntries(d.dir, func(p string) {
		if !used[filepath.Base(p)] {
			os.Remove(p)
		}
	})
}

// walkEntries calls fn on every entry file of the cache folder dir: the
// files two folders down whose names are valid keys.
func walkEntries(dir string, fn func(path string)) {
	kinds, _ := os.ReadDir(dir)
	for _, k := range kinds {
		if !k.IsDir() {
			continue
		}
		subs, _ := os.ReadDir(filepath.Join(dir, k.Name()))
		for _, s := range subs {
			if !s.IsDir() {
				continue
			}
			sub := filepath.Join(dir, k.Name(), s.Name())
			files, _ := os.ReadDir(sub)
			for _, f := range files {
				if f.Type().IsRegular() && (ValidKey(f.Name()) || strings.HasPrefix(f.Name(), ".tmp-")) {
					fn(filepath.Join(sub, f.Name()))
				}
			}
			os.Remove(sub) // only when empty
		}
		os.Remove(filepath.Join(dir, k.Name()))
	}
}

// clearEntries removes every entry of the cache folder dir.
func clearEntries(dir string) {
	walkEntries(dir, func(p string) { os.Remove(p) })
}

func encodeEntry(data []byte) []byte {
	out := make([]byte, 0, headerSize+len(data))
	out = append(out, entryMagic...)
	out = append(out, Format)
	out = binary.BigEndian.AppendUint64(out, uint64(len(data)))
	sum := sha256.Sum256(data)
	out = append(out, sum[:]...)
	return append(out, data...)
}

func decodeEntry(data []byte) ([]byte, bool) {
	if len(data) < headerSize || string(data[:len(entryMagic)]) != entryMagic || data[len(entryMagic)] != Format {
		return nil, false
	}
	n := binary.BigEndian.Uint64(data[len(entryMagic)+1:])
	payload := data[headerSize:]
	if uint64(len(payload)) != n {
		return nil, false
	}
	sum := sha256.Sum256(payload)
	if !bytes.Equal(sum[:], data[headerSize-sha256.Size:headerSize]) {
		return nil, false
	}
	return payload, true
}

// writeFile writes dir/name through a temporary file renamed into place.
func writeFile(dir, name string, data []byte) error {
	tmp := filepath.Join(dir, ".tmp-"+strings.ToLower(rand.Text()[:12]))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp, filepath.Join(dir, name))
	}
	if werr != nil {
		os.Remove(tmp)
	}
	return werr
}
