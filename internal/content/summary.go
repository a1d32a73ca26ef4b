package content

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// summaryLen is the length, in characters, of a summary made from a
// page's body (a meta description's usual length).
const summaryLen = 160

var (
	mdLinkRE   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)|!?\[([^\]]*)\]\[[^\]]*\]`)
	mdCodeRE   = regexp.MustCompile("`+([^`]*)`+")
	mdTagRE    = regexp.MustCompile(`<[^>]*>|\{\{[<%].*?[%>]\}\}`)
	mdEmphRE   = regexp.MustCompile(`\*\*|__|~~|\*|\b_|_\b`)
	mdEscapeRE = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
	spaceRE    = regexp.MustCompile(`\s+`)
)

// Summary is the first paragraph of a Markdown body as plain text, cut at
// a word boundary to at most max characters (with "…" when cut). Headings,
// code blocks, lists, quotes, tables, HTML blocks and shortcodes are
// skipped; "" when the body has no paragraph.
func Summary(body []byte, max int) string {
	var para []string
	fence := ""
	for _, line := range strings.Split(string(body), "\n") {
		t := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			if len(para) > 0 {
				break
			}
			fence = t[:3]
			continue
		}
		if t == "" {
			if len(para) > 0 {
				break
			}
			continue
		}
		if len(para) == 0 && skipBlock(t, line) {
			continue
		}
		para = append(para, t)
	}
	// Escaped punctuation is kept aside (as private-use runes) while the
	// inline syntax is removed.
	s := mdEscapeRE.ReplaceAllStringFunc(strings.Join(para, " "), func(m string) string {
		return string(rune(0xF0000 + int(m[1])))
	})
	s = mdTagRE.ReplaceAllString(s, "")
	s = mdLinkRE.ReplaceAllString(s, "$1$2")
	s = mdCodeRE.ReplaceAllString(s, "$1")
	s = mdEmphRE.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		if r >= 0xF0000 && r < 0xF0080 {
			return r - 0xF0000
		}
		return r
	}, s)
	return cutSummary(s, max)
}

// cutSummary cuts plain text at a word boundary to at most max characters.
func cutSummary(s string, max int) string {
	s = strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.–—-") + "…"
}

// skipBlock reports whether a line starts a block that is not a
// paragraph (t is the line without surrounding space).
func skipBlock(t, line string) bool {
	switch {
	case strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t"),
		strings.HasPrefix(t, "#"), strings.HasPrefix(t, ">"), strings.HasPrefix(t, "|"),
		strings.HasPrefix(t, "<"), strings.HasPrefix(t, "{{"), strings.HasPrefix(t, "!["),
		strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "), strings.HasPrefix(t, "+ "),
		strings.Trim(t, "-=*_ ") == "":
		return true
	}
	i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	return i > 0 && (t[i] == '.' || t[i] == ')')
}
