package site

import (
	"fmt"
	"sync"

	"github.com/kz30/kz30/internal/content"
)

// checkOutputName refuses an output path that cannot exist on every
// system the site is cloned to (content.OutputNameProblem: a Windows
// device name, a segment ending in a dot or a space, a character Windows
// forbids). Slugs, aliases and static files are checked where they come
// from, with their positions; this is the sink's last line, for names made
// by kz30 itself. It is meant to be called from checkName.
func checkOutputName(name string) error {
	if msg := content.OutputNameProblem(name); msg != "" {
		return fmt.Errorf("output path %q cannot be written on every system: %s", name, msg)
	}
	return nil
}

// foldSet remembers the output paths written, by content.FoldName, so a
// sink refuses two paths that are one file on macOS or Windows
// ("fr/index.html" and "FR/index.html"). The zero value is ready to use
// and safe for concurrent use.
type foldSet struct {
	mu   sync.Mutex
	seen map[string]string
}

// add records name; it fails when another path with the same FoldName was
// added before.
func (f *foldSet) add(name string) error {
	key := content.FoldName(name)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen == nil {
		f.seen = map[string]string{}
	}
	if other, ok := f.seen[key]; ok && other != name {
		return fmt.Errorf("output paths %q and %q are one file on macOS and Windows (%s)", other, name, content.FoldNote(name, other))
	}
	f.seen[key] = name
	return nil
}
