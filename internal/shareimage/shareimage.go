// Package shareimage draws the pictures that link previews (Open Graph,
// Twitter cards) show: a Width×Height PNG with a title, a subtitle and a
// band holding a brand and an address, in a fixed palette of flat
// colours, so the file stays small and the same text always gives the
// same bytes.
//
// Latin, Greek and Russian text is set in the Go fonts; a card with a
// character they lack (Kazakh Cyrillic, Arabic, Hebrew…) or a
// right-to-left card (Card.RTL) is set in the embedded DejaVu Sans fonts,
// shaped by HarfBuzz (github.com/go-text/typesetting) and, right to left,
// mirrored. A Painter draws many cards: Draw for a site card (the
// smallest file), DrawFast for page cards (over a background drawn once
// per band, only the rows holding text compressed per card).
//
// It knows nothing of sites: the caller passes a Card of plain strings
// (already typeset) and gets back the PNG and the characters no embedded
// font can draw (they show as boxes), to warn about.
package shareimage

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strings"
	"sync"

	"github.com/go-text/typesetting/di"
	"golang.org/x/text/unicode/bidi"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The card's geometry, in pixels.
const (
	Width      = 1200
	Height     = 630
	Margin     = 80 // left and right of the text, and above the title
	BandHeight = 96 // the brand band at the bottom
)

// Color is an opaque 0xRRGGBB colour. The palette is made of constants,
// so it is no mutable package state.
type Color uint32

// The palette: flat colours (a sky-blue band and a gold rule on a night
// blue), so the PNG stays small.
const (
	BackgroundColor Color = 0x0b243b
	TitleColor      Color = 0xffffff
	SubtitleColor   Color = 0xc8d8e6
	BandColor       Color = 0x00afca
	GoldColor       Color = 0xfec50c
	BandTextColor   Color = 0x0b243b
)

// RGBA is c, opaque, as a color.RGBA.
func (c Color) RGBA() color.RGBA {
	return color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 0xff}
}

// Card is the text of one share image, typeset (no-break spaces where
// lines must not break).
type Card struct {
	Title    string // wrapped on up to three lines, at the largest size that fits
	Subtitle string // below the title, on up to three lines
	Brand    string // left of the band: a short name
	Address  string // right of the band: a host and path
	// RTL sets the card right to left (an Arabic or Hebrew site): the
	// text column, the rule and the band are mirrored.
	RTL bool
}

// fonts are the parsed Go fonts. sfnt.Font is safe for concurrent use;
// the faces made from it are not, so each drawing makes its own.
type fonts struct {
	bold, regular *sfnt.Font
}

func loadFonts() (*fonts, error) {
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("share image: Go Bold font: %w", err)
	}
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("share image: Go Regular font: %w", err)
	}
	return &fonts{bold: bold, regular: regular}, nil
}

func newFace(f *sfnt.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

// Draw draws c as a Width×Height PNG, compressed at the default level
// (a site card). It also returns, once each and in order, the characters
// of c no embedded font can draw (they show as boxes). It is safe for
// concurrent use; the same card gives the same bytes.
func Draw(c Card) (data []byte, missing []rune, err error) {
	d, err := NewPainter().Draw(c)
	return d.PNG, d.Missing, err
}

// Drawing is a drawn card: the PNG, and the characters of the card no
// embedded font has, once each and in order.
type Drawing struct {
	PNG     []byte
	Missing []rune
}

// Painter draws cards. It parses the fonts once and keeps what the cards
// of a build share: glyph masks, and each band's background (DrawFast).
// It is safe for concurrent use. A drawing is a pure function of the Card
// (and FontsVersion): it may be cached under a key made of the two.
type Painter struct {
	once    sync.Once
	err     error
	gofonts *fonts
	bold    *shapedFont
	regular *shapedFont
	masks   maskCache

	mu     sync.Mutex
	backs  map[backKey]*background
	images sync.Pool // of *image.Paletted, for DrawFast
}

// NewPainter returns a Painter; the fonts are parsed on first use.
func NewPainter() *Painter { return &Painter{} }

func (p *Painter) load() error {
	p.once.Do(func() {
		if p.gofonts, p.err = loadFonts(); p.err != nil {
			return
		}
		if p.bold, p.err = parseShaped("DejaVu Sans Bold", dejaVuBold); p.err != nil {
			return
		}
		p.regular, p.err = parseShaped("DejaVu Sans", dejaVuRegular)
	})
	return p.err
}

// Draw draws c as a PNG compressed at the default level: the smallest
// file, about 5 ms (a site card).
func (p *Painter) Draw(c Card) (Drawing, error) {
	if err := p.load(); err != nil {
		return Drawing{}, err
	}
	l := p.layout(c)
	img := l.background(c)
	if err := l.text(img, c); err != nil {
		return Drawing{}, err
	}
	// png.DefaultCompression, not BestCompression: measured on the site's
	// French image, 19.3 KB in 5 ms against 18.1 KB in 54 ms.
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return Drawing{}, err
	}
	return Drawing{PNG: buf.Bytes(), Missing: p.missing(c)}, nil
}

