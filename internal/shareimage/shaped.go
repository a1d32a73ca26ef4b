package shareimage

import (
	"bytes"
	_ "embed" // the DejaVu fonts
	"fmt"
	"image"
	"sync"

	"github.com/go-text/typesetting/di"
	gtfont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// The DejaVu Sans fonts (fonts/LICENSE: free to embed and redistribute)
// draw the cards whose text the Go fonts cannot: Arabic, the Kazakh
// letters (Ә Ғ Қ Ң Ө Ұ Ү Һ), and most other alphabets. Their text is
// shaped by HarfBuzz (go-text/typesetting): Arabic letters take their
// contextual forms and ligatures, and each line is put in visual order.
var (
	//go:embed fonts/DejaVuSans-Bold.ttf
	dejaVuBold []byte
	//go:embed fonts/DejaVuSans.ttf
	dejaVuRegular []byte
)

// FontsVersion names the fonts and the drawing: it changes whenever the
// same Card would give other bytes, so that a persistent cache keyed by
// the Card and FontsVersion never serves an old drawing.
const FontsVersion = "go-fonts-2.010+dejavu-2.37+go-text-0.3.5/1"

// shapedFont is one DejaVu font, parsed for shaping (go-text) and for
// outlines (x/image/font/sfnt); both are safe for concurrent use, but a
// go-text Face (its caches) and a shaper are not: kits holds them, one
// drawing at a time each.
type shapedFont struct {
	font    *gtfont.Font
	outline *sfnt.Font
	kits    sync.Pool // of *shapeKit
}

// shapeKit is what one drawing shapes with.
type shapeKit struct {
	face   *gtfont.Face
	shaper shaping.HarfbuzzShaper
	seg    shaping.Segmenter
}

func (f *shapedFont) kit() *shapeKit {
	if k, ok := f.kits.Get().(*shapeKit); ok {
		return k
	}
	return &shapeKit{face: gtfont.NewFace(f.font)}
}

func parseShaped(name string, data []byte) (*shapedFont, error) {
	face, err := gtfont.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("share image: %s font: %w", name, err)
	}
	outline, err := opentype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("share image: %s font: %w", name, err)
	}
	return &shapedFont{font: face.Font, outline: outline}, nil
}

// has reports whether the font has a glyph for r.
func (f *shapedFont) has(r rune) bool {
	_, ok := f.font.Cmap.Lookup(r)
	return ok
}

// shapedSetter sets text in a DejaVu font at one size, in paragraph
// direction dir. It is used by one drawing (one goroutine) at a time.
type shapedSetter struct {
	f     *shapedFont
	size  fixed.Int26_6
	dir   di.Direction
	kit   *shapeKit
	masks *maskCache
	buf   sfnt.Buffer
}

func (s *shapedSetter) metrics() font.Metrics {
	m, err := s.f.outline.Metrics(&s.buf, s.size, font.HintingNone)
	if err != nil {
		return font.Metrics{}
	}
	return m
}

// shape splits text into runs of one direction and script, shapes each
// and returns them in visual order, left to right.
func (s *shapedSetter) shape(text string) []shaping.Output {
	runes := []rune(text)
	if len(runes) == 0 {
		return nil
	}
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: s.dir, Face: s.kit.face, Size: s.size,
		Script: language.Latin, Language: language.NewLanguage("und")}
	runs := s.kit.seg.Split(in, oneFace{s.kit.face})
	outs := make([]shaping.Output, len(runs))
	for i, r := range runs {
		outs[i] = s.kit.shaper.Shape(r)
	}
	return visualOrder(outs, s.dir)
}

// visualOrder reorders the logical runs of one line (rule L2 of the
// Unicode bidirectional algorithm, for the two levels a card has): in a
// right-to-left paragraph the runs are reversed, then each group of
// left-to-right runs (a Latin name, a number) is put back in its own
// order; in a left-to-right paragraph each group of right-to-left runs is
// reversed. HarfBuzz already gives each run's glyphs left to right.
func visualOrder(outs []shaping.Output, dir di.Direction) []shaping.Output {
	reverse := func(o []shaping.Output) {
		for i, j := 0, len(o)-1; i < j; i, j = i+1, j-1 {
			o[i], o[j] = o[j], o[i]
		}
	}
	embedded := di.DirectionRTL
	if dir == di.DirectionRTL {
		reverse(outs)
		embedded = di.DirectionLTR
	}
	for i := 0; i < len(outs); {
		j := i
		for j < len(outs) && outs[j].Direction == embedded {
			j++
		}
		if j > i {
			reverse(outs[i:j])
			i = j
		} else {
			i++
		}
	}
	return outs
}

