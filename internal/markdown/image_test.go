package markdown

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// fakeImage resolves "col.png" next to the page, "/img/…" in static/, and
// nothing else.
func fakeImage(dest string) (Image, error) {
	switch {
	case dest == "col.png":
		return Image{URL: "col.png", Width: 40, Height: 30, Copy: Asset{Src: "content/fr/col.png", Out: "fr/p/col.png"}}, nil
	case strings.HasPrefix(dest, "/img/"):
		return Image{URL: "../.." + dest, Width: 16, Height: 16}, nil
	}
	return Image{}, &diag.Error{Msg: "missing image " + dest, Hint: "add it"}
}

// TestImagesGolden pins figures, sizes, lazy loading and the rewritten
// paths (testdata/images.golden.html; go test -run TestImagesGolden -update).
func TestImagesGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/images.md")
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{Lang: "fr", ImageHosts: []string{"images.example.org"}})
	doc, warns, err := c.Convert(Source{File: "content/fr/p.md", Line: 1, Body: src, Image: fakeImage})
	if err != nil {
		t.Fatalf("Convert: %v", err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	const golden = "testdata/images.golden.html"
	if *update {
		if err := os.WriteFile(golden, doc.HTML, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -run TestImagesGolden -update)", err)
	}
	if !bytes.Equal(doc.HTML, want) {
		t.Errorf("HTML differs from %s (go test -run TestImagesGolden -update, then review):\n%s", golden, doc.HTML)
	}
	if doc.Images != 6 || len(doc.Assets) != 1 || doc.Assets[0] != (Asset{Src: "content/fr/col.png", Out: "fr/p/col.png"}) {
		t.Errorf("Images = %d, Assets = %v", doc.Images, doc.Assets)
	}
}

func TestImageDiagnostics(t *testing.T) {
	c := New(Options{Lang: "en"})
	cases := []struct{ body, want string }{
		{"Text\n\n![A pass](gone.png)\n", "content/en/p.md:3:1: missing image gone.png; add it"},
		{"![](col.png)\n", "content/en/p.md:1:1: image without alt text"},
		{"![A frieze](col.png \"decorative\")\n", "content/en/p.md:1:1: decorative image has alt text"},
		{"![A photo](https://elsewhere.example/p.jpg)\n", `content/en/p.md:1:1: remote image from "elsewhere.example" is blocked by the site's Content-Security-Policy; copy the image next to the page, or add "elsewhere.example" to image_hosts in site.toml`},
		{"![A photo](http://images.example.org/p.jpg)\n", "over http is blocked"},
	}
	for _, tc := range cases {
		_, warns, err := c.Convert(Source{File: "content/en/p.md", Line: 1, Body: []byte(tc.body), Image: fakeImage})
		got := warns.Error()
		if err != nil {
			got += err.Error()
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.body, got, tc.want)
		}
	}
	doc, warns, err := c.Convert(Source{File: "content/en/p.md", Line: 1, Body: []byte("![](col.png \"decorative\")\n"), Image: fakeImage})
	if err != nil || len(warns) != 0 || !bytes.Contains(doc.HTML, []byte(`<p><img src="col.png" alt="" width="40" height="30"></p>`)) {
		t.Errorf("decorative image: %v %v\n%s", err, warns, doc.HTML)
	}
}
