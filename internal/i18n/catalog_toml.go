package i18n

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message/catalog"

	"github.com/kz30/kz30/internal/diag"
)

// parseCatalogFile decodes one catalog file into messages keyed by message
// key. The TOML decoder checks the syntax; a second pass with the unstable
// parser finds where each key is, to position type errors.
func parseCatalogFile(f CatalogFile, tag language.Tag) (map[string]catalog.Message, map[string]entry, diag.List) {
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
		return nil, nil, errs
	}
	where := keyPositions(f)
	msgs := make(map[string]catalog.Message, len(doc))
	entries := make(map[string]entry, len(doc))
	var forms map[string]bool // the plural forms of tag, once needed
	for key, v := range doc {
		switch v := v.(type) {
		case string:
			sig, bad := parseVerbs(v)
			if bad != "" {
				errs.Add(where(key), fmt.Sprintf("i18n key %q: %s", key, bad), verbsHint)
				continue
			}
			if !checkCall(key, sig, where(key), &errs) {
				continue
			}
			msgs[key] = catalog.String(v)
			entries[key] = entry{sig: sig, pos: where(key)}
		case map[string]any:
			if forms == nil {
				forms = pluralForms(tag)
			}
			if m, sig, ok := pluralMessage(key, v, forms, tag, where, &errs); ok && checkCall(key, sig, where(key), &errs) {
				msgs[key] = m
				entries[key] = entry{sig: sig, pos: where(key), plural: true}
			}
		default:
			errs.Add(where(key), fmt.Sprintf("i18n key %q is %s", key, tomlType(v)),
				"write a string, or a table of plural forms")
		}
	}
	return msgs, entries, errs
}

// verbsHint is the hint of a malformed message.
const verbsHint = "use %s for text and %d for a number (%[2]s for the second argument), and %% for a percent sign"

// entry is what the catalog keeps of a message besides its text: the
// verbs it uses and where it is defined.
type entry struct {
	sig    signature
	pos    diag.Pos
	plural bool // a plural table: argument 1 is the count
}

// checkCall checks a message of a key that kz30's code formats
// (codeCalls) against the arguments it passes.
func checkCall(key string, sig signature, pos diag.Pos, errs *diag.List) bool {
	kinds, ok := codeCall(key)
	if !ok {
		return true
	}
	for i, v := range sig {
		switch {
		case v == 0:
		case i >= len(kinds):
			errs.Add(pos, fmt.Sprintf("i18n key %q uses argument %d (%%%c), but kz30 passes it %d (%s)", key, i+1, v, len(kinds), kindsText(kinds)),
				"remove the extra verb, or write %% for a percent sign")
			return false
		case !fits(v, kinds[i]):
			errs.Add(pos, fmt.Sprintf("i18n key %q prints argument %d with %%%c, but kz30 passes %s there (%s)", key, i+1, v, kindName(kinds[i]), kindsText(kinds)),
				fmt.Sprintf("write %%%c (or %%v) for argument %d", kinds[i], i+1))
			return false
		}
	}
	return true
}

func kindName(k byte) string {
	if k == 'd' {
		return "a number"
	}
	return "text"
}

// kindsText lists the arguments of a call: "text, a number".
func kindsText(kinds string) string {
	var parts []string
	for i := 0; i < len(kinds); i++ {
		parts = append(parts, "%"+kinds[i:i+1])
	}
	if len(parts) == 0 {
		return "no arguments"
	}
	return "the arguments are " + strings.Join(parts, " ")
}

// pluralMessage turns a table of plural forms into a plural.Selectf message
// on argument 1.
func pluralMessage(key string, forms map[string]any, want map[string]bool, tag language.Tag, where func(...string) diag.Pos, errs *diag.List) (catalog.Message, signature, bool) {
	// The CLDR plural categories, in the order plural.Selectf tries them
	// ("other" matches everything, so it comes last).
	order := [...]string{"zero", "one", "two", "few", "many", "other"}
	ok := true
	sig := signature{'v'}                                  // the count: a number, printed with %d or %v
	for _, form := range slices.Sorted(maps.Keys(forms)) { // in order: the same messages every time
		v := forms[form]
		if !slices.Contains(order[:], form) {
			errs.Add(where(key, form), fmt.Sprintf("i18n key %q: unknown plural form %q", key, form),
				"use zero, one, two, few, many or other")
			ok = false
			continue
		}
		text, isString := v.(string)
		if !isString {
			errs.Add(where(key, form), fmt.Sprintf("i18n key %q: plural form %q is %s", key, form, tomlType(v)),
				"write a string")
			ok = false
			continue
		}
		if !want[form] {
			errs.Add(where(key, form), fmt.Sprintf("i18n key %q: %s never selects the plural form %q", key, langName(tag), form),
				"remove it; the forms of this language are "+formList(want))
			ok = false
			continue
		}
		fsig, bad := parseVerbs(text)
		if bad == "" {
			if fsig, isOK := sig.merge(fsig); isOK {
				sig = fsig
			} else {
				bad = "its forms use different verbs for one argument"
			}
		}
		if bad != "" {
			errs.Add(where(key, form), fmt.Sprintf("i18n key %q, form %q: %s", key, form, bad), verbsHint)
			ok = false
		}
	}
	if sig[0] == 'v' {
		sig[0] = 'd'
	} else if sig[0] != 'd' {
		errs.Add(where(key), fmt.Sprintf("i18n key %q: the count (argument 1) of a plural table must be printed with %%d", key), "write %d for the count")
		ok = false
	}
	if _, has := forms["other"]; !has {
		errs.Add(where(key), fmt.Sprintf("i18n key %q: plural table without \"other\"", key),
			`add other = "…", the form used for any count`)
		ok = false
	} else {
		for _, f := range order {
			if want[f] && forms[f] == nil {
				errs.Add(where(key), fmt.Sprintf("i18n key %q: plural form %q missing: %s uses it for some counts", key, f, langName(tag)),
					fmt.Sprintf("add %s = \"…\" (the forms of this language are %s)", f, formList(want)))
				ok = false
			}
		}
	}
	if !ok {
		return nil, nil, false
	}
	var cases []any
	for _, f := range order {
		if s, has := forms[f]; has {
			cases = append(cases, f, s)
		}
	}
	return plural.Selectf(1, "%d", cases...), sig, true
}

// formList lists plural forms in CLDR order: "one, other".
func formList(forms map[string]bool) string {
	var list []string
	for _, f := range [...]string{"zero", "one", "two", "few", "many", "other"} {
		if forms[f] {
			list = append(list, f)
		}
	}
	return strings.Join(list, ", ")
}

// langName names a language in English for messages: "French (fr)".
func langName(tag language.Tag) string {
	return fmt.Sprintf("%s (%s)", display.English.Tags().Name(tag), tag)
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
