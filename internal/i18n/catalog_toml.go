package i18n

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"

	"github.com/kz30/kz30/internal/diag"
)

// parseCatalogFile decodes one catalog file into messages keyed by message
// key. The TOML decoder checks the syntax; a second pass with the unstable
// parser finds where each key is, to position type errors.
func parseCatalogFile(f CatalogFile) (map[string]catalog.Message, diag.List) {
	var errs diag.List
	var doc map[string]any
	if err := toml.Unmarshal(f.Data, &doc); err != nil {
		pos := diag.Pos{File: f.Name}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			pos.Line, pos.Col = de.Position()
		}
		msg := strings.TrimPrefix(err.Error(), "toml: ")
		hint := "fix the TOML syntax"
		if strings.Contains(msg, "already defined") {
			hint = "keep one definition of each key"
		}
		errs.Add(pos, msg, hint)
		return nil, errs
	}
	where := keyPositions(f)
	msgs := make(map[string]catalog.Message, len(doc))
	for key, v := range doc {
		switch v := v.(type) {
		case string:
			msgs[key] = catalog.String(v)
		case map[string]any:
			if m, ok := pluralMessage(key, v, where, &errs); ok {
				msgs[key] = m
			}
		default:
			errs.Add(where(key), fmt.Sprintf("i18n key %q is %s", key, tomlType(v)),
				"write a string, or a table of plural forms")
		}
	}
	return msgs, errs
}

// pluralMessage turns a table of plural forms into a plural.Selectf message
// on argument 1.
func pluralMessage(key string, forms map[string]any, where func(...string) diag.Pos, errs *diag.List) (catalog.Message, bool) {
	// The CLDR plural categories, in the order plural.Selectf tries them
	// ("other" matches everything, so it comes last).
	order := [...]string{"zero", "one", "two", "few", "many", "other"}
	ok := true
	for form, v := range forms {
		if !slices.Contains(order[:], form) {
			errs.Add(where(key, form), fmt.Sprintf("i18n key %q: unknown plural form %q", key, form),
				"use zero, one, two, few, many or other")
			ok = false
			continue
		}
		if _, isString := v.(string); !isString {
			errs.Add(where(key, form), fmt.Sprintf("i18n key %q: plural form %q is %s", key, form, tomlType(v)),
				"write a string")
			ok = false
		}
	}
	if _, has := forms["other"]; !has {
		errs.Add(where(key), fmt.Sprintf("i18n key %q: plural table without \"other\"", key),
			`add other = "…", the form used for any count`)
		ok = false
	}
	if !ok {
		return nil, false
	}
	var cases []any
	for _, f := range order {
		if s, has := forms[f]; has {
			cases = append(cases, f, s)
		}
	}
	return plural.Selectf(1, "%d", cases...), true
}

// keyPositions returns a function giving the position of a key path in f
// (the file alone when the path is unknown). Only the first definition of a
// path counts.
func keyPositions(f CatalogFile) func(path ...string) diag.Pos {
	found := make(map[string]diag.Pos)
	var p unstable.Parser
	p.Reset(f.Data)
	record := func(path []string, key *unstable.Node) {
		id := strings.Join(path, "\x00")
		if _, seen := found[id]; seen || key == nil {
			return
		}
		start := p.Shape(key.Raw).Start
		found[id] = diag.Pos{File: f.Name, Line: start.Line, Col: start.Column}
	}
	// keyval records a key-value (and, for inline tables, its children)
	// under prefix.
	var keyval func(prefix []string, kv *unstable.Node)
	keyval = func(prefix []string, kv *unstable.Node) {
		path := slices.Clone(prefix)
		for it := kv.Key(); it.Next(); {
			path = append(path, string(it.Node().Data))
			record(path, it.Node())
		}
		if v := kv.Value(); v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				if it.Node().Kind == unstable.KeyValue {
					keyval(path, it.Node())
				}
			}
		}
	}
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = nil
			for it := e.Key(); it.Next(); {
				table = append(table, string(it.Node().Data))
				record(table, it.Node())
			}
		case unstable.KeyValue:
			keyval(table, e)
		}
	}
	return func(path ...string) diag.Pos {
		if pos, ok := found[strings.Join(path, "\x00")]; ok {
			return pos
		}
		return diag.Pos{File: f.Name}
	}
}

// tomlType names the TOML type of a decoded value, with its article, for
// error messages.
func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}
