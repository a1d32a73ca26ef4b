package site

import (
	"crypto/sha256"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/kz30/kz30/internal/output"
)

// sink receives output files by slash path relative to the site root.
type sink interface {
	write(name string, data []byte) error
}

// memSink keeps files in memory (check, serve, tests).
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
	folds foldSet
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
	if err := m.folds.add(name); err != nil {
		return err
	}
	m.files[name] = append([]byte(nil), data...)
	return nil
}

// stageSink writes files into a build's staging folder.
type stageSink struct {
	st    *output.Stage
	folds *foldSet
}

func (d stageSink) write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if err := d.folds.add(name); err != nil {
		return err
	}
	return d.st.Write(name, data)
}

// link takes the file name unchanged from the previous output when it has
// these bytes (output.Stage.Link).
func (d stageSink) link(name string, sum [sha256.Size]byte, size int64) bool {
	if checkName(name) != nil || d.folds.add(name) != nil {
		return false
	}
	return d.st.Link(name, sum, size)
}

// stream creates the file name and writes it through fn, buffered. It
// returns the number of bytes written.
func (d stageSink) stream(name string, fn func(io.Writer) error) (int64, error) {
	if err := checkName(name); err != nil {
		return 0, err
	}
	if err := d.folds.add(name); err != nil {
		return 0, err
	}
	return d.st.Stream(name, fn)
}

// checkName confines output paths to the output folder, whatever slugs
// and aliases say.
func checkName(name string) error {
	if name == "" || path.IsAbs(name) || strings.Contains(name, "\\") || path.Clean(name) != name ||
		name == ".." || strings.HasPrefix(name, "../") || strings.ContainsAny(name, "\x00") {
		return fmt.Errorf("output path %q leaves the output folder", name)
	}
	return checkOutputName(name)
}
