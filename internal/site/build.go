// Package site turns a source folder into a site: load → convert (in
// parallel) → render → write. It is the only package that writes the site
// to disk, and it does so atomically: pages go to a staging folder beside
// the output, which replaces the output only when the whole build
// succeeded, so a failed build leaves the previous site untouched.
//
// # Entry points
//
// Build writes the site to disk; Render builds it in memory (for tests
// and checks); Incremental rebuilds it in memory reusing what the
// previous build made (the dev server); Check builds it in memory and
// runs package check over it; Newsletter renders one e-mail export. Each
// takes Options: the source (a folder, Dir, or any fs.FS, FS) layered
// over the built-in theme (Defaults), and how to build it.
//
// # Results
//
// Every entry point returns one result value, never nil, that holds the
// warnings, and an error; on error the result holds what the run got to
// (its warnings so far), so a caller prints the warnings and then the
// error without a nil check:
//
//	Build             (*Stats, error)            Stats.Warnings
//	Render            (*Result, error)           Result.Stats.Warnings (Stats never nil)
//	Incremental.Build (*Result, *Report, error)  as Render; the *Report of what was redone is nil on error
//	Newsletter        (*NewsletterResult, error) NewsletterResult.Warnings; Message nil on error
//	Check             *CheckResult               its Report holds the errors and warnings: finding them is its result
//
// Errors are diag.List values (positioned "file:line:col: message; hint"
// diagnostics, every one found, sorted) except the Options.Context's own
// error when a run is stopped. A panic met while building (a bug) is a
// diagnostic too, never a crash. Output is deterministic: the same input
// gives the same bytes.
//
// Options.Progress, when set, is told how far rendering got; cmd/kz30
// draws its terminal progress line from it.
//
// # The cache
//
// Every run goes through one cache seam, runCache (cache.go), never nil:
// conversions, rendered pages and other work are reused when a key
// derived from all their inputs is unchanged — from Options.CacheDir on
// disk (Build, Render), from memory (Incremental), or never (no
// CacheDir: a cold build). A warm run's output is byte for byte a cold
// run's.
package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/kz30/kz30/internal/cache"
	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/markdown"
	"github.com/kz30/kz30/internal/output"
)

// Options configure a build. The zero value builds the current folder into
// ./public with the embedded default templates.
type Options struct {
	Dir string // source folder (default ".")
	// FS, when set, is the source folder's files, read instead of Dir's
	// (tests give a fstest.MapFS of a txtar archive). Dir then only names
	// the source to Build, which still writes to disk and needs Out.
	FS           fs.FS
	Out          string // output folder (default Dir/public)
	BaseURL      string // overrides site.toml's base_url
	Drafts       bool
	AllowMissing bool
	AllowStale   bool
	// Clean lets Build delete what the output folder holds besides the
	// files kz30 wrote there (never its .git).
	Clean    bool
	Defaults fs.FS // templates/ and static/ used when Dir lacks them
	// Progress, when set, is told how far rendering got: with done 0 once
	// the pages are known, then after each page is rendered, from several
	// goroutines at once (cmd/kz30 draws its terminal line from it).
	Progress func(done, total int)
	// LiveReload adds the dev server's reload script to every page.
	LiveReload bool
	// Context, when done, stops the build (and check, render, newsletter)
	// with its error; nil never stops.
	Context context.Context
	// CacheDir is the build cache folder (the command uses
	// DIR/.kz30/cache): conversions, rendered pages' digests, resized
	// images, share images and e-mail exports kept between runs, each
	// under a key of everything it depends on (package cache, cache.go).
	// "" keeps nothing: a cold build. A cache that cannot be used is
	// ignored with a warning; a corrupt entry is made again.
	CacheDir string
}

// Stats summarize a build.
type Stats struct {
	Pages    map[string]int // pages per language
	Langs    []string
	Files    int
	Bytes    int64
	Duration time.Duration
	Warnings diag.List
	// Reuse says what the build took from its cache and the previous
	// output; nil when it used no cache.
	Reuse *Reuse
}

// Reuse says what a build took from the build cache and from the
// previous output instead of making it again.
type Reuse struct {
	Conversions int // pages whose conversion (goldmark + chroma) came from the cache
	Pages       int // pages whose output came from the cache (rendered earlier)
	Total       int // content pages of the site
	Linked      int // output files hard-linked unchanged from the previous output
}

