package newsletter

import (
	"fmt"
	"math"
	"net/url"
	"strings"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
	"github.com/kz30/kz30/internal/markdown"
	"github.com/kz30/kz30/internal/render"
)

// MaxBytes is the size above which Gmail clips a message ("[Message
// clipped] View entire message"): 102 KB.
const MaxBytes = 102 * 1024

// Width is the width of the message's column in CSS pixels.
const Width = 600

// contentWidth is the column minus the section's side padding: the widest
// an image may be.
const contentWidth = Width - 2*24

// Options are what an Exporter needs from the build.
type Options struct {
	Config  *config.Config
	Site    *content.Site
	Catalog *i18n.Catalog
	Locales map[string]*i18n.Locale // one per language of the site
	// AllowMissing lets a link to a page missing in the linking page's
	// language point to the source language's page, as the build does for
	// web pages (content.Site.ResolveLink).
	AllowMissing bool
	// Asset returns a file the site publishes, by slash path from the site
	// root ("images/map.png"); it gives images their width and height. Nil
	// means no size is known.
	Asset func(path string) ([]byte, error)
	// Image resolves a local image of page from as the build does for
	// web pages (markdown.Source.Image): its URL relative to the page's
	// web URL. Nil leaves image paths as written.
	Image func(from *content.Page, dest string) (markdown.Image, error)
}

// Exporter renders the e-mail exports of one build. It is safe for
// concurrent use.
type Exporter struct {
	opts Options
	conv map[string]*markdown.Converter
	utm  url.Values
}

// New returns an Exporter with one e-mail Converter per language: chroma
// inline styles, and the site's unsafe_html setting.
func New(opts Options) *Exporter {
	x := &Exporter{opts: opts, conv: map[string]*markdown.Converter{}, utm: url.Values{}}
	for _, lang := range opts.Config.Codes() {
		x.conv[lang] = markdown.New(markdown.Options{Lang: lang, InlineStyles: true, UnsafeHTML: opts.Config.UnsafeHTML})
	}
	nl := opts.Config.Newsletter
	for _, kv := range [][2]string{{"utm_source", nl.UTMSource}, {"utm_medium", nl.UTMMedium}, {"utm_campaign", nl.UTMCampaign}} {
		if kv[1] != "" {
			x.utm.Set(kv[0], kv[1])
		}
	}
	return x
}

// Section is one page converted for e-mail, ready to Compose.
type Section struct {
	Page        *content.Page
	Title       string // typography applied, as on the web page
	Description string
	URL         string // absolute URL of the web page, without UTM parameters
	Cards       []Card
	doc         *markdown.Doc
}

// Card is one key figure, formatted as on the web page.
type Card struct {
	Figure    string
	Label     string
	Source    string // the source's title; "" when the fact names none
	SourceURL string // absolute URL of the source on the sources page
	Bar       *Bar   // nil when the web card has no chart
	BarText   string // the chart's visible text equivalent
}

// Bar is a key-figure chart drawn with table cells: a track 100 units
// wide whose cells From to To are filled. A share fills 0 to the
// percentage; a rank marks its place on the 1…N scale.
type Bar struct {
	From, To int
}

// pageImage is the Source.Image of page p, or nil.
func (x *Exporter) pageImage(p *content.Page) func(string) (markdown.Image, error) {
	if x.opts.Image == nil {
		return nil
	}
	return func(dest string) (markdown.Image, error) { return x.opts.Image(p, dest) }
}

// Section converts page p for e-mail: its body through the e-mail
// Converter with links made absolute, and its key-figure cards. It returns
// the conversion's warnings (the web conversion reports the same ones).
func (x *Exporter) Section(p *content.Page) (*Section, diag.List, error) {
	conv := x.conv[p.Lang]
	if conv == nil {
		return nil, nil, diag.List{{Pos: diag.Pos{File: p.Path}, Msg: fmt.Sprintf("no e-mail converter for language %q", p.Lang), Hint: "add the language to site.toml"}}
	}
	s := &Section{
		Page:        p,
		Title:       x.text(p.Lang, p.Title),
		Description: x.text(p.Lang, p.Description),
		URL:         x.pageURL(p),
	}
	doc, warns, err := conv.Convert(markdown.Source{
		File: p.Path, Line: p.BodyLine, Body: p.Body,
		Resolve: func(dest string) (string, error) {
			if x.opts.Site == nil {
				return "", fmt.Errorf("cannot resolve %q", dest)
			}
			t, _, err := x.opts.Site.ResolveLink(p, dest, x.opts.AllowMissing)
			if err != nil {
				return "", err
			}
			return x.pageURL(t), nil
		},
		Image: x.pageImage(p),
	})
	if err != nil {
		return nil, warns, err
	}
	s.doc = doc
	s.Cards = x.cards(p)
	return s, warns, nil
}

