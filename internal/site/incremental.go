package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/markdown"
	"github.com/kz30/kz30/internal/render"
)

// Incremental builds one source folder in memory again and again, as the
// dev server does after each edit. Every Build reloads the source (front
// matter, configuration, templates: cheap) but converts again only the
// pages whose conversion inputs changed (goldmark and chroma: the expensive
// part) and renders again only the pages whose output can have changed.
// Its Result is byte for byte the Result of Render for the same tree.
//
// Reuse is decided from the inputs themselves, not from a list of changed
// files, so a missed file event can make a build late but never wrong:
//
//   - a conversion is reused when the page's path, body and first body
//     line are the same, every file link it made resolves to the same URL,
//     and site.toml and the UI strings (which configure the converters)
//     are unchanged;
//   - a rendered page is reused when its conversion, its own stale flag,
//     the front matter of every page (every field of content.Page but the
//     body: titles, slugs, order, dates, facts, aliases… what navigation,
//     switchers and home lists show; see frontMatterKey), the
//     templates, UI strings, site.toml, facts.toml, the stylesheet's
//     fingerprint and the options are all unchanged.
//
// So a body edit renders that page (and its translation when its stale
// flag flips); a title or slug edit renders every page (the navigation
// lists every section on every page); a template, UI string, facts or
// configuration edit renders everything. Files that are not content pages
// (landing, 404, feeds, sitemap, static files) are written every time. A
// page's output must depend on nothing else: a view that starts reading
// another page's body or conversion must add it to structureKey.
//
// An Incremental is safe for use by one goroutine at a time; Build holds a
// lock.
type Incremental struct {
	opts Options

	mu      sync.Mutex
	docs    map[string]*cachedDoc // by page path (content/fr/kaspi.md)
	outKeys map[string]string     // output page name → render key, last good build
	files   map[string][]byte     // outputs of the last good build
	memos   map[string]any        // memo results of the last good build, by kind and key
}

// cachedDoc is one conversion with what it was made from.
type cachedDoc struct {
	key      string            // hash of the converter setup, path, line and body
	resolved []resolution      // every file link resolved during the conversion
	images   []imageResolution // every local image resolved during the conversion
	doc      *markdown.Doc
	warns    diag.List
}

// resolution is one call of Source.Resolve and its answer.
type resolution struct{ dest, url, err string }

// imageResolution is one call of Source.Image and its answer.
type imageResolution struct {
	dest string
	img  markdown.Image
	err  string
}

// Report says what one incremental Build did.
type Report struct {
	Converted []string // source paths of the pages converted again, sorted
	Rendered  []string // output pages rendered again ("fr/kaspi/index.html"), sorted
	Pages     int      // content pages in the site
	Full      bool     // no page output could be reused
}

// NewIncremental prepares incremental builds of opts.Dir. Nothing is read
// before the first Build.
func NewIncremental(opts Options) *Incremental {
	return &Incremental{opts: opts.withDefaults(), docs: map[string]*cachedDoc{}}
}

// Build builds the site in memory, reusing what the previous builds
// produced from unchanged inputs. On error the state of the last
// successful build is kept (conversions that succeeded are remembered), so
// fixing the error converts only what the fix touched.
//
// A panic inside the build (a bug) becomes the build's error, so the dev
// server reports it and keeps serving the last good build.
func (in *Incremental) Build() (res *Result, rep *Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, rep, err = &Result{Stats: &Stats{}}, nil, diag.List{panicError(nil, r).(*diag.Error)}
		}
	}()
	start := time.Now()
	in.mu.Lock()
	defer in.mu.Unlock()
	b, err := newBuilder(in.opts)
	if err != nil {
		return &Result{Stats: &Stats{Warnings: b.warnings()}}, nil, err
	}
	st, err := in.newState(b)
	if err != nil {
		return &Result{Stats: &Stats{Warnings: b.warnings()}}, nil, err
	}
	b.inc = st
	sink := &memSink{files: map[string][]byte{}}
	stats, err := b.run(sink)
	res = &Result{Files: sink.files, Stats: stats, Config: b.cfg, Site: b.site, Docs: b.docs, Catalog: b.cat, Locales: b.locales}
	if err != nil {
		maps.Copy(in.docs, st.next)
		return res, nil, err
	}
	in.docs = st.next
	in.outKeys = st.keys
	in.files = sink.files
	in.memos = st.memos
	stats.Duration = time.Since(start)
	rep = &Report{Converted: st.converted, Rendered: st.rendered, Pages: len(st.keys)}
	slices.Sort(rep.Converted)
	slices.Sort(rep.Rendered)
	rep.Full = len(rep.Rendered) == rep.Pages
	return res, rep, nil
}

// incState is what one incremental build lends and records; the builder
// calls it from its parallel workers.
type incState struct {
	in        *Incremental
	convKey   string // converter setup: site.toml, UI strings, options
	renderKey string // everything every page shares: see Incremental

	mu        sync.Mutex
	next      map[string]*cachedDoc    // conversions of this build, by page path
	docKeys   map[*content.Page]string // conversion identity per page
	keys      map[string]string        // output page name → render key
	converted []string
	rendered  []string
	memos     map[string]any // memo results of this build
	staticKey string         // static/ files: what exports may embed
}