// DrawFast draws c over its band's background, drawn once per Painter,
// and compresses only the strips of rows that differ from it (see
// encodeFast): a page card, drawn for every page of a site.
func (p *Painter) DrawFast(c Card) (Drawing, error) {
	if err := p.load(); err != nil {
		return Drawing{}, err
	}
	l := p.layout(c)
	l.fast = true
	k := backKey{c.Brand, c.Address, l.rtl, l.shaped}
	p.mu.Lock()
	bg := p.backs[k]
	if bg == nil {
		bg = newBackground(l.background(c))
		if p.backs == nil {
			p.backs = map[backKey]*background{}
		}
		p.backs[k] = bg
	}
	p.mu.Unlock()
	img, _ := p.images.Get().(*image.Paletted)
	if img == nil {
		img = image.NewPaletted(bg.img.Rect, palette)
	}
	defer p.images.Put(img)
	copy(img.Pix, bg.img.Pix)
	if err := l.text(img, c); err != nil {
		return Drawing{}, err
	}
	return Drawing{PNG: bg.encodeFast(img), Missing: p.missing(c)}, nil
}

// backKey is what a card's background depends on.
type backKey struct {
	brand, address string
	rtl, shaped    bool
}

// layout is how a card is set: in the Go fonts, or shaped in the DejaVu
// fonts when the Go fonts lack a character or the text is right to left.
type layout struct {
	p      *Painter
	shaped bool
	rtl    bool
	fast   bool // cache the Go fonts' glyph masks (DrawFast)
}

func (p *Painter) layout(c Card) layout {
	l := layout{p: p, rtl: c.RTL}
	var buf sfnt.Buffer
	for _, r := range c.Title + c.Subtitle + c.Brand + c.Address {
		if r == ' ' {
			continue
		}
		switch cl, _ := bidi.LookupRune(r); cl.Class() {
		case bidi.R, bidi.AL, bidi.AN:
			l.shaped = true
		}
		for _, f := range []*sfnt.Font{p.gofonts.bold, p.gofonts.regular} {
			if i, err := f.GlyphIndex(&buf, r); err == nil && i == 0 {
				l.shaped = true
			}
		}
	}
	l.shaped = l.shaped || c.RTL
	return l
}

// setters makes the setters of one drawing, at the given sizes; close
// releases them.
func (l layout) setter(bold bool, size float64) (setter, func(), error) {
	if !l.shaped {
		f := l.p.gofonts.regular
		if bold {
			f = l.p.gofonts.bold
		}
		face, err := newFace(f, size)
		if err != nil {
			return nil, nil, err
		}
		var masks *maskCache
		if l.fast {
			masks = &l.p.masks
		}
		return goSetter{f: face, id: goFaceID{bold, size}, masks: masks}, func() { face.Close() }, nil
	}
	f := l.p.regular
	if bold {
		f = l.p.bold
	}
	dir := di.DirectionLTR
	if l.rtl {
		dir = di.DirectionRTL
	}
	kit := f.kit()
	return &shapedSetter{f: f, size: fixed.Int26_6(size * 64), dir: dir, kit: kit, masks: &l.p.masks},
		func() { f.kits.Put(kit) }, nil
}

// x is the left edge of a line of width w aligned at the start of the
// text column (the left margin, or the right one right to left).
func (l layout) x(w fixed.Int26_6) int {
	if l.rtl {
		return Width - Margin - w.Ceil()
	}
	return Margin
}

