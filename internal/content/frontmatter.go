package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/kz30/kz30/internal/diag"
)

// frontKeys are the front matter keys a page may use (lower case: keys
// are matched case-insensitively, as Hugo does).
var frontKeys = []string{"title", "description", "weight", "slug", "date", "lastmod", "facts", "translation_of", "draft", "section", "aliases"}

// hugoKeys are Hugo's front matter keys that kz30 accepts without a
// warning; doc.go says what each one does.
var hugoKeys = []string{"linktitle", "summary", "translationkey", "url", "images", "tags", "categories", "params", "menu", "menus", "layout", "type", "toc"}

// frontField is one top-level front matter key with its value as a YAML
// node, whatever the front matter's format.
type frontField struct {
	key    string // as written
	keyPos diag.Pos
	val    ast.Node
	pos    func(ast.Node) diag.Pos // position of val or one of its items
}

var (
	slugRE  = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	hashRE  = regexp.MustCompile(`^[0-9a-f]{12}$`)
	aliasRE = regexp.MustCompile(`^[A-Za-z0-9._~%-]+(?:/[A-Za-z0-9._~%-]+)*/?$`)
)

// split separates front matter from body. src must be normalized. It
// returns the front matter text (YAML between "---" lines, or TOML
// between "+++" lines: toml is then true), the body, and the body's first
// line number.
func split(file string, src []byte) (front, body []byte, bodyLine int, toml bool, err *diag.Error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, nil, 0, false, &diag.Error{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Msg: "empty file",
			Hint: "start the file with front matter (---, title: …, description: …, ---) or delete it"}
	}
	// As Hugo, blank lines and spaces before the opening delimiter are
	// allowed: the front matter starts at the first non-blank line.
	lead, skipped := 0, 0
	for {
		l, _, found := bytes.Cut(src[lead:], []byte("\n"))
		if !found || len(bytes.TrimSpace(l)) != 0 {
			break
		}
		lead += len(l) + 1
		skipped++
	}
	if lead > 0 || bytes.HasPrefix(src, []byte(" ")) || bytes.HasPrefix(src, []byte("\t")) {
		front, body, bodyLine, toml, err := split(file, bytes.TrimLeft(src[lead:], " \t"))
		if err == nil {
			return front, body, bodyLine + skipped, toml, nil
		}
		if err.Msg != "no front matter" {
			err.Pos.Line += skipped
			return nil, nil, 0, false, err
		}
		return nil, nil, 0, false, &diag.Error{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Msg: err.Msg, Hint: err.Hint}
	}
	delim := "---"
	first, _, _ := bytes.Cut(src, []byte("\n"))
	switch string(bytes.TrimRight(first, " \t")) {
	case "---":
	case "+++":
		delim, toml = "+++", true
	default:
		return nil, nil, 0, false, &diag.Error{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Msg: "no front matter",
			Hint: `start the file with a line "---", the YAML keys (title, description…), and another "---" (or TOML between two "+++" lines)`}
	}
	for off, line := len(first)+1, 2; off < len(src); line++ {
		l, next := src[off:], len(src)
		if i := bytes.IndexByte(l, '\n'); i >= 0 {
			l, next = l[:i], off+i+1
		}
		if string(bytes.TrimRight(l, " \t")) == delim {
			return src[len(first)+1 : off], src[next:], line + 1, toml, nil
		}
		off = next
	}
	return nil, nil, 0, false, &diag.Error{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Msg: "unclosed front matter",
		Hint: `end the front matter with a line "` + delim + `"`}
}

// parseFront decodes front matter (YAML, or TOML when toml is set) into
// p. Errors go to errs, warnings to warns. Line numbers are file line
// numbers (the front matter starts on line 2). Unknown keys are kept on
// the page (Load reports each once per site).
func parseFront(p *Page, front []byte, toml bool, errs, warns *diag.List) {
	if !utf8.Valid(front) {
		return // reported for the whole file
	}
	if e := checkFrontSize(p.Path, front); e != nil {
		*errs = append(*errs, e)
		return
	}
	if e := yamlDepth(p.Path, front); e != nil {
		*errs = append(*errs, e)
		return
	}
	var fields []frontField
	var ok bool
	if toml {
		fields, ok = tomlFields(p.Path, front, errs)
	} else {
		fields, ok = yamlFields(p.Path, front, errs)
	}
	if !ok {
		return
	}
	seen := map[string]bool{}
	p.Section = true
	for _, f := range fields {
		key := strings.ToLower(f.key)
		switch {
		case slices.Contains(frontKeys, key):
			seen[key] = true
			decodeKey(p, key, f.val, f.pos, errs)
		case slices.Contains(hugoKeys, key):
			seen[key] = true
			decodeHugoKey(p, key, f.val, f.pos, errs)
		default:
			p.unknown = append(p.unknown, unknownKey{key: f.key, pos: f.keyPos})
			var v any
			if nodeToValue(f.val, &v) == nil {
				p.setParam(key, v)
			}
		}
	}
	top := diag.Pos{File: p.Path, Line: 1, Col: 1}
	if !seen["title"] || strings.TrimSpace(p.Title) == "" {
		errs.Add(top, "missing title", "add a line `title: …` to the front matter")
	}
	if !seen["description"] || strings.TrimSpace(p.Description) == "" {
		switch {
		case strings.TrimSpace(p.Summary) != "":
			p.Description = strings.TrimSpace(p.Summary)
		default:
			p.Description = Summary(p.Body, summaryLen)
			if strings.HasSuffix(p.Path, ".html") {
				p.Description = HTMLSummary(p.Body, summaryLen)
			}
			if p.Description == "" {
				p.Description = strings.TrimSpace(p.Title)
				warns.Add(top, "no description: the title stands in for it (the page has no paragraph)",
					"add a line `description: …` (one sentence) to the front matter")
			} else {
				warns.Add(top, "no description: the first paragraph stands in for it (meta description, feeds, teasers)",
					"add a line `description: …` (one sentence) to the front matter")
			}
		}
	}
	if p.Lastmod.IsZero() {
		p.Lastmod = p.Date
	}
}

