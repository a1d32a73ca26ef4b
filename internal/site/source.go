package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/render"
)

// sourceFS is the source folder layered over the built-in theme, as Hugo
// layers a site over its theme: below templates/ and static/, each file
// comes from the source folder when it has it, else from the defaults,
// and a folder lists the files of both. Everything else (site.toml,
// content/) comes from the source folder alone. The UI strings of
// templates/i18n/ are layered key by key on top of this (uiStrings).
type sourceFS struct {
	root     string // the source folder on disk; "" when the source is an fs.FS (Options.FS)
	dir      fs.FS
	defaults fs.FS // nil: no theme below the source folder
}

// newSourceFS layers the source over defaults: fsys when it is not nil
// (Options.FS), else the folder dir on disk.
func newSourceFS(dir string, fsys, defaults fs.FS) *sourceFS {
	if fsys != nil {
		return &sourceFS{dir: fsys, defaults: defaults}
	}
	return &sourceFS{root: dir, dir: os.DirFS(dir), defaults: defaults}
}

// themed reports whether name is below a folder the theme provides.
func themed(name string) bool {
	top, _, _ := strings.Cut(name, "/")
	return top == "templates" || top == "static"
}

// pick is the layer that holds name: the source folder when it has it
// (or when name is not themed), else the defaults.
func (s *sourceFS) pick(name string) fs.FS {
	if s.defaults == nil || !themed(name) {
		return s.dir
	}
	if _, err := fs.Stat(s.dir, name); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return s.dir
	}
	return s.defaults
}

// Open implements fs.FS.
func (s *sourceFS) Open(name string) (fs.File, error) { return s.pick(name).Open(name) }

// ReadFile implements fs.ReadFileFS.
func (s *sourceFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(s.pick(name), name) }

// ReadDir implements fs.ReadDirFS: below templates/ and static/, the
// union of both layers, by name, the source folder's entry winning.
func (s *sourceFS) ReadDir(name string) ([]fs.DirEntry, error) {
	own, err := fs.ReadDir(s.dir, name)
	if s.defaults == nil || !themed(name) {
		return own, err
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	base, berr := fs.ReadDir(s.defaults, name)
	if berr != nil {
		if err != nil {
			return nil, err // in neither layer
		}
		return own, nil
	}
	seen := map[string]bool{}
	for _, e := range own {
		seen[e.Name()] = true
	}
	all := own
	for _, e := range base {
		if !seen[e.Name()] {
			all = append(all, e)
		}
	}
	slices.SortFunc(all, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return all, nil
}

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

// themeFile is the built-in copy of name, or nil.
func (s *sourceFS) themeFile(name string) []byte {
	if s.defaults == nil || !themed(name) {
		return nil
	}
	data, err := fs.ReadFile(s.defaults, path.Clean(name))
	if err != nil {
		return nil
	}
	return data
}

// uiStrings is language lang's templates/i18n/LANG.toml, layered: the
// site's file over the built-in theme's, key by key.
func (s *sourceFS) uiStrings(lang string) (i18n.CatalogFile, error) {
	name := path.Join(render.Dir, "i18n", lang+".toml")
	f := i18n.CatalogFile{Name: name, Base: s.themeFile(name)}
	data, err := fs.ReadFile(s.dir, name)
	switch {
	case err == nil:
		f.Data = data
	case !errors.Is(err, fs.ErrNotExist):
		return f, diag.List{{Pos: diag.Pos{File: name}, Msg: err.Error(), Hint: "make " + name + " readable"}}
	case f.Base == nil:
		return f, diag.List{{Pos: diag.Pos{File: name}, Msg: fmt.Sprintf("no UI strings for language %q (the built-in theme has %s)", lang, strings.Join(s.themeLangs(), ", ")),
			Hint: "create " + name + " with every key of the theme's en.toml, translated (`kz30 theme export` copies the built-in files into the site)"}}
	default:
		f.Data, f.Base = f.Base, nil
	}
	return f, nil
}

// themeLangs lists the languages the built-in theme has UI strings for.
func (s *sourceFS) themeLangs() []string {
	var langs []string
	if s.defaults == nil {
		return nil
	}
	entries, _ := fs.ReadDir(s.defaults, path.Join(render.Dir, "i18n"))
	for _, e := range entries {
		if l, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !e.IsDir() {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		return []string{"none"}
	}
	return langs
}
