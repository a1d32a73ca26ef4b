package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/shareimage"
	"github.com/kz30/kz30/internal/testsupport"
)

// shareLines are the head lines of a page that name its share image.
var shareLines = regexp.MustCompile(`(?m)^<meta (property="og:image|name="twitter:image).*$|"image":"[^"]*"`)

// cardURL finds a share image of the fixture site and its output path.
var cardURL = regexp.MustCompile(`https://example\.test/kz30/(assets/[^"]+\.png)`)

// TestPageShareImagesGolden pins, page by page, the share image that the
// head (og:image, twitter:image, JSON-LD image) names: the homes show the
// site card of their language, every other page its own card, which is
// written, decodes as a 1200×630 PNG, and comes out the same in two
// builds.
func TestPageShareImagesGolden(t *testing.T) {
	dir := extract(t, "site.txtar")
	res := mustRender(t, Options{Dir: dir})
	again := mustRender(t, Options{Dir: dir})
	var got bytes.Buffer
	for _, name := range sortedKeys(res.Files) {
		if !strings.HasSuffix(name, "index.html") || strings.Contains(name, "newsletter/") {
			continue
		}
		lines := shareLines.FindAllString(string(res.Files[name]), -1)
		got.WriteString("== " + name + "\n" + strings.Join(lines, "\n") + "\n")
		for _, l := range lines {
			if strings.Contains(l, ":alt") || strings.Contains(l, ":width") || strings.Contains(l, ":height") || strings.Contains(l, ":type") {
				continue
			}
			m := cardURL.FindStringSubmatch(l)
			if m == nil {
				t.Errorf("%s: %s names no share image of the site", name, l)
				continue
			}
			data := res.Files[m[1]]
			if data == nil {
				t.Errorf("%s names %s, which was not written", name, m[1])
				continue
			}
			if !bytes.Equal(data, again.Files[m[1]]) {
				t.Errorf("%s differs between two builds", m[1])
			}
			checkSharePNG(t, m[1], data)
		}
	}
	compareGolden(t, "PageShareImagesGolden", "share-images.txt", got.Bytes())

	// The card of page A shows its title in white.
	m := cardURL.FindStringSubmatch(string(res.Files["fr/page-a/index.html"]))
	if m == nil || !strings.HasPrefix(m[1], pageCardDir) {
		t.Fatalf("fr/page-a/ names no page card: %q", m)
	}
	img, err := png.Decode(bytes.NewReader(res.Files[m[1]]))
	if err != nil {
		t.Fatal(err)
	}
	white := 0
	for y := shareimage.Margin; y < 300; y++ {
		for x := shareimage.Margin; x < shareimage.Width-shareimage.Margin; x++ {
			if color.RGBAModel.Convert(img.At(x, y)) == shareimage.TitleColor.RGBA() {
				white++
			}
		}
	}
	if white < 3000 {
		t.Errorf("the card of fr/page-a/ has %d title pixels, want its title drawn", white)
	}
}

// TestShareImagesSiteSetting: share_images = "site" puts the site card on
// every page and draws no page card.
func TestShareImagesSiteSetting(t *testing.T) {
	dir := extract(t, "site.txtar")
	testsupport.Edit(t, dir, "site.toml", `title = "Fixture"`, "title = \"Fixture\"\nshare_images = \"site\"")
	res := mustRender(t, Options{Dir: dir})
	for name := range res.Files {
		if strings.HasPrefix(name, pageCardDir) {
			t.Errorf("%s written with share_images = \"site\"", name)
		}
	}
	if page := string(res.Files["fr/page-a/index.html"]); !strings.Contains(page, `content="https://example.test/kz30/assets/share-fr.png"`) {
		t.Errorf("fr/page-a/ does not show the site card:\n%s", strings.Join(shareLines.FindAllString(page, -1), "\n"))
	}
}

