package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kz30/kz30/internal/cache"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/markdown"
	"github.com/kz30/kz30/internal/render"
)

// The build cache. Every run goes through one runCache, whatever the entry
// point: Build over the source folder's .kz30/cache (a cache.Dir), the
// dev server's Incremental over a cache.Memory, Render and --no-cache over
// cache.None (every lookup misses: a cold build). What the run reuses is
// decided from keys alone, each derived from everything its result
// depends on:
//
//   - the program: kz30's module version and VCS revision, and for a
//     development or modified build the SHA-256 of the executable itself
//     (programKey);
//   - the options that change output, every field of Options by
//     reflection but those that notOutput names (optionsKey);
//   - the files that configure conversion (site.toml, the UI strings of
//     templates/i18n/, theme and site layered) and rendering (templates/,
//     content/facts.toml, the stylesheet's fingerprint, which covers
//     static/site.css and the chroma styles);
//   - the front matter of every page, every field of content.Page by
//     encoding (frontMatterKey);
//   - per page, its path, body and first line (docKey), and every answer
//     the conversion got from the site: each link it resolved, each image
//     it sized (with its variants, named by the image's content hash),
//     each param and each stand-in language (docEntry.Calls). A reused
//     conversion is one whose recorded questions get the same answers
//     today.
//
// A rendered page is reused when outputKey (the shared render key, its
// conversion and its own stale flag) is unchanged: on disk, by hard-link
// from the previous output when the manifest proves that file unchanged
// (the cache keeps the digest, not the bytes); in memory, from the bytes.
// Other work (resized images, share images, e-mail exports) goes through
// memo under a key of its inputs.

// runCache is the cache seam of one run: what the run takes from earlier
// runs and leaves for the next. It is never nil: over cache.None every
// lookup misses.
type runCache struct {
	store     cache.Store
	program   string // programKey
	convKey   string // converter setup: program, options, site.toml, UI strings
	renderKey string // everything every page shares: see the comment above
	staticKey string // static/: what e-mail exports may embed
	// pageBytes: page entries hold the page's bytes, not only its digest
	// (in memory, where there is no previous output to link from).
	pageBytes bool
	off       bool // the store keeps nothing: do the work, record nothing

	// index and nextIndex hold, on disk, the digest and size of every
	// page the last build wrote, by render key: one entry for the whole
	// site (pageIndexKey) rather than a file per page.
	index, nextIndex map[string]pageRecord

	mu         sync.Mutex
	docIDs     map[*content.Page]string // conversion identity per page
	keys       map[string]string        // output page name → render key
	converted  []string
	rendered   []string
	convReused int
}

// noCache is the runCache of a run that keeps nothing.
func noCache() *runCache {
	return &runCache{store: cache.None{}, off: true, docIDs: map[*content.Page]string{}, keys: map[string]string{}}
}

// newRunCache derives the run's shared keys from b's source and options.
func newRunCache(b *builder, store cache.Store, pageBytes bool) (*runCache, error) {
	rc := &runCache{store: store, program: programKey(), pageBytes: pageBytes,
		docIDs: map[*content.Page]string{}, keys: map[string]string{}}
	if !pageBytes {
		rc.index, rc.nextIndex = readPageIndex(store), map[string]pageRecord{}
	}
	conv := sha256.New()
	fmt.Fprintln(conv, rc.program, optionsKey(b.opts))
	if err := hashFiles(conv, b.src, "site.toml", render.Dir+"/i18n"); err != nil {
		return nil, err
	}
	rc.convKey = hex.EncodeToString(conv.Sum(nil))
	static := sha256.New()
	if err := hashFiles(static, b.src, "static"); err != nil {
		return nil, err
	}
	rc.staticKey = hex.EncodeToString(static.Sum(nil))
	all := sha256.New()
	fmt.Fprintln(all, rc.convKey, b.cssName)
	if err := hashFiles(all, b.src, render.Dir, "content/facts.toml"); err != nil {
		return nil, err
	}
	structureKey(all, b.site)
	rc.renderKey = hex.EncodeToString(all.Sum(nil))
	return rc, nil
}

