package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/newsletter"
)

// writeSiteFiles writes everything that is not a content page: landing,
// 404, alias redirects, styles, static files, GitHub Pages files, sitemap
// and feeds.
func (b *builder) writeSiteFiles(s sink) error {
	var errs diag.List
	var buf bytes.Buffer
	exec := func(name, layout string, v any) {
		buf.Reset()
		if err := b.tmpl.Execute(&buf, layout, v); err != nil {
			errs.Append(err)
			return
		}
		errs.Append(s.write(name, buf.Bytes()))
	}
	exec("index.html", "landing", b.landingView())
	exec("404.html", "404", b.notFoundView())
	b.writeTermPages(exec)
	static, err := b.staticFiles()
	errs.Append(err)
	aliases, static, nlClash, err := b.aliases(static)
	errs.Append(err)
	for _, a := range aliases {
		exec(a.name, "alias", b.aliasView(a.page, a.alias))
	}
	errs.Append(s.write(b.cssName, b.css))
	errs.Append(b.copyStatic(s, static))
	errs.Append(b.copyResources(s))
	errs.Append(b.shareImages())
	errs.Append(s.write(".nojekyll", nil))
	if b.cfg.CNAME != "" {
		errs.Append(s.write("CNAME", []byte(b.cfg.CNAME+"\n")))
	}
	errs.Append(s.write("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+absURL(b.cfg.BaseURL, "sitemap.xml")+"\n")))
	errs.Append(b.writeSitemap(s))
	errs.Append(b.writeFeeds(s))
	if !nlClash { // else reported by aliases, at the pages
		errs.Append(b.writeNewsletters(s))
	}
	return errs.Err()
}

// staticFiles lists the files of static/ copied as is: all but site.css
// (fingerprinted into assets/ with the highlighting rules) and hidden
// files and folders (.git/, .env), unless site.toml's publish_hidden
// lists them. Symbolic links were checked by checkLinks.
func (b *builder) staticFiles() ([]string, error) {
	var names []string
	var errs diag.List
	listed := map[string]bool{} // the entries of publish_hidden found
	err := fs.WalkDir(b.src, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" {
				return nil
			}
			return &diag.Error{Pos: diag.Pos{File: p}, Msg: "cannot read: " + unwrapPath(err).Error(), Hint: "check the permissions of " + p}
		}
		if p != "static" && strings.HasPrefix(d.Name(), ".") {
			if !slices.Contains(b.cfg.PublishHidden, strings.TrimPrefix(p, "static/")) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			listed[strings.TrimPrefix(p, "static/")] = true
		}
		if p != "static" {
			if msg := content.OutputNameProblem(d.Name()); msg != "" {
				errs.Add(diag.Pos{File: p}, "name cannot be an output path on every system: "+msg,
					"rename it (the position is the file or folder itself: a name has no line)")
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
		}
		if d.IsDir() || p == "static/site.css" {
			return nil
		}
		names = append(names, p)
		return nil
	})
	errs.Append(err)
	for _, h := range b.cfg.PublishHidden {
		if !listed[h] {
			b.mu.Lock()
			b.warns.Add(diag.Pos{File: "site.toml"}, fmt.Sprintf("publish_hidden lists %q, which static/ does not have", h),
				"fix the path (it is below static/, such as \".well-known\") or remove it")
			b.mu.Unlock()
		}
	}
	return names, errs.Err()
}

// copyStatic copies the files of static/ listed by staticFiles.
func (b *builder) copyStatic(s sink, names []string) error {
	var errs diag.List
	for _, p := range names {
		data, err := fs.ReadFile(b.src, p)
		if err != nil {
			errs.Add(diag.Pos{File: p}, "cannot read: "+unwrapPath(err).Error(), "check the permissions of "+p)
			continue
		}
		errs.Append(s.write(strings.TrimPrefix(p, "static/"), data))
	}
	return errs.Err()
}

