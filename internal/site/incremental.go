package site

import (
	"strings"
	"sync"
	"time"

	"github.com/kz30/kz30/internal/cache"
	"github.com/kz30/kz30/internal/diag"
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
//     line are the same, every question it asked the site (links, images,
//     params, stand-in languages) gets the same answer, and site.toml and
//     the UI strings (which configure the converters) are unchanged;
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
// Reuse goes through the build cache (cache.go) over a cache.Memory, with
// the keys of a warm `kz30 build`; with Options.CacheDir the memory sits
// in front of that folder, so the first build of a session starts from
// what the last `kz30 build` left.
//
// An Incremental is safe for use by one goroutine at a time; Build holds a
// lock.
type Incremental struct {
	opts Options

	mu    sync.Mutex
	store *cache.Memory // conversions, pages and memos of the last good build
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
	opts = opts.withDefaults()
	var below cache.Store
	if opts.CacheDir != "" {
		dir, _ := cache.Open(opts.CacheDir, programKey())
		below = noPages{dir}
	}
	return &Incremental{opts: opts, store: cache.NewMemory(below)}
}

// noPages is the disk cache below the dev server's memory: rendered pages
// (their bytes, in memory) are not written through; a build links them
// from its previous output instead.
type noPages struct{ cache.Store }

// Put implements cache.Store.
func (n noPages) Put(key string, data []byte) {
	if !strings.HasPrefix(key, "page-") {
		n.Store.Put(key, data)
	}
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
	rc, err := newRunCache(b, in.store, true)
	if err != nil {
		return &Result{Stats: &Stats{Warnings: b.warnings()}}, nil, err
	}
	b.cache = rc
	sink := &memSink{files: map[string][]byte{}}
	stats, err := b.run(sink)
	res = &Result{Files: sink.files, Stats: stats, Config: b.cfg, Site: b.site, Docs: b.docs, Catalog: b.cat, Locales: b.locales}
	// On error everything is kept, so that fixing the error converts
	// only what the fix touched; on success what this build did not use
	// is dropped.
	rc.finish(err == nil, true)
	if err != nil {
		return res, nil, err
	}
	stats.Duration = time.Since(start)
	return res, rc.report(), nil
}
