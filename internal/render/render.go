// Package render executes the site's html/template files.
//
// Templates live in templates/ of the source folder (or the defaults
// embedded in kz30). base.html and every file whose name starts with "_"
// are shared; each other file is a layout (landing.html, home.html,
// page.html, 404.html, alias.html) executed with a *View. Templates are
// named by their path, so parse and execution errors name
// templates/FILE.html:line:col. Templates are parsed once per build and are
// safe for concurrent use.
package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kz30/kz30/internal/diag"
	"golang.org/x/text/language"
)

// Dir is the templates folder inside the source folder.
const Dir = "templates"

// Renderer holds the parsed layouts.
type Renderer struct {
	layouts map[string]*template.Template
	cached  sync.Map // partialCached results, by template name and key
	active  sync.Map // partialCached calls in progress, by template name (*atomic.Int32)
}

// MaxPartialDepth is how many calls of partialCached for one template may
// be in progress at once: more means the template calls itself (each call
// starts a new execution, which Go's own depth limit does not see).
const MaxPartialDepth = 100

// Layouts every template set must define.
var Layouts = []string{"landing", "home", "page", "terms", "404", "alias"}

// New parses the templates of fsys (whose root holds templates/).
func New(fsys fs.FS) (*Renderer, error) {
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: Dir}, Msg: "cannot read templates: " + err.Error(), Hint: "make templates/ a readable folder"}}
	}
	var shared, layouts []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".html") {
			continue
		}
		if name == "base.html" || strings.HasPrefix(name, "_") {
			shared = append(shared, name)
		} else {
			layouts = append(layouts, name)
		}
	}
	var errs diag.List
	base := template.New("kz30").Funcs(funcs)
	for _, name := range shared {
		if err := parse(fsys, base, name); err != nil {
			errs.Append(err)
		}
	}
	r := &Renderer{layouts: map[string]*template.Template{}}
	seen := map[string]bool{} // recursion errors already reported
	for _, name := range layouts {
		if errs != nil {
			break
		}
		t, err := base.Clone()
		if err == nil {
			err = parse(fsys, t, name)
		}
		if err != nil {
			errs.Append(err)
			continue
		}
		if rec := checkRecursion(t, seen); rec != nil {
			errs = append(errs, rec...)
			continue
		}
		t.Funcs(template.FuncMap{"partialCached": r.partialCached(t)})
		r.layouts[strings.TrimSuffix(name, ".html")] = t
	}
	for _, l := range Layouts {
		if errs == nil && r.layouts[l] == nil {
			errs.Add(diag.Pos{File: path.Join(Dir, l+".html")}, "missing layout "+l+".html", "add "+path.Join(Dir, l+".html"))
		}
	}
	if errs != nil {
		return nil, errs
	}
	return r, nil
}

func parse(fsys fs.FS, t *template.Template, name string) error {
	file := path.Join(Dir, name)
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		if pe, ok := err.(*fs.PathError); ok {
			err = pe.Err // the path is the position
		}
		return &diag.Error{Pos: diag.Pos{File: file}, Msg: "cannot read the template: " + err.Error(), Hint: "check the file's permissions, or remove it"}
	}
	if _, err := t.New(file).Parse(string(src)); err != nil {
		return templateError(err)
	}
	return nil
}

// Execute renders layout with v into w.
func (r *Renderer) Execute(w io.Writer, layout string, v any) error {
	t := r.layouts[layout]
	if t == nil {
		return fmt.Errorf("unknown layout %q", layout)
	}
	if err := t.ExecuteTemplate(w, path.Join(Dir, layout+".html"), v); err != nil {
		return templateError(err)
	}
	return nil
}

// Partial renders the shared template name (one defined in base.html or a
// _*.html file, such as "header") with v into w.
func (r *Renderer) Partial(w io.Writer, name string, v any) error {
	t := r.layouts["page"]
	if t == nil || t.Lookup(name) == nil {
		return &diag.Error{Pos: diag.Pos{File: Dir}, Msg: fmt.Sprintf("no template %q", name), Hint: "define it in " + path.Join(Dir, "_partials.html")}
	}
	if err := t.ExecuteTemplate(w, name, v); err != nil {
		return templateError(err)
	}
	return nil
}

// partialCached returns the partialCached function of template set t:
// {{partialCached "nav" KEY .}} executes the template "nav" with . the
// first time a build asks for KEY, and reuses that HTML for every other
// page that passes the same KEY. The key must name everything the partial
// reads (the section navigation's is View.NavKey). The cache lives as long
// as the Renderer, which is one build.
func (r *Renderer) partialCached(t *template.Template) func(name, key string, data any) (template.HTML, error) {
	return func(name, key string, data any) (template.HTML, error) {
		id := name + "\x00" + key
		if h, ok := r.cached.Load(id); ok {
			return h.(template.HTML), nil
		}
		n, _ := r.active.LoadOrStore(name, new(atomic.Int32))
		active := n.(*atomic.Int32)
		defer active.Add(-1)
		if active.Add(1) > MaxPartialDepth {
			return "", &RecursionError{Name: name}
		}
		var b strings.Builder
		if err := t.ExecuteTemplate(&b, name, data); err != nil {
			if re := (*RecursionError)(nil); errors.As(err, &re) {
				return "", re // one message, not one per level
			}
			return "", err
		}
		h, _ := r.cached.LoadOrStore(id, template.HTML(b.String()))
		return h.(template.HTML), nil
	}
}

// RecursionError is a template that calls itself through partialCached
// without end.
type RecursionError struct{ Name string }

func (e *RecursionError) Error() string {
	return fmt.Sprintf("template %q calls itself through partialCached (more than %d calls deep)", e.Name, MaxPartialDepth)
}

var tmplErrRE = regexp.MustCompile(`^template: (?:[^:]*: )?(templates/[^:]+):(\d+):?(\d+)?: (.*)$`)

// templateError turns an html/template error into a positioned diagnostic.
func templateError(err error) error {
	msg := err.Error()
	first, _, _ := strings.Cut(msg, "\n")
	if m := tmplErrRE.FindStringSubmatch(first); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		text := m[4]
		hint := "fix the template"
		if i := strings.Index(text, "missing i18n key"); i >= 0 {
			text = text[i:]
			hint = ""
		} else if re := (*RecursionError)(nil); errors.As(err, &re) {
			text = re.Error()
			hint = "a template called with partialCached must not call itself, directly or through another template"
		} else if strings.Contains(text, "exceeded maximum template depth") {
			hint = "a template that calls itself needs a condition that ends the recursion"
		} else if i := strings.Index(text, "error calling "); i >= 0 {
			hint = "check the value passed at this place in the template"
		}
		return &diag.Error{Pos: diag.Pos{File: m[1], Line: line, Col: col}, Msg: text, Hint: hint}
	}
	return &diag.Error{Msg: msg, Hint: "fix the templates"}
}

// funcs are the template functions that need no language; language-aware
// formatting hangs off the View's methods.
var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	"join": func(sep string, s []string) string {
		return strings.Join(s, sep)
	},
	"contains": slices.Contains[[]string],
	"locale":   ogLocale,
	// Set per template set by New; this one only lets templates parse.
	"partialCached": func(string, string, any) (template.HTML, error) {
		return "", fmt.Errorf("partialCached outside a layout")
	},
}

// ogLocale is the Open Graph locale of a language: "fr" → "fr_FR".
func ogLocale(lang string) string {
	tag := language.Make(lang)
	region, _ := tag.Region()
	base, _ := tag.Base()
	return base.String() + "_" + region.String()
}
