package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/testsupport"
)

// incEdit rewrites a file of dir, replacing old by new (which must occur).
func incEdit(t testing.TB, dir, name, old, new string) {
	t.Helper()
	testsupport.Edit(t, dir, name, old, new)
}

func incWriteFile(t testing.TB, dir, name, data string) {
	t.Helper()
	testsupport.WriteFile(t, dir, name, data)
}

// incCopyDir copies the files of fsys below root into dir/root.
func incCopyDir(t testing.TB, fsys fs.FS, root, dir string) {
	t.Helper()
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		incWriteFile(t, dir, p, string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// incSameAsFull fails unless res is, byte for byte, what a full Render of the
// same tree gives: every file, the warnings and the counts.
func incSameAsFull(t *testing.T, opts Options, res *Result) {
	t.Helper()
	full := mustRender(t, opts)
	for _, name := range sortedKeys(full.Files) {
		got, ok := res.Files[name]
		if !ok {
			t.Errorf("incremental build lacks %s", name)
			continue
		}
		if !bytes.Equal(got, full.Files[name]) {
			t.Errorf("%s differs from a full build:\n%s", name, firstDiff(got, full.Files[name]))
		}
	}
	for name := range res.Files {
		if _, ok := full.Files[name]; !ok {
			t.Errorf("incremental build has %s, a full build does not", name)
		}
	}
	if g, w := res.Stats.Warnings.Error(), full.Stats.Warnings.Error(); g != w {
		t.Errorf("warnings:\n%s\nwant (full build):\n%s", g, w)
	}
	if res.Stats.Files != full.Stats.Files || res.Stats.Bytes != full.Stats.Bytes {
		t.Errorf("stats: %d files %d bytes, full build %d files %d bytes", res.Stats.Files, res.Stats.Bytes, full.Stats.Files, full.Stats.Bytes)
	}
	if len(res.Docs) != len(full.Docs) {
		t.Errorf("%d docs, full build %d", len(res.Docs), len(full.Docs))
	}
}

func mustIncBuild(t *testing.T, in *Incremental) (*Result, *Report) {
	t.Helper()
	res, rep, err := in.Build()
	if err != nil {
		t.Fatalf("incremental build: %v", err)
	}
	return res, rep
}

// TestIncrementalEqualsFull applies edits one after the other to a copy of
// the fixture site and checks after each that the incremental build equals
// a full build and did only the work the edit calls for.
func TestIncrementalEqualsFull(t *testing.T) {
	dir := extract(t, "site.txtar")
	incCopyDir(t, repoRoot, "templates", dir)
	incCopyDir(t, repoRoot, "static", dir)
	incWriteFile(t, dir, "site.toml", incRead(t, dir, "site.toml")+"\n[newsletter]\nenabled = true\n")
	opts := Options{Dir: dir, Defaults: repoRoot, LiveReload: true, AllowStale: true}
	in := NewIncremental(opts)
	allPages := []string{"en/index.html", "en/page-a/index.html", "en/page-b/index.html", "fr/index.html", "fr/page-a/index.html", "fr/page-b/index.html"}

	res, rep := mustIncBuild(t, in)
	incSameAsFull(t, opts, res)
	if len(rep.Converted) != 6 || !rep.Full || !slices.Equal(rep.Rendered, allPages) {
		t.Fatalf("first build: %+v, want every page converted and rendered", rep)
	}

	for _, tc := range []struct {
		name      string
		change    func()
		converted []string // nil: every page
		rendered  []string // nil: every page
	}{
		{"nothing", func() {}, []string{}, []string{}},
		{"touch without change", func() { incEdit(t, dir, "content/en/b.md", "Back to", "Back to") }, []string{}, []string{}},
		{"English body", func() {
			incEdit(t, dir, "content/en/a.md", "a lede that says what matters.", "a lede that says what matters, in more words than before.")
		},
			[]string{"content/en/a.md"}, []string{"en/page-a/index.html"}},
		{"English heading (TOC, anchors)", func() {
			incEdit(t, dir, "content/en/a.md", "## Some code {#code}", "## Some code {#code}\n\n### A new heading")
		},
			[]string{"content/en/a.md"}, []string{"en/page-a/index.html"}},
		{"French body makes the translation stale", func() { incEdit(t, dir, "content/fr/a.md", "un chapeau", "un chapeau bien long") },
			[]string{"content/fr/a.md"}, []string{"en/page-a/index.html", "fr/page-a/index.html"}},
		{"French body again (still stale)", func() { incEdit(t, dir, "content/fr/a.md", "bien long", "très long") },
			[]string{"content/fr/a.md"}, []string{"fr/page-a/index.html"}},
		{"title (navigation on every page)", func() {
			incEdit(t, dir, "content/en/a.md", `title: "Page A: the essentials"`, `title: "Page A: what matters"`)
		},
			[]string{}, allPages},
		{"dates (feeds, sitemap)", func() {
			incEdit(t, dir, "content/en/b.md", "date: 2021-12-16", "date: 2022-01-05")
		},
			[]string{}, allPages},
		{"slug (links to it are converted again)", func() { incEdit(t, dir, "content/en/b.md", "slug: page-b", "slug: reference") },
			[]string{"content/en/a.md"}, []string{"en/index.html", "en/page-a/index.html", "en/reference/index.html", "fr/index.html", "fr/page-a/index.html", "fr/page-b/index.html"}},
		{"new page", func() {
			incWriteFile(t, dir, "content/fr/c.md", "---\ntitle: Page C\ndescription: Nouvelle.\nweight: 30\n---\nTexte de C, voir [A](a.md).\n")
			incWriteFile(t, dir, "content/en/c.md", "---\ntitle: Page C\ndescription: New.\nweight: 30\n---\nText of C, see [A](a.md).\n")
		}, []string{"content/en/c.md", "content/fr/c.md"}, nil},
		{"renamed page", func() {
			for _, l := range []string{"fr", "en"} {
				if err := os.Rename(filepath.Join(dir, "content", l, "c.md"), filepath.Join(dir, "content", l, "d.md")); err != nil {
					t.Fatal(err)
				}
			}
		}, []string{"content/en/d.md", "content/fr/d.md"}, nil},
		{"deleted page", func() {
			for _, l := range []string{"fr", "en"} {
				if err := os.Remove(filepath.Join(dir, "content", l, "d.md")); err != nil {
					t.Fatal(err)
				}
			}
		}, []string{}, nil},
		{"facts", func() { incEdit(t, dir, "content/facts.toml", "value = 29", "value = 28") }, []string{}, nil},
		{"template", func() {
			incEdit(t, dir, "templates/page.html", `<div class="prose">`, `<div class="prose" data-x="1">`)
		}, []string{}, nil},
		{"stylesheet (fingerprint)", func() {
			incWriteFile(t, dir, "static/site.css", incRead(t, dir, "static/site.css")+"\n.edited{color:red}\n")
		}, []string{}, nil},
		{"other static file", func() { incWriteFile(t, dir, "static/extra.txt", "hello\n") }, []string{}, []string{}},
		{"UI string of the converter", func() {
			incEdit(t, dir, "templates/i18n/en.toml", `external-link = "(external site)"`, `external-link = "(another site)"`)
		}, nil, nil},
		{"site.toml", func() { incEdit(t, dir, "site.toml", `title = "Test site"`, `title = "Test site, edited"`) }, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.change()
			res, rep := mustIncBuild(t, in)
			incSameAsFull(t, opts, res)
			converted, rendered := tc.converted, tc.rendered
			if converted == nil {
				converted = incPagePaths(res)
			}
			if rendered == nil {
				rendered = incPageNames(res)
			}
			if !slices.Equal(rep.Converted, converted) {
				t.Errorf("converted %q, want %q", rep.Converted, converted)
			}
			if !slices.Equal(rep.Rendered, rendered) {
				t.Errorf("rendered %q, want %q", rep.Rendered, rendered)
			}
			if rep.Full != (len(rendered) == rep.Pages) {
				t.Errorf("Full = %t with %d of %d pages rendered", rep.Full, len(rendered), rep.Pages)
			}
		})
	}
}

// incPagePaths are the source paths of every page of res, sorted.
func incPagePaths(res *Result) []string {
	var ps []string
	for p := range res.Docs {
		ps = append(ps, p.Path)
	}
	slices.Sort(ps)
	return ps
}

// incPageNames are the output names of every page of res, sorted.
func incPageNames(res *Result) []string {
	var ps []string
	for p := range res.Docs {
		ps = append(ps, p.URLPath()+"index.html")
	}
	slices.Sort(ps)
	return ps
}

// TestIncrementalKeepsStateAcrossErrors: a failed build reports the error
// and changes nothing; the build after the fix equals a full build and
// converts only what changed since the last good one.
func TestIncrementalKeepsStateAcrossErrors(t *testing.T) {
	dir := extract(t, "site.txtar")
	opts := Options{Dir: dir, Defaults: repoRoot}
	in := NewIncremental(opts)
	mustIncBuild(t, in)

	good, err := os.ReadFile(filepath.Join(dir, "content/en/a.md"))
	if err != nil {
		t.Fatal(err)
	}
	incWriteFile(t, dir, "content/en/a.md", "---\ntitle: x\n")
	if _, _, err := in.Build(); err == nil || !strings.Contains(err.Error(), "content/en/a.md:1:1: unclosed front matter") {
		t.Fatalf("error = %v, want the unclosed front matter", err)
	}
	// A conversion error (link to a missing page) after a body edit.
	incWriteFile(t, dir, "content/en/a.md", strings.Replace(string(good), "[page B](b.md#detail)", "[page B](nope.md)", 1))
	if _, _, err := in.Build(); err == nil || !strings.Contains(err.Error(), `content/en/a.md:21:10: link to missing page "nope.md"`) {
		t.Fatalf("error = %v, want the missing page at content/en/a.md:21:10", err)
	}
	incEdit(t, dir, "content/en/b.md", "Back to [A]", "Edited while a.md was broken: back to [A]")
	incWriteFile(t, dir, "content/en/a.md", string(good))
	res, rep := mustIncBuild(t, in)
	incSameAsFull(t, opts, res)
	if want := []string{"content/en/b.md"}; !slices.Equal(rep.Converted, want) {
		t.Errorf("converted %q after the fix, want %q", rep.Converted, want)
	}
	if want := []string{"en/page-b/index.html"}; !slices.Equal(rep.Rendered, want) {
		t.Errorf("rendered %q after the fix, want %q", rep.Rendered, want)
	}
}

func incRead(t testing.TB, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// incRealSite copies the repository's own site (content/, its overrides of
// the theme in templates/ and static/, and site.toml) into a temporary
// folder.
func incRealSite(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	root := os.DirFS(filepath.Join("..", ".."))
	incCopyDir(tb, root, "content", dir)
	for _, top := range []string{"templates", "static"} {
		if _, err := fs.Stat(root, top); err == nil {
			incCopyDir(tb, root, top, dir)
		}
	}
	data, err := fs.ReadFile(root, "site.toml")
	if err != nil {
		tb.Fatal(err)
	}
	incWriteFile(tb, dir, "site.toml", string(data))
	return dir
}

// TestIncrementalRealSite edits a page of the real site and compares with
// a full build.
func TestIncrementalRealSite(t *testing.T) {
	dir := incRealSite(t)
	opts := Options{Dir: dir, Defaults: repoRoot, LiveReload: true}
	in := NewIncremental(opts)
	mustIncBuild(t, in)
	incEdit(t, dir, "content/en/kaspi.md", "\n\n", "\n\nA sentence added by the test.\n\n")
	res, rep := mustIncBuild(t, in)
	incSameAsFull(t, opts, res)
	if want := []string{"content/en/kaspi.md"}; !slices.Equal(rep.Converted, want) {
		t.Errorf("converted %q, want %q", rep.Converted, want)
	}
	if len(rep.Rendered) != 1 {
		t.Errorf("rendered %q, want only the edited page", rep.Rendered)
	}
}

// incEditedPage builds the real site once for the dev server and returns
// the builder, the path of the page the rebuild benchmarks edit, and that
// page's bytes.
func incEditedPage(b *testing.B) (*Incremental, string, []byte) {
	b.Helper()
	dir := incRealSite(b)
	in := NewIncremental(Options{Dir: dir, Defaults: repoRoot, LiveReload: true})
	if _, _, err := in.Build(); err != nil {
		b.Fatal(err)
	}
	name := filepath.Join(dir, "content/en/kaspi.md")
	orig, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	return in, name, orig
}

// BenchmarkRebuildOnePage is the dev server's rebuild after a body edit
// of one page of the real site; compare with BenchmarkFullRender.
func BenchmarkRebuildOnePage(b *testing.B) {
	in, name, orig := incEditedPage(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		data := append(bytes.Clone(orig), []byte("\nEdit number "+itoa(i)+".\n")...)
		if err := os.WriteFile(name, data, 0o644); err != nil {
			b.Fatal(err)
		}
		if _, rep, err := in.Build(); err != nil || len(rep.Converted) != 1 {
			b.Fatalf("rebuild: %v %+v", err, rep)
		}
	}
}

// BenchmarkFullRender is a full in-memory build of the real site.
func BenchmarkFullRender(b *testing.B) {
	dir := incRealSite(b)
	for b.Loop() {
		if _, err := Render(Options{Dir: dir, Defaults: repoRoot, LiveReload: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuildTitle is the rebuild after a title edit of one page of
// the real site: every page is rendered again (the navigation shows the
// title) and every e-mail export is made again, but no body is converted.
func BenchmarkRebuildTitle(b *testing.B) {
	in, name, orig := incEditedPage(b)
	for i := 0; b.Loop(); i++ {
		data := bytes.Replace(orig, []byte("\ntitle: \""), []byte("\ntitle: \"Edit "+itoa(i)+" "), 1)
		if err := os.WriteFile(name, data, 0o644); err != nil {
			b.Fatal(err)
		}
		if _, rep, err := in.Build(); err != nil || len(rep.Converted) != 0 || !rep.Full {
			b.Fatalf("rebuild: %v %+v", err, rep)
		}
	}
}

// TestIncrementalLayeredTheme: the dev server's rebuilds see the theme as
// a full build does, file by file and key by key, as overrides come and go.
func TestIncrementalLayeredTheme(t *testing.T) {
	dir := extract(t, "site.txtar")
	opts := Options{Dir: dir, Defaults: repoRoot, LiveReload: true}
	in := NewIncremental(opts)
	res, _ := mustIncBuild(t, in)
	incSameAsFull(t, opts, res)
	for _, tc := range []struct {
		name   string
		change func()
		file   string // an output file
		want   string // what it holds after the change
	}{
		{"one UI string", func() { incWriteFile(t, dir, "templates/i18n/en.toml", "toc-title = \"On this page\"\n") },
			"en/page-a/index.html", `<h2 id="toc-title">On this page</h2>`},
		{"the other language keeps the theme's", func() {}, "fr/page-a/index.html", `<h2 id="toc-title">Sommaire</h2>`},
		{"one template", func() {
			incWriteFile(t, dir, "templates/home.html", "{{template \"base\" .}}\n{{define \"main\"}}<p class=\"own\">{{.Title}}</p>{{end}}\n")
		}, "en/index.html", `<p class="own">Test home</p>`},
		{"one static file", func() { incWriteFile(t, dir, "static/img/x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n") },
			"img/x.svg", `<svg`},
		{"the theme's favicon stays", func() {}, "favicon.svg", `<svg`},
		{"an override removed", func() {
			if err := os.Remove(filepath.Join(dir, "templates", "home.html")); err != nil {
				t.Fatal(err)
			}
		}, "en/index.html", `<article class="page home">`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.change()
			res, _ := mustIncBuild(t, in)
			incSameAsFull(t, opts, res)
			if got := string(res.Files[tc.file]); !strings.Contains(got, tc.want) {
				t.Errorf("%s lacks %q", tc.file, tc.want)
			}
		})
	}
}
