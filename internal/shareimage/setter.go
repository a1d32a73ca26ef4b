package shareimage

import (
	"image"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// setter sets one line of text in one face: it measures a line and draws
// it. The card's layout (wrap, balance, fitWidth, draw) is written against
// it, so that the Go fonts (Latin, Greek, Russian: byte for byte what kz30
// always drew) and the shaped DejaVu fonts (Arabic, Kazakh, anything the
// Go fonts lack) lay out the same way.
type setter interface {
	// measure is the advance of s, set on one line.
	measure(s string) fixed.Int26_6
	// draw draws s with its baseline starting at (x, y), x being the
	// line's left edge whatever its direction.
	draw(img *image.Paletted, r ramp, x, y int, s string)
	metrics() font.Metrics
}

// goSetter sets text in a Go font, rune by rune with kerning: what
// font.Drawer does.
type goSetter struct{ f font.Face }

func (g goSetter) measure(s string) fixed.Int26_6 { return font.MeasureString(g.f, s) }
func (g goSetter) metrics() font.Metrics          { return g.f.Metrics() }
func (g goSetter) draw(img *image.Paletted, r ramp, x, y int, s string) {
	drawText(img, g.f, r, x, y, s)
}

// compose draws mask (whose pixel mp lands on dr.Min) over img in ramp
// r's text colour: a pixel's coverage picks its shade on the ramp,
// composited over what was drawn there before.
func compose(img *image.Paletted, r ramp, dr image.Rectangle, mask image.Image, mp image.Point) {
	clip := dr.Intersect(img.Bounds())
	for py := clip.Min.Y; py < clip.Max.Y; py++ {
		for px := clip.Min.X; px < clip.Max.X; px++ {
			a := coverage(mask, mp.X+px-dr.Min.X, mp.Y+py-dr.Min.Y)
			if a == 0 {
				continue
			}
			i := img.PixOffset(px, py)
			// Over: coverage a on top of the coverage already there,
			// in the same colour.
			old := r.level(img.Pix[i]) * 0xffff / (rampLevels - 1)
			cov := old + int(a)*(0xffff-old)/0xffff
			img.Pix[i] = r.color((cov*(rampLevels-1) + 0x7fff) / 0xffff)
		}
	}
}
