package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kz30/kz30/internal/diag"
)

// checkLinks confines templates/ and static/ to the source folder, as
// content/ is: a symbolic link there (or the folder itself being one) must
// lead to a file inside the source folder, outside its hidden folders.
// Otherwise `static/env.txt -> /proc/self/environ` would publish the
// build's environment. Links to folders are refused too, so that
// everything published is listed by one walk of real folders.
func (s *sourceFS) checkLinks() diag.List {
	if s.root == "" {
		return nil // an fs.FS source (Options.FS): no folder on disk to leave
	}
	var errs diag.List
	root, err := filepath.EvalSymlinks(s.root)
	if err != nil {
		return nil // reported by whatever reads the folder
	}
	for _, top := range []string{"templates", "static"} {
		fi, err := os.Lstat(filepath.Join(s.root, top))
		if err != nil {
			continue
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			if !s.linkInside(root, top, &errs) {
				continue
			}
		}
		_ = fs.WalkDir(s.dir, top, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs.Add(diag.Pos{File: p}, "cannot read: "+err.Error(), "check the permissions of "+p)
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				s.linkInside(root, p, &errs)
			}
			return nil
		})
	}
	return errs
}

// linkInside reports whether the link p (a slash path in the source
// folder) leads to a file inside root, the source folder's real path; if
// not, it adds an error at p.
func (s *sourceFS) linkInside(root, p string, errs *diag.List) bool {
	file := filepath.Join(s.root, filepath.FromSlash(p))
	target, _ := os.Readlink(file)
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		errs.Add(diag.Pos{File: p}, fmt.Sprintf("symbolic link to %s cannot be followed: %v", target, unwrapPath(err)),
			"replace the link by the file itself, or remove it")
		return false
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		errs.Add(diag.Pos{File: p}, fmt.Sprintf("symbolic link points outside the site (%s)", target),
			"copy the file into the site instead of linking to it (a link out of the site could publish any file of the machine)")
		return false
	}
	for _, seg := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(seg, ".") {
			errs.Add(diag.Pos{File: p}, fmt.Sprintf("symbolic link points into a hidden file or folder (%s)", target),
				"copy the file you mean to publish next to the link's place instead of linking to it")
			return false
		}
	}
	if p == "templates" || p == "static" {
		return true
	}
	if fi, err := os.Stat(real); err == nil && fi.IsDir() {
		errs.Add(diag.Pos{File: p}, fmt.Sprintf("symbolic link to a folder (%s)", target),
			"copy the folder, or link its files one by one")
		return false
	}
	return true
}

// unwrapPath drops the path of an *fs.PathError, which would show where
// the source folder is on this machine.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