// background draws what does not depend on the title and subtitle: the
// colours, the rules and the band with the brand and the address.
func (l layout) background(c Card) *image.Paletted {
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), palette)
	fill(img, img.Bounds(), rampTitle.color(0))
	band := image.Rect(0, Height-BandHeight, Width, Height)
	fill(img, band, rampBandText.color(0))
	fill(img, image.Rect(0, band.Min.Y-8, Width, band.Min.Y), rampGold.color(rampLevels-1))
	rule := image.Rect(Margin, Margin-4, Margin+96, Margin+4)
	if l.rtl {
		rule = image.Rect(Width-Margin-96, Margin-4, Width-Margin, Margin+4)
	}
	fill(img, rule, rampGold.color(rampLevels-1))

	// The band: brand at the start, address at the end.
	width := Width - 2*Margin
	bf, closeB, err := l.setter(true, 34)
	if err != nil {
		return img
	}
	defer closeB()
	af, closeA, err := l.setter(false, 28)
	if err != nil {
		return img
	}
	defer closeA()
	base := band.Min.Y + (BandHeight+bf.metrics().Ascent.Ceil()-bf.metrics().Descent.Ceil())/2
	brand, _ := wrap(bf, c.Brand, width/2, 1)
	for _, s := range brand {
		bf.draw(img, rampBandText, l.x(bf.measure(s)), base, s)
	}
	addr, _ := wrap(af, c.Address, width/2-24, 1)
	for _, s := range addr {
		x := Width - Margin - af.measure(s).Ceil()
		if l.rtl {
			x = Margin
		}
		af.draw(img, rampBandText, x, base, s)
	}
	return img
}

// text draws the title and the subtitle.
func (l layout) text(img *image.Paletted, c Card) error {
	width := Width - 2*Margin
	y := Margin + 24
	var closers []func()
	defer func() {
		for _, f := range closers {
			f()
		}
	}()
	face := func(bold bool, size float64) (setter, error) {
		s, closeS, err := l.setter(bold, size)
		if err == nil {
			closers = append(closers, closeS)
		}
		return s, err
	}

	// The title: the largest size at which it fits on three lines.
	var title []string
	var titleFace setter
	for _, size := range []float64{72, 64, 56, 50} {
		f, err := face(true, size)
		if err != nil {
			return err
		}
		lines, fits := balance(f, c.Title, width, 3)
		title, titleFace = lines, f
		if fits {
			break
		}
	}
	tm := titleFace.metrics()
	lineHeight := (tm.Height * 11 / 10).Ceil()
	y += tm.Ascent.Ceil()
	y = l.drawLines(img, titleFace, rampTitle, y, lineHeight, title)

	// The subtitle below, on the lines left above the band.
	sub, err := face(false, 32)
	if err != nil {
		return err
	}
	sm := sub.metrics()
	subLine := (sm.Height * 12 / 10).Ceil()
	y += -lineHeight + tm.Descent.Ceil() + 28 + sm.Ascent.Ceil()
	band := Height - BandHeight
	room := max(0, (band-8-24-y+sm.Ascent.Ceil())/subLine)
	lines, _ := wrap(sub, c.Subtitle, width, room)
	l.drawLines(img, sub, rampSubtitle, y, subLine, lines)
	return nil
}

// drawLines draws lines at the start of the text column, the first on
// baseline y and each next one step pixels lower, and returns the
// baseline below the last.
func (l layout) drawLines(img *image.Paletted, f setter, r ramp, y, step int, lines []string) int {
	for _, s := range lines {
		f.draw(img, r, l.x(f.measure(s)), y, s)
		y += step
	}
	return y
}

// fill paints r with palette colour ix.
func fill(img *image.Paletted, r image.Rectangle, ix uint8) {
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := range row {
			row[i] = ix
		}
	}
}

// drawText draws s with its baseline starting at (x, y), in the text
// colour of ramp r, over its background, as font.Drawer would (same
// kerning and advances), but straight into the palette: a glyph pixel's
// coverage picks its shade on the ramp, composited over what the glyphs
// before it left there.
func drawText(img *image.Paletted, f font.Face, r ramp, x, y int, s string) {
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			dot.X += f.Kern(prev, c)
		}
		dr, mask, mp, advance, _ := f.Glyph(dot, c)
		compose(img, r, dr, mask, mp)
		dot.X += advance
		prev = c
	}
}

// coverage is the mask's alpha at (x, y), 0 to 0xffff.
func coverage(mask image.Image, x, y int) uint32 {
	if m, ok := mask.(*image.Alpha); ok {
		if !(image.Point{x, y}.In(m.Rect)) {
			return 0
		}
		a := uint32(m.Pix[m.PixOffset(x, y)])
		return a | a<<8
	}
	_, _, _, a := mask.At(x, y).RGBA()
	return a
}

