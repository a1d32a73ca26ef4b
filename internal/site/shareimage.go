package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/render"
	"github.com/kz30/kz30/internal/shareimage"
)

// The share image is the picture that link previews (Open Graph, Twitter
// cards, JSON-LD) show, drawn at build time by package shareimage, so it
// always says what the site says and needs no image editor:
//
//   - the landing page, the language homes, the 404 and alias pages show
//     the site card of their language (assets/share-LANG.png: the site
//     title and description);
//   - every other page shows its own card (assets/share/HASH.png: its
//     title, and below it the section it is in, else the site title),
//     named by the hash of what it shows, so that two pages that show the
//     same share one file and a changed title gets a new address (link
//     previews cache images by address);
//   - a page's `images:` front matter (Hugo's key; the first entry)
//     replaces its card: a path relative to the page (copied beside it),
//     a /path below static/, or an https URL on a host of site.toml's
//     image_hosts.

// shareImageName is the path of lang's site card in the output.
func shareImageName(lang string) string { return "assets/share-" + lang + ".png" }

// pageCardDir is where the page cards are written.
const pageCardDir = "assets/share/"

// pageCardName is the output path of card c: named by the hash of the
// card and of the drawing's version, which is also its cache key.
func pageCardName(c shareimage.Card) string {
	return pageCardDir + cardKey(c)[:16] + ".png"
}

// cardKey identifies the drawing of card c as a page card: the same key,
// the same bytes. A persistent cache may store the PNG under it.
func cardKey(c shareimage.Card) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00fast\x00%#v", shareimage.FontsVersion, c))
	return hex.EncodeToString(sum[:])
}

// shareCardOf is the text of lang's site card, from site.toml and the
// language's home page.
func (b *builder) shareCardOf(lang string) shareimage.Card {
	c := shareimage.Card{Title: content.SiteTitle(b.cfg, b.site, lang), Subtitle: b.cfg.Lang(lang).Description, Brand: b.cfg.Short(lang)}
	if c.Subtitle == "" {
		if home := b.site.Page(lang, content.HomeName); home != nil {
			c.Subtitle = home.Description
		}
	}
	c.Subtitle = text(lang, c.Subtitle)
	c.Address = b.cardAddress()
	c.RTL = b.rtl(lang)
	return c
}

// cardAddress is the host and path of the site, shown in the band.
func (b *builder) cardAddress() string {
	if u, err := url.Parse(b.cfg.BaseURL); err == nil {
		return strings.TrimSuffix(u.Host+u.Path, "/")
	}
	return ""
}

// rtl reports whether lang is written right to left.
func (b *builder) rtl(lang string) bool {
	if loc := b.locales[lang]; loc != nil {
		return loc.Dir() == "rtl"
	}
	return false
}

// pageCardOf is the text of p's own card: its title, and the title of
// the section it is in (the site title for a page of the home).
func (b *builder) pageCardOf(p *content.Page) shareimage.Card {
	sub := content.SiteTitle(b.cfg, b.site, p.Lang)
	if parent := b.site.Parent(p.Entry); parent != nil && !parent.IsHome() {
		if q := parent.Page(b.site, p.Lang); q != nil {
			sub = text(p.Lang, q.Title)
		}
	}
	return shareimage.Card{Title: text(p.Lang, p.Title), Subtitle: sub, Brand: b.cfg.Short(p.Lang),
		Address: b.cardAddress(), RTL: b.rtl(p.Lang)}
}

// shareImage is the share image of one page, as its head describes it.
type shareImage struct {
	url           string // absolute
	alt           string
	width, height int
	typ           string
}

// siteShareImage is lang's site card, whose site title is title.
func (b *builder) siteShareImage(lang, title string) shareImage {
	alt, _ := b.cat.T(lang, "share-image-alt", title)
	return shareImage{url: content.AbsURL(b.cfg.BaseURL, shareImageName(lang)), alt: alt,
		width: shareimage.Width, height: shareimage.Height, typ: "image/png"}
}

// setShareImage puts p's share image into its view.
func (b *builder) setShareImage(v *render.View, p *content.Page) {
	if b.shares == nil {
		return // not planned (no run): the site card stays
	}
	si, ok := b.shares.images[p]
	if !ok {
		return
	}
	v.OGImage, v.OGImageAlt, v.OGImageWidth, v.OGImageHeight, v.OGImageType = si.url, si.alt, si.width, si.height, si.typ
}

