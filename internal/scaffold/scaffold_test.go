package scaffold

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/check"
	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/testsupport"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

// day is the injected clock of the tests.
func day() time.Time { return time.Date(2021, 12, 16, 9, 30, 0, 0, time.UTC) }

// extract writes testdata/site.txtar into a new folder.
func extract(t *testing.T) string {
	t.Helper()
	return testsupport.Extract(t, filepath.Join("testdata", "site.txtar"))
}

func read(t *testing.T, dir, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestNewGolden(t *testing.T) {
	dir := extract(t)
	res, err := New("mon-article", Options{Dir: dir, Now: day})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(res.Created, " "); got != "content/fr/mon-article.md content/en/mon-article.md" || len(res.Kept) != 0 {
		t.Errorf("created %q, kept %q", got, res.Kept)
	}
	for _, lang := range []string{"fr", "en"} {
		got := read(t, dir, "content/"+lang+"/mon-article.md")
		golden := filepath.Join("testdata", "golden", lang+".md")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test -update creates it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("content/%s/mon-article.md differs from %s (go test -update, then review):\n%s", lang, golden, got)
		}
	}
}

// TestNewLoads: what New writes is a valid page in every language, after
// the last page, up to date with its source, and kz30 check flags its
// placeholders until they are replaced.
func TestNewLoads(t *testing.T) {
	dir := extract(t)
	if _, err := New("Mon_Article.md", Options{Dir: dir, Now: day}); err != nil {
		t.Fatal(err)
	}
	site, _, err := content.Load(os.DirFS(dir), config.Default(), content.Options{AllowMissing: true})
	if err != nil {
		t.Fatalf("the new page does not load: %v", err)
	}
	fr, en := site.Page("fr", "Mon_Article"), site.Page("en", "Mon_Article")
	if fr == nil || en == nil {
		t.Fatal("content/*/Mon_Article.md not loaded")
	}
	for _, p := range []*content.Page{fr, en} {
		if p.Weight != 40 || p.Slug != "mon-article" || p.Date.Format(time.DateOnly) != "2021-12-16" || !p.Section {
			t.Errorf("%s: weight %d slug %q date %v, want 40 mon-article 2021-12-16", p.Path, p.Weight, p.Slug, p.Date)
		}
	}
	if en.TranslationOf != fr.Hash || en.Stale {
		t.Errorf("translation_of %q, French body hash %q", en.TranslationOf, fr.Hash)
	}
	if last := site.Entries[len(site.Entries)-1]; last.Name != "Mon_Article" {
		t.Errorf("last page is %q, want the new one", last.Name)
	}
	r := &check.Report{}
	check.Placeholders(site, r)
	var flagged []string
	for _, e := range r.Errors.Sort() {
		if strings.Contains(e.Pos.File, "Mon_Article") {
			flagged = append(flagged, e.Pos.File+" "+strings.SplitN(e.Msg, " ", 2)[0])
		}
	}
	want := "content/en/Mon_Article.md description,content/en/Mon_Article.md title,content/fr/Mon_Article.md description,content/fr/Mon_Article.md title"
	if got := strings.Join(flagged, ","); got != want {
		t.Errorf("placeholders flagged: %s\nwant %s", got, want)
	}
}

