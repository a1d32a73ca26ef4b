package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/config"
)

// page makes a content file with front matter lines and a body.
func page(front, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + front + "---\n" + body)}
}

const okFront = "title: T\ndescription: D\n"

// withHomes adds both languages' home pages to fsys, as every site needs.
func withHomes(fsys fstest.MapFS) fstest.MapFS {
	fsys["content/fr/_index.md"] = page(okFront, "x\n")
	fsys["content/en/_index.md"] = page(okFront+"translation_of: "+BodyHash([]byte("x\n"))+"\n", "x\n")
	return fsys
}

func mustLoad(t *testing.T, fsys fstest.MapFS, opts Options) (*Site, string) {
	t.Helper()
	site, warns, err := Load(fsys, config.Default(), opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return site, warns.Error()
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/fr/_index.md": page(okFront, "Accueil\n"),
		"content/en/_index.md": page(okFront+"translation_of: "+BodyHash([]byte("Accueil\n"))+"\n", "Home\n"),
		"content/fr/b.md":      page("title: B\ndescription: D\nweight: 2\nslug: bee\ndate: 2021-12-16\nfacts: [x]\n", "corps\n"),
		"content/en/b.md":      page("title: B\ndescription: D\nweight: 2\ndate: 2021-12-16\nlastmod: 2022-01-02\n", "body\n"),
		"content/fr/a.md":      page("title: A\ndescription: D\nweight: 1\nsection: false\naliases: [/fr/old/]\n", "a\n"),
		"content/en/a.md":      page("title: A\ndescription: D\nweight: 1\n", "a\n"),
		"content/fr/d.md":      page("title: D\ndescription: D\ndraft: true\n", "d\n"),
		"content/facts.toml":   {Data: []byte("[sources.s]\ntitle = { fr = \"S\", en = \"S\" }\n[facts.x]\nkind = \"percent\"\nvalue = 18\nsource = \"s\"\nlabel = { fr = \"x\", en = \"x\" }\n")},
	}
	site, warns := mustLoad(t, fsys, Options{})
	var names []string
	for _, e := range site.Entries {
		names = append(names, e.Name)
	}
	if got := strings.Join(names, ","); got != "_index,a,b" {
		t.Errorf("entries = %s, want _index,a,b (home first, then weight; drafts left out)", got)
	}
	b := site.Page("fr", "b")
	if b.Slug != "bee" || b.URLPath() != "fr/bee/" || b.BodyLine != 9 || b.Lastmod != b.Date || len(b.Facts) != 1 {
		t.Errorf("fr/b = %+v", b)
	}
	if en := site.Page("en", "b"); en.Slug != "b" || en.Lastmod.Format("2006-01-02") != "2022-01-02" {
		t.Errorf("en/b slug %q lastmod %v", en.Slug, en.Lastmod)
	}
	if a := site.Page("fr", "a"); a.Section || len(a.Aliases) != 1 || a.Aliases[0] != "fr/old/" {
		t.Errorf("fr/a section %v aliases %v", a.Section, a.Aliases)
	}
	if !strings.Contains(warns, "content/en/a.md:1:1: no translation_of") {
		t.Errorf("warnings %q lack the missing translation_of", warns)
	}
	site, _ = mustLoad(t, fsys, Options{Drafts: true, AllowMissing: true})
	if site.Page("fr", "d") == nil {
		t.Error("--drafts did not load the draft")
	}
}

