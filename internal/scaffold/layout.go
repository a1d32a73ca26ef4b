package scaffold

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// layout is how a site's content/ names its pages: content/LANG/NAME.md,
// or Hugo's one tree, content/NAME.LANG.md (suffix). NAME may hold
// folders: "docs/faq", "docs/_index".
type layout struct {
	suffix bool
	langs  []string
}

// siteLayout finds the layout of dir's content/: the one-tree layout when
// no language has its folder and some file is named NAME.LANG.md for a
// language of the site; else (an empty site too) content/LANG/.
func siteLayout(dir string, langs []string) layout {
	l := layout{langs: langs}
	for _, lang := range langs {
		if fi, err := os.Stat(filepath.Join(dir, "content", lang)); err == nil && fi.IsDir() {
			return l
		}
	}
	root := filepath.Join(dir, "content")
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || l.suffix {
			return fs.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		if _, lang, ok := splitSuffix(strings.TrimSuffix(d.Name(), ".md")); ok && slices.Contains(langs, lang) && strings.HasSuffix(d.Name(), ".md") {
			l.suffix = true
		}
		return nil
	})
	return l
}

// splitSuffix cuts "about.fr" into "about", "fr".
func splitSuffix(stem string) (name, lang string, ok bool) {
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 {
		return stem, "", false
	}
	return stem[:i], stem[i+1:], true
}

// file is the file of page name in lang, relative to the source folder.
func (l layout) file(lang, name string) string {
	if l.suffix {
		return "content/" + name + "." + lang + ".md"
	}
	return "content/" + lang + "/" + name + ".md"
}

// locate is the language and name of a page file of content/ (a slash
// path relative to the source folder), in either layout.
func (l layout) locate(file string) (lang, name string, ok bool) {
	rel, found := strings.CutPrefix(path.Clean(strings.TrimPrefix(file, "./")), "content/")
	if !found || !strings.HasSuffix(rel, ".md") {
		return "", "", false
	}
	stem := strings.TrimSuffix(rel, ".md")
	if first, rest, nested := strings.Cut(stem, "/"); nested && slices.Contains(l.langs, first) {
		return first, rest, validName(rest)
	}
	if n, lang, ok := splitSuffix(stem); ok && !strings.Contains(lang, "/") {
		return lang, n, validName(n)
	}
	return "", "", false
}

// validName reports whether name is a page name New and MarkTranslated
// accept: segments of letters, digits, - and _, separated by "/".
func validName(name string) bool {
	if name == "" {
		return false
	}
	for _, seg := range strings.Split(name, "/") {
		if !nameRE.MatchString(seg) {
			return false
		}
	}
	return true
}
