package newsletter

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/testsupport"
)

// TestLinkToMissingTranslation: a link to a page the message's language
// lacks is an error, unless missing translations are allowed: then it
// goes to the source language's page, as on the web page.
func TestLinkToMissingTranslation(t *testing.T) {
	site := func() fstest.MapFS {
		fsys := testsupport.MapFS(t, filepath.Join("testdata", "site.txtar"))
		fsys["content/fr/d.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Page D\ndescription: En français seulement.\nweight: 40\nslug: page-d\n---\nTexte.\n")}
		testsupport.EditFS(t, fsys, "content/en/c.md", "which points to [page A](a.md#code)", "which points to [page A](a.md#code) and [page D](d.md)")
		return fsys
	}
	x, s := fixtureFS(t, site(), true)
	sec, _, err := x.Section(s.Page("en", "c"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := x.Compose([]*Section{sec}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(m.HTML), `href="https://example.test/kz30/fr/page-d/?utm_campaign=essai`) {
		t.Error("with missing translations allowed, the link does not go to the French page")
	}
	x.opts.AllowMissing = false
	if _, _, err := x.Section(s.Page("en", "c")); err == nil || !strings.Contains(err.Error(), "content/en/c.md:10:") || !strings.Contains(err.Error(), "d.md") {
		t.Errorf("without: error %v, want the missing page at the link", err)
	}
}
