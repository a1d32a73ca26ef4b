package content

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"golang.org/x/text/unicode/norm"
)

// Options selects what Load accepts.
type Options struct {
	Drafts       bool // include pages with draft: true
	AllowMissing bool // a page missing in a language is a warning, not an error
	AllowStale   bool // a stale translation is a warning, not an error
}

// Load reads content/ from fsys (the source folder). It returns the site,
// the warnings, and a diag.List of every error found.
func Load(fsys fs.FS, cfg *config.Config, opts Options) (*Site, diag.List, error) {
	var errs, warns diag.List
	if fi, err := fs.Stat(fsys, "content"); err != nil || !fi.IsDir() {
		errs.Add(diag.Pos{File: "content"}, "content/ folder not found",
			"run kz30 in a folder holding content/fr and content/en, or pass --source DIR")
		return nil, nil, errs
	}
	site := &Site{Config: cfg, Langs: cfg.Codes()}
	site.Facts = loadFacts(fsys, cfg, &errs)
	// The files are listed in order, read and parsed on every core, then
	// put together in that order: the same site and messages every time.
	type job struct {
		li   int
		file string
		name string // path below the language without the extension: "docs/faq", "_index"
		page *Page
		errs diag.List
		warn diag.List
	}
	var jobs []*job
	var noDir []string // languages without their folder, already reported
	found, unused, resources, suffix := listContent(fsys, site.Langs, &errs)
	site.suffix = suffix
	for _, f := range found {
		jobs = append(jobs, &job{li: f.li, file: f.file, name: f.name})
	}
	for _, u := range unused {
		if slices.Contains(pageExts, path.Ext(u)) {
			warns.Add(diag.Pos{File: u}, "page not used: it is in no language of site.toml",
				"move it to content/<lang>/ or name it NAME.<lang>.md for a language of site.toml (or add its language to site.toml)")
			continue
		}
		warns.Add(diag.Pos{File: u}, "file not used: kz30 reads .md, .markdown and .html pages and facts.toml in content/",
			"move files to publish to static/, or delete it")
	}
	for li, lang := range site.Langs {
		if !slices.ContainsFunc(found, func(f contentFile) bool { return f.li == li }) {
			dir := "content/" + lang
			if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
				errs.Add(diag.Pos{File: dir}, fmt.Sprintf("no folder for language %q", lang), "create "+dir+"/ with the pages in that language")
				noDir = append(noDir, lang)
			}
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				j := jobs[i]
				j.page = safeLoadPage(fsys, j.file, site.Langs[j.li], &j.errs, &j.warn)
			}
		})
	}
	wg.Wait()
	byName := map[string]*Entry{}
	// File names are compared in NFC: "café.md" typed on macOS (NFD) and
	// on Linux (NFC) is one page; two files of one language whose names
	// normalize alike are an error.
	files := map[[2]string]string{} // language, NFC name → file
	drafts := map[string][]string{} // page name → the draft file of each language left out
	var pages []*Page
	for _, j := range jobs {
		if j.page != nil {
			pages = append(pages, j.page)
		}
	}
	warnUnknownKeys(pages, &warns)
	site.byPath = map[string]*Page{}
	var items []keyItem
	for _, j := range jobs {
		if j.page != nil {
			items = append(items, keyItem{page: j.page, name: j.name, li: j.li})
		}
	}
	keys := translationKeys(items, &errs)
	for _, j := range jobs {
		errs = append(errs, j.errs...)
		warns = append(warns, j.warn...)
		if other, ok := files[[2]string{site.Langs[j.li], j.name}]; ok {
			first, second := min(other, j.file), max(other, j.file)
			errs.Add(diag.Pos{File: second, Line: 1, Col: 1},
				fmt.Sprintf("%+q and %+q are one name in two Unicode spellings (NFC and NFD)", second, first),
				"keep one of the two files: delete or rename the other")
			continue
		}
		files[[2]string{site.Langs[j.li], j.name}] = j.file
		p := j.page
		if p == nil {
			continue
		}
		key := j.name
		if k := keys[p]; k != "" {
			key = k
		}
		if p.Draft && !opts.Drafts {
			if drafts[key] == nil {
				drafts[key] = make([]string, len(site.Langs))
			}
			drafts[key][j.li] = j.file
			continue
		}
		p.Name = j.name
		site.byPath[p.Lang+"/"+j.name] = p
		e := byName[key]
		if e == nil {
			e = &Entry{Name: key, Pages: make([]*Page, len(site.Langs))}
			byName[key] = e
		}
		if q := e.Pages[j.li]; q != nil {
			errs.Add(diag.Pos{File: p.Path, Line: 1, Col: 1}, fmt.Sprintf("%s and %s are the same page in %s", q.Path, p.Path, p.Lang),
				"keep one of them (a page's folder file and its name.lang.md file cannot both exist)")
			continue
		}
		e.Pages[j.li] = p
		p.Entry = e
		if p.Slug == "" {
			p.Slug = defaultSlug(p.Lang, path.Base(strings.TrimSuffix(j.name, "/"+HomeName)))
			fileSlugProblem(p, &errs)
		}
	}
	site.byName = byName
	for _, e := range byName {
		site.Entries = append(site.Entries, e)
	}
	slices.SortFunc(site.Entries, func(a, b *Entry) int {
		if a.IsHome() != b.IsHome() {
			if a.IsHome() {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.weight(), b.weight()), cmp.Compare(a.Name, b.Name))
	})
	site.setDirs()
	site.setURLs(&errs, &warns)
	site.indexURLs()
	site.setTerms(&warns)
	site.setResources(resources)
	site.checkHomes(drafts, noDir, &errs)
	site.checkTranslations(opts, drafts, &errs, &warns)
	site.checkSlugs(&errs)
	site.checkFacts(&errs)
	if len(errs) > 0 {
		return nil, warns.Sort(), errs.Sort()
	}
	return site, warns.Sort(), nil
}

