package site

import (
	"bytes"
	"image"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/shareimage"
)

// TestShareImagesEveryScript: the language fixtures (Arabic, Kazakh,
// Russian, Ukrainian, German…) draw every share image without a missing
// glyph, and the Arabic cards are set from the right margin.
func TestShareImagesEveryScript(t *testing.T) {
	for _, fx := range langFixtures {
		t.Run(fx.src+"-"+fx.tr, func(t *testing.T) {
			res := mustRender(t, Options{Dir: extract(t, "langs/"+fx.src+"-"+fx.tr+".txtar")})
			for _, w := range res.Stats.Warnings {
				if strings.Contains(w.Msg, "cannot draw") {
					t.Errorf("warning: %v", w)
				}
			}
			for _, lang := range []string{fx.src, fx.tr} {
				home := res.Files[shareImageName(lang)]
				m := cardURL2.FindStringSubmatch(string(res.Files[lang+"/p/index.html"]))
				if home == nil || m == nil || res.Files[m[1]] == nil {
					t.Fatalf("%s: site card %d bytes, page card %q", lang, len(home), m)
				}
				for _, data := range [][]byte{home, res.Files[m[1]]} {
					img, err := png.Decode(bytes.NewReader(data))
					if err != nil {
						t.Fatal(err)
					}
					box := titleInk(img)
					rtl := fx.dir == "rtl" && lang == fx.src
					if rtl && (box.Max.X < shareimage.Width-shareimage.Margin-8 || box.Min.X < shareimage.Margin) {
						t.Errorf("%s: title ink %v, want it against the right margin", lang, box)
					}
					if !rtl && (box.Min.X < shareimage.Margin-4 || box.Min.X > shareimage.Margin+8) {
						t.Errorf("%s: title ink %v, want it from the left margin", lang, box)
					}
				}
			}
		})
	}
}

// cardURL2 finds the share image of a language fixture's page.
var cardURL2 = regexp.MustCompile(`<meta property="og:image" content="https://example\.test/([^"]+\.png)">`)

// titleInk is the box of the title's white pixels.
func titleInk(img image.Image) image.Rectangle {
	var box image.Rectangle
	white := shareimage.TitleColor.RGBA()
	for y := shareimage.Margin + 8; y < 330; y++ {
		for x := 0; x < shareimage.Width; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); uint8(r>>8) == white.R && uint8(g>>8) == white.G && uint8(b>>8) == white.B {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}
