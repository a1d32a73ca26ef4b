package build

import (
	"errors"
	"io/fs"
	"os"
	"strings"
)

// sourceFS is the source folder with templates/ and static/ taken from the
// defaults when the folder has none of its own.
type sourceFS struct {
	root     string // the source folder on disk
	dir      fs.FS
	defaults fs.FS
	own      map[string]bool // top-level folders the source folder has
}

func newSourceFS(dir string, defaults fs.FS) *sourceFS {
	s := &sourceFS{root: dir, dir: os.DirFS(dir), defaults: defaults, own: map[string]bool{}}
	for _, top := range []string{"templates", "static"} {
		if fi, err := fs.Stat(s.dir, top); err == nil && fi.IsDir() {
			s.own[top] = true
		}
	}
	return s
}

func (s *sourceFS) pick(name string) fs.FS {
	top, _, _ := strings.Cut(name, "/")
	if (top == "templates" || top == "static") && !s.own[top] && s.defaults != nil {
		return s.defaults
	}
	return s.dir
}

// Open implements fs.FS.
func (s *sourceFS) Open(name string) (fs.File, error) { return s.pick(name).Open(name) }

// ReadFile implements fs.ReadFileFS.
func (s *sourceFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(s.pick(name), name) }

// ReadDir implements fs.ReadDirFS.
func (s *sourceFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.pick(name), name) }

// ReadLink implements fs.ReadLinkFS, so symlinks in content/ are checked.
func (s *sourceFS) ReadLink(name string) (string, error) {
	if rl, ok := s.pick(name).(fs.ReadLinkFS); ok {
		return rl.ReadLink(name)
	}
	return "", errors.New("symbolic links are not supported here")
}

// Lstat implements fs.ReadLinkFS.
func (s *sourceFS) Lstat(name string) (fs.FileInfo, error) {
	if rl, ok := s.pick(name).(fs.ReadLinkFS); ok {
		return rl.Lstat(name)
	}
	return fs.Stat(s.pick(name), name)
}
