package shareimage

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// checkPNG decodes a share image and checks its size and colours.
func checkPNG(t *testing.T, name string, data []byte) image.Image {
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
	if c := rgba(img.At(5, 5)); c != BackgroundColor.RGBA() {
		t.Errorf("%s: background %v, want %v", name, c, BackgroundColor)
	}
	if c := rgba(img.At(5, Height-5)); c != BandColor.RGBA() {
		t.Errorf("%s: band %v, want %v", name, c, BandColor)
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
			if rgba(img.At(x, y)) != BackgroundColor.RGBA() {
				n++
			}
		}
	}
	return n
}

// siteCard is the French card of the Kazakhstan site.
var siteCard = Card{
	Title:    "Le Kazakhstan à 30\u00a0ans\u00a0: le saut numérique",
	Subtitle: "Trente ans après l’indépendance, comment le Kazakhstan a misé sur le numérique\u00a0: e-gouvernement, compétences, recherche, fintech, minage et investissements.",
	Brand:    "Kazakhstan 30", Address: "example.github.io/kz30",
}

// TestDrawSiteCard: the title is drawn in white in the upper part, the
// side margins stay empty, and the same card gives the same bytes.
func TestDrawSiteCard(t *testing.T) {
	data, missing, err := Draw(siteCard)
	if err != nil || len(missing) != 0 {
		t.Fatalf("Draw = %v, missing %q", err, string(missing))
	}
	if again, _, _ := Draw(siteCard); !bytes.Equal(again, data) {
		t.Error("two drawings of the same card differ")
	}
	img := checkPNG(t, "site", data)
	white := 0
	for y := Margin; y < 300; y++ {
		for x := Margin; x < Width-Margin; x++ {
			if rgba(img.At(x, y)) == TitleColor.RGBA() {
				white++
			}
		}
	}
	if white < 5000 {
		t.Errorf("%d title pixels, want the title drawn", white)
	}
	if n := ink(img, image.Rect(0, 0, Margin-8, Height-BandHeight-8)) +
		ink(img, image.Rect(Width-Margin+8, 0, Width, Height-BandHeight-8)); n != 0 {
		t.Errorf("%d pixels drawn in the side margins", n)
	}
}

func TestDrawLongText(t *testing.T) {
	long := strings.Repeat("Transformation numérique de l’administration publique ", 8)
	data, missing, err := Draw(Card{
		Title: long, Subtitle: long + long, Brand: strings.Repeat("Marque ", 20), Address: "very-long-user-name.github.io/" + strings.Repeat("x", 80),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 0 {
		t.Errorf("missing glyphs %q in plain French", string(missing))
	}
	img := checkPNG(t, "long", data)
	if n := ink(img, image.Rect(0, 0, Margin-8, Height-BandHeight-8)) +
		ink(img, image.Rect(Width-Margin+8, 0, Width, Height-BandHeight-8)); n != 0 {
		t.Errorf("%d pixels drawn in the side margins", n)
	}
	// The subtitle stops above the gold line of the band.
	if n := ink(img, image.Rect(0, Height-BandHeight-8-12, Width, Height-BandHeight-8)); n != 0 {
		t.Errorf("%d pixels drawn just above the band", n)
	}
	// In the band, the brand and the address do not meet in the middle.
	for x := Width/2 - 8; x < Width/2+8; x++ {
		for y := Height - BandHeight; y < Height; y++ {
			if rgba(img.At(x, y)) != BandColor.RGBA() {
				t.Fatalf("ink at (%d,%d) in the middle of the band", x, y)
			}
		}
	}
}

func TestDrawMissingGlyphs(t *testing.T) {
	_, missing, err := Draw(Card{Title: "Kazakhstan 30 漢字", Subtitle: "ok", Brand: "漢"})
	if err != nil {
		t.Fatal(err)
	}
	if string(missing) != "漢字" {
		t.Errorf("missing = %q, want %q", string(missing), "漢字")
	}
}

// testFace is a face of the share image's regular or bold Go font.
func testFace(t *testing.T, bold bool, size float64) font.Face {
	t.Helper()
	fonts, err := loadFonts()
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
	f := goSetter{f: testFace(t, false, 32)}
	width := func(s string) int { return f.measure(s).Ceil() }
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

// BenchmarkDraw draws the French site card of the site.
func BenchmarkDraw(b *testing.B) {
	c := siteCard
	p := NewPainter() // as a build does: the fonts are parsed once
	var size int
	for b.Loop() {
		d, err := p.Draw(c)
		if err != nil {
			b.Fatal(err)
		}
		size = len(d.PNG)
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
	draw.Draw(want, r, image.NewUniform(BackgroundColor.RGBA()), image.Point{}, draw.Src)
	d := font.Drawer{Dst: want, Src: image.NewUniform(TitleColor.RGBA()), Face: face, Dot: fixed.P(10, 90)}
	d.DrawString(text)
	got := image.NewPaletted(r, palette)
	fill(got, r, rampTitle.color(0))
	drawText(got, face, rampTitle, 10, 90, text)
	step := (int(TitleColor.RGBA().R) - int(BackgroundColor.RGBA().R)) / (rampLevels - 1)
	inked := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			w, g := want.RGBAAt(x, y), rgba(got.At(x, y))
			if diff := int(w.R) - int(g.R); diff > step || -diff > step {
				t.Fatalf("pixel (%d,%d): %v, font.Drawer gives %v", x, y, g, w)
			}
			if g != BackgroundColor.RGBA() {
				inked++
			}
		}
	}
	if inked < 5000 {
		t.Errorf("only %d pixels inked", inked)
	}
}
