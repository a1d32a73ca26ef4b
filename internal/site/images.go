package site

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // image.DecodeConfig of GIF images
	_ "image/jpeg" // and JPEG
	_ "image/png"  // and PNG
	"io/fs"
	"math"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/markdown"
)

// image resolves a local image of page p (markdown.Source.Image):
//
//   - "/img/x.png" is static/img/x.png, linked relatively from the page
//     so that it works under a base path (a GitHub Pages project site);
//   - any other path is relative to the page's file: "col.png" in
//     content/fr/kaspi.md is content/fr/col.png, copied beside the page's
//     output (public/fr/kaspi/col.png) and linked as "col.png";
//   - a path relative to the page's output that names a file of static/
//     ("../../photo.png" from fr/kaspi/) is kept as written.
//
// A missing file is an error saying where it was looked for. The size of
// PNG, JPEG, GIF and simple SVG images is read from the file.
func (b *builder) image(p *content.Page, dest string) (markdown.Image, error) {
	u, err := url.Parse(dest)
	if err != nil || u.Path == "" {
		return markdown.Image{URL: dest}, nil // link() reports a bad URL
	}
	tail := "" // the query and fragment, kept
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		tail = dest[i:]
	}
	if strings.HasPrefix(u.Path, "/") {
		rel := path.Clean(strings.TrimPrefix(u.Path, "/"))
		name := "static/" + rel
		if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
			return markdown.Image{}, &diag.Error{Msg: fmt.Sprintf("image %q leaves static/", dest),
				Hint: "a path starting with / names a file below static/ (/img/x.png is static/img/x.png)"}
		}
		data, ok := b.readImage(name)
		if !ok {
			// Hugo's spelling of a page's own file by its published URL
			// ("/en/docs/images/x.png" for content/docs/images/x.png
			// beside content/docs/_index.en.md): the file next to the page.
			if local, ok := b.ownImage(p, rel); ok {
				return b.image(p, local+tail)
			}
			return markdown.Image{}, &diag.Error{Msg: fmt.Sprintf("missing image %q (looked for %s)", dest, name),
				Hint: "add the file to static/, or fix the path (a path starting with / is below static/; write col.png for a file next to the page)"}
		}
		img := markdown.Image{URL: relURL(p.URLPath(), rel) + tail}
		return img, sizedWithVariants(p, &img, name, data)
	}
	dir := path.Dir(p.Path)
	name := path.Join(dir, u.Path)
	if strings.HasPrefix(name, dir+"/") {
		if msg := copyProblem(strings.TrimPrefix(name, dir+"/")); msg != "" {
			return markdown.Image{}, &diag.Error{Msg: fmt.Sprintf("image %q %s", dest, msg),
				Hint: "only image files next to a page are published with it (" + strings.Join(imageExts, " ") + "), never hidden ones"}
		}
		if data, ok := b.readImage(name); ok {
			rel := strings.TrimPrefix(name, dir+"/")
			if _, clash := b.readImage("static/" + p.URLPath() + rel); clash {
				return markdown.Image{}, &diag.Error{Msg: fmt.Sprintf("image %q would be published as %s%s, which static/%s%s already is", dest, p.URLPath(), rel, p.URLPath(), rel),
					Hint: "rename the image, or remove the file of static/"}
			}
			img := markdown.Image{URL: rel + tail, Copy: markdown.Asset{Src: name, Out: p.URLPath() + rel}}
			return img, sizedWithVariants(p, &img, name, data)
		}
	}
	// The spelling that worked before images were copied: relative to the
	// page's output, naming a file of static/.
	if out := path.Join(p.URLPath(), u.Path); !strings.HasPrefix(out, "../") && out != ".." {
		if data, ok := b.readImage("static/" + out); ok {
			img := markdown.Image{URL: dest}
			return img, sizedWithVariants(p, &img, "static/"+out, data)
		}
	}
	if !strings.HasPrefix(name, dir+"/") {
		return markdown.Image{}, &diag.Error{Msg: fmt.Sprintf("missing image %q (it leaves %s/, the page's folder)", dest, dir),
			Hint: "put the image next to the page, or in static/ and write /" + path.Base(u.Path) + " for static/" + path.Base(u.Path)}
	}
	return markdown.Image{}, &diag.Error{Msg: fmt.Sprintf("missing image %q (looked for %s, next to the page)", dest, name),
		Hint: "put the file next to " + p.Path + ", or in static/ and write /" + u.Path + " (a path starting with / is below static/)"}
}

