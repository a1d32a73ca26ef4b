package markdown

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/diag"
)

// Hugo shortcodes ({{< name args >}}, {{% name args %}}) are expanded by a
// pre-pass on the Markdown source that keeps every line where it was, so
// positions stay file line:col. Fenced code blocks and inline code are
// left as they are, but for Hugo's escaped form "{{</* x */>}}", which
// becomes the literal "{{< x >}}" everywhere, as in Hugo. Built in:
//
//	figure src="…" alt="…" caption="…" title="…"   a <figure> with the image
//	ref "page", relref "page"                      the page's URL, resolved like a
//	                                               link to page.md (lang="en" for another language)
//	details summary="…"]…[/details                 <details><summary>…</summary>…</details>
//	highlight LANG]…[/highlight                    a fenced code block in LANG
//	param "name"                                   Source.Param(name)
//
// Any other shortcode is a warning naming it; its inner content is kept.

// shortcode is one shortcode tag met by the pre-pass.
type shortcode struct {
	start, end int // byte range in the body
	name       string
	args       []scArg
	closing    bool // {{< /name >}}
	escaped    bool // {{</* … */>}}
	line       bool // alone on its line
}

// scArg is one argument: key is "" for a positional one.
type scArg struct{ key, val string }

// arg is the named argument key, else the positional one at index i.
func (s *shortcode) arg(key string, i int) string {
	n := 0
	for _, a := range s.args {
		if a.key == key && key != "" {
			return a.val
		}
	}
	for _, a := range s.args {
		if a.key == "" {
			if n == i {
				return a.val
			}
			n++
		}
	}
	return ""
}

// scBlock is a block the pre-pass left for the marker parser: a figure,
// or the opening or closing tag of details.
type scBlock struct {
	kind                     string // "figure", "details", "/details"
	src, alt, caption, title string
	summary                  string
}

// markerByte starts and ends a marker line ("\x1f3\x1f": block 3).
const markerByte = '\x1f'

func marker(i int) string { return string(markerByte) + strconv.Itoa(i) + string(markerByte) }

// edit replaces body[start:end] by text.
type edit struct {
	start, end int
	text       string
}

