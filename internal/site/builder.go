package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/markdown"
	"github.com/kz30/kz30/internal/render"
)

// builder holds everything loaded for one build.
type builder struct {
	ctx     context.Context // a done ctx stops the run; nil never stops
	opts    Options
	src     *sourceFS
	cfg     *config.Config
	site    *content.Site
	cat     *i18n.Catalog
	locales map[string]*i18n.Locale
	conv    map[string]*markdown.Converter
	tmpl    *render.Renderer
	css     []byte
	cssName string // assets/site.HASH.css
	docs    map[*content.Page]*markdown.Doc
	warns   diag.List
	mu      sync.Mutex

	// shareImages waits for the share images drawn during a run; shares
	// is what they are (planShareImages).
	shareImages func() error
	shares      *sharePlan

	// lean is set by Build: a page's HTML and text are dropped once it is
	// written, since nothing reads them afterwards (Render keeps them for
	// checks and the dev server).
	lean bool

	// secs, secIndex and navLabels cache, per run, the sections of each
	// language, each page's index among them and its link labels
	// (cacheSections).
	secs      map[string][]*content.Entry
	secIndex  map[*content.Page]int
	navLabels map[*content.Page]render.NavItem // every page's link labels
	cache     *runCache                        // what earlier runs lend and this one leaves; never nil

	// variants and assetsOut hold, per run, the srcset variants made of
	// each source image and the images written beside pages or into
	// assets/img/ (each once).
	variants  map[string]*variantSet
	assetsOut map[string]bool

	files atomic.Int64
	bytes atomic.Int64
}

// stopped returns the run's context error once it is done.
func (b *builder) stopped() error {
	if b.ctx == nil {
		return nil
	}
	return b.ctx.Err()
}

// newBuilder loads configuration, content, UI strings, templates and
// styles, reporting every error it finds.
func newBuilder(opts Options) (*builder, error) {
	b := &builder{ctx: opts.Context, opts: opts, src: newSourceFS(opts.Dir, opts.FS, opts.Defaults), cache: noCache()}
	var errs diag.List
	b.cfg = config.Default()
	if data, err := fs.ReadFile(b.src, "site.toml"); err == nil {
		cfg, err := config.Parse("site.toml", data)
		if err != nil {
			return b, err
		}
		b.cfg = cfg
	} else if !errors.Is(err, fs.ErrNotExist) {
		return b, diag.List{{Pos: diag.Pos{File: "site.toml"}, Msg: err.Error(), Hint: "make site.toml readable"}}
	}
	if opts.BaseURL != "" {
		u, err := config.NormalizeBaseURL(opts.BaseURL)
		if err != nil {
			// A flag has no file position: the message names the flag.
			return b, diag.List{{Msg: "--base-url: " + err.Msg, Hint: strings.Replace(err.Hint, "write", "pass", 1)}}
		}
		b.cfg.BaseURL = u
	}
	errs = append(errs, b.src.checkLinks()...)
	site, warns, err := content.Load(b.src, b.cfg, content.Options{Drafts: opts.Drafts, AllowMissing: opts.AllowMissing, AllowStale: opts.AllowStale})
	b.warns = append(b.warns, warns...)
	errs.Append(err)
	b.site = site

	files := map[string]i18n.CatalogFile{}
	for _, lang := range b.cfg.Codes() {
		f, err := b.src.uiStrings(lang)
		if err != nil {
			errs.Append(err)
			continue
		}
		files[lang] = f
	}
	if len(errs) == 0 {
		cat, err := i18n.LoadCatalog(files)
		errs.Append(err)
		b.cat = cat
		if err == nil {
			errs = append(errs, catalogParity(cat, b.cfg.Codes())...)
			errs = append(errs, cat.CheckVerbs(b.cfg.Codes())...)
		}
	}
	tmpl, err := render.New(b.src)
	errs.Append(err)
	b.tmpl = tmpl
	if len(errs) > 0 {
		return b, errs.Sort()
	}

	b.locales = map[string]*i18n.Locale{}
	b.conv = map[string]*markdown.Converter{}
	for _, lang := range b.cfg.Codes() {
		loc, err := i18n.NewLocale(lang, b.cat)
		if err != nil {
			errs.Add(diag.Pos{File: "site.toml"}, err.Error(), "use a language x/text knows")
			continue
		}
		b.locales[lang] = loc
		label, _ := b.cat.T(lang, "external-link")
		back, _ := b.cat.T(lang, "footnote-back", "^^")
		b.conv[lang] = markdown.New(markdown.Options{Lang: lang, UnsafeHTML: b.cfg.UnsafeHTML, ExternalLabel: label, BacklinkLabel: back, ImageHosts: b.cfg.ImageHosts})
	}
	if err := b.loadCSS(); err != nil {
		errs.Append(err)
	}
	return b, errs.Sort().Err()
}

