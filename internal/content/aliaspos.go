package content

import (
	"strings"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/diag"
)

// AliasPos is where the alias a (one of Aliases) is written in the
// page's front matter, as found when the page was loaded. Aliases are
// normalized ("/fr/old" → "fr/old/"), so it is where the path stands
// without its slashes; a page that does not show it so (or that was not
// loaded from a file) gets line 1.
func (p *Page) AliasPos(a string) diag.Pos {
	for i, x := range p.Aliases {
		if x == a && i < len(p.aliasPos) {
			return p.aliasPos[i]
		}
	}
	return diag.Pos{File: p.Path, Line: 1, Col: 1}
}

// findAliases records where each alias stands in front, the front matter
// text that starts on the file's line 2: the first line that holds its
// path, as AliasPos tells.
func (p *Page) findAliases(front []byte) {
	if len(p.Aliases) == 0 {
		return
	}
	lines := strings.Split(string(front), "\n")
	p.aliasPos = make([]diag.Pos, len(p.Aliases))
	for i, a := range p.Aliases {
		p.aliasPos[i] = diag.Pos{File: p.Path, Line: 1, Col: 1}
		core := strings.Trim(a, "/")
		for n, line := range lines {
			if c := indexPath(line, core); c >= 0 {
				p.aliasPos[i] = diag.Pos{File: p.Path, Line: n + 2, Col: utf8.RuneCountInString(line[:c]) + 1}
				break
			}
		}
	}
}

// indexPath is the byte index of path p in line, where it is not part of
// a longer path ("fr/old" in "fr/old/" but not in "fr/older"), or -1. A
// leading slash belongs to the path.
func indexPath(line, p string) int {
	isPath := func(s string, i int) bool {
		if i < 0 || i >= len(s) {
			return false
		}
		c := s[i]
		return c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c == '%' ||
			'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	for off := 0; ; {
		i := strings.Index(line[off:], p)
		if i < 0 {
			return -1
		}
		i += off
		start := i
		if i > 0 && line[i-1] == '/' {
			start = i - 1
		}
		end := i + len(p)
		if end < len(line) && line[end] == '/' {
			end++
		}
		if !isPath(line, start-1) && !isPath(line, end) {
			return start
		}
		off = i + 1
	}
}
