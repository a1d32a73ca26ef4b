package content

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
)

// Locate tells which page a file below the source folder is: its
// language and name ("content/fr/docs/faq.md" → fr, docs/faq;
// "content/docs/faq.en.md" → en, docs/faq). A file outside the
// language folders and without a language suffix is in lang. ok is false
// for a path outside content/ or without a page extension.
func (s *Site) Locate(file, lang string) (pageLang, name string, ok bool) {
	rel, found := strings.CutPrefix(file, "content/")
	ext := path.Ext(rel)
	if !found || !slices.Contains(pageExts, ext) || strings.HasPrefix(rel, "../") {
		return "", "", false
	}
	stem := strings.TrimSuffix(rel, ext)
	if first, rest, nested := strings.Cut(stem, "/"); nested && slices.Contains(s.Langs, first) {
		rest, _ = bundleName(rest)
		return first, rest, true
	}
	if i := strings.LastIndexByte(stem, '.'); i > 0 && !strings.Contains(stem[i:], "/") && slices.Contains(s.Langs, stem[i+1:]) {
		name, _ := bundleName(stem[:i])
		return stem[i+1:], name, true
	}
	if !s.suffix {
		return "", "", false
	}
	stem, _ = bundleName(stem)
	return lang, stem, true
}

// Resolve finds the page a file link of from points to: "kaspi.md" and
// "../docs/faq.md" relative to from's file, "/docs/faq.md" from the
// language's root (content/<lang>/, or content/ in the one-tree layout),
// "/../en/faq.md" in another language. fallback is set when the page is
// missing in that language and the source-language page stands in for it
// (only when allowMissing).
func (s *Site) Resolve(from *Page, dest string, allowMissing bool) (p *Page, fallback bool, err error) {
	lang := from.Lang
	var full string
	switch {
	case strings.HasPrefix(dest, "/../"):
		l, rest, _ := strings.Cut(strings.TrimPrefix(dest, "/../"), "/")
		lang, dest = l, "/"+rest
		fallthrough
	case strings.HasPrefix(dest, "/"):
		if s.suffix {
			full = path.Clean("content" + dest)
		} else {
			full = path.Clean("content/" + lang + dest)
		}
	default:
		full = path.Clean(path.Join(path.Dir(from.Path), dest))
	}
	l, name, ok := s.Locate(full, lang)
	if !ok || s.LangIndex(l) < 0 {
		return nil, false, fmt.Errorf("link to %q leaves the content/<lang>/ folders", dest)
	}
	if t := s.Page(l, name); t != nil {
		return t, false, nil
	}
	if !strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, ".") && strings.Contains(from.Name, "/") {
		// As Hugo's ref: a path not found beside the page is looked up
		// from the language's root.
		if t, fb, err := s.Resolve(from, "/"+dest, allowMissing); err == nil {
			return t, fb, nil
		}
	}
	if allowMissing {
		if e := s.byName[name]; e != nil {
			for _, q := range e.Pages {
				if q != nil {
					return q, true, nil
				}
			}
		}
	}
	return nil, false, fmt.Errorf("link to missing page %q (no %s)", dest, s.File(l, name))
}

// ResolveURL finds the page a root-relative URL path of from points to:
// "/docs/faq/" in from's language (by URL or by file name), or
// "/en/docs/faq/" in the language it starts with; nil when no page has
// it (a file of static/, say).
func (s *Site) ResolveURL(from *Page, urlPath string) *Page {
	u := strings.Trim(strings.TrimSuffix(urlPath, "index.html"), "/")
	var want []string
	if first, _, _ := strings.Cut(u, "/"); slices.Contains(s.Langs, first) {
		want = append(want, u+"/")
	}
	if u == "" {
		want = append(want, from.Lang+"/")
	} else {
		want = append(want, from.Lang+"/"+u+"/")
	}
	for _, w := range want {
		if p := s.byURL[w]; p != nil {
			return p
		}
	}
	if u == "" {
		return nil
	}
	if p := s.Page(from.Lang, u); p != nil {
		return p
	}
	return s.Page(from.Lang, u+"/"+HomeName)
}

// indexURLs maps every page's URL path to it, for ResolveURL.
func (s *Site) indexURLs() {
	s.byURL = map[string]*Page{}
	for _, e := range s.Entries {
		for _, p := range e.Pages {
			if p != nil {
				if _, ok := s.byURL[p.URLPath()]; !ok {
					s.byURL[p.URLPath()] = p
				}
			}
		}
	}
}

// Parent is the entry of the section that holds e: the section page of
// its nearest folder that has one, else the home; nil for the home.
func (s *Site) Parent(e *Entry) *Entry {
	if e.IsHome() {
		return nil
	}
	dir := path.Dir(e.Name)
	if e.IsSection() {
		dir = path.Dir(dir)
	}
	for ; dir != "." && dir != "/"; dir = path.Dir(dir) {
		if sec := s.byName[dir+"/"+HomeName]; sec != nil {
			return sec
		}
	}
	return s.byName[HomeName]
}

// Children are the entries e's section holds that exist in lang, in
// weight, then date (newest first), then title order; the home holds
// the pages and sections that no other section holds.
func (s *Site) Children(e *Entry, lang string) []*Entry {
	var out []*Entry
	for _, c := range s.Entries {
		if c.Page(s, lang) != nil && s.Parent(c) == e {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b *Entry) int {
		p, q := a.Page(s, lang), b.Page(s, lang)
		return cmp.Or(cmp.Compare(p.Weight, q.Weight), q.Date.Compare(p.Date), strings.Compare(p.Title, q.Title))
	})
	return out
}

// Ancestors are the sections above e, from the home down to its parent.
func (s *Site) Ancestors(e *Entry) []*Entry {
	var out []*Entry
	for a := s.Parent(e); a != nil; a = s.Parent(a) {
		out = append(out, a)
	}
	slices.Reverse(out)
	return out
}

// Nested reports whether some page lives below a folder of its language.
func (s *Site) Nested() bool {
	for _, e := range s.Entries {
		if strings.Contains(e.Name, "/") {
			return true
		}
	}
	return false
}

// setResources gives each leaf bundle's page the files of its folder
// (Hugo's page resources): in the one-tree layout a folder's files are
// every language's; in content/<lang>/, that language's.
func (s *Site) setResources(files []string) {
	for _, e := range s.Entries {
		for _, p := range e.Pages {
			if p == nil || !isBundle(p) {
				continue
			}
			dir := path.Dir(p.Path) + "/"
			for _, f := range files {
				if strings.HasPrefix(f, dir) && !s.inSubBundle(f, dir) {
					p.Resources = append(p.Resources, Resource{File: f, Rel: strings.TrimPrefix(f, dir)})
				}
			}
		}
	}
}

// isBundle reports whether p is the index.md of a leaf bundle.
func isBundle(p *Page) bool {
	base := path.Base(p.Path)
	return strings.HasPrefix(base, "index.") && !p.Entry.IsHome() && !p.Entry.IsSection()
}

// inSubBundle reports whether file belongs to a bundle below dir.
func (s *Site) inSubBundle(file, dir string) bool {
	for d := path.Dir(file); len(d)+1 > len(dir); d = path.Dir(d) {
		for _, e := range s.Entries {
			for _, p := range e.Pages {
				if p != nil && isBundle(p) && path.Dir(p.Path) == d {
					return true
				}
			}
		}
	}
	return false
}
