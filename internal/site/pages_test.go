package site

// Tests of the site as GitHub Pages serves it: under a sub-path, at a
// domain root and opened from disk. The helpers here find every URL of
// an output file (HTML, XML, CSS) and serve a built site the way Pages
// does.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pagesRef is one URL written in an output file.
type pagesRef struct {
	where string // "a href", "meta og:image", "loc", "json-ld url", "css url()"
	url   string // as written
}

// pagesDoc is what an output file holds for link checking.
type pagesDoc struct {
	refs []pagesRef
	ids  map[string]bool // HTML only: id and a[name] values
}

// metaURLs are the <meta> whose content is a URL.
var metaURLs = map[string]bool{
	"og:url": true, "og:image": true, "og:image:url": true, "og:image:secure_url": true,
	"twitter:image": true, "twitter:url": true,
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")\s]+)`)

// pagesParse finds the URLs and IDs of an output file by its extension.
func pagesParse(t *testing.T, name string, data []byte) pagesDoc {
	t.Helper()
	return pagesParseAs(t, name, path.Ext(name), data)
}

// pagesParseAs parses data as a file with extension ext; name is for
// messages.
func pagesParseAs(t *testing.T, name, ext string, data []byte) pagesDoc {
	t.Helper()
	doc := pagesDoc{ids: map[string]bool{}}
	switch ext {
	case ".html":
		root, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for n := range root.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			if id, ok := attr["id"]; ok {
				doc.ids[id] = true
			}
			if n.DataAtom == atom.A && attr["name"] != "" {
				doc.ids[attr["name"]] = true
			}
			for _, key := range []string{"href", "src", "poster", "action", "cite"} {
				if v, ok := attr[key]; ok {
					doc.refs = append(doc.refs, pagesRef{n.Data + " " + key, v})
				}
			}
			if n.DataAtom == atom.Object && attr["data"] != "" {
				doc.refs = append(doc.refs, pagesRef{"object data", attr["data"]})
			}
			if v, ok := attr["srcset"]; ok {
				for _, c := range strings.Split(v, ",") {
					if f := strings.Fields(c); len(f) > 0 {
						doc.refs = append(doc.refs, pagesRef{n.Data + " srcset", f[0]})
					}
				}
			}
			if n.DataAtom == atom.Meta {
				content := attr["content"]
				key := cmp.Or(attr["property"], attr["name"])
				switch {
				case strings.EqualFold(attr["http-equiv"], "refresh"):
					_, u, ok := strings.Cut(content, "url=")
					if !ok {
						t.Errorf("%s: meta refresh without url=: %q", name, content)
					}
					doc.refs = append(doc.refs, pagesRef{"meta refresh", strings.TrimSpace(u)})
				case metaURLs[key]:
					doc.refs = append(doc.refs, pagesRef{"meta " + key, content})
				case strings.HasPrefix(content, "/"):
					// Not a URL property, but it looks like a site path.
					doc.refs = append(doc.refs, pagesRef{"meta " + key, content})
				}
			}
			if n.DataAtom == atom.Script && attr["type"] == "application/ld+json" && n.FirstChild != nil {
				var v any
				if err := json.Unmarshal([]byte(n.FirstChild.Data), &v); err != nil {
					t.Errorf("%s: JSON-LD: %v", name, err)
				}
				jsonURLs(v, &doc.refs)
			}
			if n.DataAtom == atom.Style && n.FirstChild != nil {
				for _, m := range cssURL.FindAllStringSubmatch(n.FirstChild.Data, -1) {
					doc.refs = append(doc.refs, pagesRef{"style url()", m[1]})
				}
			}
		}
	case ".xml", ".svg":
		dec := xml.NewDecoder(bytes.NewReader(data))
		var stack []xml.Name
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				stack = append(stack, tok.Name)
				for _, a := range tok.Attr {
					if a.Name.Local == "href" || a.Name.Local == "src" {
						doc.refs = append(doc.refs, pagesRef{tok.Name.Local + " " + a.Name.Local, a.Value})
					}
				}
			case xml.EndElement:
				stack = stack[:len(stack)-1]
			case xml.CharData:
				if len(stack) == 0 {
					continue
				}
				switch el := stack[len(stack)-1]; el.Local {
				case "loc", "uri", "icon", "logo":
					doc.refs = append(doc.refs, pagesRef{el.Local, strings.TrimSpace(string(tok))})
				case "id":
					if el.Space == "http://www.w3.org/2005/Atom" {
						doc.refs = append(doc.refs, pagesRef{"atom id", strings.TrimSpace(string(tok))})
					}
				}
			}
		}
	case ".css":
		for _, m := range cssURL.FindAllSubmatch(data, -1) {
			doc.refs = append(doc.refs, pagesRef{"css url()", string(m[1])})
		}
	}
	return doc
}

