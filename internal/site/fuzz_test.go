package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/diag"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzBuild builds the fixture site in memory, newsletter exports
// included, with a French page whose front matter lines and body are the
// fuzzer's, facts.toml's first fact value replaced by the fuzzer's text,
// and raw HTML allowed or not. Whatever the input, the build never panics (a panic recovered in a
// worker is an "internal error" and fails the target); a refused build
// reports only diagnostics that name a file and say what to do; an
// accepted one holds the page and its e-mail export. The builds go
// through one Incremental (its output is Render's, byte for byte), so the
// share images are drawn once and each run costs a few milliseconds.
func FuzzBuild(f *testing.F) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "site.txtar"))
	if err != nil {
		f.Fatal(err)
	}
	dir := f.TempDir()
	var facts, siteTOML string
	for _, file := range ar.Files {
		switch file.Name {
		case "site.toml":
			siteTOML = string(file.Data) + "\n[newsletter]\nenabled = true\n"
		case "content/facts.toml":
			facts = string(file.Data)
		}
		writeFile(f, filepath.Join(dir, file.Name), file.Data)
	}
	writeFile(f, filepath.Join(dir, "content", "en", "c.md"), []byte("---\ntitle: Page C\ndescription: A page.\n---\nText.\n"))
	inc := NewIncremental(Options{Dir: dir, Defaults: repoRoot, AllowStale: true})
	for _, seed := range []struct {
		front, body, value string
		unsafe             bool
	}{
		{"date: 2021-12-16", "Du *texte* et [un lien](a.md#figures).\n\n> Une citation.\n", "29", false},
		{"", strings.Repeat("- ", 256) + "x\n", "29", false},
		{"", strings.Repeat(">", 511) + " x\n", "29", false},
		{"", "Un " + strings.Repeat("*", 520) + "mot" + strings.Repeat("*", 520) + "\n", "29", false},
		{"facts: " + strings.Repeat("[", 40) + strings.Repeat("]", 40), "x\n", "29", false},
		{"description: &d D\nlastmod: *d", "x\n", "29", false},
		{"date: 0001-01-01", "x\n", "nan", false},
		{"slug: cafe", strings.Repeat("[é](https://e.test/) ", 300) + "\n", "-3", false},
		{"", "<div>" + strings.Repeat("<p>", 600) + "\n\n[^1]\n\n[^1]: Note.\n", "inf", false},
		{"", strings.Repeat("<blockquote>", 505) + "x\n", "29", true},
		{"", "<script>alert(1)</script><div onclick=x>" + strings.Repeat("<em>", 300) + "\n", "29", true},
		{"facts: [rank, online]", "| a | b |\n|---|--:|\n| 1 | 2 |\n\n```go\nx := 1\n```\n", "1e300", false},
	} {
		f.Add(seed.front, seed.body, seed.value, seed.unsafe)
	}
	f.Fuzz(func(t *testing.T, front, body, value string, unsafe bool) {
		cfg := siteTOML
		if unsafe {
			cfg = "unsafe_html = true\n" + cfg
		}
		writeFile(t, filepath.Join(dir, "site.toml"), []byte(cfg))
		writeFile(t, filepath.Join(dir, "content", "facts.toml"), []byte(strings.Replace(facts, "value = 29", "value = "+value, 1)))
		writeFile(t, filepath.Join(dir, "content", "fr", "c.md"), []byte("---\ntitle: Page C\ndescription: Une page.\n"+front+"\n---\n"+body))
		res, _, err := inc.Build()
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error is not a diag.List: %v", err)
			}
			for _, e := range list {
				if strings.Contains(e.Msg, "internal error") {
					t.Fatalf("panic: %s", e.Error())
				}
				if e.Pos.File == "" || (e.Hint == "" && !strings.Contains(e.Msg, "; ")) {
					t.Errorf("diagnostic without a file or a hint: %q", e.Error())
				}
				if strings.Contains(e.Error(), dir) {
					t.Errorf("diagnostic shows the temporary folder: %q", e.Error())
				}
			}
			return
		}
		for _, lang := range []string{"fr", "en"} {
			p := res.Site.Page(lang, "c")
			if p == nil {
				if lang == "fr" {
					continue // a draft
				}
				t.Fatalf("no %s page c", lang)
			}
			if res.Files[p.URLPath()+"index.html"] == nil {
				t.Errorf("%s: no %sindex.html", p.Path, p.URLPath())
			}
			if p.Section && res.Files["newsletter/"+lang+"/"+p.Slug+".html"] == nil {
				t.Errorf("%s: no e-mail export", p.Path)
			}
		}
	})
}

func writeFile(t testing.TB, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
