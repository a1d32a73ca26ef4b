package shareimage

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/png"
	"testing"
)

// scriptCards are cards in the scripts of the built-in languages, which
// the Go fonts do not all cover (Arabic, Kazakh Cyrillic).
var scriptCards = map[string]Card{
	"ar": {Title: "الدولة على الإنترنت: كازاخستان في 30 عامًا", Subtitle: "الشبكة ومستخدموها", Brand: "كازاخستان 30", Address: "example.test", RTL: true},
	"kk": {Title: "Қазақстан 30 жаста: цифрлық секіріс", Subtitle: "Әлем, Ғылым, Өңір, Ұлт, Үкімет, Һ, Іс", Brand: "Қазақстан 30", Address: "example.test"},
	"ru": {Title: "Казахстан в 30 лет: цифровой рывок", Subtitle: "Ёлки, съезд и объём", Brand: "Казахстан 30", Address: "example.test"},
	"uk": {Title: "Казахстан у 30 років: цифровий стрибок", Subtitle: "Їжак, ґанок, Європа", Brand: "Казахстан 30", Address: "example.test"},
}

// inkBox is the smallest rectangle of r holding every pixel that is not
// the background.
func inkBox(img image.Image, r image.Rectangle) image.Rectangle {
	var box image.Rectangle
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba(img.At(x, y)) != BackgroundColor.RGBA() {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

// TestScriptCards: every letter of ar, kk, ru and uk is drawn (no missing
// glyph), the title is inked, and the same card gives the same bytes.
func TestScriptCards(t *testing.T) {
	p := NewPainter()
	for lang, c := range scriptCards {
		for _, fast := range []bool{false, true} {
			draw := p.Draw
			if fast {
				draw = p.DrawFast
			}
			d, err := draw(c)
			if err != nil {
				t.Fatalf("%s: %v", lang, err)
			}
			if len(d.Missing) > 0 {
				t.Errorf("%s: missing glyphs %q", lang, string(d.Missing))
			}
			again, _ := NewPainter().Draw(c)
			if fast {
				again, _ = NewPainter().DrawFast(c)
			}
			if !bytes.Equal(again.PNG, d.PNG) {
				t.Errorf("%s (fast %v): two drawings differ", lang, fast)
			}
			img := checkPNG(t, lang, d.PNG)
			if n := ink(img, image.Rect(Margin, Margin+8, Width-Margin, 300)); n < 5000 {
				t.Errorf("%s: %d pixels of title, want the title drawn", lang, n)
			}
		}
	}
}

// TestRTLCard: an Arabic card is set right to left: its title ends at the
// right margin and leaves the left side empty, the gold rule is on the
// right, and the brand sits at the right of the band.
func TestRTLCard(t *testing.T) {
	d, err := NewPainter().Draw(scriptCards["ar"])
	if err != nil {
		t.Fatal(err)
	}
	img := checkPNG(t, "ar", d.PNG)
	title := inkBox(img, image.Rect(0, Margin+8, Width, 300))
	if title.Max.X < Width-Margin-8 || title.Max.X > Width-Margin+4 {
		t.Errorf("Arabic title ends at x=%d, want at the right margin (%d)", title.Max.X, Width-Margin)
	}
	if title.Min.X < Margin {
		t.Errorf("Arabic title starts at x=%d, inside the left margin", title.Min.X)
	}
	rule := inkBox(img, image.Rect(0, Margin-4, Width, Margin+4))
	if rule.Min.X < Width/2 {
		t.Errorf("gold rule at %v, want it on the right", rule)
	}
	// The brand (bold, on the right of the band) is drawn in the band's
	// text colour right of the middle.
	brand := 0
	for y := Height - BandHeight; y < Height; y++ {
		for x := Width / 2; x < Width-Margin+4; x++ {
			if rgba(img.At(x, y)) == BandTextColor.RGBA() {
				brand++
			}
		}
	}
	if brand < 200 {
		t.Errorf("%d brand pixels right of the middle of the band, want the brand there", brand)
	}
	// The left-to-right version of the same text starts at the left.
	ltr := scriptCards["ar"]
	ltr.RTL = false
	d2, _ := NewPainter().Draw(ltr)
	img2, _ := png.Decode(bytes.NewReader(d2.PNG))
	if b := inkBox(img2, image.Rect(0, Margin+8, Width, 300)); b.Min.X > Margin+4 {
		t.Errorf("the same title set left to right starts at x=%d, want the left margin", b.Min.X)
	}
}

// TestArabicShaping: Arabic letters take their joined forms, so the
// shaped word is narrower than its letters set apart (each in its
// isolated form), and a joined word has no gap between its letters.
func TestArabicShaping(t *testing.T) {
	p := NewPainter()
	if err := p.load(); err != nil {
		t.Fatal(err)
	}
	l := layout{p: p, shaped: true, rtl: true}
	s, closeS, err := l.setter(true, 72)
	if err != nil {
		t.Fatal(err)
	}
	defer closeS()
	const word = "الإنترنت"
	apart := s.measure("ا ل إ ن ت ر ن ت") - 7*s.measure(" ")
	if joined := s.measure(word); joined >= apart {
		t.Errorf("joined %v, letters apart %v: want joined forms, narrower", joined, apart)
	}
	// "لا" (lam, alef) is one ligature glyph in DejaVu Sans.
	ss := s.(*shapedSetter)
	var n int
	for _, o := range ss.shape("لا") {
		n += len(o.Glyphs)
	}
	if n != 1 {
		t.Errorf("lam-alef shaped into %d glyphs, want the ligature", n)
	}
}

// TestFastMatchesDraw: DrawFast's PNG holds the same pixels as Draw's.
func TestFastMatchesDraw(t *testing.T) {
	p := NewPainter()
	for _, c := range []Card{siteCard, scriptCards["ar"], scriptCards["kk"], {Title: "x"}} {
		a, err := p.Draw(c)
		if err != nil {
			t.Fatal(err)
		}
		b, err := p.DrawFast(c)
		if err != nil {
			t.Fatal(err)
		}
		ia, _ := png.Decode(bytes.NewReader(a.PNG))
		ib, err := png.Decode(bytes.NewReader(b.PNG))
		if err != nil {
			t.Fatalf("%q: DrawFast gives an invalid PNG: %v", c.Title, err)
		}
		for y := range Height {
			for x := range Width {
				if rgba(ia.At(x, y)) != rgba(ib.At(x, y)) {
					t.Fatalf("%q: pixel (%d,%d) %v in Draw, %v in DrawFast", c.Title, x, y, ia.At(x, y), ib.At(x, y))
				}
			}
		}
	}
}

// TestAdler32Combine: the checksum of two strings end to end.
func TestAdler32Combine(t *testing.T) {
	a := bytes.Repeat([]byte("kz30 "), 20000)
	b := bytes.Repeat([]byte{0xff, 0, 7}, 30000)
	want := adlerOf(append(append([]byte{}, a...), b...))
	if got := adler32Combine(adlerOf(a), adlerOf(b), len(b)); got != want {
		t.Errorf("adler32Combine = %08x, want %08x", got, want)
	}
}

func adlerOf(b []byte) uint32 { return adler32.Checksum(b) }