func (b *builder) warnings() diag.List { return b.warns.Sort() }

// catalogParity reports UI strings that one language has and another
// lacks, before any template asks for them.
func catalogParity(cat *i18n.Catalog, langs []string) diag.List {
	var errs diag.List
	for _, a := range langs {
		for _, key := range cat.Keys(a) {
			for _, b := range langs {
				if !cat.Has(b, key) {
					file := path.Join(render.Dir, "i18n", b+".toml")
					errs.Add(diag.Pos{File: file}, fmt.Sprintf("missing i18n key %q for language %q (%s.toml has it)", key, b, a),
						"add it to "+file)
				}
			}
		}
	}
	return errs
}

// pages lists every page of the site, entry by entry, language by language.
func (b *builder) pages() []*content.Page {
	var ps []*content.Page
	for _, e := range b.site.Entries {
		for _, p := range e.Pages {
			if p != nil {
				ps = append(ps, p)
			}
		}
	}
	return ps
}

// run converts and renders everything into s.
func (b *builder) run(s sink) (*Stats, error) {
	counted := countingSink{s, b}
	pages := b.pages()
	step := b.progressStep(len(pages))
	// The share images depend on configuration only: draw them while the
	// pages convert, and wait for them before returning.
	shared := make(chan error, 1)
	b.shares = b.planShareImages()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				shared <- panicError(nil, r)
			}
		}()
		shared <- b.writeShareImages(counted)
	}()
	b.shareImages = sync.OnceValue(func() error { return <-shared })
	defer b.shareImages()
	// Each page is converted, rendered and written in one go, so that its
	// HTML is garbage as soon as it is written: the build holds the
	// sources and what pages say of each other (IDs, links), never the
	// whole site's HTML. Links to anchors are checked once every page is
	// converted; an error then discards the staged output.
	b.docs = make(map[*content.Page]*markdown.Doc, len(pages))
	b.cacheSections()
	var errs diag.List
	errs.Append(parallel(pages, func(p *content.Page, buf *bytes.Buffer) error {
		defer step()
		if b.stopped() != nil {
			return nil
		}
		doc, err := b.convertPage(p)
		if err != nil {
			return err
		}
		return b.renderPage(counted, p, doc, buf)
	}))
	if err := b.stopped(); err != nil {
		return &Stats{Warnings: b.warnings()}, err
	}
	if len(errs) == 0 {
		errs.Append(b.checkAnchors(pages))
	}
	if len(errs) == 0 {
		errs.Append(b.writeSiteFiles(counted))
	}
	if len(errs) > 0 {
		return &Stats{Warnings: b.warnings()}, errs.Sort()
	}
	st := &Stats{Pages: map[string]int{}, Langs: b.site.Langs, Warnings: b.warnings(),
		Files: int(b.files.Load()), Bytes: b.bytes.Load()}
	for _, p := range pages {
		st.Pages[p.Lang]++
	}
	return st, nil
}

