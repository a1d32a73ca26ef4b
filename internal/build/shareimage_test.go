package build

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// checkSharePNG decodes a share image and checks its size and colours.
func checkSharePNG(t *testing.T, name string, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Fatalf("%s is %dx%d, want 1200x630", name, b.Dx(), b.Dy())
	}
	if len(data) > 40<<10 {
		t.Errorf("%s is %d bytes; flat colours should stay under 40 KB", name, len(data))
	}
	if c := rgba(img.At(5, 5)); c != shareBackground.rgba() {
		t.Errorf("%s: background %v, want %v", name, c, shareBackground)
	}
	if c := rgba(img.At(5, shareHeight-5)); c != shareBand.rgba() {
		t.Errorf("%s: band %v, want %v", name, c, shareBand)
	}
	return img
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// ink counts the pixels of r that are not the background.
func ink(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba(img.At(x, y)) != shareBackground.rgba() {
				n++
			}
		}
	}
	return n
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
		// The title is drawn in white in the upper part, the subtitle
		// below it; nothing is drawn in the side margins.
		white := 0
		for y := shareMargin; y < 300; y++ {
			for x := shareMargin; x < shareWidth-shareMargin; x++ {
				if rgba(img.At(x, y)) == shareTitle.rgba() {
					white++
				}
			}
		}
		if white < 5000 {
			t.Errorf("%s: %d title pixels, want the title drawn", name, white)
		}
		margins := ink(img, image.Rect(0, 0, shareMargin-8, shareHeight-bandHeight-8)) +
			ink(img, image.Rect(shareWidth-shareMargin+8, 0, shareWidth, shareHeight-bandHeight-8))
		if margins != 0 {
			t.Errorf("%s: %d pixels drawn in the side margins", name, margins)
		}
		pngs = append(pngs, data)

		// Every page of the language points to it, absolute, with a
		// localized description.
		title := text(lang, res.Config.Lang(lang).Title)
		alt, _ := res.Catalog.T(lang, "share-image-alt", title)
		if !strings.Contains(alt, title) {
			t.Fatalf("share-image-alt %q does not name the title %q", alt, title)
		}
		for _, e := range res.Site.Entries {
			p := e.Pages[res.Site.LangIndex(lang)]
			if p == nil {
				continue
			}
			page := string(res.Files[p.URLPath()+"index.html"])
			for _, want := range []string{
				`<meta property="og:image" content="https://example.github.io/kz30/` + name + `">`,
				`<meta name="twitter:image" content="https://example.github.io/kz30/` + name + `">`,
				`<meta property="og:image:alt" content="` + htmlAttr(alt) + `">`,
				`<meta name="twitter:image:alt" content="` + htmlAttr(alt) + `">`,
				`"image":"https://example.github.io/kz30/` + name + `"`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %s", p.URLPath(), want)
				}
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

func TestShareCardLongText(t *testing.T) {
	fonts, err := loadShareFonts()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Transformation numérique de l’administration publique ", 8)
	data, missing, err := drawShareCard(fonts, shareCard{
		Title: long, Subtitle: long + long, Brand: strings.Repeat("Marque ", 20), Address: "very-long-user-name.github.io/" + strings.Repeat("x", 80),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 0 {
		t.Errorf("missing glyphs %q in plain French", string(missing))
	}
	img := checkSharePNG(t, "long", data)
	if n := ink(img, image.Rect(0, 0, shareMargin-8, shareHeight-bandHeight-8)) +
		ink(img, image.Rect(shareWidth-shareMargin+8, 0, shareWidth, shareHeight-bandHeight-8)); n != 0 {
		t.Errorf("%d pixels drawn in the side margins", n)
	}
	// The subtitle stops above the gold line of the band.
	if n := ink(img, image.Rect(0, shareHeight-bandHeight-8-12, shareWidth, shareHeight-bandHeight-8)); n != 0 {
		t.Errorf("%d pixels drawn just above the band", n)
	}
	// In the band, the brand and the address do not meet in the middle.
	for x := shareWidth/2 - 8; x < shareWidth/2+8; x++ {
		for y := shareHeight - bandHeight; y < shareHeight; y++ {
			if rgba(img.At(x, y)) != shareBand.rgba() {
				t.Fatalf("ink at (%d,%d) in the middle of the band", x, y)
			}
		}
	}
}

func TestShareCardMissingGlyphs(t *testing.T) {
	fonts, err := loadShareFonts()
	if err != nil {
		t.Fatal(err)
	}
	_, missing, err := drawShareCard(fonts, shareCard{Title: "Kazakhstan 30 漢字", Subtitle: "ok", Brand: "漢"})
	if err != nil {
		t.Fatal(err)
	}
	if string(missing) != "漢字" {
		t.Errorf("missing = %q, want %q", string(missing), "漢字")
	}
	dir := extract(t, "site.txtar")
	replaceInFile(t, dir, "site.toml", `title = "Test site"`, `title = "Test site 漢"`)
	res := mustRender(t, Options{Dir: dir})
	if !strings.Contains(res.Stats.Warnings.Error(), `site.toml: the en share image cannot draw "漢"`) {
		t.Errorf("warnings = %v, want one about the missing glyph", res.Stats.Warnings)
	}
}

// testFace is a face of the share image's regular or bold Go font.
func testFace(t *testing.T, bold bool, size float64) font.Face {
	t.Helper()
	fonts, err := loadShareFonts()
	if err != nil {
		t.Fatal(err)
	}
	f := fonts.regular
	if bold {
		f = fonts.bold
	}
	face, err := newFace(f, size)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { face.Close() })
	return face
}

func TestWrap(t *testing.T) {
	f := testFace(t, false, 32)
	width := func(s string) int { return font.MeasureString(f, s).Ceil() }
	w := width("Le Kazakhstan à 30 ans") + 2
	for _, tc := range []struct {
		s        string
		width    int
		max      int
		want     []string
		wantFits bool
	}{
		{"Le Kazakhstan à 30 ans", w, 3, []string{"Le Kazakhstan à 30 ans"}, true},
		{"Le Kazakhstan à 30 ans le saut", w, 3, []string{"Le Kazakhstan à 30 ans", "le saut"}, true},
		// A no-break space keeps « : » with the word before it.
		{"Le Kazakhstan à 30\u00a0ans\u00a0: le saut", width("Le Kazakhstan à 30\u00a0ans") + 2, 3,
			[]string{"Le Kazakhstan à", "30\u00a0ans\u00a0: le saut"}, true},
		{"un deux trois quatre cinq six sept huit", max(width("un deux trois"), width("quatre cinq six…")) + 1, 2,
			[]string{"un deux trois", "quatre cinq six…"}, false},
		// Too long for its lines: cut at a word, not inside one.
		{"un deux trois quatre", width("un deux…") + 1, 1, []string{"un deux…"}, false},
		{"Anticonstitutionnellement", width("Anti…") + 1, 2, []string{"Anti…"}, false},
		{"", w, 3, nil, true},
	} {
		got, fits := wrap(f, tc.s, tc.width, tc.max)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || fits != tc.wantFits {
			t.Errorf("wrap(%q, %d, %d) = %q %v, want %q %v", tc.s, tc.width, tc.max, got, fits, tc.want, tc.wantFits)
		}
		for _, l := range got {
			if width(l) > tc.width {
				t.Errorf("wrap(%q): line %q is %d px, wider than %d", tc.s, l, width(l), tc.width)
			}
		}
	}
	// balance keeps the line count and evens the lines out.
	s := "Le Kazakhstan à 30 ans : le saut numérique"
	wide := width("Le Kazakhstan à 30 ans : le saut") + 2
	greedy, _ := wrap(f, s, wide, 3)
	bal, fits := balance(f, s, wide, 3)
	if !fits || len(greedy) != 2 || len(bal) != 2 {
		t.Fatalf("greedy %q, balanced %q", greedy, bal)
	}
	if d := width(bal[0]) - width(bal[1]); d < 0 && -d > width(greedy[0])-width(greedy[1]) || d > width(greedy[0])-width(greedy[1]) {
		t.Errorf("balanced %q is less even than greedy %q", bal, greedy)
	}
}

// replaceInFile replaces old by new in file (a slash path below dir).
func replaceInFile(t *testing.T, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkShareImage draws the French share image of the site.
func BenchmarkShareImage(b *testing.B) {
	fonts, err := loadShareFonts()
	if err != nil {
		b.Fatal(err)
	}
	c := shareCard{
		Title:    text("fr", "Le Kazakhstan à 30 ans : le saut numérique"),
		Subtitle: text("fr", "Trente ans après l’indépendance, comment le Kazakhstan a misé sur le numérique : e-gouvernement, compétences, recherche, fintech, minage et investissements."),
		Brand:    "Kazakhstan 30", Address: "example.github.io/kz30",
	}
	var size int
	for b.Loop() {
		data, _, err := drawShareCard(fonts, c)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size), "bytes")
}

// drawText draws what font.Drawer draws: each pixel within one ramp shade
// of font.Drawer's full-colour rendering, overlapping glyphs included.
func TestDrawTextMatchesFontDrawer(t *testing.T) {
	face := testFace(t, true, 72)
	const text = "Wàffle « fj » AVAT 30 %"
	r := image.Rect(0, 0, 1100, 120)
	want := image.NewRGBA(r)
	draw.Draw(want, r, image.NewUniform(shareBackground.rgba()), image.Point{}, draw.Src)
	d := font.Drawer{Dst: want, Src: image.NewUniform(shareTitle.rgba()), Face: face, Dot: fixed.P(10, 90)}
	d.DrawString(text)
	got := image.NewPaletted(r, sharePalette)
	fill(got, r, rampTitle.color(0))
	drawText(got, face, rampTitle, 10, 90, text)
	step := (int(shareTitle.rgba().R) - int(shareBackground.rgba().R)) / (rampLevels - 1)
	inked := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			w, g := want.RGBAAt(x, y), rgba(got.At(x, y))
			if diff := int(w.R) - int(g.R); diff > step || -diff > step {
				t.Fatalf("pixel (%d,%d): %v, font.Drawer gives %v", x, y, g, w)
			}
			if g != shareBackground.rgba() {
				inked++
			}
		}
	}
	if inked < 5000 {
		t.Errorf("only %d pixels inked", inked)
	}
}
