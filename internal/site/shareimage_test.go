package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/shareimage"
	"github.com/kz30/kz30/internal/testsupport"
)

// checkSharePNG decodes a share image and checks its size and weight
// (package shareimage tests the drawing itself).
func checkSharePNG(t *testing.T, name string, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if b := img.Bounds(); b.Dx() != shareimage.Width || b.Dy() != shareimage.Height {
		t.Fatalf("%s is %dx%d, want %dx%d", name, b.Dx(), b.Dy(), shareimage.Width, shareimage.Height)
	}
	if len(data) > 40<<10 {
		t.Errorf("%s is %d bytes; flat colours should stay under 40 KB", name, len(data))
	}
	return img
}

func TestShareImagesOfTheSite(t *testing.T) {
	res := renderPages(t, "https://example.github.io/kz30/")
	again := renderPages(t, "https://example.github.io/kz30/")
	var pngs [][]byte
	for _, lang := range res.Site.Langs {
		name := shareImageName(lang)
		data := res.Files[name]
		if data == nil {
			t.Fatalf("no %s", name)
		}
		if !bytes.Equal(data, again.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
		img := checkSharePNG(t, name, data)
		// The title is drawn in white in the upper part.
		white := 0
		for y := shareimage.Margin; y < 300; y++ {
			for x := shareimage.Margin; x < shareimage.Width-shareimage.Margin; x++ {
				if color.RGBAModel.Convert(img.At(x, y)) == shareimage.TitleColor.RGBA() {
					white++
				}
			}
		}
		if white < 5000 {
			t.Errorf("%s: %d title pixels, want the title drawn", name, white)
		}
		pngs = append(pngs, data)

		// The home points to it, absolute, with a localized description;
		// every other page to its own card (shareimage_page_test.go).
		title := text(lang, res.Config.Lang(lang).Title)
		alt, _ := res.Catalog.T(lang, "share-image-alt", title)
		if !strings.Contains(alt, title) {
			t.Fatalf("share-image-alt %q does not name the title %q", alt, title)
		}
		home := res.Site.Page(lang, content.HomeName)
		page := string(res.Files[home.URLPath()+"index.html"])
		for _, want := range []string{
			`<meta property="og:image" content="https://example.github.io/kz30/` + name + `">`,
			`<meta name="twitter:image" content="https://example.github.io/kz30/` + name + `">`,
			`<meta property="og:image:alt" content="` + htmlAttr(alt) + `">`,
			`<meta name="twitter:image:alt" content="` + htmlAttr(alt) + `">`,
			`"image":"https://example.github.io/kz30/` + name + `"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", home.URLPath(), want)
			}
		}
		for _, e := range res.Site.Entries {
			p := e.Pages[res.Site.LangIndex(lang)]
			if p == nil || e.IsHome() {
				continue
			}
			if page := string(res.Files[p.URLPath()+"index.html"]); strings.Contains(page, name) {
				t.Errorf("%s shows the site card, want its own", p.URLPath())
			}
		}
	}
	if len(pngs) == 2 && bytes.Equal(pngs[0], pngs[1]) {
		t.Error("the French and English share images are the same")
	}
}

// htmlAttr escapes s as html/template does in an attribute.
func htmlAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", `"`, "&#34;", "'", "&#39;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// TestShareImageMissingGlyphWarning: a character the Go fonts lack in
// site.toml's title is a warning naming the language and the character.
func TestShareImageMissingGlyphWarning(t *testing.T) {
	fsys := archive(t, "site.txtar")
	testsupport.EditFS(t, fsys, "site.toml", `title = "Test site"`, `title = "Test site 漢"`)
	res := mustRender(t, Options{FS: fsys})
	if !strings.Contains(res.Stats.Warnings.Error(), `site.toml: the en share image cannot draw "漢"`) {
		t.Errorf("warnings = %v, want one about the missing glyph", res.Stats.Warnings)
	}
}

// replaceInFile replaces old by new in file (a slash path below dir).
func replaceInFile(t *testing.T, dir, file, old, new string) {
	t.Helper()
	testsupport.Edit(t, dir, file, old, new)
}