// setSiteShareImage puts lang's site card into v.
func (b *builder) setSiteShareImage(v *render.View, lang, title string) {
	si := b.siteShareImage(lang, title)
	v.OGImage, v.OGImageAlt, v.OGImageWidth, v.OGImageHeight, v.OGImageType = si.url, si.alt, si.width, si.height, si.typ
}

// sharePlan is what the share images of a run are: decided before the
// pages render (their heads name the images), drawn while they do.
type sharePlan struct {
	images map[*content.Page]shareImage // the pages that do not show their language's site card
	cards  []plannedCard                // the page cards to draw, each once, in name order
	copies []plannedCopy                // front matter images copied beside their page
	errs   diag.List
}

// plannedCard is one page card to draw, for the pages listed.
type plannedCard struct {
	name  string
	card  shareimage.Card
	pages []*content.Page
}

// plannedCopy is a front matter image to copy beside its page.
type plannedCopy struct{ src, out string }

// planShareImages decides every page's share image; a bad `images:`
// entry is an error at its position.
func (b *builder) planShareImages() *sharePlan {
	plan := &sharePlan{images: map[*content.Page]shareImage{}}
	cards := map[string]*plannedCard{}
	for _, p := range b.pages() {
		if len(p.Images) > 0 && strings.TrimSpace(p.Images[0]) != "" {
			si, cp, err := b.frontMatterImage(p, strings.TrimSpace(p.Images[0]))
			if err != nil {
				plan.errs = append(plan.errs, err)
				continue
			}
			plan.images[p] = si
			if cp != nil {
				plan.copies = append(plan.copies, *cp)
				// Written by writeShareImages, not again by writeAssets
				// when the body shows it too.
				b.mu.Lock()
				if b.assetsOut == nil {
					b.assetsOut = map[string]bool{}
				}
				b.assetsOut[cp.out] = true
				b.mu.Unlock()
			}
			continue
		}
		if p.Entry.IsHome() || b.cfg.ShareImages == "site" {
			continue
		}
		c := b.pageCardOf(p)
		name := pageCardName(c)
		pc := cards[name]
		if pc == nil {
			pc = &plannedCard{name: name, card: c}
			cards[name] = pc
		}
		pc.pages = append(pc.pages, p)
		alt, _ := b.cat.T(p.Lang, "page-image-alt", c.Title)
		plan.images[p] = shareImage{url: content.AbsURL(b.cfg.BaseURL, name), alt: alt,
			width: shareimage.Width, height: shareimage.Height, typ: "image/png"}
	}
	for _, pc := range cards {
		plan.cards = append(plan.cards, *pc)
	}
	slices.SortFunc(plan.cards, func(a, b plannedCard) int { return strings.Compare(a.name, b.name) })
	return plan
}

// frontMatterImage resolves the first `images:` entry of p.
func (b *builder) frontMatterImage(p *content.Page, ref string) (shareImage, *plannedCopy, *diag.Error) {
	at := p.ImagesPos
	if at.File == "" {
		at = diag.Pos{File: p.Path, Line: 1, Col: 1}
	}
	fail := func(msg, hint string) (shareImage, *plannedCopy, *diag.Error) {
		return shareImage{}, nil, &diag.Error{Pos: at, Msg: msg, Hint: hint}
	}
	u, err := url.Parse(ref)
	if err != nil {
		return fail(fmt.Sprintf("images: %q is not a URL or path", ref), "write a path relative to the page, a /path below static/, or an https URL")
	}
	if u.Scheme != "" || strings.HasPrefix(ref, "//") {
		if u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
			return fail(fmt.Sprintf("images: %q is not an http(s) URL", ref), "write a path relative to the page, a /path below static/, or an https URL")
		}
		if !slices.Contains(b.cfg.ImageHosts, u.Hostname()) {
			return fail(fmt.Sprintf("images: %q is on %s, which site.toml's image_hosts does not list", ref, u.Hostname()),
				fmt.Sprintf("add %q to image_hosts in site.toml, or copy the image next to the page", u.Hostname()))
		}
		return shareImage{url: ref}, nil, nil
	}
	var name, out string
	if strings.HasPrefix(u.Path, "/") {
		rel := path.Clean(strings.TrimPrefix(u.Path, "/"))
		if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
			return fail(fmt.Sprintf("images: %q leaves static/", ref), "a path starting with / names a file below static/ (/img/x.png is static/img/x.png)")
		}
		name, out = "static/"+rel, rel
	} else {
		dir := path.Dir(p.Path)
		name = path.Join(dir, u.Path)
		if !strings.HasPrefix(name, dir+"/") {
			return fail(fmt.Sprintf("images: %q leaves %s/, the page's folder", ref, dir),
				"put the image next to the page, or in static/ and write /"+path.Base(u.Path))
		}
		rel := strings.TrimPrefix(name, dir+"/")
		if msg := copyProblem(rel); msg != "" {
			return fail(fmt.Sprintf("images: %q %s", ref, msg), "name an image file ("+strings.Join(imageExts, " ")+")")
		}
		out = p.URLPath() + rel
	}
	data, ok := b.readImage(name)
	if !ok {
		return fail(fmt.Sprintf("images: missing image %q (looked for %s)", ref, name),
			"add the file, or fix the path (relative to the page, or /path below static/)")
	}
	si := shareImage{url: content.AbsURL(b.cfg.BaseURL, out)}
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif":
		c, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return fail(fmt.Sprintf("images: %s cannot be read: %v", name, err), "export the image again (it is not a valid PNG, JPEG or GIF file)")
		}
		si.width, si.height, si.typ = c.Width, c.Height, "image/"+format
	}
	if strings.HasPrefix(name, "static/") {
		return si, nil, nil // copied with static/
	}
	rel := strings.TrimPrefix(out, p.URLPath())
	if slices.ContainsFunc(p.Resources, func(r content.Resource) bool { return r.Rel == rel }) {
		return si, nil, nil // copied with the bundle
	}
	return si, &plannedCopy{src: name, out: out}, nil
}

