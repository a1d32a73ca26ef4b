package site

import (
	"net/url"
	"strings"
)

// relURL is the relative link from the page at fromDir ("fr/kaspi/", ""
// for the root) to target, a page folder ("en/kaspi/") or a file
// ("assets/site.css"). Page links end in index.html so the site also works
// when opened from disk.
func relURL(fromDir, target string) string {
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

// basePath is the path of the base URL ("/kz30/"; "/" at a host's root).
func basePath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	if !strings.HasSuffix(u.Path, "/") {
		return u.EscapedPath() + "/"
	}
	return u.EscapedPath()
}

// absURL joins the base URL (or base path) and a site path.
func absURL(base, p string) string { return base + strings.TrimPrefix(p, "/") }
