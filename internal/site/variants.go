package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/markdown"
	"golang.org/x/image/draw"
)

// variantWidths are the widths, in pixels, of the smaller copies a JPEG or
// PNG image gets for its srcset (those under the image's own width).
var variantWidths = []int{480, 960, 1440}

// variantSizes is the sizes attribute of an image with variants: the
// width of the text column (the theme's --measure of 38em, within 1rem
// of padding each side on a phone).
const variantSizes = "(min-width: 40em) 38em, calc(100vw - 2rem)"

// variantDir is where the variants are written, named by the source's
// content hash: one set for every page that shows the image.
const variantDir = "assets/img/"

// addVariants gives img, the image of page p read from the source file
// name, a srcset of smaller copies when it is a JPEG or PNG wider than the
// smallest variant.
func addVariants(p *content.Page, img *markdown.Image, name string, data []byte) {
	ext := strings.ToLower(path.Ext(name))
	if ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
		return
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])[:16]
	var set []string
	for _, w := range variantWidths {
		if w >= img.Width {
			break
		}
		out := fmt.Sprintf("%s%s-%dw%s", variantDir, hash, w, ext)
		img.Variants = append(img.Variants, markdown.Asset{Src: name, Out: out, Width: w})
		set = append(set, content.RelURL(p.URLPath(), out)+" "+strconv.Itoa(w)+"w")
	}
	if len(set) == 0 {
		return
	}
	set = append(set, img.URL+" "+strconv.Itoa(img.Width)+"w")
	img.Srcset = strings.Join(set, ", ")
	img.Sizes = variantSizes
}

// variantSet makes the variants of one source image: decoded once, each
// width scaled with Catmull-Rom and encoded in the source's format.
type variantSet struct {
	once sync.Once
	out  map[int][]byte
	err  error
}

// variant returns the resized copy that a describes, made once per build
// for every width of its source, and kept in the build cache (memo) by
// the source's content hash.
func (b *builder) variant(a markdown.Asset, data []byte) ([]byte, error) {
	sum := sha256.Sum256(data)
	key := hex.EncodeToString(sum[:]) + path.Ext(a.Out)
	b.mu.Lock()
	if b.variants == nil {
		b.variants = map[string]*variantSet{}
	}
	vs := b.variants[key]
	if vs == nil {
		vs = &variantSet{}
		b.variants[key] = vs
	}
	b.mu.Unlock()
	vs.once.Do(func() {
		vs.out, vs.err = memo(b.cache, "variants", key, func() (map[int][]byte, error) {
			return resize(data, strings.ToLower(path.Ext(a.Out)))
		})
	})
	if vs.err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: a.Src}, Msg: "cannot resize the image: " + vs.err.Error(),
			Hint: "export the image again as a plain PNG or JPEG"}
	}
	out, ok := vs.out[a.Width]
	if !ok {
		return nil, &diag.Error{Pos: diag.Pos{File: a.Src}, Msg: fmt.Sprintf("no %d-pixel variant", a.Width), Hint: "report it"}
	}
	return out, nil
}

// resize decodes an image and encodes it at every variant width under its
// own, as PNG or JPEG (quality 85) after ext. Decoding and the first
// scaling dominate: about 2 s for a 12-megapixel JPEG on a shared core.
func resize(data []byte, ext string) (map[int][]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	bw, bh := src.Bounds().Dx(), src.Bounds().Dy()
	out := map[int][]byte{}
	// Largest first, each smaller one scaled from the one before: the
	// full-size source is filtered once.
	for i := len(variantWidths) - 1; i >= 0; i-- {
		w := variantWidths[i]
		if w >= bw {
			continue
		}
		h := max(1, (bh*w+bw/2)/bw)
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		src = dst
		var buf bytes.Buffer
		if ext == ".png" {
			err = png.Encode(&buf, dst)
		} else {
			err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 85})
		}
		if err != nil {
			return nil, err
		}
		out[w] = buf.Bytes()
	}
	return out, nil
}
