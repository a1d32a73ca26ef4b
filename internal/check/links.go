package check

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	"golang.org/x/net/html"
)

// External is an external URL of the output.
type External struct {
	URL   string
	Pos   diag.Pos // where it first appears
	Count int      // how many times it appears
}

// ref is one URL of an HTML file.
type ref struct {
	url string
	pos diag.Pos
}

// htmlFile is what the link checker reads from one HTML file.
type htmlFile struct {
	refs []ref
	ids  map[string]bool
}

// finding is a link problem; the same problem (same kind and target) in
// many files is reported once, at its first place, with a count.
type finding struct {
	pos     diag.Pos
	msg     string
	hint    string
	warning bool
	others  int
}

// linkChecker checks the URLs of every HTML file of the output.
type linkChecker struct {
	in       Input
	base     *url.URL // nil without a usable base URL
	basePath string   // "/kz30/"
	files    map[string]*htmlFile
	found    map[string]*finding
	order    []string
	external map[string]*External
}

// Links checks every internal URL of the HTML files of in.Files and lists
// the external ones in r.External.
func Links(in Input, r *Report) {
	lc := &linkChecker{in: in, basePath: "/", files: map[string]*htmlFile{},
		found: map[string]*finding{}, external: map[string]*External{}}
	if u, err := url.Parse(in.BaseURL); err == nil && u.Host != "" {
		lc.base = u
		lc.basePath = u.Path
		if !strings.HasSuffix(lc.basePath, "/") {
			lc.basePath += "/"
		}
	}
	names := make([]string, 0, len(in.Files))
	for name := range in.Files {
		if isHTML(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		lc.files[name] = scanHTML(lc.display(name), in.Files[name])
	}
	for _, name := range names {
		for _, rf := range lc.files[name].refs {
			lc.check(name, rf, r)
		}
	}
	r.Pages += len(names)
	for _, key := range lc.order {
		f := lc.found[key]
		msg := f.msg
		if f.others > 0 {
			msg += fmt.Sprintf(" (and %d more like it in other places)", f.others)
		}
		if f.warning {
			r.Warnings.Add(f.pos, msg, f.hint)
		} else {
			r.Errors.Add(f.pos, msg, f.hint)
		}
	}
	for _, e := range lc.external {
		r.External = append(r.External, *e)
	}
	slices.SortFunc(r.External, func(a, b External) int { return strings.Compare(a.URL, b.URL) })
}

func isHTML(name string) bool {
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

// display is the name of an output file in diagnostics.
func (lc *linkChecker) display(name string) string {
	if lc.in.OutDir == "" {
		return name
	}
	return strings.TrimSuffix(lc.in.OutDir, "/") + "/" + name
}

// report records a finding; key identifies the problem across files.
func (lc *linkChecker) report(key string, f finding) {
	if old := lc.found[key]; old != nil {
		old.others++
		return
	}
	lc.found[key] = &f
	lc.order = append(lc.order, key)
}

// check checks one URL of the file name.
func (lc *linkChecker) check(name string, rf ref, r *Report) {
	s := strings.TrimSpace(rf.url)
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil {
		lc.report("invalid "+s, finding{pos: rf.pos, msg: fmt.Sprintf("invalid URL %q: %v", s, err), hint: "fix the URL in the template or the page"})
		return
	}
	switch {
	case u.Scheme == "data":
		return
	case u.Scheme != "" || strings.HasPrefix(s, "//"):
		if lc.base == nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, lc.base.Host) {
			lc.addExternal(s, rf.pos)
			return
		}
		p := u.Path
		if p+"/" == lc.basePath {
			p = lc.basePath
		}
		if !strings.HasPrefix(p, lc.basePath) {
			lc.report("outside "+s, finding{pos: rf.pos,
				msg:  fmt.Sprintf("URL %q is on the site's host but outside its base path %s", s, lc.basePath),
				hint: "build absolute URLs from base_url (or link relatively)"})
			return
		}
		r.Links++
		lc.target(name, rf, s, p[len(lc.basePath):], u.Fragment, false)
	case strings.HasPrefix(u.Path, "/") && name == "404.html" && strings.HasPrefix(u.Path, lc.basePath):
		// The 404 page is served at any depth: its URLs start with the
		// base path.
		r.Links++
		lc.target(name, rf, s, u.Path[len(lc.basePath):], u.Fragment, false)
	case strings.HasPrefix(u.Path, "/"):
		lc.report("rootrel "+u.Path, finding{pos: rf.pos,
			msg:  fmt.Sprintf("root-relative URL %q ignores the base path %s", s, lc.basePath),
			hint: "it breaks the site under a sub-path and opened from disk: use a relative URL, or an absolute one from base_url"})
	case u.Path == "":
		r.Links++
		lc.target(name, rf, s, name, u.Fragment, false)
	default:
		r.Links++
		joined := path.Join(path.Dir(name), u.Path)
		if joined == ".." || strings.HasPrefix(joined, "../") {
			lc.report("escape "+name+" "+s, finding{pos: rf.pos,
				msg:  fmt.Sprintf("link %q leaves the site (it resolves above the output's root)", s),
				hint: "remove a ../ from the URL"})
			return
		}
		if joined == "." {
			joined = ""
		}
		if u.Path == "." || u.Path == ".." || strings.HasSuffix(u.Path, "/") {
			joined += "/"
		}
		lc.target(name, rf, s, joined, u.Fragment, true)
	}
}

// target checks that the site path p (a file, or a folder ending in "/",
// "" for the root) exists and holds the fragment. A relative link to a
// folder is a warning: it needs a web server.
func (lc *linkChecker) target(name string, rf ref, s, p, fragment string, relative bool) {
	p = strings.TrimPrefix(p, "/")
	file := p
	if p == "" || strings.HasSuffix(p, "/") {
		file = p + "index.html"
	} else if _, ok := lc.in.Files[p]; !ok {
		if _, ok := lc.in.Files[p+"/index.html"]; ok {
			file = p + "/index.html"
			p += "/"
		}
	}
	if _, ok := lc.in.Files[file]; !ok {
		lc.report("missing "+file, finding{pos: rf.pos,
			msg:  fmt.Sprintf("broken link %q: the output has no %s", s, file),
			hint: "fix the URL, or add the file (static/ is copied as is)"})
		return
	}
	if relative && strings.HasSuffix(p, "/") {
		lc.report("folder "+name+" "+s, finding{pos: rf.pos, warning: true,
			msg:  fmt.Sprintf("link %q points to a folder", s),
			hint: "it works on a web server but not when the site is opened from disk: link to " + file + " (relatively)"})
	}
	if fragment == "" {
		return
	}
	h := lc.files[file]
	if h == nil {
		lc.report("anchor "+file+"#"+fragment, finding{pos: rf.pos,
			msg:  fmt.Sprintf("link %q has an anchor, but %s is not an HTML page", s, file),
			hint: "remove the #fragment"})
		return
	}
	if !h.ids[fragment] {
		key := "anchor " + file + "#" + fragment
		if file == name && strings.HasPrefix(s, "#") {
			// "#x" missing from many pages: one template bug, one finding.
			key = "self-anchor " + s
		}
		lc.report(key, finding{pos: rf.pos,
			msg:  fmt.Sprintf("link %q: %s has no anchor #%s", s, file, fragment),
			hint: "use an id that the page defines (a heading's {#id}, a footnote), or fix the link"})
	}
}

func (lc *linkChecker) addExternal(s string, pos diag.Pos) {
	if e := lc.external[s]; e != nil {
		e.Count++
		return
	}
	lc.external[s] = &External{URL: s, Pos: pos, Count: 1}
}

// urlAttrs are the attributes holding one URL, on any element.
var urlAttrs = []string{"href", "src", "poster", "data", "action", "formaction"}

// metaURLs are the <meta property|name> whose content is a URL.
var metaURLs = []string{"og:url", "og:image", "og:image:url", "og:image:secure_url", "og:audio", "og:video", "twitter:image", "twitter:url"}

// scanHTML reads the ids and URLs of an HTML file with the x/net/html
// tokenizer, with the line and column of each tag.
func scanHTML(file string, data []byte) *htmlFile {
	h := &htmlFile{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	line, col := 1, 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return h
		}
		raw := z.Raw()
		pos := diag.Pos{File: file, Line: line, Col: col}
		line, col = advance(raw, line, col)
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tag, more := z.TagName()
		attrs := map[string]string{}
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs[string(k)] = string(v)
		}
		if id := attrs["id"]; id != "" {
			h.ids[id] = true
		}
		if n := attrs["name"]; n != "" && string(tag) == "a" {
			h.ids[n] = true
		}
		for _, a := range urlAttrs {
			if v, ok := attrs[a]; ok {
				h.refs = append(h.refs, ref{v, pos})
			}
		}
		if v, ok := attrs["srcset"]; ok {
			for _, cand := range strings.Split(v, ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					h.refs = append(h.refs, ref{f[0], pos})
				}
			}
		}
		if string(tag) != "meta" {
			continue
		}
		if slices.Contains(metaURLs, attrs["property"]) || slices.Contains(metaURLs, attrs["name"]) {
			h.refs = append(h.refs, ref{attrs["content"], pos})
		}
		if strings.EqualFold(attrs["http-equiv"], "refresh") {
			if u, ok := refreshURL(attrs["content"]); ok {
				h.refs = append(h.refs, ref{u, pos})
			}
		}
	}
}

// refreshURL is the URL of a meta refresh content ("0; url=../x/").
func refreshURL(content string) (string, bool) {
	_, after, ok := strings.Cut(content, ";")
	if !ok {
		return "", false
	}
	after = strings.TrimSpace(after)
	if len(after) < 4 || !strings.EqualFold(after[:4], "url=") {
		return "", false
	}
	return strings.Trim(strings.TrimSpace(after[4:]), `'"`), true
}

// advance moves a line and column (in characters) past raw.
func advance(raw []byte, line, col int) (int, int) {
	for _, r := range string(raw) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
