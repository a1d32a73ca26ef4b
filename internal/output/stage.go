package output

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/kz30/kz30/internal/diag"
)

// Stage is a build's staging folder: files are written into it, and Commit
// puts it in the output's place.
type Stage struct {
	ctx   context.Context
	out   string // the output folder (absolute, symlinks resolved)
	dir   string // the staging folder, beside out
	clean bool
	lock  *os.File

	mu      sync.Mutex
	dirs    map[string]bool
	written manifest
	// prev lists the previous output's files, checked unchanged: a file
	// written with the same bytes is hard-linked from there.
	prev   manifest
	linked int // files linked from the previous output
	// Notes are what Begin noticed and left alone (staging folders it
	// could not prove kz30's).
	Notes []string
}

// Begin prepares a build of the output folder out (from Place): it takes
// the output's lock, removes what interrupted builds left behind, refuses
// (with a *ForeignError) an output holding what kz30 did not write unless
// clean is set, and makes the staging folder. Writes fail once ctx is
// done.
func Begin(ctx context.Context, out string, clean bool) (*Stage, error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: out}, Msg: "cannot create the output's parent folder: " + errText(err),
			Hint: "check the --out path and that you may write there"}
	}
	s := &Stage{ctx: ctx, out: out, clean: clean, dirs: map[string]bool{".": true}, written: manifest{}}
	lock, err := lockDir(ctx, parent)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: out}, Msg: err.Error(),
			Hint: "wait for the other kz30 build of this output to finish, or pass another --out"}
	}
	s.lock = lock
	fail := func(err error) (*Stage, error) {
		s.unlock()
		return nil, err
	}
	if err := s.removeLeftovers(); err != nil {
		return fail(err)
	}
	if err := s.inspect(true); err != nil {
		return fail(err)
	}
	name := "." + filepath.Base(out) + ".staging-" + strings.ToLower(rand.Text()[:12])
	s.dir = filepath.Join(parent, name)
	if err := os.Mkdir(s.dir, 0o777); err != nil {
		return fail(&diag.Error{Pos: diag.Pos{File: out}, Msg: "cannot create the staging folder beside the output: " + errText(err),
			Hint: "kz30 writes the new site beside the output folder and swaps it in: make " + parent + " writable"})
	}
	if err := os.WriteFile(filepath.Join(s.dir, stagingMark), []byte("kz30 is writing a site here; a later build removes this folder if it is left behind\n"), 0o666); err != nil {
		os.RemoveAll(s.dir)
		return fail(err)
	}
	return s, nil
}

// errText is err's message without the path that os errors repeat.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// inspect refuses an output holding what kz30 did not write, unless the
// stage is clean. full compares every file's digest; otherwise sizes only.
func (s *Stage) inspect(full bool) error {
	fi, err := os.Lstat(s.out)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return &diag.Error{Pos: diag.Pos{File: s.out}, Msg: "the output " + s.out + " is not a folder",
			Hint: "pass --out a folder path (the default is public/ in the source folder)"}
	}
	m, merr := readManifest(s.out)
	list, reasons, err := foreignFiles(s.out, m, full)
	if err != nil {
		return err
	}
	if full && m != nil {
		// The files of the previous output that are as kz30 wrote them:
		// a write of the same bytes links them instead.
		s.prev = make(manifest, len(m))
		for n, r := range m {
			s.prev[n] = r
		}
		for _, p := range list {
			delete(s.prev, p)
		}
	}
	if len(list) == 0 || s.clean {
		return nil
	}
	fe := &ForeignError{Out: s.out, Paths: list, Reasons: reasons}
	switch {
	case merr != nil:
		fe.NoManifest = "its manifest is unreadable: " + merr.Error()
	case m == nil:
		fe.NoManifest = "it has no " + ManifestName + ", so no file in it is known to be kz30's"
	}
	return fe
}

// Dir is the staging folder.
func (s *Stage) Dir() string { return s.dir }