// unknownKey is a front matter key kz30 does not know, where it was met.
type unknownKey struct {
	key string
	pos diag.Pos
}

// yamlFields lists the top-level keys of YAML front matter.
func yamlFields(file string, front []byte, errs *diag.List) ([]frontField, bool) {
	pos := func(n ast.Node) diag.Pos {
		if n == nil || n.GetToken() == nil {
			return diag.Pos{File: file, Line: 1, Col: 1}
		}
		t := n.GetToken()
		return diag.Pos{File: file, Line: t.Position.Line + 1, Col: t.Position.Column}
	}
	f, err := parseYAML(front)
	if err != nil {
		errs.Append(yamlError(file, err, "fix the YAML syntax of the front matter"))
		return nil, false
	}
	for _, d := range f.Docs {
		if !noAliases(file, d, errs) {
			return nil, false
		}
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, true
	}
	m, ok := f.Docs[0].Body.(*ast.MappingNode)
	if !ok {
		if mv, ok1 := f.Docs[0].Body.(*ast.MappingValueNode); ok1 {
			m = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
			ok = true
		}
	}
	if !ok {
		errs.Add(pos(f.Docs[0].Body), "front matter is not a YAML mapping", "write one key: value per line")
		return nil, false
	}
	var fields []frontField
	for _, kv := range m.Values {
		fields = append(fields, frontField{key: kv.Key.String(), keyPos: pos(kv.Key), val: kv.Value, pos: pos})
	}
	return fields, true
}

// decodeKey decodes one front matter value into p.
func decodeKey(p *Page, key string, v ast.Node, pos func(ast.Node) diag.Pos, errs *diag.List) {
	decode := func(dst any, want string) bool {
		if err := nodeToValue(v, dst); err != nil {
			errs.Add(pos(v), fmt.Sprintf("%s: want %s, got %s", key, want, strings.TrimSpace(v.String())),
				fmt.Sprintf("write %s as %s", key, want))
			return false
		}
		return true
	}
	switch key {
	case "title":
		decode(&p.Title, "a string")
	case "description":
		decode(&p.Description, "a string")
	case "weight":
		decode(&p.Weight, "an integer")
	case "draft":
		decode(&p.Draft, "true or false")
	case "section":
		decode(&p.Section, "true or false")
	case "slug":
		if decode(&p.Slug, "a string") && !slugRE.MatchString(p.Slug) {
			errs.Add(pos(v), fmt.Sprintf("invalid slug %q", p.Slug),
				"use lower-case letters a-z, digits and single hyphens (no /, .., spaces or accents), e.g. e-gouvernement")
		} else if msg := segmentProblem(p.Slug); msg != "" {
			errs.Add(pos(v), fmt.Sprintf("slug %q cannot be a folder name: %s", p.Slug, msg), "choose another slug")
		}
	case "translation_of":
		if decode(&p.TranslationOf, "a string") && !hashRE.MatchString(p.TranslationOf) {
			errs.Add(pos(v), fmt.Sprintf("invalid translation_of %q", p.TranslationOf),
				"write the 12 hex digits that `kz30 check` prints for the source page")
		}
	case "date", "lastmod":
		var s string
		if !decode(&s, "a date YYYY-MM-DD") {
			return
		}
		t, ok := parseDate(s)
		if !ok {
			errs.Add(pos(v), fmt.Sprintf("%s: invalid date %q", key, s),
				"write the date as YYYY-MM-DD (2021-12-16) or with a time as RFC 3339 (2021-12-16T10:30:00+06:00)")
			return
		}
		if t.Year() < 1000 {
			// 0001-01-01 is Go's zero time: it would read as "no date".
			errs.Add(pos(v), fmt.Sprintf("%s: %s is not a real date (year %d)", key, s, t.Year()),
				"write the page's real date as YYYY-MM-DD, e.g. 2021-12-16, or remove the key")
			return
		}
		if key == "date" {
			p.Date = t
		} else {
			p.Lastmod = t
		}
	case "facts":
		seq, ok := v.(*ast.SequenceNode)
		if !ok {
			errs.Add(pos(v), "facts: want a list of fact IDs", "write facts: [id-1, id-2] or one `- id` per line")
			return
		}
		for _, item := range seq.Values {
			var id string
			if err := nodeToValue(item, &id); err != nil || id == "" {
				errs.Add(pos(item), "facts: each item must be a fact ID string", "write the ID of a fact of content/facts.toml")
				continue
			}
			p.Facts = append(p.Facts, FactRef{ID: id, Pos: pos(item)})
		}
	case "aliases":
		var list []string
		if !decode(&list, "a list of paths") {
			return
		}
		seq, _ := v.(*ast.SequenceNode)
		for i, a := range list {
			at := pos(v)
			if seq != nil && i < len(seq.Values) {
				at = pos(seq.Values[i])
			}
			a = strings.TrimPrefix(a, "/")
			if !aliasRE.MatchString(a) || slices.Contains(strings.Split(a, "/"), "..") || slices.Contains(strings.Split(a, "/"), ".") {
				errs.Add(at, fmt.Sprintf("invalid alias %q", a), `write a path inside the site such as "fr/ancien-nom/"`)
				continue
			}
			if msg := OutputNameProblem(a); msg != "" {
				errs.Add(at, fmt.Sprintf("alias %q cannot be a path on every system: %s", a, msg), "choose another path for the alias")
				continue
			}
			if !strings.HasSuffix(a, "/") && !strings.HasSuffix(strings.ToLower(a), ".html") {
				a += "/"
			}
			p.Aliases = append(p.Aliases, a)
		}
	}
}

