package build

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
)

// The share image is the picture that link previews (Open Graph, Twitter
// cards) show: one per language, drawn at build time with the Go fonts,
// so it always says what site.toml says and needs no image editor.
const (
	shareWidth  = 1200
	shareHeight = 630
	shareMargin = 80
	bandHeight  = 96 // the brand band at the bottom
)

// shareColor is an opaque 0xRRGGBB colour. The palette is made of
// constants, so it is no mutable package state.
type shareColor uint32

// Flat colours (the blue and gold of the Kazakh flag on a night blue), so
// the PNG stays small.
const (
	shareBackground shareColor = 0x0b243b
	shareTitle      shareColor = 0xffffff
	shareSubtitle   shareColor = 0xc8d8e6
	shareBand       shareColor = 0x00afca
	shareGold       shareColor = 0xfec50c
	shareBandText   shareColor = 0x0b243b
)

func (c shareColor) rgba() color.RGBA {
	return color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 0xff}
}

// shareCard is the text of one share image.
type shareCard struct {
	Title    string // the site title, wrapped on up to three lines
	Subtitle string // the site description, up to three lines
	Brand    string // left of the band: the short site name
	Address  string // right of the band: host and path of the base URL
}

// shareFonts are the parsed Go fonts. sfnt.Font is safe for concurrent
// use; the faces made from it are not, so each drawing makes its own.
type shareFonts struct {
	bold, regular *sfnt.Font
}

func loadShareFonts() (*shareFonts, error) {
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("share image: Go Bold font: %w", err)
	}
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("share image: Go Regular font: %w", err)
	}
	return &shareFonts{bold: bold, regular: regular}, nil
}