// reserve checks name and claims it for one write.
func (s *Stage) reserve(name string) error {
	if err := s.ctx.Err(); err != nil {
		return err
	}
	if !validName(name) {
		return fmt.Errorf("output path %q leaves the output folder", name)
	}
	if name == ManifestName || name == stagingMark || name == ".git" || strings.HasPrefix(name, ".git/") {
		return fmt.Errorf("output path %q is reserved", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.written[name]; dup {
		return fmt.Errorf("two outputs want %s", name)
	}
	s.written[name] = record{}
	if err := s.mkdir(path.Dir(name)); err != nil {
		return writeErr(name, err)
	}
	return nil
}

// writeErr reports a failed write of the output file name without the
// staging folder's path, which means nothing to the user.
func writeErr(name string, err error) error {
	return fmt.Errorf("cannot write %s in the output: %s", name, errText(err))
}

// mkdir makes the folder dir (a slash path) and its missing parents, one
// mkdir each, with s.mu held: folders are made one at a time, which
// measured faster than letting workers contend for one parent folder.
func (s *Stage) mkdir(dir string) error {
	if s.dirs[dir] {
		return nil
	}
	if err := s.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	err := os.Mkdir(filepath.Join(s.dir, filepath.FromSlash(dir)), 0o777)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	s.dirs[dir] = true
	return nil
}

func (s *Stage) record(name string, sum []byte, size int64) {
	s.mu.Lock()
	s.written[name] = record{sum: [sha256.Size]byte(sum), size: size}
	s.mu.Unlock()
}

// Write writes the file name (a slash path below the output) with data.
// When the previous output has the same bytes under that name, the file is
// hard-linked from there instead (where the filesystem allows), so a build
// writes only what changed.
func (s *Stage) Write(name string, data []byte) error {
	if err := s.reserve(name); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	dst := filepath.Join(s.dir, filepath.FromSlash(name))
	if r, ok := s.prev[name]; ok && r.sum == sum && r.size == int64(len(data)) {
		if os.Link(filepath.Join(s.out, filepath.FromSlash(name)), dst) == nil {
			s.mu.Lock()
			s.linked++
			s.mu.Unlock()
			s.record(name, sum[:], int64(len(data)))
			return nil
		}
	}
	if err := os.WriteFile(dst, data, 0o666); err != nil {
		return writeErr(name, err)
	}
	s.record(name, sum[:], int64(len(data)))
	return nil
}

// Link takes the file name unchanged from the previous output, as Write
// of the same bytes would, knowing only their digest and size: when the
// previous output's manifest lists name with them (checked against the
// file when the build began), the file is hard-linked. It reports false,
// having claimed nothing, when it cannot; the caller then writes the
// bytes.
func (s *Stage) Link(name string, sum [sha256.Size]byte, size int64) bool {
	s.mu.Lock()
	r, ok := s.prev[name]
	s.mu.Unlock()
	if !ok || r.sum != sum || r.size != size {
		return false
	}
	if s.reserve(name) != nil {
		return false
	}
	rel := filepath.FromSlash(name)
	if os.Link(filepath.Join(s.out, rel), filepath.Join(s.dir, rel)) != nil {
		s.mu.Lock()
		delete(s.written, name)
		s.mu.Unlock()
		return false
	}
	s.mu.Lock()
	s.linked++
	s.mu.Unlock()
	s.record(name, sum[:], size)
	return true
}

// Linked is the number of files taken unchanged from the previous output
// (hard links) rather than written.
func (s *Stage) Linked() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.linked
}

// Stream creates the file name and writes it through fn, buffered, without
// holding it in memory. It returns the number of bytes written.
func (s *Stage) Stream(name string, fn func(io.Writer) error) (int64, error) {
	if err := s.reserve(name); err != nil {
		return 0, err
	}
	f, err := os.OpenFile(filepath.Join(s.dir, filepath.FromSlash(name)), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return 0, writeErr(name, err)
	}
	h := sha256.New()
	cw := &hashWriter{w: f, h: h}
	bw := bufio.NewWriterSize(cw, 64<<10)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = writeErr(name, err)
		}
		return cw.n, err
	}
	s.record(name, h.Sum(nil), cw.n)
	return cw.n, nil
}

// hashWriter hashes and counts what it writes.
type hashWriter struct {
	w io.Writer
	h hash.Hash
	n int64
}

func (c *hashWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.h.Write(p[:n])
	c.n += int64(n)
	return n, err
}

// Abort removes the staging folder, leaving the output as it was.
func (s *Stage) Abort() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
	s.unlock()
}

func (s *Stage) unlock() {
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
}