// warnUnknownKeys gives one warning per unknown front matter key (matched
// case-insensitively) for the whole site: at its first use, in file
// order, with the number of pages using it.
func warnUnknownKeys(pages []*Page, warns *diag.List) {
	type use struct {
		first diag.Pos
		key   string
		pages int
	}
	byKey := map[string]*use{}
	var order []string
	for _, p := range pages {
		seen := map[string]bool{}
		for _, u := range p.unknown {
			k := strings.ToLower(u.key)
			if seen[k] {
				continue
			}
			seen[k] = true
			if byKey[k] == nil {
				byKey[k] = &use{first: u.pos, key: u.key}
				order = append(order, k)
			}
			byKey[k].pages++
		}
	}
	known := strings.Join(frontKeys, ", ") + "; Hugo's " + strings.Join(hugoKeys, ", ")
	for _, k := range order {
		u := byKey[k]
		msg := fmt.Sprintf("unknown front matter key %q", u.key)
		if u.pages > 1 {
			msg += fmt.Sprintf(" (on %d pages; the first is here)", u.pages)
		}
		warns.Add(u.first, msg, "it is ignored; known keys: "+known)
	}
}

// weight is the entry's weight in the first language that has it.
func (e *Entry) weight() int {
	for _, p := range e.Pages {
		if p != nil {
			return p.Weight
		}
	}
	return 0
}

// defaultSlug turns a file name into a slug of language lang the way
// headings get their IDs (i18n.Locale.Slug: accents dropped, "café" →
// "cafe", Cyrillic by the language's table: uk "київ" → "kyiv"); a name
// with no letter or digit gets "page".
func defaultSlug(lang, name string) string {
	if slugRE.MatchString(name) {
		return name
	}
	if s := i18n.LocaleOf(lang).Slug(name); s != "" {
		return s
	}
	return "page"
}

// symlinkInside reports whether a symlinked page stays inside content/.
func symlinkInside(fsys fs.FS, file string, errs *diag.List) bool {
	target, err := fs.ReadLink(fsys, file)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "cannot read symbolic link: "+err.Error(), "replace the link by the file itself")
		return false
	}
	resolved := path.Clean(path.Join(path.Dir(file), target))
	if path.IsAbs(target) || !strings.HasPrefix(resolved, "content/") {
		errs.Add(diag.Pos{File: file}, fmt.Sprintf("symbolic link points outside content/ (%s)", target),
			"copy the file into content/ instead of linking to it")
		return false
	}
	return true
}

// safeLoadPage is loadPage with a panic (a bug met by this file) turned
// into an error at the file, so that the dev server survives it.
func safeLoadPage(fsys fs.FS, file, lang string, errs, warns *diag.List) (p *Page) {
	defer func() {
		if r := recover(); r != nil {
			p = nil
			errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, fmt.Sprintf("internal error while reading this page: %v", r),
				"this is a bug in kz30: please report it with the file; until it is fixed, change the file")
		}
	}()
	return loadPage(fsys, file, lang, errs, warns)
}

