package markdown

import (
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Every rule of a lexer kz30 highlights with, and of the lexers it
// delegates to (HTML → CSS and JavaScript), has no match timeout, so a
// loaded machine cannot change the highlighting; and chroma still sets
// one on lexers kz30 has not touched (if it stops, this code can go).
func TestLexersUntimed(t *testing.T) {
	if rules := compiledRules(mustCompile(t, "toml")); len(rules) == 0 || rules[0].Regexp.MatchTimeout == forever {
		t.Fatalf("chroma's compiled rules are not reachable or no longer time out (%d rules): revisit untimed.go", len(rules))
	}
	for _, lang := range []string{"go", "html", "python", "sh"} {
		l := lexerFor(lang)
		if l == nil {
			t.Fatalf("no lexer for %s", lang)
		}
		rules := compiledRules(l.(*chroma.RegexLexer))
		if len(rules) == 0 {
			t.Fatalf("%s: no compiled rules reached", lang)
		}
		for _, cr := range rules {
			if cr.Regexp != nil && cr.Regexp.MatchTimeout != forever {
				t.Fatalf("%s: a rule keeps the match timeout %v", lang, cr.Regexp.MatchTimeout)
			}
		}
	}
	for _, sub := range []string{"css", "javascript"} {
		for _, cr := range compiledRules(lexers.Get(sub).(*chroma.RegexLexer)) {
			if cr.Regexp != nil && cr.Regexp.MatchTimeout != forever {
				t.Fatalf("%s (used by html): a rule keeps the match timeout %v", sub, cr.Regexp.MatchTimeout)
			}
		}
	}
}

func mustCompile(t *testing.T, lang string) *chroma.RegexLexer {
	t.Helper()
	l := lexers.Get(lang).(*chroma.RegexLexer)
	if _, err := l.Tokenise(nil, ""); err != nil {
		t.Fatal(err)
	}
	return l
}
