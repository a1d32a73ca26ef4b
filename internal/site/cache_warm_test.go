package site

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/cache"
	"github.com/kz30/kz30/internal/testsupport"
)

// warmSite copies the Kazakhstan site (content, site.toml, templates,
// static) into a new folder, and adds an image beside a page.
func warmSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	for _, name := range []string{"content", "templates", "static", "site.toml"} {
		src := filepath.Join(root, name)
		err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			testsupport.WriteFile(t, dir, filepath.ToSlash(rel), string(data))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	writeBytes(t, dir, "content/fr/col.png", mustPNG(t, 1000, 500))
	testsupport.Edit(t, dir, "content/fr/kaspi.md", "\n## Trois métiers", "\n![Le col](col.png)\n\n## Trois métiers")
	return dir
}

func writeBytes(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	testsupport.WriteFile(t, dir, name, string(data))
}

// build builds dir into out, with the build cache or cold.
func buildInto(t *testing.T, dir, out string, warm bool) *Stats {
	t.Helper()
	opts := Options{Dir: dir, Out: out, Defaults: repoRoot, AllowStale: true}
	if warm {
		opts.CacheDir = filepath.Join(dir, ".kz30", "cache")
	}
	st, err := Build(opts)
	if err != nil {
		t.Fatalf("build (warm %t): %v", warm, err)
	}
	return st
}

// sameTree fails unless the folders a and b hold the same files with the
// same bytes.
func sameTree(t *testing.T, what, a, b string) {
	t.Helper()
	ta, tb := readTree(t, a), readTree(t, b)
	for _, name := range sortedKeys(ta) {
		if other, ok := tb[name]; !ok {
			t.Errorf("%s: the warm build wrote %s, the cold one did not", what, name)
		} else if !bytes.Equal(ta[name], other) {
			t.Errorf("%s: %s differs between the warm and the cold build:\n%s", what, name, treeDiff(ta[name], other))
		}
	}
	for _, name := range sortedKeys(tb) {
		if _, ok := ta[name]; !ok {
			t.Errorf("%s: the cold build wrote %s, the warm one did not", what, name)
		}
	}
}

// treeDiff shows where two files part.
func treeDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("warm: …%q…\ncold: …%q…", a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
}

// edit is one change of the source folder.
type edit struct {
	name  string
	apply func(t *testing.T, dir string)
}