// jsonURLs collects the URL-valued properties of a JSON-LD value.
func jsonURLs(v any, refs *[]pagesRef) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			if s, ok := v[k].(string); ok && (k == "url" || k == "image" || k == "@id" || k == "logo") {
				*refs = append(*refs, pagesRef{"json-ld " + k, s})
				continue
			}
			jsonURLs(v[k], refs)
		}
	case []any:
		for _, x := range v {
			jsonURLs(x, refs)
		}
	}
}

// parsedFile reports whether pagesParse looks into files named name.
func parsedFile(name string) bool {
	switch path.Ext(name) {
	case ".html", ".xml", ".svg", ".css":
		return true
	}
	return false
}

// rootRelative reports a URL that starts at the host's root ("/x", or a
// scheme-relative "//host/x"), which breaks under a sub-path.
func rootRelative(u string) bool { return strings.HasPrefix(u, "/") }

// writeTree writes files below a new temporary folder.
func writeTree(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pagesServer serves a folder as GitHub Pages does: under prefix only, a
// folder's index.html for a URL ending in "/", a redirect to add the "/"
// to a folder, and the site's 404.html, with status 404, for any missing
// URL at any depth.
type pagesServer struct {
	*httptest.Server
	prefix string
	root   string // set once the site is built
}

func newPagesServer(t *testing.T, prefix string) *pagesServer {
	t.Helper()
	s := &pagesServer{prefix: prefix}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// base is the base URL to build with.
func (s *pagesServer) base() string { return s.URL + s.prefix }

func (s *pagesServer) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if !strings.HasPrefix(p, s.prefix) {
		http.Error(w, "outside the site's path", http.StatusNotFound)
		return
	}
	rel := strings.TrimPrefix(p, s.prefix)
	if strings.Contains(rel, "..") {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	file := filepath.Join(s.root, filepath.FromSlash(rel))
	if fi, err := os.Stat(file); err == nil && fi.IsDir() {
		if !strings.HasSuffix(p, "/") && p != s.prefix {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
	}
	data, err := os.ReadFile(file)
	status := http.StatusOK
	if err != nil {
		status = http.StatusNotFound
		file = filepath.Join(s.root, "404.html")
		if data, err = os.ReadFile(file); err != nil {
			http.Error(w, "no 404.html", http.StatusNotFound)
			return
		}
	}
	if ct := mime.TypeByExtension(filepath.Ext(file)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(status)
	w.Write(data)
}

// crawler fetches a served site link by link.
type crawler struct {
	t       *testing.T
	srv     *pagesServer
	fetched map[string]*crawled // by URL without fragment
	queue   []string
	broken  []string
}

type crawled struct {
	status int
	ctype  string
	body   []byte
	doc    pagesDoc
	from   string // the first page that linked here
}

func newCrawler(t *testing.T, srv *pagesServer) *crawler {
	return &crawler{t: t, srv: srv, fetched: map[string]*crawled{}}
}

// visit queues u (absolute, no fragment) once.
func (c *crawler) visit(u, from string) {
	if _, ok := c.fetched[u]; ok {
		return
	}
	c.fetched[u] = &crawled{from: from}
	c.queue = append(c.queue, u)
}

// run fetches everything reachable from the queued URLs and checks each
// link: no URL leaves the prefix, none is root-relative, every internal
// one answers 200 and every #fragment is an id of its target.
func (c *crawler) run() {
	t := c.t
	type link struct{ page, where, raw string }
	var anchors []struct {
		link
		target, frag string
	}
	for len(c.queue) > 0 {
		u := c.queue[0]
		c.queue = c.queue[1:]
		resp, err := http.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		f := c.fetched[u]
		f.status, f.ctype, f.body = resp.StatusCode, resp.Header.Get("Content-Type"), body
		if resp.Request.URL.String() != u {
			t.Errorf("%s (linked from %s) redirects to %s; link to the final URL", u, f.from, resp.Request.URL)
		}
		if f.status != http.StatusOK {
			c.broken = append(c.broken, u)
			t.Errorf("broken link: %s answers %d (linked from %s)", u, f.status, f.from)
			continue
		}
		name := path.Base(resp.Request.URL.Path)
		if strings.HasSuffix(resp.Request.URL.Path, "/") {
			name = "index.html"
		}
		if !parsedFile(name) {
			continue
		}
		f.doc = pagesParseAs(t, u, path.Ext(name), body)
		base, _ := url.Parse(u)
		for _, r := range f.doc.refs {
			ref, err := url.Parse(r.url)
			if err != nil {
				t.Errorf("%s: %s %q: %v", u, r.where, r.url, err)
				continue
			}
			if rootRelative(r.url) {
				t.Errorf("%s: %s %q is root-relative: it ignores the base path", u, r.where, r.url)
			}
			abs := base.ResolveReference(ref)
			if abs.Scheme == "mailto" || abs.Scheme == "tel" {
				continue
			}
			if abs.Host != base.Host {
				if abs.Scheme != "https" && abs.Scheme != "http" {
					t.Errorf("%s: %s %q: unexpected scheme", u, r.where, r.url)
				}
				continue // external: listed by kz30 check --external, never fetched
			}
			if !strings.HasPrefix(abs.Path, c.srv.prefix) {
				t.Errorf("%s: %s %q leaves the site's path %s", u, r.where, r.url, c.srv.prefix)
				continue
			}
			frag := abs.Fragment
			abs.Fragment, abs.RawFragment = "", ""
			c.visit(abs.String(), u)
			if frag != "" {
				anchors = append(anchors, struct {
					link
					target, frag string
				}{link{u, r.where, r.url}, abs.String(), frag})
			}
		}
	}
	for _, a := range anchors {
		f := c.fetched[a.target]
		if f.status == http.StatusOK && !f.doc.ids[a.frag] {
			t.Errorf("%s: %s %q: no id %q in %s", a.page, a.where, a.raw, a.frag, a.target)
		}
	}
}

// renderPages renders the real site with base URL base.
func renderPages(t *testing.T, base string) *Result {
	t.Helper()
	return mustRender(t, Options{Dir: filepath.Join("..", ".."), Defaults: repoRoot, BaseURL: base})
}

// crawlSite serves res under srv and crawls it from the prefix; it
// returns the crawler for further checks.
func crawlSite(t *testing.T, srv *pagesServer, res *Result) *crawler {
	t.Helper()
	srv.root = writeTree(t, res.Files)
	c := newCrawler(t, srv)
	c.visit(srv.base(), "(start)")
	c.run()
	// Every page and the landing page are reachable from the start.
	want := []string{srv.base()}
	for _, e := range res.Site.Entries {
		for _, p := range e.Pages {
			if p != nil {
				want = append(want, srv.base()+p.URLPath())
			}
		}
	}
	for _, u := range want {
		if f := c.fetched[u]; f == nil || f.status != http.StatusOK {
			t.Errorf("%s is not reachable by links from %s", u, srv.base())
		}
	}
	// Output files nothing links to (e-mail exports, redirects) get
	// their own links checked too.
	var more int
	for _, name := range sortedKeys(res.Files) {
		u := srv.base() + name
		if strings.HasSuffix(name, "/index.html") || name == "index.html" {
			if _, ok := c.fetched[strings.TrimSuffix(u, "index.html")]; ok {
				continue
			}
		}
		if parsedFile(name) && name != "404.html" {
			if _, ok := c.fetched[u]; !ok {
				c.visit(u, "(unlinked output file)")
				more++
			}
		}
	}
	c.run()
	t.Logf("crawled %d URLs (%d output files not linked from the site)", len(c.fetched), more)
	return c
}

func TestPagesCrawlUnderSubPath(t *testing.T) {
	srv := newPagesServer(t, "/kz30/")
	res := renderPages(t, srv.base())
	c := crawlSite(t, srv, res)
	if len(c.fetched) < 30 {
		t.Errorf("crawled only %d URLs", len(c.fetched))
	}
	// The share images are reachable from the pages' meta tags and are
	// the 1200×630 PNGs.
	for _, lang := range res.Site.Langs {
		f := c.fetched[srv.base()+shareImageName(lang)]
		if f == nil || f.status != http.StatusOK {
			t.Errorf("%s not linked from any page", shareImageName(lang))
			continue
		}
		if f.ctype != "image/png" {
			t.Errorf("%s served as %q", shareImageName(lang), f.ctype)
		}
		checkSharePNG(t, shareImageName(lang), f.body)
	}
}

func TestPagesCrawlAtDomainRoot(t *testing.T) {
	srv := newPagesServer(t, "/")
	crawlSite(t, srv, renderPages(t, srv.base()))
}

// TestPagesMissingURL asks for missing URLs at several depths: Pages
// answers with 404.html, whose links and assets must work from there: they
// start with the base path ("/kz30/…"), so they work on any host too.
func TestPagesMissingURL(t *testing.T) {
	srv := newPagesServer(t, "/kz30/")
	res := renderPages(t, srv.base())
	srv.root = writeTree(t, res.Files)
	for _, missing := range []string{"nope", "fr/nope/", "fr/kaspi/deep/er/x.html", "en/a/b/c/d/"} {
		u := srv.base() + missing
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound || !bytes.Equal(body, res.Files["404.html"]) {
			t.Fatalf("GET %s = %d, want 404 with 404.html", u, resp.StatusCode)
		}
		doc := pagesParse(t, "404.html", body)
		links := map[string]bool{}
		var assets int
		for _, r := range doc.refs {
			if strings.HasPrefix(r.url, "#") {
				if !doc.ids[r.url[1:]] {
					t.Errorf("404.html: %s %q: no such id", r.where, r.url)
				}
				continue // the same document, wherever it is served
			}
			if !strings.HasPrefix(r.url, srv.prefix) || strings.HasPrefix(r.url, "//") {
				t.Errorf("404.html: %s %q does not start with the base path %s", r.where, r.url, srv.prefix)
				continue
			}
			links[srv.URL+r.url] = true
			if strings.HasPrefix(r.where, "link ") || strings.HasSuffix(r.where, " src") {
				assets++
			}
		}
		if assets < 2 || len(links) < 4 {
			t.Errorf("404.html has %d links (%d assets), want both homes, the stylesheet and the icon", len(links), assets)
		}
		for _, l := range sortedKeys(links) {
			resp, err := http.Get(l)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || resp.Request.URL.String() != l {
				t.Errorf("served at %s, 404.html links to %s, which answers %d at %s", u, l, resp.StatusCode, resp.Request.URL)
			}
		}
	}
}

// TestPagesOpenedFromDisk follows every relative link of every HTML file
// as a browser does with file:// URLs: no folder index, so each must name
// a file that exists, and its #fragment an id there. Absolute links must
// start with the base URL (or be external).
func TestPagesOpenedFromDisk(t *testing.T) {
	for _, tc := range []struct {
		name string
		res  func(t *testing.T) *Result
	}{
		{"real site", func(t *testing.T) *Result { return renderPages(t, "https://example.github.io/kz30/") }},
		{"fixture with aliases", func(t *testing.T) *Result {
			return mustRender(t, Options{Dir: aliasFixture(t), BaseURL: "https://example.github.io/kz30/"})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := tc.res(t)
			docs := map[string]pagesDoc{}
			doc := func(name string) pagesDoc {
				d, ok := docs[name]
				if !ok {
					d = pagesParse(t, name, res.Files[name])
					docs[name] = d
				}
				return d
			}
			links := 0
			for _, name := range sortedKeys(res.Files) {
				if path.Ext(name) != ".html" {
					continue
				}
				for _, r := range doc(name).refs {
					u, err := url.Parse(r.url)
					if err != nil {
						t.Errorf("%s: %s %q: %v", name, r.where, r.url, err)
						continue
					}
					if u.Scheme != "" || u.Host != "" {
						continue // canonical, hreflang, sharing tags, external: see the crawl tests
					}
					if name == "404.html" && u.Path != "" {
						// Served at any depth: its URLs start with the base
						// path (TestPagesMissingURL follows them).
						if !strings.HasPrefix(u.Path, "/kz30/") {
							t.Errorf("404.html: %s %q does not start with the base path /kz30/; GitHub Pages serves 404.html at any depth", r.where, r.url)
						}
						continue
					}
					if rootRelative(r.url) {
						t.Errorf("%s: %s %q is root-relative", name, r.where, r.url)
						continue
					}
					target := name
					if u.Path != "" {
						target = path.Join(path.Dir(name), u.Path)
						if strings.HasSuffix(u.Path, "/") {
							t.Errorf("%s: %s %q names a folder; from disk it needs index.html", name, r.where, r.url)
							continue
						}
					}
					links++
					if _, ok := res.Files[target]; !ok {
						t.Errorf("%s: %s %q: no file %s", name, r.where, r.url, target)
						continue
					}
					if u.Fragment != "" && path.Ext(target) == ".html" && !doc(target).ids[u.Fragment] {
						t.Errorf("%s: %s %q: no id %q in %s", name, r.where, r.url, u.Fragment, target)
					}
				}
			}
			if links < 100 {
				t.Errorf("followed only %d relative links", links)
			}
		})
	}
}

// TestPagesNoRootRelativeURL scans every HTML, XML, SVG and CSS file for
// a URL starting with "/", which would ignore the base path; 404.html's
// URLs start with the base path itself.
func TestPagesNoRootRelativeURL(t *testing.T) {
	for _, base := range []string{"https://example.github.io/kz30/", "https://kz30.example.org/"} {
		for _, res := range []*Result{
			renderPages(t, base),
			mustRender(t, Options{Dir: aliasFixture(t), BaseURL: base}),
		} {
			scanned, urls := 0, 0
			for _, name := range sortedKeys(res.Files) {
				if !parsedFile(name) {
					continue
				}
				scanned++
				for _, r := range pagesParse(t, name, res.Files[name]).refs {
					urls++
					if name == "404.html" && strings.HasPrefix(r.url, content.BasePath(base)) && !strings.HasPrefix(r.url, "//") {
						continue
					}
					if rootRelative(r.url) {
						t.Errorf("%s (base %s): %s %q is root-relative", name, base, r.where, r.url)
					}
					if u, err := url.Parse(r.url); err == nil && u.Host != "" && !strings.HasPrefix(r.url, base) &&
						(u.Host == "example.github.io" || u.Host == "kz30.example.org") {
						t.Errorf("%s (base %s): %s %q uses another base URL", name, base, r.where, r.url)
					}
				}
			}
			if scanned < 10 || urls < 200 {
				t.Errorf("scanned %d files and %d URLs, too few to mean anything", scanned, urls)
			}
		}
	}
}

// TestPagesScannerSeesRootRelative is the control of the scan above:
// each planted root-relative URL is found.
func TestPagesScannerSeesRootRelative(t *testing.T) {
	for name, src := range map[string]string{
		"a.html":  `<a href="/fr/">x</a>`,
		"b.html":  `<img src="/logo.png" alt="">`,
		"c.html":  `<meta property="og:image" content="/assets/x.png">`,
		"d.html":  `<meta http-equiv="refresh" content="0; url=/fr/">`,
		"e.html":  `<script type="application/ld+json">{"isPartOf":{"url":"/"}}</script>`,
		"f.html":  `<img srcset="a.png 1x, /b.png 2x" alt="">`,
		"g.xml":   `<urlset><url><loc>/fr/</loc></url></urlset>`,
		"h.xml":   `<feed xmlns="http://www.w3.org/2005/Atom"><link href="/fr/"/></feed>`,
		"i.css":   `body{background:url("/bg.png")}`,
		"j.html":  `<link rel="stylesheet" href="//cdn.example/x.css">`,
		"k.svg":   `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="/s.svg#i"/></svg>`,
		"l.html":  `<form action="/search"></form>`,
		"m.html":  `<meta name="twitter:image" content="/x.png">`,
		"nn.html": `<style>p{background:url(/x.png)}</style>`,
	} {
		found := false
		for _, r := range pagesParse(t, name, []byte(src)).refs {
			found = found || rootRelative(r.url)
		}
		if !found {
			t.Errorf("%s: the scan missed the root-relative URL in %s", name, src)
		}
	}
}