func TestNewRefusesToOverwrite(t *testing.T) {
	dir := extract(t)
	if _, err := New("mon-article", Options{Dir: dir, Now: day}); err != nil {
		t.Fatal(err)
	}
	fr := filepath.Join(dir, "content", "fr", "mon-article.md")
	if err := os.WriteFile(fr, []byte("---\ntitle: Écrit\ndescription: Par la rédaction.\n---\nTexte.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, beforeEN := read(t, dir, "content/fr/mon-article.md"), read(t, dir, "content/en/mon-article.md")
	_, err := New("mon-article", Options{Dir: dir, Now: func() time.Time { return day().AddDate(0, 0, 1) }})
	want := `content/fr/mon-article.md: page "mon-article" exists in every language (content/fr/mon-article.md, content/en/mon-article.md); kz30 new never overwrites`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("second New: %v\nwant %s", err, want)
	}
	if !bytes.Equal(read(t, dir, "content/fr/mon-article.md"), before) || !bytes.Equal(read(t, dir, "content/en/mon-article.md"), beforeEN) {
		t.Error("New changed existing files")
	}
}

// TestNewMissingTranslation: b.md exists in French only; New writes the
// English file, with b's weight and date and the hash of b's French body.
func TestNewMissingTranslation(t *testing.T) {
	dir := extract(t)
	frBefore := read(t, dir, "content/fr/b.md")
	res, err := New("b", Options{Dir: dir, Now: day})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Kept, ",") != "content/fr/b.md" || strings.Join(res.Created, ",") != "content/en/b.md" {
		t.Errorf("kept %v, created %v", res.Kept, res.Created)
	}
	if !bytes.Equal(read(t, dir, "content/fr/b.md"), frBefore) {
		t.Error("the French page changed")
	}
	en := string(read(t, dir, "content/en/b.md"))
	hash := content.BodyHash([]byte("Texte B.\n"))
	for _, want := range []string{"weight: 35\n", "date: 2020-01-02\n", "translation_of: " + hash + "\n", "slug: b\n", "title: \"TODO: page title\"\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("content/en/b.md lacks %q:\n%s", want, en)
		}
	}
	if _, _, err := content.Load(os.DirFS(dir), config.Default(), content.Options{}); err != nil {
		t.Errorf("site does not load after New: %v", err)
	}
}

func TestNewNames(t *testing.T) {
	for _, name := range []string{"", "../x", "a//b", "a/", "/a", "a/../b", ".x", "a b", "-x", "_", "é", "x.txt", `a\b`} {
		dir := t.TempDir()
		_, err := New(name, Options{Dir: dir, Now: day})
		if err == nil || !strings.Contains(err.Error(), "invalid page name") {
			t.Errorf("New(%q) = %v, want invalid page name", name, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("New(%q) wrote %v", name, entries)
		}
	}
}

func TestNewHome(t *testing.T) {
	dir := t.TempDir()
	if _, err := New("_index", Options{Dir: dir, Now: day}); err != nil {
		t.Fatal(err)
	}
	fr := string(read(t, dir, "content/fr/_index.md"))
	if strings.Contains(fr, "weight:") || strings.Contains(fr, "slug:") {
		t.Errorf("a home page has no weight or slug:\n%s", fr)
	}
	site, _, err := content.Load(os.DirFS(dir), config.Default(), content.Options{})
	if err != nil || site.Page("en", "_index") == nil {
		t.Errorf("home pages do not load: %v", err)
	}
}

// TestNewLanguages: the languages come from site.toml, the first is the
// source; a language without placeholders of its own gets English ones.
func TestNewLanguages(t *testing.T) {
	dir := t.TempDir()
	toml := "[[languages]]\ncode = \"fr\"\n[[languages]]\ncode = \"en\"\n[[languages]]\ncode = \"de\"\n"
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := New("seite", Options{Dir: dir, Now: day})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Created) != 3 {
		t.Fatalf("created %v", res.Created)
	}
	de := string(read(t, dir, "content/de/seite.md"))
	fr := read(t, dir, "content/fr/seite.md")
	_, body, _ := strings.Cut(string(fr), "\n---\n")
	if !strings.Contains(de, "translation_of: "+content.BodyHash([]byte(body))) || !strings.Contains(de, "TODO: page title") {
		t.Errorf("content/de/seite.md:\n%s", de)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte("titel = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New("autre", Options{Dir: dir}); err == nil || !strings.Contains(err.Error(), "site.toml:1:1") {
		t.Errorf("a broken site.toml: %v", err)
	}
}

func TestNewNoSourceFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	_, err := New("x", Options{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "source folder not found") {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("New created the missing source folder")
	}
}

// TestNewRollsBack: when a file cannot be written, the files already
// written by this call are removed.
func TestNewRollsBack(t *testing.T) {
	dir := t.TempDir()
	// content/en is a dangling symbolic link: content/en/x.md does not
	// exist, and cannot be created.
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "content", "en")); err != nil {
		t.Fatal(err)
	}
	_, err := New("x", Options{Dir: dir, Now: day})
	if err == nil || !strings.Contains(err.Error(), "content/en/x.md: cannot write") {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "fr", "x.md")); !os.IsNotExist(err) {
		t.Error("content/fr/x.md left behind")
	}
}