// renderPage renders p's page into its index.html.
func (b *builder) renderPage(counted countingSink, p *content.Page, doc *markdown.Doc, buf *bytes.Buffer) error {
	if b.lean {
		// Written to disk and never read again: let the memory go.
		defer func() { doc.HTML, doc.Text = nil, "" }()
	}
	if err := b.writeAssets(counted, doc); err != nil {
		return err
	}
	return b.cache.page(p, counted, func(keep func([]byte)) error {
		v := b.pageView(p, doc)
		layout := "page"
		if p.Entry.IsHome() {
			layout = "home"
		}
		if len(p.Body) > hugeBody {
			if ds, ok := counted.s.(stageSink); ok {
				// A huge page goes straight to its file instead of being
				// held whole in memory (and is not kept in the cache).
				return counted.stream(ds, p.URLPath()+"index.html", func(w io.Writer) error {
					return b.tmpl.Execute(w, layout, v)
				})
			}
		}
		if err := b.tmpl.Execute(buf, layout, v); err != nil {
			return err
		}
		if err := counted.write(p.URLPath()+"index.html", buf.Bytes()); err != nil {
			return err
		}
		keep(buf.Bytes())
		return nil
	})
}

// countingSink counts files and bytes written.
type countingSink struct {
	s sink
	b *builder
}

// stream writes a file of d through fn, counting its bytes.
func (c countingSink) stream(d stageSink, name string, fn func(io.Writer) error) error {
	n, err := d.stream(name, fn)
	if err != nil {
		return err
	}
	c.b.files.Add(1)
	c.b.bytes.Add(n)
	return nil
}

func (c countingSink) write(name string, data []byte) error {
	if err := c.b.stopped(); err != nil {
		return err
	}
	if err := c.s.write(name, data); err != nil {
		return err
	}
	c.b.files.Add(1)
	c.b.bytes.Add(int64(len(data)))
	return nil
}

// convert turns every page body into HTML, then checks that every internal
// link points to an existing page and anchor.
func (b *builder) convert(pages []*content.Page) error {
	b.docs = make(map[*content.Page]*markdown.Doc, len(pages))
	err := parallel(pages, func(p *content.Page, _ *bytes.Buffer) error {
		_, err := b.convertPage(p)
		return err
	})
	if err != nil {
		return err
	}
	return b.checkAnchors(pages)
}

// convertPage converts p's body and records its document and warnings.
func (b *builder) convertPage(p *content.Page) (*markdown.Doc, error) {
	doc, warns, err := b.cache.convert(b, p)
	b.mu.Lock()
	b.warns = append(b.warns, warns...)
	if doc != nil {
		b.docs[p] = doc
	}
	b.mu.Unlock()
	return doc, err
}

// checkAnchors checks, once every page is converted, that each link to
// an anchor finds it on its page.
func (b *builder) checkAnchors(pages []*content.Page) error {
	var errs diag.List
	for _, p := range pages {
		for _, l := range b.docs[p].Links {
			target := p
			if l.Page != "" {
				target, _ = b.resolve(p, l.Page)
			}
			if l.Fragment == "" || target == nil {
				continue
			}
			if !hasID(b.docs[target], l.Fragment) {
				errs.Add(l.Pos, fmt.Sprintf("link to missing anchor #%s in %s", l.Fragment, target.Path),
					"use one of the page's heading IDs (write {#id} after a heading to fix one)")
			}
		}
	}
	return errs.Sort().Err()
}

// source is what converting p's body needs.
func (b *builder) source(p *content.Page) markdown.Source {
	return markdown.Source{
		File: p.Path, Line: p.BodyLine, Body: p.Body,
		Resolve: func(dest string) (string, error) {
			t, err := b.resolve(p, dest)
			if err != nil {
				return "", err
			}
			return content.RelURL(p.URLPath(), t.URLPath()), nil
		},
		Image: func(dest string) (markdown.Image, error) { return b.image(p, dest) },
		Param: func(name string) (string, bool) { return b.param(p, name) },
		StandIn: func(dest string) string {
			if t, fb, err := b.resolveLink(p, dest); err == nil && fb {
				return t.Lang
			}
			return ""
		},
	}
}