// programKey identifies the running program: its build information and,
// unless it is a clean build of a tagged version, the SHA-256 of its
// executable, so that a rebuilt development binary never trusts the
// cache of the previous one. "" (no cache) when neither can be read.
var programKey = sync.OnceValue(func() string {
	h := sha256.New()
	info, ok := debug.ReadBuildInfo()
	release := false
	if ok {
		fmt.Fprintln(h, info.GoVersion, info.Main.Path, info.Main.Version, info.Main.Sum)
		release = info.Main.Version != "" && info.Main.Version != "(devel)"
		for _, s := range info.Settings {
			fmt.Fprintln(h, s.Key, s.Value)
			if s.Key == "vcs.modified" && s.Value == "true" {
				release = false
			}
		}
		for _, d := range info.Deps {
			fmt.Fprintln(h, d.Path, d.Version, d.Sum)
		}
	}
	if !release {
		exe, err := os.Executable()
		if err != nil {
			return ""
		}
		f, err := os.Open(exe)
		if err != nil {
			return ""
		}
		defer f.Close()
		if _, err := io.Copy(h, f); err != nil {
			return ""
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
})

// notOutput names the fields of Options that do not change what a build
// writes, and why; optionsKey encodes every other field, so a new option
// is in the key unless it is named here (TestOptionsKeyCoversOptions).
var notOutput = map[string]string{
	"Dir":      "where the source is: every source file read is keyed by its content",
	"Out":      "where the output goes",
	"Clean":    "what happens to foreign files in the output",
	"Defaults": "the theme: its files are keyed by content through the layered source",
	"FS":       "where the source is, as Dir: every source file read is keyed by its content",
	"Progress": "the progress line",
	"Context":  "when to stop",
	"CacheDir": "the cache itself",
}

// optionsKey encodes every field of o that can change a build's output.
// A value that cannot be printed stably (a func, say) prints its address,
// which changes from run to run: the cache then misses, never lies.
func optionsKey(o Options) string {
	v := reflect.ValueOf(o)
	var b bytes.Buffer
	for i, f := range reflect.VisibleFields(v.Type()) {
		if _, skip := notOutput[f.Name]; skip {
			continue
		}
		fmt.Fprintf(&b, "%s=%#v\n", f.Name, v.Field(i).Interface())
	}
	return b.String()
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

// frontMatterKey encodes every exported field of p but those keyed
// elsewhere, so a field added to content.Page is in the render key
// without anyone remembering to add it (TestRenderKeyCoversPage checks
// that changing any field changes the key).
func frontMatterKey(p *content.Page) []byte {
	q := *p
	// Keyed elsewhere: Entry is the entry loop of structureKey (its name
	// and its place in site order); Body, BodyLine and Hash (derived from
	// Body) are in the conversion key (docKey), and Stale is in the
	// page's own key (outputKey, pageInputsKey): a body edit must not
	// render every page.
	q.Entry, q.Body, q.BodyLine, q.Hash, q.Stale = nil, nil, 0, "", false
	data, err := json.Marshal(q)
	if err != nil {
		// A field json cannot encode: TestRenderKeyCoversPage fails
		// first. Never reuse such a page (the key differs each time).
		return fmt.Appendf(nil, "unencodable %p %v", p, err)
	}
	return data
}

// docKey is the identity of p's conversion inputs under the converter
// setup convKey (sourceKey of what convert passes the converter).
func docKey(convKey string, p *content.Page) string {
	return sourceKey(convKey, p.Lang, markdown.Source{File: p.Path, Line: p.BodyLine, Body: p.Body})
}

// sourceKey encodes every field of src but its functions, by reflection,
// so a field added to markdown.Source is keyed without anyone remembering
// to key it (TestSourceKeyCoversSource); what the functions answer is
// recorded by convert, call by call.
func sourceKey(convKey, lang string, src markdown.Source) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s %q\n", convKey, lang)
	v := reflect.ValueOf(src)
	for i, f := range reflect.VisibleFields(v.Type()) {
		fv := v.Field(i)
		switch {
		case f.Type.Kind() == reflect.Func:
			continue
		case f.Type == reflect.TypeFor[[]byte]():
			fmt.Fprintf(h, "%s %d\n", f.Name, fv.Len())
			h.Write(fv.Bytes())
		default:
			fmt.Fprintf(h, "%s %#v\n", f.Name, fv.Interface())
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// outputKey is the render key of p's page: renderKey (what every page
// shares), docID (p's conversion and the answers it got) and what
// frontMatterKey leaves to the page itself (its body's hash, its stale
// flag).
func outputKey(renderKey, docID string, p *content.Page) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s", renderKey, docID, p.Path, p.Hash, strconv.FormatBool(p.Stale))
	return hex.EncodeToString(h.Sum(nil))
}

// pageInputsKey is a key for work that depends on one page (its body and
// front matter), the site's shape, templates, UI strings, configuration,
// facts and static files: a page's e-mail export, say.
func pageInputsKey(renderKey, staticKey string, p *content.Page) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s %s %q %d %t %q %d\n", renderKey, staticKey, p.Path, p.BodyLine, p.Stale, p.Hash, len(p.Body))
	h.Write(p.Body)
	return hex.EncodeToString(h.Sum(nil))
}

// pageInputs is pageInputsKey of p in this run, with the identity of p's
// conversion: the answers it got, such as the size of an image beside
// the page (an e-mail export sizes its images too).
func (rc *runCache) pageInputs(p *content.Page) string {
	rc.mu.Lock()
	id := rc.docIDs[p]
	rc.mu.Unlock()
	return pageInputsKey(rc.renderKey, rc.staticKey, p) + "-" + id
}

// docEntry is a cached conversion: the document, its warnings, and every
// question the conversion asked the site with the answer it got.
type docEntry struct {
	Calls []call
	Doc   *markdown.Doc
	Warns diag.List
}

// call is one question a conversion asked through markdown.Source and
// its answer, printed.
type call struct {
	Fn     byte // 'r' Resolve, 'i' Image, 'p' Param, 's' StandIn
	Arg    string
	Answer string
}

// answer is what src says today to c's question.
func answer(src markdown.Source, fn byte, arg string) string {
	switch fn {
	case 'r':
		u, err := src.Resolve(arg)
		return fmt.Sprintf("%q %v", u, err)
	case 'i':
		img, err := src.Image(arg)
		return fmt.Sprintf("%#v %v", img, err)
	case 'p':
		v, ok := src.Param(arg)
		return fmt.Sprintf("%q %t", v, ok)
	case 's':
		return src.StandIn(arg)
	}
	return "?"
}

// convert converts p's body, or reuses a conversion from the cache when
// its inputs are unchanged and every question it asked gets the same
// answer.
func (rc *runCache) convert(b *builder, p *content.Page) (*markdown.Doc, diag.List, error) {
	src := b.source(p)
	if rc.off {
		doc, warns, err := b.conv[p.Lang].Convert(src)
		rc.mu.Lock()
		rc.converted = append(rc.converted, p.Path)
		rc.mu.Unlock()
		return doc, warns, err
	}
	key := sourceKey(rc.convKey, p.Lang, src)
	if data, ok := rc.store.Get("doc-" + key); ok {
		var e docEntry
		if decodeGob(data, &e) == nil && e.Doc != nil && e.sameAnswers(src) {
			rc.record(p, key, e.Calls, false)
			return e.Doc, e.Warns, nil
		}
	}
	var mu sync.Mutex
	var calls []call
	ask := func(fn byte, arg, ans string) {
		mu.Lock()
		calls = append(calls, call{fn, arg, ans})
		mu.Unlock()
	}
	rec := src
	rec.Resolve = func(dest string) (string, error) {
		u, err := src.Resolve(dest)
		ask('r', dest, fmt.Sprintf("%q %v", u, err))
		return u, err
	}
	rec.Image = func(dest string) (markdown.Image, error) {
		img, err := src.Image(dest)
		ask('i', dest, fmt.Sprintf("%#v %v", img, err))
		return img, err
	}
	rec.Param = func(name string) (string, bool) {
		v, ok := src.Param(name)
		ask('p', name, fmt.Sprintf("%q %t", v, ok))
		return v, ok
	}
	rec.StandIn = func(dest string) string {
		l := src.StandIn(dest)
		ask('s', dest, l)
		return l
	}
	doc, warns, err := b.conv[p.Lang].Convert(rec)
	if err != nil || doc == nil {
		return doc, warns, err
	}
	if data, err := encodeGob(docEntry{Calls: calls, Doc: doc, Warns: warns}); err == nil {
		rc.store.Put("doc-"+key, data)
	}
	rc.record(p, key, calls, true)
	return doc, warns, nil
}

// sameAnswers reports whether every question of the cached conversion
// gets the same answer from src (a linked page may have been renamed,
// removed or re-slugged, an image resized).
func (e *docEntry) sameAnswers(src markdown.Source) bool {
	for _, c := range e.Calls {
		if answer(src, c.Fn, c.Arg) != c.Answer {
			return false
		}
	}
	return true
}

func (rc *runCache) record(p *content.Page, key string, calls []call, converted bool) {
	h := sha256.New()
	io.WriteString(h, key)
	for _, c := range calls {
		fmt.Fprintf(h, "\x00%c%q%q", c.Fn, c.Arg, c.Answer)
	}
	id := hex.EncodeToString(h.Sum(nil))
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.docIDs[p] = id
	if converted {
		rc.converted = append(rc.converted, p.Path)
	} else {
		rc.convReused++
	}
}

// linker is a sink that can take a file unchanged from the previous
// output, knowing only its digest and size (the disk sink).
type linker interface {
	link(name string, sum [sha256.Size]byte, size int64) bool
}

// page writes p's page into s from the cache when nothing it depends on
// changed, else renders it with render (which writes it) and records it.
func (rc *runCache) page(p *content.Page, s countingSink, render func(record func([]byte)) error) error {
	name := p.URLPath() + "index.html"
	if rc.off {
		rc.mu.Lock()
		rc.keys[name] = ""
		rc.rendered = append(rc.rendered, name)
		rc.mu.Unlock()
		return render(func([]byte) {})
	}
	rc.mu.Lock()
	key := "page-" + outputKey(rc.renderKey, rc.docIDs[p], p)
	rc.keys[name] = key
	rc.mu.Unlock()
	if rc.index != nil {
		if r, ok := rc.index[key]; ok {
			if l, ok := s.s.(linker); ok && l.link(name, r.sum, r.size) {
				s.b.files.Add(1)
				s.b.bytes.Add(r.size)
				rc.mu.Lock()
				rc.nextIndex[key] = r
				rc.mu.Unlock()
				return nil
			}
		}
	} else if data, ok := rc.store.Get(key); ok && len(data) >= sha256.Size {
		sum, body := [sha256.Size]byte(data[:sha256.Size]), data[sha256.Size:]
		if sha256.Sum256(body) == sum {
			return s.write(name, body)
		}
	}
	rc.mu.Lock()
	rc.rendered = append(rc.rendered, name)
	rc.mu.Unlock()
	return render(func(out []byte) {
		sum := sha256.Sum256(out)
		if rc.index != nil {
			rc.mu.Lock()
			rc.nextIndex[key] = pageRecord{sum, int64(len(out))}
			rc.mu.Unlock()
			return
		}
		rc.store.Put(key, slices.Concat(sum[:], out))
	})
}

// pageRecord is what the page index says of one page: its digest and size.
type pageRecord struct {
	sum  [sha256.Size]byte
	size int64
}

// pageIndexKey is the cache entry of the page index.
const pageIndexKey = "pages-index"

// readPageIndex reads the page index: lines "key digest size"; nil when
// it is missing or any line is malformed.
func readPageIndex(store cache.Store) map[string]pageRecord {
	data, ok := store.Get(pageIndexKey)
	if !ok {
		return map[string]pageRecord{}
	}
	m := map[string]pageRecord{}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			return map[string]pageRecord{}
		}
		var r pageRecord
		n, err := hex.Decode(r.sum[:], []byte(f[1]))
		size, serr := strconv.ParseInt(f[2], 10, 64)
		if err != nil || serr != nil || n != sha256.Size || size < 0 {
			return map[string]pageRecord{}
		}
		r.size = size
		m[f[0]] = r
	}
	return m
}

// writePageIndex stores the index of the pages this build wrote.
func (rc *runCache) writePageIndex() {
	keys := slices.Sorted(maps.Keys(rc.nextIndex))
	var b bytes.Buffer
	for _, k := range keys {
		r := rc.nextIndex[k]
		fmt.Fprintf(&b, "%s %x %d\n", k, r.sum, r.size)
	}
	rc.store.Put(pageIndexKey, b.Bytes())
}

// memo returns what work returned in an earlier run for the same kind and
// key, or calls work and keeps its result. The key must hold everything
// the result depends on but the program (which memo adds). Failed
// results are not kept; T must survive encoding/gob (exported fields).
func memo[T any](rc *runCache, kind, key string, work func() (T, error)) (T, error) {
	if rc.off {
		return work()
	}
	h := sha256.Sum256([]byte(rc.program + "\x00" + kind + "\x00" + key))
	id := "memo-" + hex.EncodeToString(h[:])
	if data, ok := rc.store.Get(id); ok {
		var v T
		if decodeGob(data, &v) == nil {
			return v, nil
		}
	}
	v, err := work()
	if err == nil {
		if data, err := encodeGob(v); err == nil {
			rc.store.Put(id, data)
		}
	}
	return v, err
}

// written is what a memoWrite work wrote, with its result (exported
// fields: encoding/gob).
type written[T any] struct {
	Value T
	Names []string
	Data  [][]byte

	mu sync.Mutex
}

// memoWrite is memo for work that writes output files: when reused, the
// files the work wrote in the earlier run are written again into s.
func memoWrite[T any](rc *runCache, kind, key string, s sink, work func(sink) (T, error)) (T, error) {
	if rc.off {
		return work(s)
	}
	ran := false
	w, err := memo(rc, kind, key, func() (*written[T], error) {
		ran = true
		w := &written[T]{}
		v, err := work(recordSink[T]{s, w})
		w.Value = v
		return w, err
	})
	if ran || w == nil {
		var zero T
		if w == nil {
			return zero, err
		}
		return w.Value, err
	}
	for i, name := range w.Names {
		if i >= len(w.Data) {
			break
		}
		if err := s.write(name, w.Data[i]); err != nil {
			return w.Value, err
		}
	}
	return w.Value, nil
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
	r.w.Names = append(r.w.Names, name)
	r.w.Data = append(r.w.Data, bytes.Clone(data))
	r.w.mu.Unlock()
	return nil
}

// finish ends the run: after a successful build, cache entries the run did
// not use are evicted when evict is set.
func (rc *runCache) finish(ok, evict bool) {
	if ok && evict && rc.index != nil {
		rc.writePageIndex()
	} else if rc.index != nil {
		// Keep the index the last build wrote (a failed build, or
		// Render, which links nothing).
		rc.store.Get(pageIndexKey)
	}
	rc.store.Finish(ok && evict)
}

// reuse is what the run took from the cache, for Stats.
func (rc *runCache) reuse(pages int) *Reuse {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return &Reuse{Conversions: rc.convReused, Pages: pages - len(rc.rendered), Total: pages}
}

// report sorts what the run converted and rendered.
func (rc *runCache) report() *Report {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rep := &Report{Converted: slices.Clone(rc.converted), Rendered: slices.Clone(rc.rendered), Pages: len(rc.keys)}
	slices.Sort(rep.Converted)
	slices.Sort(rep.Rendered)
	rep.Full = len(rep.Rendered) == rep.Pages
	return rep
}

func encodeGob(v any) ([]byte, error) {
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(v)
	return buf.Bytes(), err
}

// decodeGob decodes data into v; a panic of a malformed stream is an
// error (a cache entry is never trusted to be well-formed).
func decodeGob(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed cache entry: %v", r)
		}
	}()
	return gob.NewDecoder(bytes.NewReader(data)).Decode(v)
}
