package markdown

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Image is what Source.Image says of a local image: its URL from the
// page, its intrinsic size in CSS pixels (0 when unknown) and, for an
// image next to the page, the file to copy beside the page's output.
type Image struct {
	URL           string
	Width, Height int
	Copy          Asset // Src is "" when the image is already published (static/)
	// Srcset and Sizes are the image's srcset and sizes attributes when it
	// has smaller variants ("" otherwise); Variants are the files to make.
	Srcset, Sizes string
	Variants      []Asset
}

// Asset is a source file copied into the output.
type Asset struct {
	Src string // source path: "content/fr/col.png"
	Out string // output path: "fr/kaspi/col.png"
	// Width, when not 0, makes the output a copy of the image resized to
	// this many pixels wide (a srcset variant).
	Width int
}

// Decorative is the image title that marks an image as decorative: its
// empty alt text is wanted, and the title is neither a caption nor a
// tooltip: ![](frise.png "decorative").
const Decorative = "decorative"

// image checks and rewrites one image: a local one through Source.Image
// (a missing file is an error at its position), a remote one against
// Options.ImageHosts. It gives the image its size, lazy loading after the
// page's first image, and a caption when it is alone in its paragraph
// with a title.
func (st *state) image(n *ast.Image, src []byte) {
	st.doc.Images++
	pos := st.pos(nodePos(n))
	alt := plainText(n, src)
	title := string(n.Title)
	if title == Decorative {
		n.Title = nil
		if alt != "" {
			st.warns.Add(pos, fmt.Sprintf("decorative image has alt text %q", truncate(alt)),
				"remove the alt text of a decorative image, or remove the \"decorative\" title")
		}
	} else if strings.TrimSpace(alt) == "" {
		st.warns.Add(pos, "image without alt text",
			"describe the image between the brackets: ![what it shows](file.png); for a purely decorative image write ![](file.png \"decorative\")")
	}
	d := string(n.Destination)
	u, err := url.Parse(d)
	switch {
	case err != nil || d == "":
		// link() reported it.
	case u.Scheme != "" || strings.HasPrefix(d, "//"):
		if u.Scheme == "http" {
			st.warns.Add(pos, fmt.Sprintf("remote image %q over http is blocked by the site's Content-Security-Policy", truncate(d)),
				"use its https address, or copy the image next to the page")
			break
		}
		if u.Scheme == "https" && !hostAllowed(u.Hostname(), st.opts.ImageHosts) {
			st.warns.Add(pos, fmt.Sprintf("remote image from %q is blocked by the site's Content-Security-Policy", u.Hostname()),
				fmt.Sprintf("copy the image next to the page, or add %q to image_hosts in site.toml", u.Hostname()))
		}
	case st.src.Image != nil:
		// Each path is resolved once a conversion (a page may show one
		// image many times); its files are copied once.
		r, seen := st.images[d]
		if !seen {
			r.img, r.err = st.src.Image(d)
			if st.images == nil {
				st.images = map[string]imageResult{}
			}
			st.images[d] = r
		}
		img, err := r.img, r.err
		if err != nil {
			if seen {
				return
			}
			var de *diag.Error
			if errors.As(err, &de) {
				e := *de
				e.Pos = pos
				st.errs = append(st.errs, &e)
			} else {
				st.errs.Add(pos, err.Error(), "fix the image's path")
			}
			return
		}
		n.Destination = []byte(img.URL)
		if img.Width > 0 && img.Height > 0 {
			n.SetAttributeString("width", []byte(strconv.Itoa(img.Width)))
			n.SetAttributeString("height", []byte(strconv.Itoa(img.Height)))
		}
		if img.Copy.Src != "" && !seen {
			st.doc.Assets = append(st.doc.Assets, img.Copy)
		}
		if img.Srcset != "" {
			n.SetAttributeString("srcset", []byte(img.Srcset))
			n.SetAttributeString("sizes", []byte(img.Sizes))
			if !seen {
				st.doc.Assets = append(st.doc.Assets, img.Variants...)
			}
		}
	}
	if st.doc.Images > 1 {
		n.SetAttributeString("loading", []byte("lazy"))
		n.SetAttributeString("decoding", []byte("async"))
	}
	if p, ok := n.Parent().(*ast.Paragraph); ok && len(n.Title) > 0 && p.ChildCount() == 1 {
		st.figures = append(st.figures, n)
	}
}

// makeFigure puts the captioned image n in a figure in place of its
// paragraph; it runs after the walk, which a changed tree would derail.
func makeFigure(n *ast.Image) {
	p := n.Parent()
	fig := &figure{caption: n.Title}
	n.Title = nil
	gp := p.Parent()
	gp.ReplaceChild(gp, p, fig)
	fig.AppendChild(fig, n)
}

// imageResult is one answer of Source.Image.
type imageResult struct {
	img Image
	err error
}

// hostAllowed reports whether host is one of hosts (compared without
// case).
func hostAllowed(host string, hosts []string) bool {
	for _, h := range hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// kindFigure is the node kind of a captioned image.
var kindFigure = ast.NewNodeKind("Figure")

// figure is an image alone in its paragraph with a title: it renders as
// <figure><img …><figcaption>title</figcaption></figure>.
type figure struct {
	ast.BaseBlock
	caption []byte
}

// Kind implements ast.Node.
func (*figure) Kind() ast.NodeKind { return kindFigure }

// Dump implements ast.Node.
func (f *figure) Dump(src []byte, level int) {
	ast.DumpHelper(f, src, level, map[string]string{"Caption": string(f.caption)}, nil)
}

// figureRenderer renders figure nodes.
type figureRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFigure, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<figure>")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<figcaption>")
		html.DefaultWriter.Write(w, n.(*figure).caption)
		_, _ = w.WriteString("</figcaption></figure>\n")
		return ast.WalkContinue, nil
	})
}
