package newsletter

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/testsupport"
)

// fixture loads testdata/NAME (a txtar site: site.toml and content/) with
// the built-in theme's UI strings and returns its Exporter and site. The
// exporter's Asset gives img/map.png, an 800×400 PNG, and nothing else.
func fixture(t testing.TB, name string) (*Exporter, *content.Site) {
	t.Helper()
	return fixtureFS(t, testsupport.MapFS(t, filepath.Join("testdata", name)), false)
}

// fixtureFS is fixture for a site already read (and edited); allowMissing
// goes to content.Load and to the exporter (Options.AllowMissing).
func fixtureFS(t testing.TB, fsys fstest.MapFS, allowMissing bool) (*Exporter, *content.Site) {
	t.Helper()
	var err error
	cfg := config.Default()
	if f, ok := fsys["site.toml"]; ok {
		if cfg, err = config.Parse("site.toml", f.Data); err != nil {
			t.Fatal(err)
		}
	}
	site, _, err := content.Load(fsys, cfg, content.Options{AllowMissing: allowMissing})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]i18n.CatalogFile{}
	for _, lang := range cfg.Codes() {
		name := filepath.Join("..", "..", "theme", "templates", "i18n", lang+".toml")
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[lang] = i18n.CatalogFile{Name: name, Data: data}
	}
	cat, err := i18n.LoadCatalog(files)
	if err != nil {
		t.Fatal(err)
	}
	locales := map[string]*i18n.Locale{}
	for _, lang := range cfg.Codes() {
		if locales[lang], err = i18n.NewLocale(lang, cat); err != nil {
			t.Fatal(err)
		}
	}
	mapPNG := testsupport.PNG(t, 800, 400)
	x := New(Options{Config: cfg, Site: site, Catalog: cat, Locales: locales, AllowMissing: allowMissing,
		Asset: func(p string) ([]byte, error) {
			if p == "img/map.png" {
				return mapPNG, nil
			}
			return nil, fs.ErrNotExist
		}})
	return x, site
}

// section converts the page name of lang for e-mail, failing the test on
// error.
func section(t testing.TB, x *Exporter, site *content.Site, lang, name string) *Section {
	t.Helper()
	p := site.Page(lang, name)
	if p == nil {
		t.Fatalf("no page %s in %s", name, lang)
	}
	s, _, err := x.Section(p)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
