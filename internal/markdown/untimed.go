package markdown

import (
	"reflect"
	"sync"
	"time"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Chroma gives every regular expression of a lexer a 250 ms match timeout
// and, when a match times out, silently tries the next rule: on a loaded
// machine (a busy CI runner) the same code block can then be highlighted
// differently from one build to the next. kz30 promises the same bytes
// for the same input, so lexerFor sets that timeout to highlightBudget on
// the rules of each lexer it hands out and of the lexers those delegate
// to by name (chroma.Using), and tokenise shows a block plain when its
// highlighting took highlightBudget or more: a match that timed out took
// that long, so no block ever ships highlighted with a rule skipped, and a
// pathological block (catastrophic backtracking) still ends. Chroma keeps
// the compiled rules unexported, so this reaches them through reflect; a
// test fails when chroma's layout changes.

// highlightBudget is both the match timeout of every lexer rule and the
// time after which a code block is shown without highlighting.
const highlightBudget = 2 * time.Second

// tokenise highlights code with l. ok is false when that took
// highlightBudget or more, in which case the tokens must not be used.
func tokenise(l chroma.Lexer, code string) (tokens []chroma.Token, ok bool, err error) {
	start := time.Now()
	it, err := chroma.Coalesce(l).Tokenise(nil, code)
	if err != nil {
		return nil, false, err
	}
	for t := it(); t != chroma.EOF; t = it() {
		if time.Since(start) >= highlightBudget {
			return nil, false, nil
		}
		tokens = append(tokens, t)
	}
	return tokens, time.Since(start) < highlightBudget, nil
}

var (
	untimedMu sync.Mutex
	untimed   = map[chroma.Lexer]bool{}
)

// lexerFor returns chroma's lexer for lang, or nil, with its match
// timeouts lifted. Every use of a lexer goes through it, so the rules are
// changed before any goroutine tokenises with them.
func lexerFor(lang string) chroma.Lexer {
	l := lexers.Get(lang)
	if l == nil {
		return nil
	}
	untimedMu.Lock()
	defer untimedMu.Unlock()
	untime(l)
	return l
}

// untime lifts the match timeouts of l's compiled rules and of the lexers
// its rules name; it reports whether it could reach l's rules.
func untime(l chroma.Lexer) bool {
	if untimed[l] {
		return true
	}
	untimed[l] = true
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return false
	}
	if _, err := rl.Tokenise(nil, ""); err != nil { // compiles the rules
		return false
	}
	for _, cr := range compiledRules(rl) {
		if cr.Regexp != nil {
			cr.Regexp.MatchTimeout = highlightBudget
		}
		for _, name := range usedLexers(reflect.ValueOf(cr.Type)) {
			if sub := lexers.Get(name); sub != nil {
				untime(sub)
			}
		}
	}
	return true
}

// compiledRules returns the compiled rules of rl (its unexported field
// rules, a map of states to []*chroma.CompiledRule), or nil when chroma no
// longer has that field.
func compiledRules(rl *chroma.RegexLexer) []*chroma.CompiledRule {
	f := reflect.ValueOf(rl).Elem().FieldByName("rules")
	if !f.IsValid() || f.Kind() != reflect.Map {
		return nil
	}
	f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	var out []*chroma.CompiledRule
	iter := f.MapRange()
	for iter.Next() {
		rules, ok := iter.Value().Interface().([]*chroma.CompiledRule)
		if !ok {
			return nil
		}
		out = append(out, rules...)
	}
	return out
}

// usedLexers returns the names of the lexers that the emitter v (and the
// emitters nested in it, as in ByGroups) delegates to with chroma.Using.
func usedLexers(v reflect.Value) []string {
	var names []string
	var walk func(v reflect.Value, depth int)
	walk = func(v reflect.Value, depth int) {
		if depth > 8 || !v.IsValid() {
			return
		}
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			if e, ok := v.Interface().(chroma.Emitter); ok {
				if k, ok := e.(interface{ EmitterKind() string }); ok && k.EmitterKind() == "using" {
					if f := reflect.Indirect(v.Elem()).FieldByName("Lexer"); f.Kind() == reflect.String {
						names = append(names, f.String())
					}
					return
				}
			}
			walk(v.Elem(), depth+1)
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), depth+1)
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i), depth+1)
				}
			}
		}
	}
	walk(v, 0)
	return names
}