// loadPage reads and parses one file; nil when it cannot be used.
func loadPage(fsys fs.FS, file, lang string, errs, warns *diag.List) *Page {
	if fi, err := fs.Stat(fsys, file); err == nil && fi.Size() > MaxPageSize {
		errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, fmt.Sprintf("page file is %d MB, over the %d MB limit", fi.Size()>>20, MaxPageSize>>20),
			"split it into several pages")
		return nil
	}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "cannot read: "+err.Error(), "check the file's permissions")
		return nil
	}
	src = Normalize(src)
	if !utf8.Valid(src) {
		errs.Add(invalidUTF8(file, src), "file is not valid UTF-8", "save the file as UTF-8")
		return nil
	}
	front, body, bodyLine, toml, derr := split(file, src)
	if derr != nil {
		*errs = append(*errs, derr)
		return nil
	}
	p := &Page{Lang: lang, Path: file, Body: body, BodyLine: bodyLine, Hash: BodyHash(body)}
	parseFront(p, front, toml, errs, warns)
	return p
}

// invalidUTF8 is the position of the first invalid byte of src.
func invalidUTF8(file string, src []byte) diag.Pos {
	line, col := 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return diag.Pos{File: file, Line: line, Col: col}
}

// Codes of the translation diagnostics (diag.Error.Code), for tools that
// word them themselves; each lists its Args in order.
const (
	// CodeMissingHome: a language without its home page. Args: lang, the
	// file to create, the draft file when the home is a draft ("" if not).
	CodeMissingHome = "missing-home"
	// CodeMissing: a page missing in a language. Args: page name, lang,
	// the missing file, a file of the page that exists.
	CodeMissing = "missing-translation"
	// CodeDraftOnly: a page that is a draft in some language only. Args:
	// page name, the draft's lang, the draft file, a published file of it.
	CodeDraftOnly = "draft-one-language"
	// CodeStale: a translation older than its source. Args: the
	// translation, the source file, the translation's lang, its
	// translation_of, the source body's hash.
	CodeStale = "stale-translation"
	// CodeNoTranslationOf: a translation without translation_of. Args: the
	// translation, the source file, its lang, the source body's hash.
	CodeNoTranslationOf = "no-translation-of"
)

// checkHomes reports each language without its home page, whatever the
// options: without it the language's landing page is empty and every
// link to it is broken.
func (s *Site) checkHomes(drafts map[string][]string, noDir []string, errs *diag.List) {
	home := s.byName[HomeName]
	for i, lang := range s.Langs {
		if (home != nil && home.Pages[i] != nil) || slices.Contains(noDir, lang) {
			continue
		}
		file := s.File(lang, HomeName)
		if d := drafts[HomeName]; d != nil && d[i] != "" {
			errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, fmt.Sprintf("language %q has no home page: %s is a draft", lang, file), "remove draft: true from it (a home page is always published)")
			(*errs)[len(*errs)-1].Code, (*errs)[len(*errs)-1].Args = CodeMissingHome, []string{lang, file, file}
			continue
		}
		errs.Add(diag.Pos{File: file}, fmt.Sprintf("language %q has no home page (%s is missing)", lang, file),
			"create "+file+" with a title and a description (kz30 new "+HomeName+" writes the home of every language that lacks one)")
		(*errs)[len(*errs)-1].Code, (*errs)[len(*errs)-1].Args = CodeMissingHome, []string{lang, file, ""}
	}
}