func TestLoadErrors(t *testing.T) {
	home := fstest.MapFS{
		"content/fr/_index.md": page(okFront, "x\n"),
		"content/en/_index.md": page(okFront, "x\n"),
	}
	for _, tc := range []struct {
		name string
		file string // content/fr/p.md unless set
		data string
		want string
	}{
		{"no front matter", "", "Hello\n", "content/fr/p.md:1:1: no front matter"},
		{"unclosed", "", "---\ntitle: x\n", "content/fr/p.md:1:1: unclosed front matter"},
		{"empty", "", "", "content/fr/p.md:1:1: empty file"},
		{"yaml syntax", "", "---\ntitle: [x\n---\n", "content/fr/p.md:2:"},
		{"weight type", "", "---\n" + okFront + "weight: ten\n---\n", `content/fr/p.md:4:9: weight: want an integer, got ten`},
		{"bad date", "", "---\n" + okFront + "date: soon\n---\n", `content/fr/p.md:4:7: date: invalid date "soon"`},
		{"impossible date", "", "---\n" + okFront + "date: 2025-13-45\n---\n", `invalid date "2025-13-45"`},
		{"missing title", "", "---\ndescription: D\n---\n", "content/fr/p.md:1:1: missing title"},
		{"slug slash", "", "---\n" + okFront + "slug: a/b\n---\n", `invalid slug "a/b"`},
		{"slug dots", "", "---\n" + okFront + "slug: ..\n---\n", `invalid slug ".."`},
		{"slug space", "", "---\n" + okFront + "slug: a b\n---\n", `invalid slug "a b"`},
		{"slug control", "", "---\n" + okFront + "slug: \"a\\tb\"\n---\n", `invalid slug "a\tb"`},
		{"bad hash", "", "---\n" + okFront + "translation_of: nothex\n---\n", `invalid translation_of "nothex"`},
		{"bad alias", "", "---\n" + okFront + "aliases: [../x]\n---\n", `invalid alias "../x"`},
		{"facts not a list", "", "---\n" + okFront + "facts: x\n---\n", "facts: want a list of fact IDs"},
		{"unknown fact", "", "---\n" + okFront + "facts: [nope]\n---\n", `content/fr/p.md:4:9: unknown fact "nope"`},
		{"not utf8", "", "---\n" + okFront + "---\nabc\xff\n", "content/fr/p.md:5:4: file is not valid UTF-8"},
		{"missing translation", "", "---\n" + okFront + "---\n", `page "p" has no "en" translation`},
		{"duplicate key", "", "---\ntitle: a\ntitle: b\ndescription: D\n---\n", "content/fr/p.md:3:1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range home {
				fsys[k] = v
			}
			file := tc.file
			if file == "" {
				file = "content/fr/p.md"
			}
			fsys[file] = &fstest.MapFile{Data: []byte(tc.data)}
			if tc.name != "missing translation" {
				fsys["content/en/p.md"] = page(okFront, "x\n")
			}
			_, _, err := Load(fsys, config.Default(), Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load error =\n%v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestDuplicateSlugAndStale(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/a.md": page(okFront+"slug: same\n", "v2\n"),
		"content/fr/b.md": page(okFront+"slug: same\n", "x\n"),
		"content/en/a.md": page(okFront+"translation_of: "+BodyHash([]byte("v1\n"))+"\n", "x\n"),
		"content/en/b.md": page(okFront, "x\n"),
	})
	_, _, err := Load(fsys, config.Default(), Options{})
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	for _, want := range []string{
		`content/fr/b.md:1:1: duplicate slug "same" in "fr": content/fr/a.md has it too`,
		"content/en/a.md:1:1: stale translation: content/fr/a.md changed",
		"run kz30 translated content/en/a.md (it sets `translation_of: " + BodyHash([]byte("v2\n")) + "`), or build with --allow-stale",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	fsys["content/fr/b.md"] = page(okFront, "x\n")
	site, warns, err := Load(fsys, config.Default(), Options{AllowStale: true})
	if err != nil {
		t.Fatal(err)
	}
	if !site.Page("en", "a").Stale || !strings.Contains(warns.Error(), "stale translation") || strings.Contains(warns.Error(), "--allow-stale") {
		t.Errorf("--allow-stale: page not marked stale or no warning: %v", warns)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	lf := "---\ntitle: T\ndescription: D\n---\nline one\nline two\n"
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(lf, "\n", "\r\n")
	if BodyHash([]byte("line one\nline two\n")) != BodyHash([]byte("\xef\xbb\xbfline one\r\nline two\r\n")) {
		t.Error("BodyHash differs between LF and BOM+CRLF")
	}
	for _, src := range []string{lf, crlf} {
		fsys := withHomes(fstest.MapFS{"content/fr/p.md": {Data: []byte(src)}, "content/en/p.md": {Data: []byte(src)}})
		site, _, err := Load(fsys, config.Default(), Options{AllowMissing: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(site.Page("fr", "p").Body); got != "line one\nline two\n" {
			t.Errorf("body = %q", got)
		}
	}
}

func TestUnknownKeyWarns(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/p.md": page(okFront+"titel: x\n", "x\n"),
		"content/en/p.md": page(okFront, "x\n"),
	})
	_, warns := mustLoad(t, fsys, Options{})
	if !strings.Contains(warns, `content/fr/p.md:4:1: unknown front matter key "titel"`) {
		t.Errorf("warnings = %q", warns)
	}
}

// A language without its home page is an error naming the file to
// create, even with AllowMissing; a home left out as a draft says so.
func TestMissingHome(t *testing.T) {
	fsys := fstest.MapFS{
		"content/fr/_index.md": page(okFront, "x\n"),
		"content/fr/p.md":      page(okFront, "x\n"),
		"content/en/p.md":      page(okFront, "x\n"),
	}
	for _, opts := range []Options{{}, {AllowMissing: true, AllowStale: true}} {
		_, _, err := Load(fsys, config.Default(), opts)
		want := `content/en/_index.md: language "en" has no home page (content/en/_index.md is missing); create content/en/_index.md with a title and a description (kz30 new _index writes the home of every language that lacks one)`
		if err == nil || err.Error() != want {
			t.Errorf("%+v: err =\n%v\nwant\n%s", opts, err, want)
		}
	}
	fsys["content/en/_index.md"] = page(okFront+"draft: true\n", "x\n")
	if _, _, err := Load(fsys, config.Default(), Options{}); err == nil || !strings.Contains(err.Error(), `content/en/_index.md:1:1: language "en" has no home page: content/en/_index.md is a draft; remove draft: true`) {
		t.Errorf("draft home: err = %v", err)
	}
	delete(fsys, "content/fr/_index.md")
	delete(fsys, "content/en/_index.md")
	if _, _, err := Load(fsys, config.Default(), Options{}); err == nil || strings.Count(err.Error(), "has no home page") != 2 {
		t.Errorf("no homes: err = %v", err)
	}
}

// A page that is a draft in one language only says so, instead of
// reporting a missing translation; an error unless AllowMissing.
func TestDraftInOneLanguage(t *testing.T) {
	fsys := withHomes(fstest.MapFS{
		"content/fr/p.md": page(okFront, "x\n"),
		"content/en/p.md": page(okFront+"draft: true\n", "x\n"),
	})
	want := `content/en/p.md:1:1: page "p" is a draft in en only: content/en/p.md has draft: true, content/fr/p.md is published; publish it (remove draft: true), make content/fr/p.md a draft too, or build with --drafts`
	_, _, err := Load(fsys, config.Default(), Options{})
	if err == nil || err.Error() != want {
		t.Errorf("err =\n%v\nwant\n%s", err, want)
	}
	_, warns, err := Load(fsys, config.Default(), Options{AllowMissing: true})
	if err != nil || !strings.Contains(warns.Error(), want) || strings.Contains(warns.Error(), "has no \"en\" translation") {
		t.Errorf("AllowMissing: err %v, warnings\n%v", err, warns)
	}
	if _, _, err := Load(fsys, config.Default(), Options{Drafts: true}); err != nil {
		t.Errorf("--drafts: %v", err)
	}
}

func TestContentMissing(t *testing.T) {
	_, _, err := Load(fstest.MapFS{}, config.Default(), Options{})
	if err == nil || !strings.Contains(err.Error(), "content/ folder not found") {
		t.Errorf("err = %v", err)
	}
}

func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndescription: D\nweight: 3\nfacts: [a, b]\n---\nbody\n"))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte("---\n- a\n- b\n---\n"))
	f.Add([]byte("---\ndate: 2021-02-30\naliases: [\"/x/../y\"]\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := withHomes(fstest.MapFS{"content/fr/p.md": {Data: data}, "content/en/p.md": {Data: data}})
		site, _, err := Load(fsys, config.Default(), Options{AllowMissing: true, AllowStale: true})
		if err == nil {
			p := site.Page("fr", "p")
			if p == nil || p.Title == "" || p.Description == "" || !slugRE.MatchString(p.Slug) {
				t.Fatalf("accepted a page without title, description or valid slug: %+v", p)
			}
		} else if !strings.Contains(err.Error(), "content/") {
			t.Fatalf("error without a position: %v", err)
		}
	})
}