func (in *Incremental) newState(b *builder) (*incState, error) {
	opts := fmt.Sprintf("%q %q %t %t %t %t", b.opts.Dir, b.opts.BaseURL, b.opts.Drafts, b.opts.AllowMissing, b.opts.AllowStale, b.opts.LiveReload)
	conv := sha256.New()
	fmt.Fprintln(conv, opts)
	if err := hashFiles(conv, b.src, "site.toml", render.Dir+"/i18n"); err != nil {
		return nil, err
	}
	st := &incState{in: in, convKey: hex.EncodeToString(conv.Sum(nil)),
		next: map[string]*cachedDoc{}, docKeys: map[*content.Page]string{}, keys: map[string]string{}, memos: map[string]any{}}
	static := sha256.New()
	if err := hashFiles(static, b.src, "static"); err != nil {
		return nil, err
	}
	st.staticKey = hex.EncodeToString(static.Sum(nil))
	all := sha256.New()
	fmt.Fprintln(all, st.convKey, b.cssName)
	if err := hashFiles(all, b.src, render.Dir, "content/facts.toml"); err != nil {
		return nil, err
	}
	structureKey(all, b.site)
	st.renderKey = hex.EncodeToString(all.Sum(nil))
	return st, nil
}

// hashFiles writes the names and contents of the files at or below roots
// into h; a missing root counts as empty.
func hashFiles(h hash.Hash, fsys fs.FS, roots ...string) error {
	for _, root := range roots {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%q %d\n", p, len(data))
			h.Write(data)
			return nil
		})
		if err != nil {
			return diag.List{{Pos: diag.Pos{File: root}, Msg: "cannot read: " + err.Error(), Hint: "check the file's permissions"}}
		}
	}
	return nil
}

// structureKey writes into h the front matter of every page in site order:
// what one page's output may show of the others.
func structureKey(h hash.Hash, site *content.Site) {
	fmt.Fprintf(h, "%q\n", site.Langs)
	for _, e := range site.Entries {
		fmt.Fprintf(h, "entry %q\n", e.Name)
		for _, p := range e.Pages {
			if p == nil {
				fmt.Fprintln(h, "-")
				continue
			}
			h.Write(frontMatterKey(p))
			fmt.Fprintln(h)
		}
	}
}

// frontMatterKey encodes every exported field of p but those that
// notFrontMatter names, so a field added to content.Page is in the render
// key without anyone remembering to add it (TestRenderKeyCoversPage checks
// that changing any field changes the key).
func frontMatterKey(p *content.Page) []byte {
	q := *p
	// notFrontMatter: the fields keyed elsewhere. Entry is the entry
	// loop of structureKey (its name and its place in site order); Body
	// BodyLine and Hash (derived from Body) are in the conversion key
	// (docKey), and Stale is in the page's own key (outputKey,
	// pageInputsKey): a body edit must not render every page.
	q.Entry, q.Body, q.BodyLine, q.Hash, q.Stale = nil, nil, 0, "", false
	data, err := json.Marshal(q)
	if err != nil {
		// A field json cannot encode: TestRenderKeyCoversPage fails
		// first. Never reuse such a page (the key differs each time).
		return fmt.Appendf(nil, "unencodable %p %v", p, err)
	}
	return data
}

// convert converts p's body, or reuses the previous conversion when its
// inputs are unchanged.
func (st *incState) convert(b *builder, p *content.Page) (*markdown.Doc, diag.List, error) {
	key := docKey(st.convKey, p)
	src := b.source(p)
	if c := st.in.docs[p.Path]; c != nil && c.key == key && c.resolvesSame(src.Resolve) && c.imagesSame(src.Image) {
		st.record(p, c, false)
		return c.doc, slices.Clone(c.warns), nil
	}
	c := &cachedDoc{key: key}
	var mu sync.Mutex
	resolve := src.Resolve
	src.Resolve = func(dest string) (string, error) {
		u, err := resolve(dest)
		r := resolution{dest: dest, url: u}
		if err != nil {
			r.err = err.Error()
		}
		mu.Lock()
		c.resolved = append(c.resolved, r)
		mu.Unlock()
		return u, err
	}
	image := src.Image
	src.Image = func(dest string) (markdown.Image, error) {
		img, err := image(dest)
		r := imageResolution{dest: dest, img: img}
		if err != nil {
			r.err = err.Error()
		}
		mu.Lock()
		c.images = append(c.images, r)
		mu.Unlock()
		return img, err
	}
	doc, warns, err := b.conv[p.Lang].Convert(src)
	if err != nil || doc == nil {
		return doc, warns, err
	}
	c.doc, c.warns = doc, slices.Clone(warns)
	st.record(p, c, true)
	return doc, warns, nil
}

// docKey is the identity of p's conversion inputs under the converter
// setup convKey.
func docKey(convKey string, p *content.Page) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s %q %q %d %q %d %v\n", convKey, p.Lang, p.Path, p.BodyLine, p.Hash, len(p.Body), p.Params) // fmt sorts map keys
	h.Write(p.Body)
	return hex.EncodeToString(h.Sum(nil))
}

