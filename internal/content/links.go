package content

import (
	"errors"
	"net/url"
	"path"
	"strings"
)

// ErrNotPage is ResolveLink's error for a root-relative link that is no
// page's URL (a file of static/, say): a converter keeps such a link as
// written.
var ErrNotPage = errors.New("not a page")

// ResolveLink finds the page a link of from points to: a file link
// ("kaspi.md", "../en/kaspi.md", "/docs/faq.md", see Resolve) or a
// root-relative URL path of a page ("/docs/faq/", see ResolveURL). It
// also reports whether the page found is another language's, standing in
// for one missing in from's language (allowed by allowMissing).
func (s *Site) ResolveLink(from *Page, dest string, allowMissing bool) (*Page, bool, error) {
	if ext := path.Ext(dest); ext != ".md" && ext != ".markdown" {
		if t := s.ResolveURL(from, dest); t != nil {
			return t, false, nil
		}
		return nil, false, ErrNotPage
	}
	return s.Resolve(from, dest, allowMissing)
}

// RelURL is the relative link from the page at fromDir ("fr/kaspi/", ""
// for the root) to target, a page folder ("en/kaspi/", a URLPath) or a
// file ("assets/site.css"). Page links end in index.html so the site also
// works when opened from disk.
func RelURL(fromDir, target string) string {
	from := segments(fromDir)
	to := segments(target)
	isDir := target == "" || strings.HasSuffix(target, "/")
	i := 0
	for i < len(from) && i < len(to) && from[i] == to[i] {
		i++
	}
	var b strings.Builder
	for range len(from) - i {
		b.WriteString("../")
	}
	for _, s := range to[i:] {
		b.WriteString(s)
		b.WriteByte('/')
	}
	s := b.String()
	if !isDir {
		return strings.TrimSuffix(s, "/")
	}
	return s + "index.html"
}

func segments(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// BasePath is the path of a base URL ("/kz30/"; "/" at a host's root).
func BasePath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	if !strings.HasSuffix(u.Path, "/") {
		return u.EscapedPath() + "/"
	}
	return u.EscapedPath()
}

// AbsURL joins a base URL (or base path) ending in "/" and a site path.
func AbsURL(base, p string) string { return base + strings.TrimPrefix(p, "/") }
