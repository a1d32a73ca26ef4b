package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/diag"
)

// partialCached renders a partial once per key: a second page with the
// same key gets the first rendering, whatever its data; another key
// renders again.
func TestPartialCached(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html": {Data: []byte(`{{define "nav"}}<nav>{{.Title}}</nav>{{end}}`)},
	}
	for _, l := range Layouts {
		fsys["templates/"+l+".html"] = &fstest.MapFile{Data: []byte(`<p>{{.Title}}</p>{{partialCached "nav" .Lang .}}`)}
	}
	r, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	render := func(layout string, v *View) string {
		var b strings.Builder
		if err := r.Execute(&b, layout, v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if got, want := render("page", &View{Lang: "fr", Title: "un"}), "<p>un</p><nav>un</nav>"; got != want {
		t.Errorf("first page: %q, want %q", got, want)
	}
	// Same key, from another layout too: the cached navigation.
	if got, want := render("home", &View{Lang: "fr", Title: "deux"}), "<p>deux</p><nav>un</nav>"; got != want {
		t.Errorf("same key: %q, want %q", got, want)
	}
	if got, want := render("page", &View{Lang: "en", Title: "<three>"}), "<p>&lt;three&gt;</p><nav>&lt;three&gt;</nav>"; got != want {
		t.Errorf("other key: %q, want %q", got, want)
	}
	// A new Renderer (a new build) starts with an empty cache.
	r, err = New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := render("page", &View{Lang: "fr", Title: "quatre"}), "<p>quatre</p><nav>quatre</nav>"; got != want {
		t.Errorf("new build: %q, want %q", got, want)
	}
}

// NavKey differs whenever the navigation shows something else.
func TestNavKey(t *testing.T) {
	base := View{Lang: "fr", Nav: []NavItem{{Title: "A", Href: "../a/index.html"}, {Title: "B", Short: "B", Href: "../b/index.html"}}}
	key := base.NavKey()
	for name, change := range map[string]func(v *View){
		"language": func(v *View) { v.Lang = "en" },
		"current":  func(v *View) { v.Nav[0].Current = true },
		"href":     func(v *View) { v.Nav[1].Href = "b/index.html" },
		"title":    func(v *View) { v.Nav[0].Title = "A2" },
		"short":    func(v *View) { v.Nav[0].Short = "A" },
		"fewer":    func(v *View) { v.Nav = v.Nav[:1] },
	} {
		v := base
		v.Nav = append([]NavItem(nil), base.Nav...)
		change(&v)
		if v.NavKey() == key {
			t.Errorf("%s: same key", name)
		}
	}
}

// A template that calls itself is an error naming it and the place of the
// call: found when the templates are parsed for a name written as a
// string, during execution (after MaxPartialDepth nested calls) for a
// computed one; never a stack overflow.
func TestTemplateRecursion(t *testing.T) {
	for _, tc := range []struct{ name, base, want string }{
		{"partialCached", `{{define "nav"}}<nav>{{partialCached "nav" .Lang .}}</nav>{{end}}`,
			`templates/base.html:1:23: template "nav" calls itself through partialCached (nav → nav)`},
		{"through another template", `{{define "nav"}}{{template "menu" .}}{{end}}{{define "menu"}}{{if .Lang}}{{partialCached "nav" .Title .}}{{end}}{{end}}`,
			`template "menu" calls itself (menu → nav → menu)`},
		{"template", `{{define "nav"}}{{range .Nav}}{{template "nav" .}}{{end}}{{end}}`, `templates/base.html:1:41: template "nav" calls itself (nav → nav)`},
		{"computed name", `{{define "nav"}}<nav>{{partialCached (print "na" "v") .Lang .}}</nav>{{end}}`,
			`templates/page.html:1:2: template "nav" calls itself through partialCached (more than 100 calls deep)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"templates/base.html": {Data: []byte(tc.base)}}
			for _, l := range Layouts {
				fsys["templates/"+l+".html"] = &fstest.MapFile{Data: []byte(`{{partialCached "nav" .Lang .}}`)}
			}
			r, err := New(fsys)
			if err == nil {
				err = r.Execute(new(strings.Builder), "page", &View{Lang: "fr"})
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || len(err.Error()) > 600 {
				t.Fatalf("error = %v, want %q in one short message", err, tc.want)
			}
			var d *diag.Error
			if list, ok := err.(diag.List); ok && len(list) == 1 {
				d = list[0]
			} else if e, ok := err.(*diag.Error); ok {
				d = e
			}
			if d == nil || d.Hint == "" {
				t.Errorf("error %#v is not one diagnostic with a hint", err)
			}
		})
	}
}