// editCatalogue is every kind of edit a warm build must see, applied in
// order (each on top of the ones before).
func editCatalogue() []edit {
	ed := func(name, old, new string) func(*testing.T, string) {
		return func(t *testing.T, dir string) { testsupport.Edit(t, dir, name, old, new) }
	}
	newPage := func(title string) string {
		return "---\ntitle: \"" + title + "\"\ndescription: \"Une page ajoutée.\"\nweight: 90\ndate: 2026-01-02\n---\n\nUn paragraphe de [Kaspi](kaspi.md).\n\n## Plus {#plus}\n\nFin.\n"
	}
	return []edit{
		{"nothing", func(*testing.T, string) {}},
		{"body", ed("content/fr/kaspi.md", "Pour beaucoup de Kazakhstanais", "Pour bien des Kazakhstanais")},
		{"title", ed("content/en/kaspi.md", "title: \"", "title: \"Edited: ")},
		{"slug", ed("content/fr/kaspi.md", "slug: kaspi", "slug: kaspi-kz")},
		{"weight", ed("content/fr/kaspi.md", "weight: 40", "weight: 5")},
		{"date", ed("content/fr/kaspi.md", "date: 2021-12-16", "date: 2021-12-17")},
		{"facts.toml", func(t *testing.T, dir string) {
			data, err := os.ReadFile(filepath.Join(dir, "content", "facts.toml"))
			if err != nil {
				t.Fatal(err)
			}
			// Any label: the cards show them.
			i := bytes.Index(data, []byte("en = \""))
			if i < 0 {
				t.Fatal("facts.toml has no English label")
			}
			i += len("en = \"")
			writeBytes(t, dir, "content/facts.toml", slices.Concat(data[:i], []byte("Edited "), data[i:]))
		}},
		{"template override", func(t *testing.T, dir string) {
			data, err := os.ReadFile(filepath.Join("..", "..", "theme", "templates", "page.html"))
			if err != nil {
				t.Fatal(err)
			}
			writeBytes(t, dir, "templates/page.html", bytes.Replace(data, []byte(`<article class="page`), []byte(`<article data-edited class="page`), 1))
		}},
		{"UI string", func(t *testing.T, dir string) {
			testsupport.WriteFile(t, dir, "templates/i18n/fr.toml", "toc-title = \"Au sommaire\"\n")
		}},
		{"site.toml", ed("site.toml", `title = "Kazakhstan 30"`, `title = "Kazakhstan trente"`)},
		{"static file", func(t *testing.T, dir string) { testsupport.WriteFile(t, dir, "static/robots-note.txt", "hello\n") }},
		{"static file edited", func(t *testing.T, dir string) {
			testsupport.WriteFile(t, dir, "static/robots-note.txt", "hello again\n")
		}},
		{"image", func(t *testing.T, dir string) { writeBytes(t, dir, "content/fr/col.png", mustPNG(t, 1200, 500)) }},
		{"image, same size", func(t *testing.T, dir string) {
			writeBytes(t, dir, "content/fr/col.png", mustPNGColor(t, 1200, 500))
		}},
		{"new page", func(t *testing.T, dir string) {
			testsupport.WriteFile(t, dir, "content/fr/ajout.md", newPage("Une page ajoutée"))
			testsupport.WriteFile(t, dir, "content/en/ajout.md", newPage("An added page"))
		}},
		{"renamed page", func(t *testing.T, dir string) {
			for _, l := range []string{"fr", "en"} {
				if err := os.Rename(filepath.Join(dir, "content", l, "ajout.md"), filepath.Join(dir, "content", l, "renomme.md")); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"deleted page", func(t *testing.T, dir string) {
			for _, l := range []string{"fr", "en"} {
				if err := os.Remove(filepath.Join(dir, "content", l, "renomme.md")); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"link target re-slugged", ed("content/en/kaspi.md", "slug: kaspi", "slug: kaspi-en")},
	}
}

// TestWarmBuildIsCold: over a catalogue of edits of the Kazakhstan site,
// each warm build (the build cache and the previous output) writes
// exactly the tree a cold build (no cache, empty output) writes from the
// same sources, and the warm build did reuse.
func TestWarmBuildIsCold(t *testing.T) {
	dir := warmSite(t)
	warm := filepath.Join(t.TempDir(), "public")
	buildInto(t, dir, warm, true)
	for i, e := range editCatalogue() {
		e.apply(t, dir)
		st := buildInto(t, dir, warm, true)
		cold := filepath.Join(t.TempDir(), fmt.Sprintf("cold-%d", i))
		buildInto(t, dir, cold, false)
		sameTree(t, e.name, warm, cold)
		if st.Reuse == nil {
			t.Fatalf("%s: no Reuse in the stats of a build with a cache", e.name)
		}
		if r := st.Reuse; e.name == "nothing" && (r.Conversions != r.Total || r.Pages != r.Total || r.Linked != st.Files) {
			t.Errorf("no change: reused %+v of %d files, want everything", *r, st.Files)
		}
		if r := st.Reuse; e.name == "body" && (r.Conversions != r.Total-1 || r.Pages < r.Total-2 || r.Linked < st.Files-20) {
			t.Errorf("one body edit: reused %+v of %d files, want all conversions but one, all pages but the page and its stale translation", *r, st.Files)
		}
	}
}

// mustPNGColor is a w×h PNG of another colour than mustPNG's.
func mustPNGColor(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0x40
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCorruptCacheIsIgnored: a cache entry truncated, with flipped bytes
// or from another kz30 is never trusted: the build's output is the cold
// build's, and the cache is whole again afterwards (the next build
// reuses every conversion).
func TestCorruptCacheIsIgnored(t *testing.T) {
	dir := warmSite(t)
	cacheDir := filepath.Join(dir, ".kz30", "cache")
	cold := filepath.Join(t.TempDir(), "cold")
	buildInto(t, dir, cold, false)
	for _, tc := range []struct {
		name    string
		corrupt func(t *testing.T, entries []string)
	}{
		{"truncated", func(t *testing.T, entries []string) {
			for _, e := range entries {
				if err := os.Truncate(e, 30); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"flipped bytes", func(t *testing.T, entries []string) {
			for _, e := range entries {
				data, err := os.ReadFile(e)
				if err != nil {
					t.Fatal(err)
				}
				data[len(data)/2+40] ^= 0x20
				data[len(data)-1] ^= 0x01
				if err := os.WriteFile(e, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"other kz30 version", func(t *testing.T, entries []string) {
			mark := filepath.Join(cacheDir, cache.MarkerName)
			data, err := os.ReadFile(mark)
			if err != nil {
				t.Fatal(err)
			}
			// Another version's entries: the marker says so; each entry is
			// altered too, so that trusting one would show.
			if err := os.WriteFile(mark, bytes.Replace(data, []byte("version "), []byte("version other-"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				data, _ := os.ReadFile(e)
				os.WriteFile(e, slices.Concat(data, []byte("x")), 0o644)
			}
		}},
		{"garbage with a valid checksum", func(t *testing.T, entries []string) {
			// A well-formed entry whose payload is not what kz30 stores:
			// decoding fails and the work is done again.
			s, note := cache.Open(cacheDir, programKey())
			if note != "" {
				t.Fatal(note)
			}
			for _, e := range entries {
				s.Put(filepath.Base(e), []byte("not a gob stream"))
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.RemoveAll(cacheDir)
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, dir, out, true)
			var entries []string
			for _, kind := range []string{"doc", "pages", "memo"} {
				found, _ := filepath.Glob(filepath.Join(cacheDir, kind, "*", kind+"-*"))
				if len(found) == 0 {
					t.Fatalf("no %s entries in the cache", kind)
				}
				entries = append(entries, found...)
			}
			tc.corrupt(t, entries)
			// Into a new output folder, so that no page can be linked
			// from the previous output.
			fresh := filepath.Join(t.TempDir(), "fresh")
			st := buildInto(t, dir, fresh, true)
			sameTree(t, tc.name, fresh, cold)
			if r := st.Reuse; r.Conversions != 0 || r.Pages != 0 {
				t.Errorf("%s: reused %+v from a corrupt cache", tc.name, *r)
			}
			st = buildInto(t, dir, out, true)
			sameTree(t, tc.name+", then again", out, cold)
			if r := st.Reuse; r.Conversions != r.Total || r.Pages != r.Total {
				t.Errorf("%s: the cache was not rebuilt: the next build reused %+v", tc.name, *r)
			}
		})
	}
}

// TestNoCacheWritesNoCache: a cold build neither reads nor writes the
// cache folder, and says nothing about reuse.
func TestNoCacheWritesNoCache(t *testing.T) {
	dir := warmSite(t)
	st := buildInto(t, dir, filepath.Join(t.TempDir(), "public"), false)
	if _, err := os.Stat(filepath.Join(dir, ".kz30")); !os.IsNotExist(err) {
		t.Errorf("a build without CacheDir made .kz30 (%v)", err)
	}
	if st.Reuse != nil || strings.Contains(st.String(), "reused") {
		t.Errorf("a cold build reports reuse: %s", st)
	}
	st = buildInto(t, dir, filepath.Join(t.TempDir(), "public"), true)
	if !strings.Contains(st.String(), "; reused conversions 0/18, pages 0/18; files linked 0/") {
		t.Errorf("summary of a first build with a cache: %s", st)
	}
}

// TestIncrementalStartsFromBuildCache: the dev server's first build reads
// the conversions `kz30 build` left in the cache folder (nothing is
// converted again), its output is Render's, and it writes no rendered
// page into the folder.
func TestIncrementalStartsFromBuildCache(t *testing.T) {
	dir := warmSite(t)
	cacheDir := filepath.Join(dir, ".kz30", "cache")
	buildInto(t, dir, filepath.Join(t.TempDir(), "public"), true)
	in := NewIncremental(Options{Dir: dir, Defaults: repoRoot, AllowStale: true, CacheDir: cacheDir})
	res, rep, err := in.Build()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Converted) != 0 {
		t.Errorf("the first incremental build converted %d pages, want 0 (all in the cache): %v", len(rep.Converted), rep.Converted)
	}
	want := mustRender(t, Options{Dir: dir, AllowStale: true})
	for _, name := range sortedKeys(want.Files) {
		if !bytes.Equal(res.Files[name], want.Files[name]) {
			t.Errorf("%s differs from Render's", name)
		}
	}
	if len(res.Files) != len(want.Files) {
		t.Errorf("%d files, Render has %d", len(res.Files), len(want.Files))
	}
	if pages, _ := filepath.Glob(filepath.Join(cacheDir, "page", "*", "*")); len(pages) != 0 {
		t.Errorf("the dev server wrote %d rendered pages into the cache folder", len(pages))
	}
}
