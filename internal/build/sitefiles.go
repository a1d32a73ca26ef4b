package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/kz30/kz30/internal/diag"
)

// writeSiteFiles writes everything that is not a content page: landing,
// 404, alias redirects, styles, static files, GitHub Pages files, sitemap
// and feeds.
func (b *builder) writeSiteFiles(s sink) error {
	var errs diag.List
	var buf bytes.Buffer
	exec := func(name, layout string, v any) {
		buf.Reset()
		if err := b.tmpl.Execute(&buf, layout, v); err != nil {
			errs.Append(err)
			return
		}
		errs.Append(s.write(name, buf.Bytes()))
	}
	exec("index.html", "landing", b.landingView())
	exec("404.html", "404", b.notFoundView())
	for _, p := range b.pages() {
		for _, a := range p.Aliases {
			name := a
			if isDirPath(a) {
				name = a + "index.html"
			}
			exec(name, "alias", b.aliasView(p, a))
		}
	}
	errs.Append(s.write(b.cssName, b.css))
	errs.Append(b.copyStatic(s))
	errs.Append(s.write(".nojekyll", nil))
	if b.cfg.CNAME != "" {
		errs.Append(s.write("CNAME", []byte(b.cfg.CNAME+"\n")))
	}
	errs.Append(s.write("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+absURL(b.cfg.BaseURL, "sitemap.xml")+"\n")))
	errs.Append(b.writeSitemap(s))
	errs.Append(b.writeFeeds(s))
	errs.Append(b.writeNewsletters(s))
	return errs.Err()
}

// copyStatic copies static/ as is, except site.css (fingerprinted into
// assets/ with the highlighting rules).
func (b *builder) copyStatic(s sink) error {
	return fs.WalkDir(b.src, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" {
				return nil
			}
			return err
		}
		if d.IsDir() || p == "static/site.css" || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(b.src, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		return s.write(strings.TrimPrefix(p, "static/"), data)
	})
}

func isDirPath(p string) bool { return strings.HasSuffix(p, "/") }

func dirOf(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d + "/"
}