// resolvesSame reports whether every link of the conversion still resolves
// to the same URL (a linked page may have been renamed, removed or
// re-slugged).
func (c *cachedDoc) resolvesSame(resolve func(string) (string, error)) bool {
	for _, r := range c.resolved {
		u, err := resolve(r.dest)
		e := ""
		if err != nil {
			e = err.Error()
		}
		if u != r.url || e != r.err {
			return false
		}
	}
	return true
}

// imagesSame reports whether every local image of the conversion still
// resolves to the same file, URL and size.
func (c *cachedDoc) imagesSame(image func(string) (markdown.Image, error)) bool {
	for _, r := range c.images {
		img, err := image(r.dest)
		e := ""
		if err != nil {
			e = err.Error()
		}
		if fmt.Sprint(img) != fmt.Sprint(r.img) || e != r.err {
			return false
		}
	}
	return true
}

func (st *incState) record(p *content.Page, c *cachedDoc, converted bool) {
	id := c.key
	for _, r := range c.resolved {
		id += "\x00" + r.dest + "\x00" + r.url
	}
	for _, r := range c.images {
		id += fmt.Sprintf("\x00%s\x00%v", r.dest, r.img)
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.next[p.Path] = c
	st.docKeys[p] = id
	if converted {
		st.converted = append(st.converted, p.Path)
	}
}

// reuse returns p's output of the last good build when nothing it depends
// on changed. On a nil state (a plain build) it returns false.
func (st *incState) reuse(p *content.Page) ([]byte, bool) {
	if st == nil {
		return nil, false
	}
	name := p.URLPath() + "index.html"
	st.mu.Lock()
	defer st.mu.Unlock()
	key := outputKey(st.renderKey, st.docKeys[p], p)
	st.keys[name] = key
	if prev, ok := st.in.outKeys[name]; ok && prev == key {
		if data, ok := st.in.files[name]; ok {
			return data, true
		}
	}
	st.rendered = append(st.rendered, name)
	return nil, false
}

// outputKey is the render key of p's page: renderKey (what every page
// shares), docID (p's conversion and the links it resolved) and p's own
// flags.
func outputKey(renderKey, docID string, p *content.Page) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", renderKey, docID, p.Path, strconv.FormatBool(p.Stale))
	return hex.EncodeToString(h.Sum(nil))
}

// pageInputs is a key for work that depends on one page (its body and
// front matter), the site's shape, templates, UI strings, configuration,
// facts and static files: a page's e-mail export, say. "" on a plain
// build.
func (st *incState) pageInputs(p *content.Page) string {
	if st == nil {
		return ""
	}
	return pageInputsKey(st.renderKey, st.staticKey, p)
}

// pageInputsKey is pageInputs of p under the shared keys.
func pageInputsKey(renderKey, staticKey string, p *content.Page) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s %s %q %d %t %q %d\n", renderKey, staticKey, p.Path, p.BodyLine, p.Stale, p.Hash, len(p.Body))
	h.Write(p.Body)
	return hex.EncodeToString(h.Sum(nil))
}

// memo returns what work returned in the previous successful build for
// the same kind and key, or calls work. The key must hold everything the
// result depends on. On a plain build (nil state) it always calls work;
// failed results are not kept.
func memo[T any](st *incState, kind, key string, work func() (T, error)) (T, error) {
	if st == nil {
		return work()
	}
	id := kind + "\x00" + key
	if v, ok := st.in.memos[id].(T); ok {
		st.mu.Lock()
		st.memos[id] = v
		st.mu.Unlock()
		return v, nil
	}
	v, err := work()
	if err == nil {
		st.mu.Lock()
		st.memos[id] = v
		st.mu.Unlock()
	}
	return v, err
}

// written is what a memoWrite work wrote, with its result.
type written[T any] struct {
	value T
	mu    sync.Mutex
	names []string
	data  [][]byte
}

// memoWrite is memo for work that writes output files: when reused, the
// files the work wrote in the previous build are written again into s.
func memoWrite[T any](st *incState, kind, key string, s sink, work func(sink) (T, error)) (T, error) {
	if st == nil {
		return work(s)
	}
	ran := false
	w, err := memo(st, kind, key, func() (*written[T], error) {
		ran = true
		w := &written[T]{}
		v, err := work(recordSink[T]{s, w})
		w.value = v
		return w, err
	})
	if ran {
		return w.value, err
	}
	for i, name := range w.names {
		if err := s.write(name, w.data[i]); err != nil {
			return w.value, err
		}
	}
	return w.value, nil
}

// recordSink writes through to s and remembers what was written.
type recordSink[T any] struct {
	s sink
	w *written[T]
}

func (r recordSink[T]) write(name string, data []byte) error {
	if err := r.s.write(name, data); err != nil {
		return err
	}
	r.w.mu.Lock()
	r.w.names = append(r.w.names, name)
	r.w.data = append(r.w.data, bytes.Clone(data))
	r.w.mu.Unlock()
	return nil
}