func newFace(f *sfnt.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

// drawShareCard draws c as a 1200×630 PNG. It also returns the characters
// the Go fonts cannot draw (they show as boxes).
func drawShareCard(fonts *shareFonts, c shareCard) ([]byte, []rune, error) {
	img := image.NewPaletted(image.Rect(0, 0, shareWidth, shareHeight), sharePalette)
	fill(img, img.Bounds(), rampTitle.color(0))
	band := image.Rect(0, shareHeight-bandHeight, shareWidth, shareHeight)
	fill(img, band, rampBandText.color(0))
	fill(img, image.Rect(0, band.Min.Y-8, shareWidth, band.Min.Y), rampGold.color(rampLevels-1))
	fill(img, image.Rect(shareMargin, shareMargin-4, shareMargin+96, shareMargin+4), rampGold.color(rampLevels-1))

	width := shareWidth - 2*shareMargin
	y := shareMargin + 24
	var faces []font.Face
	defer func() {
		for _, f := range faces {
			f.Close()
		}
	}()
	face := func(f *sfnt.Font, size float64) (font.Face, error) {
		ff, err := newFace(f, size)
		if err == nil {
			faces = append(faces, ff)
		}
		return ff, err
	}

	// The title: the largest size at which it fits on three lines.
	var title []string
	var titleFace font.Face
	for _, size := range []float64{72, 64, 56, 50} {
		f, err := face(fonts.bold, size)
		if err != nil {
			return nil, nil, err
		}
		lines, fits := balance(f, c.Title, width, 3)
		title, titleFace = lines, f
		if fits {
			break
		}
	}
	tm := titleFace.Metrics()
	lineHeight := (tm.Height * 11 / 10).Ceil()
	y += tm.Ascent.Ceil()
	for _, l := range title {
		drawText(img, titleFace, rampTitle, shareMargin, y, l)
		y += lineHeight
	}

	// The subtitle below, on the lines left above the band.
	sub, err := face(fonts.regular, 32)
	if err != nil {
		return nil, nil, err
	}
	sm := sub.Metrics()
	subLine := (sm.Height * 12 / 10).Ceil()
	y += -lineHeight + tm.Descent.Ceil() + 28 + sm.Ascent.Ceil()
	room := max(0, (band.Min.Y-8-24-y+sm.Ascent.Ceil())/subLine)
	lines, _ := wrap(sub, c.Subtitle, width, room)
	for _, l := range lines {
		drawText(img, sub, rampSubtitle, shareMargin, y, l)
		y += subLine
	}

	// The band: brand on the left, address on the right.
	bf, err := face(fonts.bold, 34)
	if err != nil {
		return nil, nil, err
	}
	af, err := face(fonts.regular, 28)
	if err != nil {
		return nil, nil, err
	}
	base := band.Min.Y + (bandHeight+bf.Metrics().Ascent.Ceil()-bf.Metrics().Descent.Ceil())/2
	brand, _ := wrap(bf, c.Brand, width/2, 1)
	for _, l := range brand {
		drawText(img, bf, rampBandText, shareMargin, base, l)
	}
	addr, _ := wrap(af, c.Address, width/2-24, 1)
	for _, l := range addr {
		drawText(img, af, rampBandText, shareWidth-shareMargin-font.MeasureString(af, l).Ceil(), base, l)
	}

	// png.DefaultCompression, not BestCompression: measured on the site's
	// French image, 19.3 KB in 5 ms against 18.1 KB in 54 ms.
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), missingGlyphs(fonts, c), nil
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
// colour of ramp, over the ramp's background, as font.Drawer would (same
// kerning and advances), but straight into the palette: a glyph pixel's
// coverage picks its shade on the ramp, composited over what the glyphs
// before it left there.
func drawText(img *image.Paletted, f font.Face, ramp shareRamp, x, y int, s string) {
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			dot.X += f.Kern(prev, c)
		}
		dr, mask, mp, advance, _ := f.Glyph(dot, c)
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
				old := ramp.level(img.Pix[i]) * 0xffff / (rampLevels - 1)
				cov := old + int(a)*(0xffff-old)/0xffff
				img.Pix[i] = ramp.color((cov*(rampLevels-1) + 0x7fff) / 0xffff)
			}
		}
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
func wrap(f font.Face, s string, width, maxLines int) (lines []string, fits bool) {
	if maxLines <= 0 {
		return nil, s == ""
	}
	limit := fixed.I(width)
	fits = true
	// Not strings.Fields: it would break at no-break spaces too.
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		if n := len(lines); n > 0 && font.MeasureString(f, lines[n-1]+" "+w) <= limit {
			lines[n-1] += " " + w
			continue
		}
		if font.MeasureString(f, w) > limit {
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
func balance(f font.Face, s string, width, maxLines int) ([]string, bool) {
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
func fitWidth(f font.Face, line string, limit fixed.Int26_6, more bool) string {
	if !more && font.MeasureString(f, line) <= limit {
		return line
	}
	ellipsis := func(s string) string { return strings.TrimRight(s, " \u00a0\u202f,;:") + "…" }
	words := strings.Split(line, " ")
	for k := len(words); k > 1; k-- {
		if s := ellipsis(strings.Join(words[:k], " ")); font.MeasureString(f, s) <= limit {
			return s
		}
	}
	r := []rune(words[0])
	for len(r) > 0 {
		if s := ellipsis(string(r)); font.MeasureString(f, s) <= limit {
			return s
		}
		r = r[:len(r)-1]
	}
	return "…"
}

// missingGlyphs lists, once each and in order, the characters of c that
// the Go fonts do not have.
func missingGlyphs(fonts *shareFonts, c shareCard) []rune {
	var buf sfnt.Buffer
	var missing []rune
	for _, r := range c.Title + c.Subtitle + c.Brand + c.Address {
		if r == ' ' || slices.Contains(missing, r) {
			continue
		}
		if i, err := fonts.bold.GlyphIndex(&buf, r); err == nil && i == 0 {
			missing = append(missing, r)
		}
	}
	return missing
}

// rampLevels is the number of anti-aliasing shades kept between a text
// colour and its background: 17 is indistinguishable from 256 at these
// sizes and keeps the file small.
const rampLevels = 17

// shareRamp is one run of rampLevels palette colours, from a background
// (level 0) to a text colour (the last level): the anti-aliasing shades of
// that text on that background. The image is drawn straight into this
// 8-bit palette, so the file is small and quick to compress, and no
// full-colour picture is ever held.
type shareRamp uint8

// The ramps, in palette order.
const (
	rampTitle    shareRamp = iota // title on the background
	rampSubtitle                  // subtitle on the background
	rampBandText                  // brand and address on the band
	rampGold                      // the gold rules (level rampLevels-1)
)

var shareRamps = [...][2]shareColor{
	rampTitle:    {shareBackground, shareTitle},
	rampSubtitle: {shareBackground, shareSubtitle},
	rampBandText: {shareBand, shareBandText},
	rampGold:     {shareBackground, shareGold},
}

// sharePalette holds every ramp, rampLevels colours each.
var sharePalette = func() color.Palette {
	var pal color.Palette
	for _, pair := range shareRamps {
		for i := range rampLevels {
			pal = append(pal, mix(pair[0].rgba(), pair[1].rgba(), i, rampLevels-1))
		}
	}
	return pal
}()

// color is the palette index of the ramp's level (0 to rampLevels-1).
func (r shareRamp) color(level int) uint8 { return uint8(int(r)*rampLevels + level) }

// level is the ramp level of palette index ix, or 0 when ix belongs to
// another ramp.
func (r shareRamp) level(ix uint8) int {
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

// shareImageName is the path of lang's share image in the output.
func shareImageName(lang string) string { return "assets/share-" + lang + ".png" }

// shareCardOf is the text of lang's share image, from site.toml, the
// language's home page and the UI strings.
func (b *builder) shareCardOf(lang string) shareCard {
	c := shareCard{Title: text(lang, b.viewTitle(lang)), Subtitle: b.cfg.Lang(lang).Description, Brand: b.cfg.Title}
	if c.Subtitle == "" {
		if home := b.site.Page(lang, content.HomeName); home != nil {
			c.Subtitle = home.Description
		}
	}
	c.Subtitle = text(lang, c.Subtitle)
	if b.cat.Has(lang, "site-title-short") {
		if s, err := b.cat.T(lang, "site-title-short"); err == nil && s != "" {
			c.Brand = s
		}
	}
	if u, err := url.Parse(b.cfg.BaseURL); err == nil {
		c.Address = strings.TrimSuffix(u.Host+u.Path, "/")
	}
	return c
}

// writeShareImages draws every language's share image, in parallel, and
// warns about characters the Go fonts cannot draw.
func (b *builder) writeShareImages(s sink) error {
	fonts, err := loadShareFonts()
	if err != nil {
		return err
	}
	langs := b.site.Langs
	pngs := make([][]byte, len(langs))
	missing := make([][]rune, len(langs))
	errs := make([]error, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					errs[i] = panicError(nil, r)
				}
			}()
			// A card is drawn from its text alone: the dev server's
			// rebuilds reuse the drawing while the text is unchanged.
			type drawn struct {
				png     []byte
				missing []rune
			}
			card := b.shareCardOf(lang)
			d, err := memo(b.inc, "share-image", fmt.Sprintf("%#v", card), func() (drawn, error) {
				png, missing, err := drawShareCard(fonts, card)
				return drawn{png, missing}, err
			})
			pngs[i], missing[i], errs[i] = d.png, d.missing, err
		})
	}
	wg.Wait()
	var all diag.List
	for i, lang := range langs {
		if errs[i] != nil {
			all.Append(fmt.Errorf("%s: %w", shareImageName(lang), errs[i]))
			continue
		}
		if len(missing[i]) > 0 {
			b.mu.Lock()
			b.warns.Add(diag.Pos{File: "site.toml"},
				fmt.Sprintf("the %s share image cannot draw %q (not in the Go fonts); it shows boxes instead", lang, string(missing[i])),
				"use other characters in the language's title and description, or in site-title-short")
			b.mu.Unlock()
		}
		all.Append(s.write(shareImageName(lang), pngs[i]))
	}
	return all.Err()
}