// writeShareImages draws every language's site card and every page card,
// in parallel, copies the front matter images that need it, and warns
// about characters no embedded font can draw.
func (b *builder) writeShareImages(s sink) error {
	plan := b.shares
	all := append(diag.List(nil), plan.errs...)
	painter := shareimage.NewPainter()
	type job struct {
		name string
		card shareimage.Card
		site bool // a site card: drawn at the default compression
		pos  diag.Pos
		what string // for messages
	}
	var jobs []job
	for _, lang := range b.site.Langs {
		jobs = append(jobs, job{name: shareImageName(lang), card: b.shareCardOf(lang), site: true,
			pos: diag.Pos{File: "site.toml"}, what: "the " + lang + " share image"})
	}
	for _, pc := range plan.cards {
		jobs = append(jobs, job{name: pc.name, card: pc.card, pos: diag.Pos{File: pc.pages[0].Path, Line: 1, Col: 1},
			what: "the share image of " + pc.pages[0].Path})
	}
	// A Drawing has exported fields only, so a persistent cache can
	// encode it (encoding/gob).
	out := make([]shareimage.Drawing, len(jobs))
	errs := make([]error, len(jobs))
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= len(jobs) || b.stopped() != nil {
					return
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							errs[k] = panicError(nil, r)
						}
					}()
					j := jobs[k]
					// A card is drawn from its text alone: the dev
					// server's rebuilds reuse the drawing while the text
					// is unchanged.
					kind, key := "share-card", cardKey(j.card)
					if j.site {
						kind, key = "share-image", fmt.Sprintf("%#v", j.card)
					}
					d, err := memo(b.cache, kind, key, func() (shareimage.Drawing, error) {
						if j.site {
							return painter.Draw(j.card)
						}
						return painter.DrawFast(j.card)
					})
					out[k], errs[k] = d, err
				}()
			}
		})
	}
	wg.Wait()
	if err := b.stopped(); err != nil {
		return err
	}
	for k, j := range jobs {
		if errs[k] != nil {
			all.Add(j.pos, fmt.Sprintf("cannot draw %s %s: %v", j.what, j.name, errs[k]),
				"check the titles and descriptions it shows, or the site-title-short UI string")
			continue
		}
		if len(out[k].Missing) > 0 {
			b.mu.Lock()
			b.warns.Add(j.pos,
				fmt.Sprintf("%s cannot draw %q (in none of its fonts); it shows boxes instead", j.what, string(out[k].Missing)),
				"use other characters in the title and description it shows, or in short_title")
			b.mu.Unlock()
		}
		all.Append(s.write(j.name, out[k].PNG))
	}
	for _, c := range plan.copies {
		data, ok := b.readImage(c.src)
		if !ok {
			all.Add(diag.Pos{File: c.src}, "cannot read the share image", "check the permissions of "+c.src)
			continue
		}
		all.Append(s.write(c.out, data))
	}
	return all.Sort().Err()
}
