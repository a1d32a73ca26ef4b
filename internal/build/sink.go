package build

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// sink receives output files by slash path relative to the site root.
type sink interface {
	write(name string, data []byte) error
}

// memSink keeps files in memory (check, serve, tests).
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memSink) write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return fmt.Errorf("two outputs want %s", name)
	}
	m.files[name] = append([]byte(nil), data...)
	return nil
}

// dirSink writes files below a root folder (empty at first), creating
// each folder once.
type dirSink struct {
	root string
	mu   sync.Mutex
	dirs map[string]bool
	seen map[string]bool
}

func newDirSink(root string) *dirSink {
	return &dirSink{root: root, dirs: map[string]bool{".": true}, seen: map[string]bool{}}
}

// mkdir makes the folder dir (a slash path) and its missing parents, one
// mkdir each. It is called with d.mu held: folders are made one at a
// time, which measured faster than letting workers contend for the same
// parent folder in the kernel.
func (d *dirSink) mkdir(dir string) error {
	if d.dirs[dir] {
		return nil
	}
	if err := d.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	err := os.Mkdir(filepath.Join(d.root, filepath.FromSlash(dir)), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	// A file in the folder's way makes the write into it fail.
	d.dirs[dir] = true
	return nil
}

func (d *dirSink) write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	d.mu.Lock()
	if d.seen[name] {
		d.mu.Unlock()
		return fmt.Errorf("two outputs want %s", name)
	}
	d.seen[name] = true
	err := d.mkdir(path.Dir(name))
	d.mu.Unlock()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d.root, filepath.FromSlash(name)), data, 0o644)
}

// stream creates the file name and writes it through fn, buffered. It
// returns the number of bytes written.
func (d *dirSink) stream(name string, fn func(io.Writer) error) (int64, error) {
	if err := d.write(name, nil); err != nil {
		return 0, err
	}
	f, err := os.Create(filepath.Join(d.root, filepath.FromSlash(name)))
	if err != nil {
		return 0, err
	}
	cw := &countWriter{w: f}
	bw := bufio.NewWriterSize(cw, 64<<10)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return cw.n, err
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// checkName confines output paths to the output folder, whatever slugs
// and aliases say.
func checkName(name string) error {
	if name == "" || path.IsAbs(name) || strings.Contains(name, "\\") || path.Clean(name) != name ||
		name == ".." || strings.HasPrefix(name, "../") || strings.ContainsAny(name, "\x00") {
		return fmt.Errorf("output path %q leaves the output folder", name)
	}
	return nil
}

// swap replaces out by stage: out is renamed aside, stage takes its place,
// and the old output is removed. A crash between the two renames leaves
// both folders on disk, never a half-written site.
func swap(stage, out string) error {
	old := stage + ".old"
	hadOld := true
	if err := os.Rename(out, old); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("cannot replace %s: %w", out, err)
		}
		hadOld = false
	}
	if err := os.Rename(stage, out); err != nil {
		if hadOld {
			_ = os.Rename(old, out)
		}
		return fmt.Errorf("cannot move the new site into %s: %w", out, err)
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}
