package shareimage

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"sync"
)

// The page cards of a site are many (one per page) and mostly their
// language's background: the same night blue, rules and band, with a
// title on top. encodeFast writes such a card as a PNG without
// compressing what it shares with the background: the image is cut into
// strips of stripRows rows, each compressed on its own (a fresh
// compressor, ended by a sync flush, so that the strips' deflate data
// simply follow each other in one zlib stream); a strip that is the
// background's is copied from the background's own, compressed once per
// build. Only the strips holding the title and subtitle are compressed
// per card, at flate.BestSpeed. The file is a plain 8-bit paletted PNG.
const stripRows = 10

// strip is one strip of rows, filtered (a 0 before each row) and
// compressed.
type strip struct {
	deflate []byte // ends with a sync flush
	adler   uint32 // of the filtered rows
	n       int    // filtered length
}

// stripBytes are rows [y0, y1) of img, each preceded by PNG filter 0.
func stripBytes(img *image.Paletted, y0, y1 int, buf []byte) []byte {
	buf = buf[:0]
	for y := y0; y < y1; y++ {
		buf = append(buf, 0)
		buf = append(buf, img.Pix[img.PixOffset(0, y):img.PixOffset(img.Rect.Dx(), y)]...)
	}
	return buf
}

// rawBuffers hold filtered rows to compress.
var rawBuffers sync.Pool

var fastWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// compressStrip compresses raw on its own at level.
func compressStrip(raw []byte, level int) strip {
	var out bytes.Buffer
	var w *flate.Writer
	if level == flate.BestSpeed {
		w = fastWriters.Get().(*flate.Writer)
		defer fastWriters.Put(w)
		w.Reset(&out)
	} else {
		w, _ = flate.NewWriter(&out, level)
	}
	w.Write(raw) // a bytes.Buffer does not fail
	w.Flush()
	return strip{deflate: out.Bytes(), adler: adler32.Checksum(raw), n: len(raw)}
}

// background is what every page card of a language shares: the image
// before its title and subtitle are drawn, and its strips, compressed
// when first needed.
type background struct {
	img    *image.Paletted
	once   []sync.Once
	strips []strip
}

func newBackground(img *image.Paletted) *background {
	n := (img.Rect.Dy() + stripRows - 1) / stripRows
	return &background{img: img, once: make([]sync.Once, n), strips: make([]strip, n)}
}

// strip is strip i of the background, compressed at the default level.
func (bg *background) strip(i int) strip {
	bg.once[i].Do(func() {
		y0 := i * stripRows
		y1 := min(y0+stripRows, bg.img.Rect.Dy())
		bg.strips[i] = compressStrip(stripBytes(bg.img, y0, y1, nil), flate.DefaultCompression)
	})
	return bg.strips[i]
}

// encodeFast writes img, drawn over bg, as a PNG.
func (bg *background) encodeFast(img *image.Paletted) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var idat bytes.Buffer
	idat.Write([]byte{0x78, 0x01}) // zlib: deflate, 32 KB window
	sum := uint32(1)
	raw, _ := rawBuffers.Get().([]byte)
	defer func() { rawBuffers.Put(raw[:0]) }() //nolint:staticcheck // a slice is small enough to pool
	same := func(i int) bool {
		lo, hi := img.PixOffset(0, i*stripRows), img.PixOffset(0, min((i+1)*stripRows, h))
		return bytes.Equal(img.Pix[lo:hi], bg.img.Pix[lo:hi])
	}
	for i := 0; i < len(bg.strips); {
		if same(i) {
			s := bg.strip(i)
			idat.Write(s.deflate)
			sum = adler32Combine(sum, s.adler, s.n)
			i++
			continue
		}
		// A run of strips that differ from the background, compressed
		// together.
		j := i + 1
		for j < len(bg.strips) && !same(j) {
			j++
		}
		raw = stripBytes(img, i*stripRows, min(j*stripRows, h), raw)
		s := compressStrip(raw, flate.BestSpeed)
		idat.Write(s.deflate)
		sum = adler32Combine(sum, s.adler, s.n)
		i = j
	}
	idat.Write([]byte{0x03, 0x00}) // a final, empty fixed-Huffman block
	idat.Write(binary.BigEndian.AppendUint32(nil, sum))

	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 3 // 8 bits, paletted
	chunk(&out, "IHDR", ihdr)
	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte = append(plte, uint8(r>>8), uint8(g>>8), uint8(b>>8))
	}
	chunk(&out, "PLTE", plte)
	chunk(&out, "IDAT", idat.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes()
}

// chunk writes one PNG chunk.
func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// adler32Combine is the Adler-32 of two byte strings put end to end, from
// the checksum a of the first and b of the second (n bytes long), as
// zlib's adler32_combine computes it.
func adler32Combine(a, b uint32, n int) uint32 {
	const base = 65521
	rem := uint32(n % base)
	s1 := a & 0xffff
	s2 := rem * s1 % base
	sum1 := s1 + b&0xffff + base - 1
	sum2 := a>>16 + b>>16 + base - rem + s2
	for sum1 >= base {
		sum1 -= base
	}
	for sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}
