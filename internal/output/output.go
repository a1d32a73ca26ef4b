// Package output decides where a build's bytes may go and owns the output
// folder: kz30 replaces or deletes only files it wrote itself.
//
// The contract, for an output folder OUT:
//
//   - Place refuses folders no build may ever replace, whatever the flags:
//     the source folder or one above it, the current folder or one above
//     it, a folder inside the source's content/, templates/ or static/, the
//     home folder or one above it, and a filesystem root.
//   - Every build writes OUT/.kz30-manifest, the list of the files it wrote
//     (slash path, size and SHA-256 of each). On the next build, OUT may
//     hold only those files, unchanged, and a top-level .git (file or
//     folder, e.g. a gh-pages worktree). Anything else — a file kz30 did
//     not write, a file changed since, a folder, a symlink — makes Begin
//     refuse with the list of such paths, unless Clean is set; .git is
//     never touched, with or without Clean.
//   - A build writes into a staging folder beside OUT (.OUT.staging-*,
//     made with the modes a plain mkdir gives under the umask). Commit
//     moves OUT's .git into it and swaps it with OUT in one atomic rename
//     (RENAME_EXCHANGE on Linux), so an interruption at any moment leaves
//     either the previous output or the new one in place, never a mixture.
//     Abort removes the staging folder. The next Begin removes staging
//     folders an interrupted build left behind (only those kz30 can prove
//     its own: marked as staging, or holding only the files of their
//     manifest), putting back a .git that was on its way.
//   - One build at a time writes a given output (an advisory lock on its
//     parent folder).
package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kz30/kz30/internal/diag"
)

// ManifestName is the file, at the top of the output, that lists what kz30
// wrote there.
const ManifestName = ".kz30-manifest"

// stagingMark is the file that marks a staging folder as kz30's while a
// build writes into it.
const stagingMark = ".kz30-staging"

// Place returns the absolute output folder for out, refusing one that no
// build may ever replace (see the package doc). source is the site's
// source folder. A symlink to a folder is followed: its target is the
// output, and the link stays.
func Place(out, source string) (string, error) {
	abs, err := realPath(out)
	if err != nil {
		return "", placeErr(out, "cannot resolve the output folder: "+err.Error())
	}
	src, err := realPath(source)
	if err != nil {
		return "", placeErr(out, "cannot resolve the source folder: "+err.Error())
	}
	if filepath.Dir(abs) == abs {
		return "", placeErr(abs, "it is a filesystem root")
	}
	if within(src, abs) {
		what := "the source folder"
		if src != abs {
			what = "above the source folder " + src
		}
		return "", placeErr(abs, "it is "+what)
	}
	if wd, err := os.Getwd(); err == nil {
		if wd, err = realPath(wd); err == nil && within(wd, abs) {
			what := "the current folder"
			if wd != abs {
				what = "above the current folder " + wd
			}
			return "", placeErr(abs, "it is "+what)
		}
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if home, err = realPath(home); err == nil && within(home, abs) {
			return "", placeErr(abs, "it is the home folder or above it")
		}
	}
	for _, d := range []string{"content", "templates", "static"} {
		if within(abs, filepath.Join(src, d)) {
			return "", placeErr(abs, "it is inside the source's "+d+"/ folder, which the build reads")
		}
	}
	if fi, err := os.Lstat(abs); err == nil && !fi.IsDir() {
		return "", &diag.Error{Pos: diag.Pos{File: abs}, Msg: "the output " + abs + " is a file, not a folder",
			Hint: "pass --out a folder path (the default is public/ in the source folder)"}
	}
	for p := filepath.Dir(abs); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err == nil {
			if !fi.IsDir() {
				return "", &diag.Error{Pos: diag.Pos{File: p}, Msg: "the output folder " + abs + " is below a regular file",
					Hint: "pass --out a folder path, or move the file " + p}
			}
			break
		}
		if p == filepath.Dir(p) {
			break
		}
	}
	return abs, nil
}

func placeErr(dir, msg string) error {
	return &diag.Error{Pos: diag.Pos{File: dir}, Msg: "refusing to use this folder as the output (every build replaces it): " + msg,
		Hint: "pass --out a folder of its own, such as public/ (the default)"}
}

// within reports whether the slash-cleaned absolute path inner is dir or
// below it.
func within(inner, dir string) bool {
	if inner == dir {
		return true
	}
	rel, err := filepath.Rel(dir, inner)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// realPath makes p absolute and resolves the symlinks of its longest
// existing prefix, so that two names of one folder compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; cur = filepath.Dir(cur) {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			for i := len(rest) - 1; i >= 0; i-- {
				r = filepath.Join(r, rest[i])
			}
			return r, nil
		}
		// Missing, or below a file: resolve the parent and keep the rest.
		if filepath.Dir(cur) == cur {
			return abs, nil
		}
		rest = append(rest, filepath.Base(cur))
	}
}

// ForeignError is the refusal to replace an output folder that holds what
// kz30 did not write.
type ForeignError struct {
	Out   string   // the output folder
	Paths []string // what kz30 did not write, relative to Out, sorted
	// Reasons gives, by path, why a file is not kz30's when it is not
	// simply unknown (e.g. "changed since kz30 wrote it").
	Reasons map[string]string
	// NoManifest is set when Out has no readable manifest.
	NoManifest string
}

// maxListed is how many foreign paths the refusal lists.
const maxListed = 10

func (e *ForeignError) Error() string {
	var b strings.Builder
	n := len(e.Paths)
	fmt.Fprintf(&b, "%s: refusing to replace the output folder: it holds %d %s that kz30 did not write",
		e.Out, n, plural(n, "path", "paths"))
	if e.NoManifest != "" {
		fmt.Fprintf(&b, " (%s)", e.NoManifest)
	}
	b.WriteString(":")
	for i, p := range e.Paths {
		if i == maxListed {
			fmt.Fprintf(&b, "\n\t… and %d more", n-maxListed)
			break
		}
		b.WriteString("\n\t")
		b.WriteString(filepath.Join(e.Out, filepath.FromSlash(p)))
		if r := e.Reasons[p]; r != "" {
			b.WriteString(" (" + r + ")")
		}
	}
	b.WriteString("\nwhat to do: move what you want published to static/ (every build copies it into the output), " +
		"delete the rest, or pass --clean to let kz30 delete them (--clean never touches .git)")
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