// wrap breaks s into lines no wider than width, at ordinary spaces only
// (a no-break space keeps French punctuation with its word). With more
// than maxLines lines, the last one kept ends in an ellipsis and fits is
// false; fits is also false when a single word is wider than width.
func wrap(f setter, s string, width, maxLines int) (lines []string, fits bool) {
	if maxLines <= 0 {
		return nil, s == ""
	}
	limit := fixed.I(width)
	fits = true
	// Not strings.Fields: it would break at no-break spaces too.
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		if n := len(lines); n > 0 && f.measure(lines[n-1]+" "+w) <= limit {
			lines[n-1] += " " + w
			continue
		}
		if f.measure(w) > limit {
			fits = false
		}
		lines = append(lines, w)
	}
	if len(lines) <= maxLines {
		for i, l := range lines {
			lines[i] = fitWidth(f, l, limit, false)
		}
		return lines, fits
	}
	lines = lines[:maxLines]
	lines[maxLines-1] = fitWidth(f, lines[maxLines-1], limit, true)
	return lines, false
}

// balance wraps s like wrap, then narrows the width as long as the line
// count stays the same, so the lines come out of even length (no lone word
// on the last line of a title).
func balance(f setter, s string, width, maxLines int) ([]string, bool) {
	lines, fits := wrap(f, s, width, maxLines)
	if !fits || len(lines) < 2 {
		return lines, fits
	}
	lo, hi := 1, width // wrap(hi) fits on len(lines) lines
	for lo < hi {
		mid := (lo + hi) / 2
		if l, ok := wrap(f, s, mid, maxLines); ok && len(l) <= len(lines) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return wrap(f, s, hi, maxLines)
}

// fitWidth shortens line until it fits limit, ending it with "…" when it
// was shortened or more text follows: whole words first, then letters
// when one word alone is too wide.
func fitWidth(f setter, line string, limit fixed.Int26_6, more bool) string {
	if !more && f.measure(line) <= limit {
		return line
	}
	ellipsis := func(s string) string { return strings.TrimRight(s, " \u00a0\u202f,;:") + "…" }
	words := strings.Split(line, " ")
	for k := len(words); k > 1; k-- {
		if s := ellipsis(strings.Join(words[:k], " ")); f.measure(s) <= limit {
			return s
		}
	}
	r := []rune(words[0])
	for len(r) > 0 {
		if s := ellipsis(string(r)); f.measure(s) <= limit {
			return s
		}
		r = r[:len(r)-1]
	}
	return "…"
}

// missing lists, once each and in order, the characters of c that no
// embedded font has (the DejaVu fonts cover all that the Go fonts do).
func (p *Painter) missing(c Card) []rune {
	var missing []rune
	for _, r := range c.Title + c.Subtitle + c.Brand + c.Address {
		if r == ' ' || slices.Contains(missing, r) {
			continue
		}
		if !p.bold.has(r) || !p.regular.has(r) {
			missing = append(missing, r)
		}
	}
	return missing
}

// rampLevels is the number of anti-aliasing shades kept between a text
// colour and its background: 17 is indistinguishable from 256 at these
// sizes and keeps the file small.
const rampLevels = 17

// ramp is one run of rampLevels palette colours, from a background
// (level 0) to a text colour (the last level): the anti-aliasing shades of
// that text on that background. The image is drawn straight into this
// 8-bit palette, so the file is small and quick to compress, and no
// full-colour picture is ever held.
type ramp uint8

// The ramps, in palette order.
const (
	rampTitle    ramp = iota // title on the background
	rampSubtitle             // subtitle on the background
	rampBandText             // brand and address on the band
	rampGold                 // the gold rules (level rampLevels-1)
)

var ramps = [...][2]Color{
	rampTitle:    {BackgroundColor, TitleColor},
	rampSubtitle: {BackgroundColor, SubtitleColor},
	rampBandText: {BandColor, BandTextColor},
	rampGold:     {BackgroundColor, GoldColor},
}

// palette holds every ramp, rampLevels colours each.
var palette = func() color.Palette {
	var pal color.Palette
	for _, pair := range ramps {
		for i := range rampLevels {
			pal = append(pal, mix(pair[0].RGBA(), pair[1].RGBA(), i, rampLevels-1))
		}
	}
	return pal
}()

// color is the palette index of the ramp's level (0 to rampLevels-1).
func (r ramp) color(level int) uint8 { return uint8(int(r)*rampLevels + level) }

// level is the ramp level of palette index ix, or 0 when ix belongs to
// another ramp.
func (r ramp) level(ix uint8) int {
	l := int(ix) - int(r)*rampLevels
	if l < 0 || l >= rampLevels {
		return 0
	}
	return l
}

func mix(a, b color.RGBA, i, n int) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i + n/2) / n) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}
