package site

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/diag"
)

// addFrontMatter inserts line at the end of the front matter of file (a
// slash path below dir) and returns its line number.
func addFrontMatter(t *testing.T, dir, file, line string) int {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] == "---" {
			lines = append(lines[:i], append([]string{line}, lines[i:]...)...)
			if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			return i + 1
		}
	}
	t.Fatalf("%s has no front matter", file)
	return 0
}

// aliasFixture is the fixture site with old URLs for pages A and B.
func aliasFixture(t *testing.T) string {
	t.Helper()
	dir := extract(t, "site.txtar")
	addFrontMatter(t, dir, "content/fr/a.md", "aliases: [fr/ancienne-page-a/, /fr/vieux.html, archives/2021/a]")
	addFrontMatter(t, dir, "content/en/a.md", "aliases: [en/old-page-a/]")
	addFrontMatter(t, dir, "content/en/b.md", "aliases:\n  - en/reference/\n  - en/reference.html")
	return dir
}

func TestAliasRedirectPages(t *testing.T) {
	res := mustRender(t, Options{Dir: aliasFixture(t)})
	base := res.Config.BaseURL
	for _, tc := range []struct{ file, target, title string }{
		{"fr/ancienne-page-a/index.html", "fr/page-a/", "Page A\u00a0: l’essentiel"},
		{"fr/vieux.html", "fr/page-a/", "Page A\u00a0: l’essentiel"},
		{"archives/2021/a/index.html", "fr/page-a/", "Page A\u00a0: l’essentiel"},
		{"en/old-page-a/index.html", "en/page-a/", "Page A: the essentials"},
		{"en/reference/index.html", "en/page-b/", "Page B"},
		{"en/reference.html", "en/page-b/", "Page B"},
	} {
		data, ok := res.Files[tc.file]
		if !ok {
			t.Errorf("no redirect page %s", tc.file)
			continue
		}
		doc := pagesParse(t, tc.file, data)
		var refresh, canonical, visible string
		for _, r := range doc.refs {
			switch r.where {
			case "meta refresh":
				refresh = r.url
			case "link href":
				if strings.HasPrefix(r.url, "http") {
					canonical = r.url
				}
			case "a href":
				visible = r.url
			}
		}
		if canonical != base+tc.target {
			t.Errorf("%s: canonical %q, want %q", tc.file, canonical, base+tc.target)
		}
		want := path.Join(path.Dir(tc.file), refresh)
		if want != tc.target+"index.html" {
			t.Errorf("%s: meta refresh to %q leads to %s, want %sindex.html", tc.file, refresh, want, tc.target)
		}
		if visible != refresh {
			t.Errorf("%s: visible link %q, want the refresh target %q", tc.file, visible, refresh)
		}
		s := string(data)
		if !strings.Contains(s, ">"+tc.title+"</a>") || !strings.Contains(s, `content="noindex"`) {
			t.Errorf("%s: want a link titled %q and noindex:\n%s", tc.file, tc.title, s)
		}
		moved := "This page has moved to:"
		if strings.HasPrefix(tc.file, "fr/") || strings.HasPrefix(tc.file, "archives/") {
			moved = "Cette page a changé d’adresse\u00a0:"
		}
		if !strings.Contains(s, moved) {
			t.Errorf("%s: want the sentence %q", tc.file, moved)
		}
		if u, _ := url.Parse(refresh); u == nil || u.IsAbs() {
			t.Errorf("%s: the redirect %q must be relative, to work from disk and under any base path", tc.file, refresh)
		}
	}
	// Redirects are not pages: not in the sitemap.
	if strings.Contains(string(res.Files["sitemap.xml"]), "ancienne-page-a") {
		t.Error("the sitemap lists a redirect page")
	}
}

func TestAliasCollisions(t *testing.T) {
	for _, tc := range []struct {
		name  string
		file  string // the page that gets the alias line
		alias string // the front matter line
		col   int
		other [2]string // a second page and line, if any
		want  string
	}{
		{name: "another page", file: "content/fr/a.md", alias: "aliases: [fr/page-b/]", col: 11,
			want: `alias "fr/page-b/" is the URL of the page content/fr/b.md; remove the alias, or give the other page another slug`},
		{name: "another page, no slash", file: "content/en/b.md", alias: "aliases: [x/, /en/page-a]", col: 15,
			want: `alias "en/page-a/" is the URL of the page content/en/a.md`},
		{name: "own URL", file: "content/fr/a.md", alias: "aliases: [fr/page-a/]", col: 11,
			want: `alias "fr/page-a/" is the page's own URL; remove it from aliases`},
		{name: "404 page", file: "content/en/a.md", alias: "aliases: [404.html]", col: 11,
			want: `alias "404.html" is the URL of the 404 page`},
		{name: "landing page", file: "content/en/a.md", alias: "aliases: [index.html]", col: 11,
			want: `alias "index.html" is the URL of the landing page`},
		{name: "home", file: "content/en/b.md", alias: "aliases: [fr/]", col: 11,
			want: `alias "fr/" is the URL of the page content/fr/_index.md`},
		{name: "static file as folder", file: "content/fr/b.md", alias: "aliases: [favicon.svg/x/]", col: 11,
			want: `alias "favicon.svg/x/" needs a folder favicon.svg/ where the site has a file (static/favicon.svg)`},
		{name: "two pages", file: "content/fr/b.md", alias: "aliases: [fr/old/]", col: 11,
			other: [2]string{"content/en/a.md", "aliases: [fr/old]"},
			want:  `alias "fr/old/" is also an alias of content/en/a.md`},
		{name: "alias as folder of alias", file: "content/fr/a.md", alias: "aliases: [fr/x.html, fr/x.html/y/]", col: 22,
			want: `alias "fr/x.html/y/" needs a folder fr/x.html/ where the alias "fr/x.html" of content/fr/a.md writes a file`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := extract(t, "site.txtar")
			if tc.other[0] != "" {
				addFrontMatter(t, dir, tc.other[0], tc.other[1])
			}
			line := addFrontMatter(t, dir, tc.file, tc.alias)
			_, err := Render(Options{Dir: dir, Defaults: repoRoot})
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("Render error = %v, want a diag.List", err)
			}
			pos := fmt.Sprintf("%s:%d:%d: ", tc.file, line, tc.col)
			for _, e := range list {
				if strings.HasPrefix(e.Error(), pos+tc.want) {
					return
				}
			}
			t.Errorf("want an error %s%s; got:\n%v", pos, tc.want, err)
		})
	}
}