// Commit writes the manifest and puts the staging folder in the output's
// place, keeping the output's .git; the previous output is removed. On
// error the output is as it was and the staging folder is removed.
func (s *Stage) Commit() (err error) {
	defer func() {
		if err != nil {
			s.Abort()
		} else {
			s.unlock()
		}
	}()
	if err := s.ctx.Err(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.dir, ManifestName), s.written.marshal(), 0o666); err != nil {
		return err
	}
	// What appeared in the output while the site was built.
	if err := s.inspect(false); err != nil {
		return err
	}
	_, statErr := os.Lstat(s.out)
	exists := statErr == nil
	if exists && s.clean {
		if err := s.deleteForeign(); err != nil {
			return err
		}
	}
	git := filepath.Join(s.out, ".git")
	_, gitErr := os.Lstat(git)
	hasGit := exists && gitErr == nil
	if hasGit {
		if err := os.Rename(git, filepath.Join(s.dir, ".git")); err != nil {
			return fmt.Errorf("cannot move %s into the new site: %w", git, err)
		}
	}
	if err := os.Remove(filepath.Join(s.dir, stagingMark)); err != nil {
		return err
	}
	if err := swapIn(s.dir, s.out, exists); err != nil {
		if hasGit {
			_ = os.Rename(filepath.Join(s.dir, ".git"), git)
		}
		return &diag.Error{Pos: diag.Pos{File: s.out}, Msg: "cannot put the new site in place: " + errText(err),
			Hint: "check that the output folder and its parent are writable and on one filesystem"}
	}
	if exists {
		// s.dir now holds the previous output, all of it kz30's.
		return os.RemoveAll(s.dir)
	}
	return nil
}

// deleteForeign deletes what the output holds besides kz30's files and .git.
func (s *Stage) deleteForeign() error {
	m, _ := readManifest(s.out)
	list, _, err := foreignFiles(s.out, m, true)
	if err != nil {
		return err
	}
	for _, p := range list {
		if err := os.RemoveAll(filepath.Join(s.out, filepath.FromSlash(strings.TrimSuffix(p, "/")))); err != nil {
			return err
		}
	}
	return nil
}

// removeLeftovers removes the staging folders of interrupted builds of the
// output, putting back a .git found in one when the output has none.
func (s *Stage) removeLeftovers() error {
	parent := filepath.Dir(s.out)
	prefix := "." + filepath.Base(s.out) + ".staging-"
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(s.out); os.IsNotExist(err) {
		// Interrupted between the renames of swapTwoRenames: the previous
		// output is the ".prev" folder; put it back.
		for _, e := range entries {
			dir := filepath.Join(parent, e.Name())
			if strings.HasPrefix(e.Name(), prefix) && strings.HasSuffix(e.Name(), ".prev") && e.IsDir() && ownedLeftover(dir) {
				if err := os.Rename(dir, s.out); err != nil {
					return fmt.Errorf("cannot put the previous output %s back: %w", dir, err)
				}
				break
			}
		}
		if entries, err = os.ReadDir(parent); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.IsDir() {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if !ownedLeftover(dir) {
			s.Notes = append(s.Notes, dir+" looks like a kz30 staging folder but holds files kz30 did not write; it was left alone (delete it if you do not need it)")
			continue
		}
		git := filepath.Join(dir, ".git")
		if _, err := os.Lstat(git); err == nil {
			outGit := filepath.Join(s.out, ".git")
			if _, err := os.Lstat(outGit); err == nil {
				s.Notes = append(s.Notes, dir+" holds a .git and so does the output; it was left alone (keep the .git you need, delete the other)")
				continue
			}
			if err := os.MkdirAll(s.out, 0o777); err != nil {
				return err
			}
			if err := os.Rename(git, outGit); err != nil {
				return fmt.Errorf("cannot put %s back into the output: %w", git, err)
			}
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	return nil
}

// ownedLeftover reports whether dir, named like a staging folder, is
// provably kz30's: empty, marked as staging, or holding only its
// manifest's files.
func ownedLeftover(dir string) bool {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) == 0 {
		// Killed between making the folder and marking it.
		return true
	}
	if fi, err := os.Lstat(filepath.Join(dir, stagingMark)); err == nil && fi.Mode().IsRegular() {
		return true
	}
	m, err := readManifest(dir)
	if err != nil || m == nil {
		return false
	}
	list, _, err := foreignFiles(dir, m, true)
	return err == nil && len(list) == 0
}