// oneFace is the Fontmap of a single face.
type oneFace struct{ f *gtfont.Face }

func (o oneFace) ResolveFace(rune) *gtfont.Face { return o.f }

func (s *shapedSetter) measure(text string) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, o := range s.shape(text) {
		w += o.Advance
	}
	return w
}

func (s *shapedSetter) draw(img *image.Paletted, r ramp, x, y int, text string) {
	dot := fixed.I(x)
	for _, o := range s.shape(text) {
		for _, g := range o.Glyphs {
			gx := dot + g.XOffset
			m := s.masks.get(s, g.GlyphID, gx&63)
			if m.mask != nil {
				dr := m.rect.Add(image.Pt(gx.Floor(), y-g.YOffset.Round()))
				compose(img, r, dr, m.mask, image.Point{})
			}
			dot += g.Advance
		}
	}
}

// maskCache keeps the glyph masks drawn during a build, by font, size,
// glyph and sub-pixel position, so that a site's cards rasterise each
// glyph once. It is safe for concurrent use.
type maskCache struct{ m sync.Map }

type maskKey struct {
	f    *shapedFont
	size fixed.Int26_6
	gid  gtfont.GID
	frac fixed.Int26_6 // the pen's sub-pixel x position, 0 to 63
}

// glyphMask is a rasterised glyph: rect is where the mask goes relative
// to the pen at whole pixel (0, baseline).
type glyphMask struct {
	rect image.Rectangle
	mask *image.Alpha
}

func (c *maskCache) get(s *shapedSetter, gid gtfont.GID, frac fixed.Int26_6) glyphMask {
	k := maskKey{s.f, s.size, gid, frac}
	if v, ok := c.m.Load(k); ok {
		return v.(glyphMask)
	}
	m := rasterize(s.f.outline, &s.buf, sfnt.GlyphIndex(gid), s.size, fixed.Point26_6{X: frac})
	v, _ := c.m.LoadOrStore(k, m)
	return v.(glyphMask)
}

// rasterize draws glyph x of f at size with the pen at dot, as
// x/image/font/opentype's Face.Glyph does.
func rasterize(f *sfnt.Font, buf *sfnt.Buffer, x sfnt.GlyphIndex, size fixed.Int26_6, dot fixed.Point26_6) glyphMask {
	segments, err := f.LoadGlyph(buf, x, size, nil)
	if err != nil || len(segments) == 0 {
		return glyphMask{}
	}
	b := segments.Bounds().Add(dot)
	dr := image.Rect(b.Min.X.Floor(), b.Min.Y.Floor(), b.Max.X.Ceil(), b.Max.Y.Ceil())
	if dr.Dx() <= 0 || dr.Dy() <= 0 {
		return glyphMask{}
	}
	biasX := dot.X - fixed.Int26_6(dr.Min.X<<6)
	biasY := dot.Y - fixed.Int26_6(dr.Min.Y<<6)
	var rast vector.Rasterizer
	rast.Reset(dr.Dx(), dr.Dy())
	p := func(q fixed.Point26_6) (float32, float32) {
		return float32(q.X+biasX) / 64, float32(q.Y+biasY) / 64
	}
	for _, seg := range segments {
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			rast.MoveTo(p(seg.Args[0]))
		case sfnt.SegmentOpLineTo:
			rast.LineTo(p(seg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			ax, ay := p(seg.Args[0])
			bx, by := p(seg.Args[1])
			rast.QuadTo(ax, ay, bx, by)
		case sfnt.SegmentOpCubeTo:
			ax, ay := p(seg.Args[0])
			bx, by := p(seg.Args[1])
			cx, cy := p(seg.Args[2])
			rast.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	mask := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
	rast.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return glyphMask{rect: dr, mask: mask}
}
