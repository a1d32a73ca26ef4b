package build

import "strings"

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

// absURL joins the base URL and a site path.
func absURL(base, p string) string { return base + strings.TrimPrefix(p, "/") }