// checkTranslations reports missing and stale translations, and pages
// that are drafts in some languages only.
func (s *Site) checkTranslations(opts Options, drafts map[string][]string, errs, warns *diag.List) {
	src := s.Langs[0]
	add := func(allow bool, e *diag.Error) {
		if allow {
			*warns = append(*warns, e)
		} else {
			*errs = append(*errs, e)
		}
	}
	for _, e := range s.Entries {
		var have *Page
		for _, p := range e.Pages {
			if p != nil {
				have = p
				break
			}
		}
		for i, p := range e.Pages {
			if p != nil || e.IsHome() {
				continue
			}
			lang := s.Langs[i]
			file := s.File(lang, e.Name)
			pos := diag.Pos{File: have.Path, Line: 1, Col: 1}
			if d := drafts[e.Name]; d != nil && d[i] != "" {
				hint := "publish it (remove draft: true), make " + have.Path + " a draft too, or build with --drafts"
				add(opts.AllowMissing, &diag.Error{Pos: diag.Pos{File: d[i], Line: 1, Col: 1},
					Msg:  fmt.Sprintf("page %q is a draft in %s only: %s has draft: true, %s is published", e.Name, lang, d[i], have.Path),
					Hint: hint, Code: CodeDraftOnly, Args: []string{e.Name, lang, d[i], have.Path}})
				continue
			}
			msg := fmt.Sprintf("page %q has no %q translation (%s is missing)", e.Name, lang, file)
			hint := "write it (kz30 new " + e.Name + " scaffolds it)"
			if !opts.AllowMissing {
				hint += ", or build with --allow-missing"
			}
			add(opts.AllowMissing, &diag.Error{Pos: pos, Msg: msg, Hint: hint, Code: CodeMissing, Args: []string{e.Name, lang, file, have.Path}})
		}
		orig := e.Pages[0]
		for i, p := range e.Pages[1:] {
			if p == nil || orig == nil {
				continue
			}
			lang := s.Langs[i+1]
			pos := diag.Pos{File: p.Path, Line: 1, Col: 1}
			switch {
			case p.TranslationOf == "":
				warns.Add(pos, fmt.Sprintf("no translation_of: cannot tell whether this %s page is up to date with %s", lang, orig.Path),
					"once it matches the source, run kz30 translated "+p.Path+" (it adds `translation_of: "+orig.Hash+"`)")
				(*warns)[len(*warns)-1].Code, (*warns)[len(*warns)-1].Args = CodeNoTranslationOf, []string{p.Path, orig.Path, lang, orig.Hash}
			case p.TranslationOf != orig.Hash:
				p.Stale = true
				msg := fmt.Sprintf("stale translation: %s changed since this %s page was made from it (translation_of %s, %s body is now %s)", orig.Path, lang, p.TranslationOf, src, orig.Hash)
				hint := "update the translation, then run kz30 translated " + p.Path + " (it sets `translation_of: " + orig.Hash + "`)"
				if !opts.AllowStale {
					hint += ", or build with --allow-stale"
				}
				add(opts.AllowStale, &diag.Error{Pos: pos, Msg: msg, Hint: hint, Code: CodeStale, Args: []string{p.Path, orig.Path, lang, p.TranslationOf, orig.Hash}})
			}
		}
	}
}

// checkSlugs reports two pages of one language with the same URL.
func (s *Site) checkSlugs(errs *diag.List) {
	for i, lang := range s.Langs {
		seen := map[string]*Page{}
		for _, e := range s.Entries {
			p := e.Pages[i]
			if p == nil {
				continue
			}
			key := FoldName(p.URLPath())
			if q := seen[key]; q != nil {
				switch {
				case p.url != "" || q.url != "":
					a, b := p, q // report at the url
					if p.url == "" {
						a, b = q, p
					}
					errs.Add(a.urlPos, fmt.Sprintf("URL /%s is also the URL of %s", a.URLPath(), b.Path),
						"give one of the pages another url (or slug)")
				default:
					errs.Add(diag.Pos{File: p.Path, Line: 1, Col: 1},
						fmt.Sprintf("duplicate slug %q in %q: %s has it too", p.Slug, lang, q.Path), "give one of the pages another slug")
				}
				continue
			}
			seen[key] = p
		}
	}
}

// checkFacts reports fact IDs that the registry does not hold.
func (s *Site) checkFacts(errs *diag.List) {
	for _, e := range s.Entries {
		for _, p := range e.Pages {
			if p == nil {
				continue
			}
			for _, ref := range p.Facts {
				if s.Facts.Facts[ref.ID] == nil {
					errs.Add(ref.Pos, fmt.Sprintf("unknown fact %q", ref.ID), "add it to content/facts.toml or fix the ID")
				}
			}
		}
	}
}

// Page looks up the page named name in lang: its path below the language
// without the extension ("kaspi", "docs/faq", "docs/_index"), else the
// name of its entry (pages paired by translationKey).
func (s *Site) Page(lang, name string) *Page {
	name = norm.NFC.String(name)
	if p := s.byPath[lang+"/"+name]; p != nil {
		return p
	}
	if s.byName != nil {
		if e := s.byName[name]; e != nil {
			return e.Page(s, lang)
		}
		return nil
	}
	for _, e := range s.Entries {
		if e.Name == name {
			return e.Page(s, lang)
		}
	}
	return nil
}

// LangIndex is the index of lang in Langs, or -1.
func (s *Site) LangIndex(lang string) int { return slices.Index(s.Langs, lang) }