// cards are the key-figure cards of p's facts, as the web page shows them.
func (x *Exporter) cards(p *content.Page) []Card {
	site := x.opts.Site
	if site == nil || site.Facts == nil {
		return nil
	}
	loc := x.opts.Locales[p.Lang]
	if loc == nil {
		return nil
	}
	var sourcesURL string
	if sp := site.Page(p.Lang, "sources"); sp != nil {
		sourcesURL = x.pageURL(sp)
	}
	var cards []Card
	for _, ref := range p.Facts {
		f := site.Facts.Facts[ref.ID]
		if f == nil || !f.HasFigure() {
			continue
		}
		rc := render.FactCard(loc, x.opts.Catalog, f)
		c := Card{Figure: rc.Figure, Label: rc.Label}
		if src := site.Facts.Sources[f.Source]; src != nil {
			c.Source = x.text(p.Lang, src.Title[p.Lang])
			if sourcesURL != "" {
				c.SourceURL = sourcesURL + "#" + src.Key
			}
		}
		if rc.Chart != "" {
			if c.Bar = barOf(f); c.Bar != nil {
				c.BarText = rc.ChartAlt
				if f.Kind == content.KindPercent {
					// The web's text describes its squares; the bar shows
					// the share itself.
					c.BarText = loc.Percent(float64(c.Bar.To))
				}
			}
		}
		cards = append(cards, c)
	}
	return cards
}

// barOf draws a share or a rank the way render.Chart does: a share fills
// the track up to its percentage, a rank marks its place on 1…of with 1
// at the left.
func barOf(f *content.Fact) *Bar {
	switch f.Kind {
	case content.KindPercent:
		if f.Value < 0 || f.Value > 100 || math.IsNaN(f.Value) {
			return nil
		}
		return &Bar{From: 0, To: int(math.Round(f.Value))}
	case content.KindRank:
		if f.Of < 2 || f.Value < 1 || f.Value > f.Of {
			return nil
		}
		const mark = 3
		at := int(math.Round((f.Value - 1) / (f.Of - 1) * (100 - mark)))
		return &Bar{From: at, To: at + mark}
	}
	return nil
}

// text applies the web pages' typography to a plain string of lang
// (titles, descriptions, labels).
func (x *Exporter) text(lang, s string) string {
	return i18n.PlainText(lang, s)
}

// pageURL is the absolute URL of a page, without UTM parameters.
func (x *Exporter) pageURL(p *content.Page) string {
	return x.opts.Config.BaseURL + p.URLPath()
}

// siteTitle is the site's title in lang, as the web pages' header shows it.
func (x *Exporter) siteTitle(lang string) string {
	return content.SiteTitle(x.opts.Config, x.opts.Site, lang)
}

// abs makes href absolute against the page URL base. Other schemes
// (mailto:) and unparsable values are kept as written.
func (x *Exporter) abs(base, href string) string {
	href = strings.TrimSpace(href)
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" {
		return href
	}
	b, err := url.Parse(base)
	if err != nil {
		return href
	}
	return b.ResolveReference(u).String()
}

// link makes href absolute against the page URL base and adds the UTM
// parameters to links into the site.
func (x *Exporter) link(base, href string) string {
	a := x.abs(base, href)
	u, err := url.Parse(a)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return a
	}
	return x.track(u)
}

// track adds the UTM parameters to u when it points into the site.
func (x *Exporter) track(u *url.URL) string {
	if len(x.utm) == 0 || !strings.HasPrefix(u.String(), x.opts.Config.BaseURL) {
		return u.String()
	}
	q := u.Query()
	for k, v := range x.utm {
		if !q.Has(k) {
			q[k] = v
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// siteLink is the tracked absolute URL of an absolute site URL.
func (x *Exporter) siteLink(abs string) string {
	return x.link(x.opts.Config.BaseURL, abs)
}

// t formats a UI string; a missing key is an error naming the catalog file.
func (x *Exporter) t(lang, key string, args ...any) (string, error) {
	return x.opts.Catalog.T(lang, key, args...)
}

// dir is the writing direction of lang.
func dir(lang string) string {
	return i18n.LocaleOf(lang).Dir()
}
