package testsupport

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// PNG is a w×h PNG image, mid-grey with a black top-left pixel.
func PNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(0, 0, color.Black)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// NewsletterSite extracts the newsletter fixture archive (internal/site's
// testdata/newsletter.txtar) and adds what its pages need beside it: the
// theme's static/site.css and static/favicon.svg (from the theme folder
// theme) and static/img/map.png, an 800×400 image wider than the e-mail
// column.
func NewsletterSite(t testing.TB, archive, theme string) string {
	t.Helper()
	dir := Extract(t, archive)
	for _, f := range []string{"site.css", "favicon.svg"} {
		data, err := os.ReadFile(filepath.Join(theme, "static", f))
		if err != nil {
			t.Fatal(err)
		}
		WriteFile(t, dir, "static/"+f, string(data))
	}
	img := image.NewRGBA(image.Rect(0, 0, 800, 400))
	for y := range 400 {
		for x := range 800 {
			img.Set(x, y, color.RGBA{0, 103, 122, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	WriteFile(t, dir, "static/img/map.png", buf.String())
	return dir
}

// ImageSite extracts the fixture site archive (internal/site's
// testdata/site.txtar) with images added to its French page a: one next
// to it (col.png, 40×30, with a title), an SVG of static/ (inline), so
// that the image paths, sizes and loading can be checked.
func ImageSite(t testing.TB, archive string) string {
	t.Helper()
	dir := Extract(t, archive)
	WriteFile(t, dir, "content/fr/col.png", string(PNG(t, 40, 30)))
	WriteFile(t, dir, "static/img/carte.svg", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80"><rect width="120" height="80"/></svg>`)
	src, err := os.ReadFile(filepath.Join(dir, "content", "fr", "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	WriteFile(t, dir, "content/fr/a.md", string(src)+"\n![Vue du col](col.png \"Le col en été\")\n\nUne ![carte](/img/carte.svg) dans le texte.\n")
	return dir
}