// String is the one-line summary printed after a build.
func (s *Stats) String() string {
	var per []string
	total := 0
	for _, l := range s.Langs {
		per = append(per, fmt.Sprintf("%s %d", l, s.Pages[l]))
		total += s.Pages[l]
	}
	line := fmt.Sprintf("built %s (%s), %s, %s in %d ms",
		plural(total, "page"), strings.Join(per, ", "), plural(s.Files, "file"), humanBytes(s.Bytes), s.Duration.Milliseconds())
	if r := s.Reuse; r != nil {
		line += fmt.Sprintf("; reused conversions %s/%s, pages %s/%s; files linked %s/%s",
			thousands(r.Conversions), thousands(r.Total), thousands(r.Pages), thousands(r.Total), thousands(r.Linked), thousands(s.Files))
	}
	return line
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// plural writes n and an English noun, plural when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// Build builds the site into opts.Out atomically, in a folder kz30 owns
// (see package output): it refuses an output that holds files kz30 did
// not write unless opts.Clean is set, writes a staging folder beside it
// and swaps it in only when the whole build succeeded. When opts.Context
// is done the build stops with its error, the staging folder is removed
// and the previous output stays as it was.
func Build(opts Options) (*Stats, error) {
	start := time.Now()
	if opts.FS != nil && opts.Out == "" {
		return &Stats{}, diag.List{{Msg: "Options.FS needs Options.Out", Hint: "name the output folder"}}
	}
	opts = opts.withDefaults()
	ctx := opts.Context
	out, err := output.Place(opts.Out, opts.Dir)
	if err != nil {
		return &Stats{}, diag.List{asDiag(err)}
	}
	// A build allocates a lot of short-lived garbage (chroma, goldmark,
	// YAML) around a live heap of about twice the sources (pages are
	// written as they are rendered). Collecting rarely, within a memory
	// limit above that, spends little time in the collector on any size
	// of site: a small site never collects at all.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	if opts.CacheDir != "" {
		go programKey() // hashes the executable while the site loads
	}
	b, err := newBuilder(opts)
	if err != nil {
		return &Stats{Warnings: b.warnings()}, err
	}
	b.lean = true
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(48<<20 + 3*b.sourceBytes()))
	if n := b.largestBody(); n > hugeBody {
		// A huge page: collect garbage more often, and hold the heap near
		// a small multiple of the page, trading time for peak memory.
		defer debug.SetGCPercent(debug.SetGCPercent(20))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(7*n + 32<<20)))
	}
	stage, err := output.Begin(ctx, out, opts.Clean)
	if err != nil {
		return &Stats{Warnings: b.warnings()}, err
	}
	if err := b.useCache(); err != nil {
		stage.Abort()
		return &Stats{Warnings: b.warnings()}, err
	}
	stats, err := b.runRecovered(stageSink{st: stage, folds: &foldSet{}})
	if err == nil {
		err = ctx.Err()
	}
	b.cache.finish(err == nil, true)
	if opts.CacheDir != "" {
		stats.Reuse = b.cache.reuse(len(b.pages()))
		stats.Reuse.Linked = stage.Linked()
	}
	for _, n := range stage.Notes {
		stats.Warnings.Add(diag.Pos{}, n, "")
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		stage.Abort()
		return stats, err
	}
	if err := stage.Commit(); err != nil {
		return stats, err
	}
	stats.Duration = time.Since(start)
	return stats, nil
}

// runRecovered is run with a panic outside the worker pools turned into a
// diagnostic (the pools recover their own), so that Build can remove its
// staging folder and the dev server keeps serving.
func (b *builder) runRecovered(s sink) (st *Stats, err error) {
	defer func() {
		if r := recover(); r != nil {
			st, err = &Stats{Warnings: b.warnings()}, diag.List{asDiag(panicError(nil, r))}
		}
	}()
	return b.run(s)
}

// asDiag returns err as a positioned diagnostic.
func asDiag(err error) *diag.Error {
	var e *diag.Error
	if errors.As(err, &e) {
		return e
	}
	return &diag.Error{Msg: err.Error()}
}

// Result is a site built in memory, with what checks and exports need.
type Result struct {
	Files   map[string][]byte // every output file by slash path ("fr/kaspi/index.html")
	Stats   *Stats
	Config  *config.Config
	Site    *content.Site
	Docs    map[*content.Page]*markdown.Doc
	Catalog *i18n.Catalog
	Locales map[string]*i18n.Locale
}

// hugeBody is the body size above which a build trades speed for memory.
const hugeBody = 4 << 20

// sourceBytes is the size of every page body.
func (b *builder) sourceBytes() int64 {
	var n int64
	for _, p := range b.pages() {
		n += int64(len(p.Body))
	}
	return n
}

// largestBody is the size of the largest page body.
func (b *builder) largestBody() int {
	n := 0
	for _, p := range b.pages() {
		n = max(n, len(p.Body))
	}
	return n
}

// Render builds the site in memory.
func Render(opts Options) (*Result, error) {
	start := time.Now()
	opts = opts.withDefaults()
	b, err := newBuilder(opts)
	if err != nil {
		return &Result{Stats: &Stats{Warnings: b.warnings()}}, err
	}
	if err := b.useCache(); err != nil {
		return &Result{Stats: &Stats{Warnings: b.warnings()}}, err
	}
	sink := &memSink{files: map[string][]byte{}}
	stats, err := b.runRecovered(sink)
	// Render (check, exports) adds to the cache but evicts nothing: the
	// cache holds what the last `kz30 build` needed.
	b.cache.finish(err == nil, false)
	if opts.CacheDir != "" {
		stats.Reuse = b.cache.reuse(len(b.pages()))
	}
	res := &Result{Files: sink.files, Stats: stats, Config: b.cfg, Site: b.site, Docs: b.docs, Catalog: b.cat, Locales: b.locales}
	if err != nil {
		return res, err
	}
	stats.Duration = time.Since(start)
	return res, nil
}

// useCache opens Options.CacheDir as the run's cache, when it is set and
// usable (a warning says why not); without it the run keeps nothing and
// derives no key.
func (b *builder) useCache() error {
	if b.opts.CacheDir == "" {
		return nil
	}
	store, note := cache.Open(b.opts.CacheDir, programKey())
	if note != "" {
		b.warns.Add(diag.Pos{File: b.opts.CacheDir}, "build cache not used: "+note, "delete the folder, or pass --no-cache")
		return nil
	}
	rc, err := newRunCache(b, store, false)
	if err != nil {
		return err
	}
	b.cache = rc
	return nil
}

func (o Options) withDefaults() Options {
	if o.Dir == "" {
		o.Dir = "."
	}
	if o.Context == nil {
		o.Context = context.Background()
	}
	if o.Out == "" {
		o.Out = filepath.Join(o.Dir, "public")
	}
	return o
}