// param is the value of the param shortcode's name on p: its front
// matter, then site.toml's [params]; a dotted name walks nested tables.
func (b *builder) param(p *content.Page, name string) (string, bool) {
	name = strings.ToLower(name)
	if v, ok := p.Params[name]; ok {
		return v, true
	}
	var v any = b.cfg.Params
	for _, k := range strings.Split(name, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return "", false
		}
		if v, ok = m[k]; !ok {
			keys := slices.Sorted(maps.Keys(m))
			if i := slices.IndexFunc(keys, func(mk string) bool { return strings.EqualFold(mk, k) }); i >= 0 {
				v = m[keys[i]]
			}
		}
	}
	switch v := v.(type) {
	case nil, map[string]any, []any:
		return "", false
	default:
		return fmt.Sprint(v), true
	}
}

func hasID(d *markdown.Doc, id string) bool {
	for _, x := range d.IDs {
		if x == id {
			return true
		}
	}
	return false
}

// resolve finds the page a link from p points to: a file link
// ("kaspi.md", "../en/kaspi.md", "/docs/faq.md") or a root-relative URL
// path of a page ("/docs/faq/").
func (b *builder) resolve(p *content.Page, dest string) (*content.Page, error) {
	t, _, err := b.resolveLink(p, dest)
	return t, err
}

// resolveLink is resolve, and whether the page found is another
// language's, standing in for one missing in p's (--allow-missing).
func (b *builder) resolveLink(p *content.Page, dest string) (*content.Page, bool, error) {
	return b.site.ResolveLink(p, dest, b.opts.AllowMissing)
}

// parallel runs fn over items on every core (content.Parallel); each
// worker has its own buffer. It returns every error.
func parallel[T any](items []T, fn func(T, *bytes.Buffer) error) error {
	var (
		mu   sync.Mutex
		errs diag.List
	)
	content.Parallel(len(items), func(buf *bytes.Buffer, i int) {
		buf.Reset()
		if err := safely(items[i], buf, fn); err != nil {
			mu.Lock()
			errs.Append(err)
			mu.Unlock()
		}
	})
	return errs.Sort().Err()
}

// safely runs fn on item, turning a panic into an error (panicError).
func safely[T any](item T, buf *bytes.Buffer, fn func(T, *bytes.Buffer) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(item, r)
		}
	}()
	return fn(item, buf)
}

// loadCSS builds the fingerprinted stylesheet: static/site.css followed by
// chroma's light and dark rules, each inside its prefers-color-scheme.
func (b *builder) loadCSS() error {
	var buf bytes.Buffer
	site, err := fs.ReadFile(b.src, "static/site.css")
	if err != nil {
		return diag.List{{Pos: diag.Pos{File: "static/site.css"}, Msg: "no stylesheet", Hint: "add static/site.css"}}
	}
	buf.Write(site)
	// Each scheme's chroma rules in their own media block, so no light-only
	// property (a background, say) leaks into dark mode.
	buf.WriteString("\n@media (prefers-color-scheme: light), print {\n")
	if err := markdown.WriteCSS(&buf, markdown.LightStyle); err != nil {
		return err
	}
	buf.WriteString("}\n@media screen and (prefers-color-scheme: dark) {\n")
	if err := markdown.WriteCSS(&buf, markdown.DarkStyle); err != nil {
		return err
	}
	buf.WriteString("}\n")
	b.css = minifyCSS(buf.Bytes())
	sum := sha256.Sum256(b.css)
	b.cssName = "assets/site." + hex.EncodeToString(sum[:])[:10] + ".css"
	return nil
}

// minifyCSS drops comments and the indentation of lines.
func minifyCSS(src []byte) []byte {
	var out bytes.Buffer
	for len(src) > 0 {
		if bytes.HasPrefix(src, []byte("/*")) {
			end := bytes.Index(src[2:], []byte("*/"))
			if end < 0 {
				break
			}
			src = src[end+4:]
			continue
		}
		if src[0] == '\n' {
			src = bytes.TrimLeft(src, " \t\n")
			out.WriteByte('\n')
			continue
		}
		out.WriteByte(src[0])
		src = src[1:]
	}
	return bytes.TrimSpace(out.Bytes())
}
