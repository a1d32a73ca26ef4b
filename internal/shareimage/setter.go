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
// font.Drawer does. With masks set, each glyph is rasterised once per
// Painter (same pixels, drawn from the cache).
type goSetter struct {
	f     font.Face
	id    goFaceID
	masks *maskCache
}

// goFaceID names a Go face: bold or regular, and its size.
type goFaceID struct {
	bold bool
	size float64
}

// goMaskKey is the cache key of a Go font glyph at a sub-pixel position.
type goMaskKey struct {
	id         goFaceID
	r          rune
	fracX, frY fixed.Int26_6
}

// goGlyph is a cached Go font glyph: rect is relative to the pen's whole
// pixel.
type goGlyph struct {
	rect    image.Rectangle
	mask    *image.Alpha
	advance fixed.Int26_6
}

func (g goSetter) measure(s string) fixed.Int26_6 { return font.MeasureString(g.f, s) }
func (g goSetter) metrics() font.Metrics          { return g.f.Metrics() }
func (g goSetter) draw(img *image.Paletted, r ramp, x, y int, s string) {
	if g.masks == nil {
		drawText(img, g.f, r, x, y, s)
		return
	}
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			dot.X += g.f.Kern(prev, c)
		}
		k := goMaskKey{g.id, c, dot.X & 63, dot.Y & 63}
		var gl goGlyph
		if v, ok := g.masks.m.Load(k); ok {
			gl = v.(goGlyph)
		} else {
			origin := fixed.Point26_6{X: k.fracX, Y: k.frY}
			dr, mask, mp, advance, _ := g.f.Glyph(origin, c)
			gl = goGlyph{rect: dr, advance: advance}
			if a, ok := mask.(*image.Alpha); ok && !dr.Empty() {
				gl.mask = image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
				for yy := range dr.Dy() {
					copy(gl.mask.Pix[yy*gl.mask.Stride:(yy+1)*gl.mask.Stride], a.Pix[a.PixOffset(mp.X, mp.Y+yy):])
				}
			}
			g.masks.m.Store(k, gl)
		}
		if gl.mask != nil {
			compose(img, r, gl.rect.Add(image.Pt(dot.X.Floor(), dot.Y.Floor())), gl.mask, image.Point{})
		}
		dot.X += gl.advance
		prev = c
	}
}

// compose draws mask (whose pixel mp lands on dr.Min) over img in ramp
// r's text colour: a pixel's coverage picks its shade on the ramp,
// composited over what was drawn there before (overTable).
func compose(img *image.Paletted, r ramp, dr image.Rectangle, mask image.Image, mp image.Point) {
	clip := dr.Intersect(img.Bounds())
	if a, ok := mask.(*image.Alpha); ok {
		for py := clip.Min.Y; py < clip.Max.Y; py++ {
			my := mp.Y + py - dr.Min.Y
			row := img.Pix[img.PixOffset(clip.Min.X, py):img.PixOffset(clip.Max.X, py)]
			for i := range row {
				mx := mp.X + clip.Min.X + i - dr.Min.X
				if !(image.Point{mx, my}.In(a.Rect)) {
					continue
				}
				cov := a.Pix[a.PixOffset(mx, my)]
				if cov == 0 {
					continue
				}
				row[i] = r.color(int(overTable[r.level(row[i])][cov]))
			}
		}
		return
	}
	for py := clip.Min.Y; py < clip.Max.Y; py++ {
		for px := clip.Min.X; px < clip.Max.X; px++ {
			a := coverage(mask, mp.X+px-dr.Min.X, mp.Y+py-dr.Min.Y)
			if a == 0 {
				continue
			}
			i := img.PixOffset(px, py)
			img.Pix[i] = r.color(over(r.level(img.Pix[i]), a))
		}
	}
}

// over is the ramp level of coverage a (0 to 0xffff) drawn over level
// old in the same colour.
func over(old int, a uint32) int {
	o := old * 0xffff / (rampLevels - 1)
	cov := o + int(a)*(0xffff-o)/0xffff
	return (cov*(rampLevels-1) + 0x7fff) / 0xffff
}

// overTable is over for every level and 8-bit coverage.
var overTable = func() (t [rampLevels][256]uint8) {
	for l := range rampLevels {
		for a := range 256 {
			t[l][a] = uint8(over(l, uint32(a)|uint32(a)<<8))
		}
	}
	return t
}()
