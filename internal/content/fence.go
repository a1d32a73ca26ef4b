package content

import (
	"bytes"
	"errors"
)

// FrontMatter is a page file cut at its front matter fences (SplitFront).
type FrontMatter struct {
	Text     []byte // between the fences, without them
	Body     []byte // after the closing fence
	BodyLine int    // file line number of Body's first line
	TOML     bool   // fenced by "+++" lines (TOML), not "---" (YAML)
}

// The errors of SplitFront.
var (
	ErrNoFront       = errors.New("no front matter")
	ErrUnclosedFront = errors.New("unclosed front matter")
)

// SplitFront cuts a normalized page file (Normalize) at its front matter:
// a first line "---" up to the next line "---" (YAML), or between two
// "+++" lines (TOML). A fence line may end in spaces or tabs. It returns
// ErrNoFront when the first line is no fence and ErrUnclosedFront when
// the closing fence is missing. Load reads pages, and scaffold the pages
// it edits, with it.
func SplitFront(src []byte) (FrontMatter, error) {
	delim := "---"
	var fm FrontMatter
	first, _, _ := bytes.Cut(src, []byte("\n"))
	switch string(bytes.TrimRight(first, " \t")) {
	case "---":
	case "+++":
		delim, fm.TOML = "+++", true
	default:
		return FrontMatter{}, ErrNoFront
	}
	for off, line := len(first)+1, 2; off < len(src); line++ {
		l, next := src[off:], len(src)
		if i := bytes.IndexByte(l, '\n'); i >= 0 {
			l, next = l[:i], off+i+1
		}
		if string(bytes.TrimRight(l, " \t")) == delim {
			fm.Text, fm.Body, fm.BodyLine = src[len(first)+1:off], src[next:], line+1
			return fm, nil
		}
		off = next
	}
	return FrontMatter{TOML: fm.TOML}, ErrUnclosedFront
}