// copyResources copies the files of each page bundle beside its page
// (fr/trip/photo.jpg), where the page's relative links find them.
func (b *builder) copyResources(s sink) error {
	var errs diag.List
	for _, p := range b.pages() {
		for _, r := range p.Resources {
			if strings.EqualFold(r.Rel, "index.html") {
				errs.Add(diag.Pos{File: r.File}, "a page bundle's index.html would replace its page", "rename the file")
				continue
			}
			if msg := content.OutputNameProblem(r.Rel); msg != "" {
				errs.Add(diag.Pos{File: r.File}, "name cannot be an output path on every system: "+msg, "rename it")
				continue
			}
			name := p.URLPath() + r.Rel
			b.mu.Lock()
			done := b.assetsOut[name] // an image of the page, already copied beside it
			b.mu.Unlock()
			if done {
				continue
			}
			data, err := fs.ReadFile(b.src, r.File)
			if err != nil {
				errs.Add(diag.Pos{File: r.File}, "cannot read: "+unwrapPath(err).Error(), "check the permissions of "+r.File)
				continue
			}
			errs.Append(s.write(name, data))
		}
	}
	return errs.Err()
}

// aliasFile is one redirect page to write.
type aliasFile struct {
	name  string // output path: "fr/ancien-nom/index.html"
	alias string // as normalized by content: "fr/ancien-nom/"
	page  *content.Page
}

// aliases lists the redirect pages of every page's aliases, and reports
// each alias that would overwrite a page, another alias or a file of the
// site, or that would need a folder where the site has a file. It also
// reports the files of static/ whose names cannot be output paths or that
// would overwrite another output. Names are compared as content.FoldName
// folds them: "FR/", "Index.html" or an NFD "é" are the same file as "fr/",
// "index.html" or the NFC "é" on macOS and Windows.
//
// The e-mail exports, when enabled, must not collide either (a page with
// the slug "x-teaser" and the teaser of the page "x").
//
// It returns the aliases to write, the files of static/ to copy (those
// not refused), and whether two e-mail exports collide.
func (b *builder) aliases(static []string) ([]aliasFile, []string, bool, error) {
	var errs diag.List
	// taken: every output path other than aliases, with what writes it.
	taken := map[string]string{}
	names := map[string]string{} // the name itself, by its FoldName
	add := func(name, what string) {
		taken[content.FoldName(name)] = what
		names[content.FoldName(name)] = name
	}
	for name, what := range map[string]string{
		"index.html": "the landing page", "404.html": "the 404 page",
		"sitemap.xml": "the sitemap", "robots.txt": "robots.txt",
		".nojekyll": ".nojekyll", b.cssName: "the stylesheet",
	} {
		add(name, what)
	}
	if b.cfg.CNAME != "" {
		add("CNAME", "CNAME (site.toml's cname)")
	}
	for _, lang := range b.site.Langs {
		add(lang+"/index.xml", "the "+lang+" feed")
		add(shareImageName(lang), "the "+lang+" share image")
	}
	for _, p := range b.pages() {
		add(p.URLPath()+"index.html", "the page "+p.Path)
	}
	for _, tp := range b.termPages() {
		add(tp.urlPath()+"index.html", "the taxonomy page /"+tp.urlPath())
	}
	nlClash := false
	if b.cfg.Newsletter.Enabled {
		add(path.Join(newsletterDir, "index.html"), "the newsletter index")
		for _, p := range b.newsletterPages() {
			full := p.Lang + "/" + p.Slug + ".html"
			teaser := p.Lang + "/" + p.Slug + "-teaser.html"
			for _, n := range []string{full, newsletter.TextPath(full), teaser, newsletter.TextPath(teaser)} {
				name := path.Join(newsletterDir, n)
				if what, ok := taken[content.FoldName(name)]; ok {
					errs.Add(diag.Pos{File: p.Path, Line: 1, Col: 1}, fmt.Sprintf("the e-mail export %s of this page is also %s", name, what),
						"give one of the pages another slug (a slug ending in -teaser meets the teaser of another page)")
					nlClash = true
					continue
				}
				add(name, "the e-mail export of "+p.Path)
			}
		}
	}
	// dirs: the folders the outputs so far need, with what needs them.
	dirs := map[string]string{}
	for key, what := range taken {
		for d := path.Dir(key); d != "."; d = path.Dir(d) {
			dirs[d] = what
		}
	}
	var keep []string
	for _, p := range static {
		name := strings.TrimPrefix(p, "static/")
		key := content.FoldName(name)
		if what, ok := taken[key]; ok {
			note := content.FoldNote(name, names[key])
			if names[key] == name {
				note = "two files cannot have one path"
			}
			errs.Add(diag.Pos{File: p}, fmt.Sprintf("file would overwrite %s (%s)", what, note),
				"rename or remove the file")
			continue
		}
		if what, ok := dirs[key]; ok {
			errs.Add(diag.Pos{File: p}, fmt.Sprintf("file is where %s needs a folder %s/", what, name),
				"rename or remove the file")
			continue
		}
		if dir, what := takenDir(taken, name); what != "" {
			errs.Add(diag.Pos{File: p}, fmt.Sprintf("file needs a folder %s/ where kz30 writes %s", dir, what),
				"move the file to another folder of static/")
			continue
		}
		add(name, p)
		keep = append(keep, p)
	}
	var out []aliasFile
	byName := map[string]aliasFile{}
	for _, p := range b.pages() {
		for _, a := range p.Aliases {
			name := a
			if isDirPath(a) {
				name = a + "index.html"
			}
			key := content.FoldName(name)
			pos := b.aliasPos(p, a)
			if key == content.FoldName(p.URLPath()+"index.html") {
				errs.Add(pos, fmt.Sprintf("alias %q is the page's own URL", a), "remove it from aliases")
				continue
			}
			if what, ok := taken[key]; ok {
				errs.Add(pos, fmt.Sprintf("alias %q is the URL of %s%s", a, what, caseNote(name, names[key])),
					"remove the alias, or give the other page another slug")
				continue
			}
			if dir, what := takenDir(taken, name); what != "" {
				errs.Add(pos, fmt.Sprintf("alias %q needs a folder %s/ where the site has a file (%s)", a, dir, what),
					"choose another path for the alias")
				continue
			}
			if other, ok := byName[key]; ok {
				errs.Add(pos, fmt.Sprintf("alias %q is also an alias of %s (%s)", a, other.page.Path, b.aliasPos(other.page, other.alias)),
					"keep the alias on one page only")
				continue
			}
			f := aliasFile{name: name, alias: a, page: p}
			byName[key] = f
			out = append(out, f)
		}
	}
	// An alias may not need a folder where another alias writes a file.
	for _, f := range out {
		for d := path.Dir(f.name); d != "."; d = path.Dir(d) {
			if g, ok := byName[content.FoldName(d)]; ok {
				errs.Add(b.aliasPos(f.page, f.alias), fmt.Sprintf("alias %q needs a folder %s/ where the alias %q of %s writes a file", f.alias, d, g.alias, g.page.Path),
					"choose another path for one of the aliases")
			}
		}
	}
	return out, keep, nlClash, errs.Sort().Err()
}

