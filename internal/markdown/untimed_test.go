package markdown

import (
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Every rule of a lexer kz30 highlights with, and of the lexers it
// delegates to (HTML → CSS and JavaScript), times out only after
// highlightBudget, the time after which a block is shown plain, so a
// loaded machine cannot ship a block with a rule silently skipped; and
// chroma still sets its own timeout on lexers kz30 has not touched (if it
// stops, this code can go).
func TestLexersUntimed(t *testing.T) {
	if rules := compiledRules(mustCompile(t, "toml")); len(rules) == 0 || rules[0].Regexp.MatchTimeout == highlightBudget {
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
			if cr.Regexp != nil && cr.Regexp.MatchTimeout != highlightBudget {
				t.Fatalf("%s: a rule keeps the match timeout %v", lang, cr.Regexp.MatchTimeout)
			}
		}
	}
	for _, sub := range []string{"css", "javascript"} {
		for _, cr := range compiledRules(lexers.Get(sub).(*chroma.RegexLexer)) {
			if cr.Regexp != nil && cr.Regexp.MatchTimeout != highlightBudget {
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

// slowLexer yields one token, then stalls past the budget.
type slowLexer struct{}

func (slowLexer) Config() *chroma.Config                         { return &chroma.Config{Name: "slow"} }
func (slowLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return slowLexer{} }
func (slowLexer) SetAnalyser(func(string) float32) chroma.Lexer  { return slowLexer{} }
func (slowLexer) AnalyseText(string) float32                     { return 0 }
func (slowLexer) Tokenise(_ *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	n := 0
	return func() chroma.Token {
		n++
		switch n {
		case 1:
			return chroma.Token{Type: chroma.Keyword, Value: "a"}
		case 2:
			time.Sleep(highlightBudget + 50*time.Millisecond)
			return chroma.Token{Type: chroma.Text, Value: text}
		}
		return chroma.EOF
	}, nil
}

// A block whose highlighting takes the budget or more is not highlighted
// (any rule that timed out took that long): its tokens are not used.
func TestTokeniseBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the highlighting budget; skipped with -short")
	}
	if _, ok, err := tokenise(slowLexer{}, "x"); ok || err != nil {
		t.Errorf("a slow block: ok = %v, err = %v; want it shown plain", ok, err)
	}
	toks, ok, err := tokenise(lexerFor("go"), "package main\n")
	if !ok || err != nil || len(toks) < 2 {
		t.Errorf("a quick block: %d tokens, ok = %v, err = %v", len(toks), ok, err)
	}
}
