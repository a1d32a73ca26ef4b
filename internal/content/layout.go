package content

import (
	"cmp"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	"golang.org/x/text/unicode/norm"
)

// contentFile is a page file found in content/.
type contentFile struct {
	li   int    // language index
	file string // content/fr/docs/faq.md
	name string // docs/faq
}

// bundleName is the name of a leaf bundle's page: "posts/trip/index" →
// "posts/trip", ok true; Hugo's index.md is the page of its folder.
func bundleName(name string) (string, bool) {
	if dir, ok := strings.CutSuffix(name, "/index"); ok && dir != "" {
		return dir, true
	}
	return name, false
}

// langLike matches a language code in a file name ("zh", "pt-br").
var langLike = regexp.MustCompile(`^[a-z]{2,3}(?:-[a-zA-Z0-9]{2,8})?$`)

// pageExts are the extensions of pages: Markdown, and HTML (Hugo's .html
// content pages: front matter, then an HTML body).
var pageExts = []string{".md", ".markdown", ".html"}

// listContent walks content/ in lexical order. It returns the page files
// of every language, the files it does not use, and whether the site is
// in Hugo's one-tree layout (content/NAME.LANG.md). A folder named for a
// language (content/fr/) holds that language's pages at any depth; outside
// those folders, NAME.LANG.md is the page NAME in LANG, and NAME.md is in
// the source language when no language has its folder. A folder whose
// page is index.md (Hugo's leaf bundle) is that page ("posts/trip"), and
// its other files are resources.
func listContent(fsys fs.FS, langs []string, errs *diag.List) (files []contentFile, unused, resources []string, suffix bool) {
	hasFolder := false
	for _, l := range langs {
		if fi, err := fs.Stat(fsys, "content/"+l); err == nil && fi.IsDir() {
			hasFolder = true
		}
	}
	var loose []string      // NAME.md outside the language folders
	var unusedLang []string // NAME.xx.md for a language xx not in site.toml
	_ = fs.WalkDir(fsys, "content", func(file string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(diag.Pos{File: file}, "cannot read: "+err.Error(), "check the folder's permissions")
			return nil
		}
		name := d.Name()
		if file == "content" {
			return nil
		}
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel := strings.TrimPrefix(file, "content/")
		if rel == "facts.toml" {
			return nil
		}
		ext := path.Ext(name)
		if !slices.Contains(pageExts, ext) {
			unused = append(unused, file)
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && !symlinkInside(fsys, file, errs) {
			return nil
		}
		stem := norm.NFC.String(strings.TrimSuffix(rel, ext))
		first, rest, nested := strings.Cut(stem, "/")
		if li := slices.Index(langs, first); li >= 0 && nested {
			// As in Hugo, a language in the file name wins over the
			// folder's: content/en/x.fr.md is x in French, and
			// content/en/x.de.md a page of a language site.toml lacks.
			if i := strings.LastIndexByte(rest, '.'); i > 0 && !strings.Contains(rest[i:], "/") && langLike.MatchString(rest[i+1:]) {
				if lj := slices.Index(langs, rest[i+1:]); lj >= 0 {
					files = append(files, contentFile{li: lj, file: file, name: rest[:i]})
				} else {
					unusedLang = append(unusedLang, file)
				}
				return nil
			}
			files = append(files, contentFile{li: li, file: file, name: rest})
			return nil
		}
		if i := strings.LastIndexByte(stem, '.'); i > 0 && !strings.Contains(stem[i:], "/") {
			if li := slices.Index(langs, stem[i+1:]); li >= 0 {
				files = append(files, contentFile{li: li, file: file, name: stem[:i]})
				suffix = true
				return nil
			}
		}
		if i := strings.LastIndexByte(stem, '.'); i > 0 && langLike.MatchString(stem[i+1:]) {
			unusedLang = append(unusedLang, file) // a language site.toml does not list
			return nil
		}
		loose = append(loose, file)
		return nil
	})
	unused = append(unused, unusedLang...)
	slices.Sort(unused)
	for _, file := range loose {
		if hasFolder {
			unused = append(unused, file)
			continue
		}
		stem := norm.NFC.String(strings.TrimSuffix(strings.TrimPrefix(file, "content/"), path.Ext(file)))
		files = append(files, contentFile{li: 0, file: file, name: stem})
		suffix = true
	}
	// A leaf bundle: a folder whose page is index.md; its other files are
	// the page's resources, copied beside it.
	var bundles []string // content folders of leaf bundles
	for i := range files {
		if dir, ok := bundleName(files[i].name); ok {
			files[i].name = dir
			bundles = append(bundles, path.Dir(files[i].file))
		}
	}
	kept := unused[:0]
	for _, u := range unused {
		if !slices.Contains(pageExts, path.Ext(u)) && slices.ContainsFunc(bundles, func(b string) bool { return strings.HasPrefix(u, b+"/") }) {
			resources = append(resources, u)
			continue
		}
		kept = append(kept, u)
	}
	unused = kept
	slices.SortStableFunc(files, func(a, b contentFile) int { return cmp.Or(cmp.Compare(a.li, b.li), strings.Compare(a.file, b.file)) })
	return files, unused, resources, suffix
}

// keyItem is a loaded page with its name and language index.
type keyItem struct {
	page *Page
	name string
	li   int
}

// translationKeys pairs pages that share a translationKey: each gets the
// name of the key's page in the first language that has one. Two pages
// of one language with the same key are an error.
func translationKeys(items []keyItem, errs *diag.List) map[*Page]string {
	type group struct {
		name string
		li   int
		by   map[int]*Page
	}
	groups := map[string]*group{}
	for _, it := range items {
		k := it.page.TranslationKey
		if k == "" {
			continue
		}
		g := groups[k]
		if g == nil {
			g = &group{name: it.name, li: it.li, by: map[int]*Page{}}
			groups[k] = g
		}
		if q := g.by[it.li]; q != nil {
			errs.Add(diag.Pos{File: it.page.Path, Line: 1, Col: 1},
				"translationKey "+quote(k)+" is also the key of "+q.Path+" in "+it.page.Lang,
				"give each page of a language its own translationKey (the same key pairs one page per language)")
			continue
		}
		g.by[it.li] = it.page
		if it.li < g.li {
			g.name, g.li = it.name, it.li
		}
	}
	out := map[*Page]string{}
	for _, g := range groups {
		for _, p := range g.by {
			out[p] = g.name
		}
	}
	return out
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// setDirs gives every page the URL path of its folder: each folder is
// the slug of its section page (its _index.md) in that language, else a
// slug made from the folder's name.
func (s *Site) setDirs() {
	for _, e := range s.Entries {
		for _, p := range e.Pages {
			if p == nil || p.Name == "" {
				continue
			}
			dir := path.Dir(p.Name)
			if e.IsSection() {
				dir = path.Dir(dir)
			}
			if dir == "." {
				continue
			}
			var b strings.Builder
			segs := strings.Split(dir, "/")
			for i := range segs {
				seg := defaultSlug(p.Lang, segs[i])
				if sec := s.byPath[p.Lang+"/"+strings.Join(segs[:i+1], "/")+"/"+HomeName]; sec != nil && sec.Slug != "" {
					seg = sec.Slug
				}
				b.WriteString(seg + "/")
			}
			p.dirURL = b.String()
		}
	}
}
