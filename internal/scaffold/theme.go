package scaffold

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kz30/kz30/internal/diag"
)

// ExportTheme copies files of the built-in theme (theme: templates/,
// templates/i18n/ and static/ at its root) into the site folder dir, for
// the site to change them: the whole theme when paths is empty, else the
// files and folders paths names ("templates/page.html", "static"). It
// never overwrites: when a file to write exists, it writes nothing and
// the error names every such file.
func ExportTheme(dir string, theme fs.FS, paths []string) (*Result, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, diag.List{{Pos: diag.Pos{File: dir}, Msg: "site folder not found",
			Hint: "run kz30 theme export in the site's folder, or pass --source DIR"}}
	}
	if len(paths) == 0 {
		paths = []string{"templates", "static"}
	}
	var names []string
	var errs diag.List
	for _, p := range paths {
		clean := path.Clean(strings.TrimPrefix(filepath.ToSlash(p), "./"))
		top, _, _ := strings.Cut(clean, "/")
		if (top != "templates" && top != "static") || !fs.ValidPath(clean) {
			errs.Add(diag.Pos{}, fmt.Sprintf("%q is not a file of the theme", p), "name a file or folder below templates/ or static/, e.g. templates/page.html")
			continue
		}
		err := fs.WalkDir(theme, clean, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				names = append(names, name)
			}
			return nil
		})
		if err != nil {
			errs.Add(diag.Pos{}, fmt.Sprintf("the built-in theme has no %q", p), "run kz30 theme list to see its files")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	slices.Sort(names)
	names = slices.Compact(names)
	for _, n := range names {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(n))); err == nil || !os.IsNotExist(err) {
			errs.Add(diag.Pos{File: n}, "exists in the site",
				"kz30 theme export never overwrites: move the file aside, or name only the files you want (kz30 theme export templates/page.html)")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	res := &Result{}
	for _, n := range names {
		data, err := fs.ReadFile(theme, n)
		if err == nil {
			err = create(dir, n, data)
		}
		if err != nil {
			for _, c := range slices.Backward(res.Created) {
				os.Remove(filepath.Join(dir, filepath.FromSlash(c)))
			}
			return nil, diag.List{{Pos: diag.Pos{File: n}, Msg: "cannot write: " + err.Error(), Hint: "check that the folder is writable; nothing was left behind"}}
		}
		res.Created = append(res.Created, n)
	}
	return res, nil
}

// ThemeFiles lists the files of the built-in theme, by slash path.
func ThemeFiles(theme fs.FS) []string {
	var names []string
	for _, top := range []string{"templates", "static"} {
		_ = fs.WalkDir(theme, top, func(name string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, name)
			}
			return nil
		})
	}
	return names
}
