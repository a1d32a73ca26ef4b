package themetest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kz30/kz30/internal/site"
	"github.com/kz30/kz30/internal/testsupport"
)

// repoRoot holds the default templates/ and static/ (the files embedded in
// the kz30 binary), so tests use exactly what ships.
var repoRoot = os.DirFS(filepath.Join("..", "..", "theme"))

// fixtures is internal/site's testdata: the fixture sites these tests
// read are the ones its tests pin.
var fixtures = filepath.Join("..", "site", "testdata")

// extract writes a txtar archive of internal/site's testdata into a new
// temporary folder.
func extract(t testing.TB, name string) string {
	t.Helper()
	return testsupport.Extract(t, filepath.Join(fixtures, name))
}

// mustRender builds a site in memory with the built-in theme unless opts
// names another, and fails the test on error.
func mustRender(t testing.TB, opts site.Options) *site.Result {
	t.Helper()
	if opts.Defaults == nil {
		opts.Defaults = repoRoot
	}
	res, err := site.Render(opts)
	if err != nil {
		t.Fatalf("Render(%s): %v", opts.Dir, err)
	}
	return res
}

// nlFixture is the newsletter fixture site (testsupport.NewsletterSite).
func nlFixture(t testing.TB) string {
	t.Helper()
	return testsupport.NewsletterSite(t, filepath.Join(fixtures, "newsletter.txtar"), filepath.Join("..", "..", "theme"))
}

// imageSite is the fixture site with images (testsupport.ImageSite).
func imageSite(t *testing.T) string {
	t.Helper()
	return testsupport.ImageSite(t, filepath.Join(fixtures, "site.txtar"))
}

// nlRealSite renders the Kazakhstan site of the repository.
func nlRealSite(t testing.TB) *site.Result {
	t.Helper()
	return mustRender(t, site.Options{Dir: filepath.Join("..", ".."), Defaults: repoRoot})
}

// nlExports lists the HTML exports of a build (not the index), sorted.
func nlExports(res *site.Result) []string { return testsupport.NewsletterExports(res.Files) }