// dateLayouts are the date forms front matter may use: a day, RFC 3339,
// and Hugo's date and time without a zone (read as UTC).
var dateLayouts = []string{time.DateOnly, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04"}

// parseDate reads a front matter date in one of dateLayouts.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// decodeHugoKey decodes one of Hugo's keys (hugoKeys) into p.
func decodeHugoKey(p *Page, key string, v ast.Node, pos func(ast.Node) diag.Pos, errs *diag.List) {
	decode := func(dst any, want string) {
		if err := nodeToValue(v, dst); err != nil {
			errs.Add(pos(v), fmt.Sprintf("%s: want %s, got %s", key, want, strings.TrimSpace(v.String())),
				fmt.Sprintf("write %s as %s", key, want))
		}
	}
	list := func(dst *[]string) {
		if _, ok := v.(*ast.SequenceNode); !ok {
			var one string
			decode(&one, "a list of strings")
			if one != "" {
				*dst = []string{one}
			}
			return
		}
		decode(dst, "a list of strings")
	}
	switch key {
	case "linktitle":
		decode(&p.LinkTitle, "a string")
	case "summary":
		decode(&p.Summary, "a string")
	case "translationkey":
		decode(&p.TranslationKey, "a string")
	case "url":
		decode(&p.URL, "a string")
		p.urlPos = pos(v)
	case "images":
		list(&p.Images)
	case "tags":
		list(&p.Tags)
	case "categories":
		list(&p.Categories)
	case "params":
		var m map[string]any
		decode(&m, "a mapping of names to values")
		for k, x := range m {
			p.setParam(strings.ToLower(k), x)
		}
	}
	// menu, menus, layout, type, toc: accepted and ignored (navigation
	// comes from the folder tree, and the theme has one layout).
}

// setParam records a value for the param shortcode: a scalar as text,
// a table's values under "key.name"; lists are left out.
func (p *Page) setParam(key string, v any) {
	switch v := v.(type) {
	case nil, []any:
	case map[string]any:
		for k, x := range v {
			p.setParam(key+"."+strings.ToLower(k), x)
		}
	default:
		if p.Params == nil {
			p.Params = map[string]string{}
		}
		p.Params[key] = fmt.Sprint(v)
	}
}

// yamlError turns a go-yaml error into a positioned diagnostic. The front
// matter starts on file line 2.
func yamlError(file string, err error, hint string) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		t := ye.GetToken()
		return &diag.Error{Pos: diag.Pos{File: file, Line: t.Position.Line + 1, Col: t.Position.Column},
			Msg: "YAML: " + ye.GetMessage(), Hint: hint}
	}
	return &diag.Error{Pos: diag.Pos{File: file, Line: 2, Col: 1}, Msg: "YAML: " + err.Error(), Hint: hint}
}

// nodeToValue decodes a YAML node into dst. go-yaml panics on some
// hostile inputs (a custom tag on a null, found by fuzzing); a panic
// becomes an error, so bad front matter is reported, never a crash.
func nodeToValue(n ast.Node, dst any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot decode %q", strings.TrimSpace(n.String()))
		}
	}()
	return yaml.NodeToValue(n, dst)
}

// parseYAML parses front matter, turning a parser panic into an error.
func parseYAML(front []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("cannot parse the front matter: %v", r)
		}
	}()
	return parser.ParseBytes(front, 0)
}