// ownImage reads a root-relative image path as Hugo publishes a page's
// files: the URL of the page, or of the section page of its folder, in
// any of its languages ("/en/docs/images/x.png"), with or without the
// language prefix (Hugo's default language may have none), in any case
// (Hugo lowercases URLs), followed by the file's path in that folder. It
// returns the path relative to p's folder when that file exists.
func (b *builder) ownImage(p *content.Page, rel string) (string, bool) {
	var owners []*content.Page
	owners = append(owners, p.Entry.Pages...)
	if sec := b.site.Parent(p.Entry); sec != nil {
		owners = append(owners, sec.Pages...)
	}
	dir := path.Dir(p.Path)
	for _, q := range owners {
		if q == nil || path.Dir(q.Path) != dir {
			continue
		}
		u := q.URLPath()
		for _, prefix := range []string{u, strings.TrimPrefix(u, q.Lang+"/")} {
			if prefix == "" || len(rel) <= len(prefix) || !strings.EqualFold(rel[:len(prefix)], prefix) {
				continue
			}
			local := path.Clean(rel[len(prefix):])
			if strings.HasPrefix(local, "../") || local == "." {
				continue
			}
			if _, found := b.readImage(path.Join(dir, local)); found {
				return local, true
			}
		}
	}
	return "", false
}

// imageExts are the extensions of files copied beside a page.
var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"}

// copyProblem says why the file rel (below a page's folder) is not copied
// beside the page, or "".
func copyProblem(rel string) string {
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return "is a hidden file"
		}
	}
	for _, e := range imageExts {
		if strings.EqualFold(path.Ext(rel), e) {
			return ""
		}
	}
	return "is not an image file"
}

// sizedWithVariants is sized, then addVariants.
func sizedWithVariants(p *content.Page, img *markdown.Image, name string, data []byte) error {
	if err := sized(img, name, data); err != nil {
		return err
	}
	addVariants(p, img, name, data)
	return nil
}

// readImage reads a regular file of the source.
func (b *builder) readImage(name string) ([]byte, bool) {
	if !fs.ValidPath(name) {
		return nil, false
	}
	st, err := fs.Stat(b.src, name)
	if err != nil || !st.Mode().IsRegular() {
		return nil, false
	}
	data, err := fs.ReadFile(b.src, name)
	return data, err == nil
}

// sized sets img's size from the file's data: an error for a PNG, JPEG or
// GIF that cannot be decoded, no size for other formats and for an SVG
// without a plain width and height or viewBox.
func sized(img *markdown.Image, name string, data []byte) error {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif":
		c, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return &diag.Error{Msg: fmt.Sprintf("image %s cannot be read: %v", name, err),
				Hint: "export the image again (it is not a valid PNG, JPEG or GIF file)"}
		}
		img.Width, img.Height = c.Width, c.Height
	case ".svg":
		img.Width, img.Height = svgSize(data)
	}
	return nil
}

// svgSize reads the size of an SVG from its root element: width and
// height in user units or px, else the viewBox's; 0, 0 when neither is
// simple (a percentage, an em).
func svgSize(data []byte) (int, int) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return 0, 0
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0
		}
		var w, h, box string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = a.Value
			case "height":
				h = a.Value
			case "viewBox":
				box = a.Value
			}
		}
		if wn, hn := svgLength(w), svgLength(h); wn > 0 && hn > 0 {
			return wn, hn
		}
		f := strings.Fields(strings.ReplaceAll(box, ",", " "))
		if len(f) == 4 {
			if wn, hn := svgLength(f[2]), svgLength(f[3]); wn > 0 && hn > 0 {
				return wn, hn
			}
		}
		return 0, 0
	}
	return 0, 0
}

// svgLength is a length in user units or px, rounded; 0 otherwise.
func svgLength(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || v > 1e6 || math.IsNaN(v) {
		return 0
	}
	return int(math.Round(v))
}

// writeAssets copies the files next to a page that its images use beside
// its output.
func (b *builder) writeAssets(s countingSink, doc *markdown.Doc) error {
	var errs diag.List
	for _, a := range doc.Assets {
		// An image beside a page is written once; a variant, named by
		// its source's hash, once for every page that shows it.
		b.mu.Lock()
		done := b.assetsOut[a.Out]
		if b.assetsOut == nil {
			b.assetsOut = map[string]bool{}
		}
		b.assetsOut[a.Out] = true
		b.mu.Unlock()
		if done {
			continue
		}
		data, err := fs.ReadFile(b.src, a.Src)
		if err != nil {
			errs.Add(diag.Pos{File: a.Src}, "cannot read: "+unwrapPath(err).Error(), "check the permissions of "+a.Src)
			continue
		}
		if a.Width > 0 {
			if data, err = b.variant(a, data); err != nil {
				errs.Append(err)
				continue
			}
		}
		if err := s.write(a.Out, data); err != nil {
			var de *diag.Error
			if errors.As(err, &de) || b.stopped() != nil {
				errs.Append(err)
				continue
			}
			errs.Add(diag.Pos{File: a.Src}, fmt.Sprintf("cannot publish the image as %s: %v", a.Out, err),
				"rename the image: another output (a file of static/, say) has that path")
		}
	}
	return errs.Err()
}