// writePNG writes a w×h PNG at name below dir.
func writePNG(t *testing.T, dir, name string, w, h int) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestShareImagesFrontMatter: a page's images: replaces its card — an
// image next to the page (copied beside its output), one of static/, or
// one on a host of image_hosts — and the head describes it.
func TestShareImagesFrontMatter(t *testing.T) {
	dir := extract(t, "site.txtar")
	testsupport.Edit(t, dir, "site.toml", `title = "Fixture"`, "title = \"Fixture\"\nimage_hosts = [\"images.example.org\"]")
	testsupport.Edit(t, dir, "content/fr/a.md", "weight: 10", "weight: 10\nimages: [col.png]")
	testsupport.Edit(t, dir, "content/en/a.md", "weight: 10", "weight: 10\nimages: /img/share.png")
	testsupport.Edit(t, dir, "content/en/b.md", "weight: 20", "weight: 20\nimages:\n  - https://images.example.org/b.jpg\n  - ignored.png")
	writePNG(t, dir, "content/fr/col.png", 800, 420)
	writePNG(t, dir, "static/img/share.png", 1000, 500)
	res := mustRender(t, Options{Dir: dir})
	for _, tc := range []struct {
		page string
		want []string
		not  []string
	}{
		{"fr/page-a/index.html", []string{
			`<meta property="og:image" content="https://example.test/kz30/fr/page-a/col.png">`,
			`<meta property="og:image:width" content="800">`,
			`<meta property="og:image:height" content="420">`,
			`<meta property="og:image:type" content="image/png">`,
			`<meta name="twitter:image" content="https://example.test/kz30/fr/page-a/col.png">`,
			`"image":"https://example.test/kz30/fr/page-a/col.png"`,
		}, []string{"og:image:alt", "twitter:image:alt"}},
		{"en/page-a/index.html", []string{
			`<meta property="og:image" content="https://example.test/kz30/img/share.png">`,
			`<meta property="og:image:width" content="1000">`,
			`"image":"https://example.test/kz30/img/share.png"`,
		}, nil},
		{"en/page-b/index.html", []string{
			`<meta property="og:image" content="https://images.example.org/b.jpg">`,
			`<meta name="twitter:image" content="https://images.example.org/b.jpg">`,
			`"image":"https://images.example.org/b.jpg"`,
		}, []string{"og:image:width", "og:image:type", "og:image:alt"}},
	} {
		page := string(res.Files[tc.page])
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s; it has:\n%s", tc.page, w, strings.Join(shareLines.FindAllString(page, -1), "\n"))
			}
		}
		for _, n := range tc.not {
			if strings.Contains(page, n) {
				t.Errorf("%s has %s", tc.page, n)
			}
		}
	}
	if res.Files["fr/page-a/col.png"] == nil {
		t.Error("content/fr/col.png was not copied beside fr/page-a/")
	}
	// The French page B keeps its own card.
	if page := string(res.Files["fr/page-b/index.html"]); !strings.Contains(page, `content="https://example.test/kz30/assets/share/`) {
		t.Errorf("fr/page-b/ lost its card:\n%s", strings.Join(shareLines.FindAllString(page, -1), "\n"))
	}
}

// TestShareImagesFrontMatterErrors: an images: entry that cannot be shown
// stops the build with an error at the entry.
func TestShareImagesFrontMatterErrors(t *testing.T) {
	for _, tc := range []struct{ entry, want string }{
		{`["https://evil.example.com/p.jpg"]`, `content/en/b.md:5:10: images: "https://evil.example.com/p.jpg" is on evil.example.com, which site.toml's image_hosts does not list; add "evil.example.com" to image_hosts`},
		{`[nope.png]`, `content/en/b.md:5:10: images: missing image "nope.png" (looked for content/en/nope.png)`},
		{`/missing.png`, `content/en/b.md:5:9: images: missing image "/missing.png" (looked for static/missing.png)`},
		{`[../../x.png]`, `content/en/b.md:5:10: images: "../../x.png" leaves content/en/, the page's folder`},
		{`[notes.txt]`, `content/en/b.md:5:10: images: "notes.txt" is not an image file`},
	} {
		t.Run(tc.entry, func(t *testing.T) {
			dir := extract(t, "site.txtar")
			testsupport.Edit(t, dir, "content/en/b.md", "weight: 20", "weight: 20\nimages: "+tc.entry)
			_, err := Render(Options{Dir: dir, Defaults: repoRoot})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Render = %v, want an error containing\n%s", err, tc.want)
			}
		})
	}
}
