package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedTrees are the folders of the source watched recursively.
func watchedTrees() []string { return []string{"content", "templates", "static"} }

// maxDelay bounds how long a steady stream of events can put a rebuild
// off.
const maxDelay = time.Second

// Watch starts watching the source folder: the folder itself (for
// site.toml and for content/, templates/ or static/ appearing) and every
// folder below content/, templates/ and static/. It returns once the
// watches are in place; the rebuilds run in the background until ctx is
// done or Close is called.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("cannot watch %s: %w", s.opts.Build.Dir, err)
	}
	dir := s.dir()
	if err := w.Add(dir); err != nil {
		w.Close()
		return fmt.Errorf("cannot watch %s: %w", dir, err)
	}
	for _, top := range watchedTrees() {
		if _, err := s.addTree(w, filepath.Join(dir, top)); err != nil {
			w.Close()
			return err
		}
	}
	ctx, s.stop = context.WithCancel(ctx)
	s.watchWG.Go(func() {
		defer w.Close()
		s.watchLoop(ctx, w)
	})
	return nil
}

// dir is the source folder, absolute so event paths can be made relative.
func (s *Server) dir() string {
	dir := s.opts.Build.Dir
	if dir == "" {
		dir = "."
	}
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// addTree watches root and every folder below it, returning the files
// found: a folder that appears may already hold files whose events came
// before its watch (an editor or git writing a whole tree).
func (s *Server) addTree(w *fsnotify.Watcher, root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return nil // a folder that vanished while walking: its parent's event covers it
		}
		if !d.IsDir() {
			files = append(files, p)
			return nil
		}
		if p != root && ignored(d.Name()) {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot watch %s: %w", p, err)
		}
		return nil
	})
	return files, err
}

// watchLoop gathers events until a burst is over (Debounce without an
// event, or maxDelay since its first event), then rebuilds.
func (s *Server) watchLoop(ctx context.Context, w *fsnotify.Watcher) {
	dir := s.dir()
	// pending holds the paths changed in this burst, each with whether it
	// was created in it: a path created and gone by the end of the burst
	// is a temporary file (sed -i, some editors' saves), not a change.
	pending := map[string]bool{}
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	var quietC, deadline <-chan time.Time // nil while nothing is pending
	flush := func() {
		names := make([]string, 0, len(pending))
		for n, created := range pending {
			if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(n))); created && err != nil {
				continue
			}
			names = append(names, n)
		}
		slices.Sort(names)
		clear(pending)
		quiet.Stop()
		quietC, deadline = nil, nil
		if len(names) > 0 {
			s.Build(names)
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.opts.Stderr, "kz30 serve: watching: %v\n", err)
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			names := s.eventNames(w, dir, ev)
			if len(names) == 0 {
				continue
			}
			for _, n := range names {
				if _, seen := pending[n]; !seen {
					pending[n] = ev.Has(fsnotify.Create)
				}
			}
			quiet.Reset(s.opts.Debounce)
			quietC = quiet.C
			if deadline == nil {
				deadline = time.After(maxDelay)
			}
		case <-quietC:
			flush()
		case <-deadline:
			flush()
		}
	}
}

// eventNames turns one event into the source paths it changes (slash
// paths relative to the source folder), watching folders that appear.
func (s *Server) eventNames(w *fsnotify.Watcher, dir string, ev fsnotify.Event) []string {
	rel, err := filepath.Rel(dir, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return nil
	}
	rel = filepath.ToSlash(rel)
	if !relevant(rel) {
		return nil
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// A watched folder that went away: forget it (its new name, if
		// renamed, arrives as a Create). Not a watched folder: no-op.
		if slices.Contains(w.WatchList(), ev.Name) {
			_ = w.Remove(ev.Name)
		}
	}
	names := []string{rel}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			files, err := s.addTree(w, ev.Name)
			if err != nil {
				fmt.Fprintf(s.opts.Stderr, "kz30 serve: %v\n", err)
			}
			for _, f := range files {
				if r, err := filepath.Rel(dir, f); err == nil && relevant(filepath.ToSlash(r)) {
					names = append(names, filepath.ToSlash(r))
				}
			}
		}
	}
	return names
}

// relevant reports whether a source path can change the site: site.toml,
// or a file below content/, templates/ or static/ that is not an editor's
// temporary or hidden file.
func relevant(rel string) bool {
	if rel == "site.toml" {
		return true
	}
	top, rest, _ := strings.Cut(rel, "/")
	if !slices.Contains(watchedTrees(), top) {
		return false
	}
	for _, seg := range strings.Split(rest, "/") {
		if seg != "" && ignored(seg) {
			return false
		}
	}
	return true
}

// ignored reports whether a file or folder name is hidden or an editor's
// scratch file (vim swap and backup files, its 4913 probe, emacs locks).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		name == "4913"
}