// caseNote explains a collision between two names that only a case- or
// normalization-insensitive file system sees.
func caseNote(name, other string) string {
	if name == other {
		return ""
	}
	return " (" + content.FoldNote(name, other) + ")"
}

// takenDir returns the parent folder of name that is a file in taken, and
// what writes it.
func takenDir(taken map[string]string, name string) (dir, what string) {
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		if w, ok := taken[content.FoldName(d)]; ok {
			return d, w
		}
	}
	return "", ""
}

// aliasPos finds where alias a is written in p's front matter. Aliases
// are normalized ("/fr/old" → "fr/old/"), so it looks for the path
// without its slashes; a page that does not mention it gets line 1.
func (b *builder) aliasPos(p *content.Page, a string) diag.Pos {
	pos := diag.Pos{File: p.Path, Line: 1, Col: 1}
	data, err := fs.ReadFile(b.src, p.Path)
	if err != nil {
		return pos
	}
	core := strings.Trim(a, "/")
	for i, line := range strings.Split(string(data), "\n") {
		if i > 0 && strings.TrimSpace(line) == "---" {
			break
		}
		if c := indexPath(line, core); c >= 0 {
			return diag.Pos{File: p.Path, Line: i + 1, Col: utf8.RuneCountInString(line[:c]) + 1}
		}
	}
	return pos
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

func isDirPath(p string) bool { return strings.HasSuffix(p, "/") }

func dirOf(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d + "/"
}
