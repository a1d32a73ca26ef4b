package site

import (
	"path"
	"strings"
	"testing"
)

// FuzzRelURL checks link rewriting between output paths: the relative
// link from a page folder, resolved the way a browser does, lands on the
// target, and never climbs above the site root.
func FuzzRelURL(f *testing.F) {
	f.Add("fr/kaspi/", "en/kaspi/")
	f.Add("", "fr/")
	f.Add("fr/a/b/", "assets/site.css")
	f.Add("fr/x/", "fr/x/")
	f.Fuzz(func(t *testing.T, from, to string) {
		for _, p := range []string{from, to} {
			if strings.ContainsAny(p, "?#\\\x00") || strings.Contains(p, "//") || strings.HasPrefix(p, "/") ||
				path.Clean("/"+p) != "/"+strings.TrimSuffix(p, "/") && p != "" {
				return // not an output path (checkName refuses these)
			}
		}
		if !strings.HasSuffix(from, "/") && from != "" {
			from += "/"
		}
		rel := relURL(from, to)
		if strings.HasPrefix(rel, "/") || strings.Contains(rel, "://") {
			t.Fatalf("relURL(%q, %q) = %q is not relative", from, to, rel)
		}
		got := path.Join("/", from, rel)
		want := "/" + to
		if to == "" || strings.HasSuffix(to, "/") {
			want = path.Join("/", to, "index.html")
		}
		if got != path.Clean(want) {
			t.Fatalf("relURL(%q, %q) = %q resolves to %q, want %q", from, to, rel, got, want)
		}
	})
}
