package content

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
		rel := RelURL(from, to)
		if strings.HasPrefix(rel, "/") || strings.Contains(rel, "://") {
			t.Fatalf("RelURL(%q, %q) = %q is not relative", from, to, rel)
		}
		got := path.Join("/", from, rel)
		want := "/" + to
		if to == "" || strings.HasSuffix(to, "/") {
			want = path.Join("/", to, "index.html")
		}
		if got != path.Clean(want) {
			t.Fatalf("RelURL(%q, %q) = %q resolves to %q, want %q", from, to, rel, got, want)
		}
	})
}

func TestRelURL(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"fr/kaspi/", "fr/fdi/", "../fdi/index.html"},
		{"fr/kaspi/", "en/kaspi/", "../../en/kaspi/index.html"},
		{"fr/", "fr/kaspi/", "kaspi/index.html"},
		{"", "fr/", "fr/index.html"},
		{"fr/kaspi/", "fr/kaspi/", "index.html"},
		{"fr/kaspi/", "assets/site.css", "../../assets/site.css"},
		{"", "assets/site.css", "assets/site.css"},
		{"fr/kaspi/", "", "../../index.html"},
	} {
		if got := RelURL(tc.from, tc.to); got != tc.want {
			t.Errorf("RelURL(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestIndexPath(t *testing.T) {
	for _, tc := range []struct {
		line, p string
		want    int
	}{
		{"aliases: [fr/old/]", "fr/old", 10},
		{"aliases: [/fr/old]", "fr/old", 10},
		{"aliases: [fr/older/, fr/old/]", "fr/old", 21},
		{"aliases: [en/fr/old/]", "fr/old", -1},
		{"  - fr/old.html", "fr/old.html", 4},
		{"aliases: [fr/old.html]", "fr/old", -1},
	} {
		if got := indexPath(tc.line, tc.p); got != tc.want {
			t.Errorf("indexPath(%q, %q) = %d, want %d", tc.line, tc.p, got, tc.want)
		}
	}
}