// expandShortcodes runs the pre-pass over st.src.Body. It returns the new
// body (same number of lines) and the blocks its markers stand for.
func (st *state) expandShortcodes(body []byte) ([]byte, []scBlock) {
	if !bytes.Contains(body, []byte("{{")) {
		return body, nil
	}
	tags := scanShortcodes(body)
	var edits []edit
	var blocks []scBlock
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		pos := st.origPos(body, t.start)
		if t.escaped {
			edits = append(edits, edit{t.start, t.end, unescapeShortcode(body[t.start:t.end])})
			continue
		}
		if t.closing {
			switch t.name {
			case "details":
				if t.line {
					edits = append(edits, edit{t.start, t.end, marker(len(blocks))})
					blocks = append(blocks, scBlock{kind: "/details"})
					continue
				}
			case "highlight":
				st.warns.Add(pos, "{{< /highlight >}} without its opening tag", "remove it, or add {{< highlight LANG >}} before the code")
			}
			edits = append(edits, edit{t.start, t.end, ""})
			continue
		}
		switch t.name {
		case "ref", "relref":
			edits = append(edits, edit{t.start, t.end, refDest(t)})
		case "param":
			name := t.arg("name", 0)
			v, ok := "", false
			if st.src.Param != nil {
				v, ok = st.src.Param(name)
			}
			if !ok {
				st.warns.Add(pos, fmt.Sprintf("shortcode param: no parameter %q", name),
					"add it to the page's front matter (params:) or to site.toml's [params]")
			}
			edits = append(edits, edit{t.start, t.end, v})
		case "figure":
			b := scBlock{kind: "figure", src: t.arg("src", 0), alt: t.arg("alt", -1), caption: t.arg("caption", -1), title: t.arg("title", -1)}
			if b.src == "" {
				st.warns.Add(pos, "shortcode figure without src", `write {{< figure src="image.png" alt="…" >}}`)
				edits = append(edits, edit{t.start, t.end, ""})
				continue
			}
			if b.alt == "" {
				b.alt = b.caption
			}
			if t.line {
				edits = append(edits, edit{t.start, t.end, marker(len(blocks))})
				blocks = append(blocks, b)
				continue
			}
			img := "![" + escapeMD(b.alt) + "](<" + b.src + ">"
			if b.title != "" {
				img += ` "` + strings.ReplaceAll(b.title, `"`, `\"`) + `"`
			}
			edits = append(edits, edit{t.start, t.end, img + ")"})
		case "details":
			if !t.line {
				st.warns.Add(pos, "shortcode details inside a paragraph: its tags are left out", "put {{< details >}} and {{< /details >}} on lines of their own")
				edits = append(edits, edit{t.start, t.end, ""})
				continue
			}
			summary := t.arg("summary", 0)
			if summary == "" {
				summary = "Details"
			}
			edits = append(edits, edit{t.start, t.end, marker(len(blocks))})
			blocks = append(blocks, scBlock{kind: "details", summary: summary})
		case "highlight":
			j := closingTag(tags, i)
			if j < 0 || !t.line || !tags[j].line {
				st.warns.Add(pos, "shortcode highlight: want {{< highlight LANG >}} and {{< /highlight >}} on lines of their own",
					"write a fenced code block instead: ```LANG … ```")
				edits = append(edits, edit{t.start, t.end, ""})
				continue
			}
			inner := body[t.end:tags[j].start]
			fence := strings.Repeat("`", max(3, longestRun(inner, '`')+1))
			edits = append(edits, edit{t.start, t.end, fence + t.arg("lang", 0)}, edit{tags[j].start, tags[j].end, fence})
			i = j // the code inside is left as it is
		default:
			st.warns.Add(pos, fmt.Sprintf("unknown shortcode %q left out (its inner content is kept)", t.name),
				"kz30 knows figure, ref, relref, details, highlight and param; write Markdown instead")
			edits = append(edits, edit{t.start, t.end, ""})
		}
	}
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(body[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(body[last:])
	return out.Bytes(), blocks
}

// origPos is the file position of byte off of the original body.
func (st *state) origPos(body []byte, off int) diag.Pos {
	line := bytes.Count(body[:off], []byte("\n"))
	ls := bytes.LastIndexByte(body[:off], '\n') + 1
	return diag.Pos{File: st.src.File, Line: st.src.Line + line, Col: utf8.RuneCount(body[ls:off]) + 1}
}

// refDest is the file link a ref or relref shortcode stands for:
// "about" → "about.md" (the page in the same language: beside the page,
// else from the language's root, as Hugo looks it up), with lang="en" →
// "/../en/about.md".
func refDest(t *shortcode) string {
	p := t.arg("path", 0)
	p, frag, _ := strings.Cut(p, "#")
	if p == "" {
		if frag != "" {
			return "#" + frag
		}
		return ""
	}
	p = strings.TrimSuffix(p, "/")
	if ext := path.Ext(p); ext != ".md" && ext != ".markdown" {
		p += ".md"
	}
	if lang := t.arg("lang", -1); lang != "" {
		p = "/../" + lang + "/" + strings.TrimPrefix(p, "/")
	}
	if frag != "" {
		p += "#" + frag
	}
	return p
}

// closingTag is the index of the tag closing tags[i], or -1.
func closingTag(tags []*shortcode, i int) int {
	depth := 0
	for j := i + 1; j < len(tags); j++ {
		if tags[j].name != tags[i].name || tags[j].escaped {
			continue
		}
		if !tags[j].closing {
			depth++
			continue
		}
		if depth == 0 {
			return j
		}
		depth--
	}
	return -1
}

func longestRun(b []byte, c byte) int {
	best, n := 0, 0
	for _, x := range b {
		if x == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// escapeMD escapes the characters that would end or change image text.
func escapeMD(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\[]*_<>`+"`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unescapeShortcode turns "{{</* x */>}}" into "{{< x >}}".
func unescapeShortcode(b []byte) string {
	s := string(b)
	s = strings.Replace(s, "/*", "", 1)
	if i := strings.LastIndex(s, "*/"); i >= 0 {
		s = s[:i] + s[i+2:]
	}
	return s
}

// scanShortcodes lists the shortcode tags of body outside fenced code and
// inline code (escaped tags are listed everywhere).
func scanShortcodes(body []byte) []*shortcode {
	var tags []*shortcode
	add := func(sc *shortcode) {
		ls := bytes.LastIndexByte(body[:sc.start], '\n') + 1
		le := bytes.IndexByte(body[sc.end:], '\n')
		if le < 0 {
			le = len(body) - sc.end
		}
		sc.line = len(bytes.TrimSpace(body[ls:sc.start])) == 0 && len(bytes.TrimSpace(body[sc.end:sc.end+le])) == 0
		tags = append(tags, sc)
	}
	isTag := func(i int) bool {
		return i+2 < len(body) && body[i] == '{' && body[i+1] == '{' && (body[i+2] == '<' || body[i+2] == '%')
	}
	fence := ""
	lineStart := true
	for i := 0; i < len(body); i++ {
		if lineStart {
			lineStart = false
			le := bytes.IndexByte(body[i:], '\n')
			if le < 0 {
				le = len(body)
			} else {
				le += i
			}
			t := bytes.TrimLeft(body[i:le], " ")
			code := true
			switch {
			case fence != "":
				if bytes.HasPrefix(t, []byte(fence)) && len(bytes.TrimSpace(bytes.TrimLeft(t, fence[:1]))) == 0 {
					fence = ""
				}
			case le-i-len(t) <= 3 && (bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~"))):
				n := 0
				for n < len(t) && t[n] == t[0] {
					n++
				}
				fence = string(t[:n])
			default:
				code = false
			}
			if code {
				// Code: only Hugo's escaped tags are read.
				for j := i; j < le; j++ {
					if isTag(j) {
						if sc := parseShortcode(body, j); sc != nil && sc.escaped && sc.end <= le {
							add(sc)
							j = sc.end - 1
						}
					}
				}
				i = le - 1
				continue
			}
		}
		switch c := body[i]; {
		case c == '\n':
			lineStart = true
		case c == '\\' && i+1 < len(body) && body[i+1] != '\n':
			i++ // an escaped character
		case c == '`':
			// Skip an inline code span closed on this line.
			le := bytes.IndexByte(body[i:], '\n')
			if le < 0 {
				le = len(body)
			} else {
				le += i
			}
			n := 1
			for i+n < le && body[i+n] == '`' {
				n++
			}
			if j := closingRun(body[i+n:le], strings.Repeat("`", n)); j >= 0 {
				i += n + j + n - 1
			} else {
				i += n - 1
			}
		case isTag(i):
			if sc := parseShortcode(body, i); sc != nil {
				add(sc)
				i = sc.end - 1
			}
		}
	}
	return tags
}

// closingRun is the index in b of a backtick run equal to run, or -1.
func closingRun(b []byte, run string) int {
	for i := 0; i < len(b); {
		j := bytes.Index(b[i:], []byte(run))
		if j < 0 {
			return -1
		}
		k := i + j
		if k+len(run) < len(b) && b[k+len(run)] == '`' {
			for k < len(b) && b[k] == '`' {
				k++
			}
			i = k
			continue
		}
		return k
	}
	return -1
}

// parseShortcode reads the tag starting at body[i] ("{{<" or "{{%"); nil
// when it is not a well-formed tag.
func parseShortcode(body []byte, i int) *shortcode {
	delim := body[i+2]
	closer := ">}}"
	if delim == '%' {
		closer = "%}}"
	}
	rest := body[i+3:]
	sc := &shortcode{start: i}
	if bytes.HasPrefix(bytes.TrimLeft(rest, " "), []byte("/*")) {
		sc.escaped = true
		closer = "*/" + closer
	}
	j := bytes.Index(rest, []byte(closer))
	if j < 0 || j > 4096 {
		return nil
	}
	sc.end = i + 3 + j + len(closer)
	inner := strings.TrimSpace(string(rest[:j]))
	if sc.escaped {
		inner = strings.TrimSpace(strings.TrimPrefix(inner, "/*"))
	}
	inner = strings.TrimSpace(strings.TrimSuffix(inner, "/"))
	if strings.HasPrefix(inner, "/") {
		sc.closing = true
		inner = strings.TrimSpace(inner[1:])
	}
	name, args, _ := strings.Cut(inner, " ")
	if name == "" || strings.ContainsAny(name, "{}<>%\"'\n") {
		return nil
	}
	sc.name = name
	sc.args = parseArgs(args)
	return sc
}

// parseArgs splits shortcode arguments: "x", `x`, x, key="x", key=x.
func parseArgs(s string) []scArg {
	var out []scArg
	for {
		s = strings.TrimLeft(s, " \t\n")
		if s == "" {
			return out
		}
		key := ""
		if k := strings.IndexAny(s, "= \t\n\"`"); k > 0 && s[k] == '=' {
			key, s = s[:k], s[k+1:]
		}
		var val string
		switch {
		case s == "":
		case s[0] == '"':
			k := 1
			var b strings.Builder
			for k < len(s) && s[k] != '"' {
				if s[k] == '\\' && k+1 < len(s) {
					k++
				}
				b.WriteByte(s[k])
				k++
			}
			val, s = b.String(), s[min(k+1, len(s)):]
		case s[0] == '`':
			k := strings.IndexByte(s[1:], '`')
			if k < 0 {
				k = len(s) - 1
			}
			val, s = s[1:k+1], s[min(k+2, len(s)):]
		default:
			k := strings.IndexAny(s, " \t\n")
			if k < 0 {
				k = len(s)
			}
			val, s = s[:k], s[k:]
		}
		out = append(out, scArg{key: key, val: val})
	}
}
