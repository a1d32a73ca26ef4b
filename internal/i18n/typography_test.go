package i18n

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFrenchText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Bonjour !", "Bonjour\u202f!"},
		{"Quoi ? Vraiment ; oui", "Quoi\u202f? Vraiment\u202f; oui"},
		{"Note : voir", "Note\u00a0: voir"},
		{"Il a dit « bonjour »", "Il a dit «\u202fbonjour\u202f»"},
		{"«bonjour»", "«\u202fbonjour\u202f»"},
		{"«Oui.»", "«\u202fOui.\u202f»"},
		{"« Quoi ? »", "«\u202fQuoi\u202f?\u202f»"},
		{"«2021»", "«\u202f2021\u202f»"},
		{"18 % des voix", "18\u00a0% des voix"},
		{"18% des voix", "18% des voix"},         // no space added before %
		{"taux : 18 %", "taux\u00a0: 18\u00a0%"}, // both
		{"a % b", "a % b"},                       // not after a digit
		{"Bonjour!", "Bonjour!"},                 // no space added before !
		{"Voir http://example.org/a?b=c;d", "Voir http://example.org/a?b=c;d"},
		{"Voir : https://example.org", "Voir\u00a0: https://example.org"},
		{"Déjà\u00a0!", "Déjà\u202f!"}, // an author's NBSP becomes narrow
		{"Note\u202f: voir", "Note\u00a0: voir"},
		{"«\u00a0mot\u00a0»", "«\u202fmot\u202f»"},
		{"Oui ; non ! « x » : fin", "Oui\u202f; non\u202f! «\u202fx\u202f»\u00a0: fin"},
		{"M.\u00a0Dupont", "M.\u00a0Dupont"},
		{"Déjà\u202f!", "Déjà\u202f!"},
		{"«\u202fmot\u202f»", "«\u202fmot\u202f»"}, // existing narrow spaces kept
		{"Quoi ?!", "Quoi\u202f?!"},
		{"« »", "«\u202f»"},
		{"«»", "«»"},
		{"12:30", "12:30"},
		{"Accueil » Pages", "Accueil\u202f» Pages"},
		{"\xff !", "\xff\u202f!"}, // invalid UTF-8 kept
	} {
		if got := FrenchText(tc.in); got != tc.want {
			t.Errorf("FrenchText(%q) = %q, want %q", tc.in, show(got), show(tc.want))
		}
		if got := FrenchText(tc.want); got != tc.want {
			t.Errorf("FrenchText(%q) not stable: %q", tc.want, show(got))
		}
	}
}

func TestFrenchHTML(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "<p>Bonjour !</p>", "<p>Bonjour\u202f!</p>"},
		{"colon", "<p>Note : voir</p>", "<p>Note\u00a0: voir</p>"},
		{"unchanged bytes", "<P CLASS=x>Rien &amp; rien.<BR/></P><!-- a : b -->", "<P CLASS=x>Rien &amp; rien.<BR/></P><!-- a : b -->"},
		{"entities kept", "<p>Bonjour&#8239;! Et&#8239;? &laquo;&#8239;x&#8239;&raquo;</p>", "<p>Bonjour&#8239;! Et&#8239;? &laquo;&#8239;x&#8239;&raquo;</p>"},
		{"nbsp entity replaced", "<p>Bonjour&nbsp;!</p>", "<p>Bonjour\u202f!</p>"},
		{"entity guillemets", "<p>&laquo;mot&raquo; &laquo; mot &raquo;</p>", "<p>&laquo;\u202fmot\u202f&raquo; &laquo;\u202fmot\u202f&raquo;</p>"},
		{"entity before", "<p>Tom &amp; Jerry ; fin</p>", "<p>Tom &amp; Jerry\u202f; fin</p>"},
		{"code", "<p>Tapez <code>a ; b : c !</code> puis !</p>", "<p>Tapez <code>a ; b : c !</code> puis\u202f!</p>"},
		{"pre code", "<pre><code>x = 1 ; y : z</code></pre><p>ok ?</p>", "<pre><code>x = 1 ; y : z</code></pre><p>ok\u202f?</p>"},
		{"kbd samp", "<kbd>Ctrl : C</kbd><samp>Erreur !</samp>", "<kbd>Ctrl : C</kbd><samp>Erreur !</samp>"},
		{"script style", "<script>if (a ? b : c) {}</script><style>a :hover { x : y }</style>", "<script>if (a ? b : c) {}</script><style>a :hover { x : y }</style>"},
		{"nested verbatim", "<pre>a : <b>b ;</b> <code>c !</code> d ?</pre>e ?", "<pre>a : <b>b ;</b> <code>c !</code> d ?</pre>e\u202f?"},
		{"attributes", `<a href="http://x.org/?a=1 ;b" title="Titre : sous-titre !">Lien !</a>`, `<a href="http://x.org/?a=1 ;b" title="Titre : sous-titre !">Lien` + "\u202f" + `!</a>`},
		{"url in text", "<p>Voir http://example.org/?q=1;x et mailto:a@b.c</p>", "<p>Voir http://example.org/?q=1;x et mailto:a@b.c</p>"},
		{"guillemets across inline", "<p>«<em>mot</em>»</p>", "<p>«\u202f<em>mot</em>\u202f»</p>"},
		{"guillemets across code", "<p>«<code>x</code>»</p>", "<p>«\u202f<code>x</code>\u202f»</p>"},
		{"guillemets at block edge", "<p>«</p><p>»</p>", "<p>«</p><p>»</p>"},
		{"space in next token", "<p><em>Oui</em> !</p>", "<p><em>Oui</em>\u202f!</p>"},
		{"percent", "<td>18 %</td><td>18%</td>", "<td>18\u00a0%</td><td>18%</td>"},
		{"existing nbsp", "<p>Oui\u00a0! Non\u202f?</p>", "<p>Oui\u202f! Non\u202f?</p>"},
		{"title element", "<title>Kaspi : la banque</title>", "<title>Kaspi\u00a0: la banque</title>"},
		{"textarea", "<textarea>a : b</textarea>", "<textarea>a : b</textarea>"},
		{"unclosed tag at end", "<p>Oui !</p><a href=", "<p>Oui\u202f!</p><a href="},
		{"stray end tag", "</code><p>Oui !</p>", "</code><p>Oui\u202f!</p>"},
		{"less-than in text", "<p>a < b : vrai</p>", "<p>a < b\u00a0: vrai</p>"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(FrenchHTML([]byte(tc.in)))
			if got != tc.want {
				t.Errorf("FrenchHTML(%q)\n got %q\nwant %q", tc.in, show(got), show(tc.want))
			}
			if again := string(FrenchHTML([]byte(got))); again != got {
				t.Errorf("FrenchHTML not stable on %q: %q", got, show(again))
			}
		})
	}
}

func TestFrenchHTMLDoesNotModifyInput(t *testing.T) {
	src := []byte("<P>Oui !</P><CODE>A : B</CODE>")
	orig := bytes.Clone(src)
	_ = FrenchHTML(src)
	if !bytes.Equal(src, orig) {
		t.Errorf("FrenchHTML changed its input: %q", src)
	}
}

// withoutSpaces drops the spaces FrenchHTML may replace or insert, rune by
// rune so that invalid UTF-8 stays as it was.
func withoutSpaces(b []byte) []byte {
	var out []byte
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r != ' ' && r != '\u00a0' && r != '\u202f' {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

func FuzzFrenchHTML(f *testing.F) {
	for _, s := range []string{
		"<p>Bonjour ! Ça va ? Oui : « très » bien ; 18 %.</p>",
		"<p>«<em>mot</em>» &laquo;x&raquo; &amp; ; &#187;</p>",
		`<a href="http://x?a=1 ;b">http://x.org/?q ;</a><code>a : b</code>`,
		"<pre>« a »</pre><script>a ? b : c</script><style>a :b</style>",
		"<plaintext>a : b",
		"text « <!-- c --> » <br> « x",
		"\xff\xfe « \xc2 »",
		"<title>a ! b</title><textarea>c ? d</textarea>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out := FrenchHTML(src)
		if !bytes.Equal(withoutSpaces(out), withoutSpaces(src)) {
			t.Fatalf("FrenchHTML(%q) = %q: changed more than spaces", src, out)
		}
		spaces := func(b []byte) int { return bytes.Count(b, []byte(" ")) }
		if spaces(out) > spaces(src) {
			t.Fatalf("FrenchHTML(%q) = %q: added ordinary spaces", src, out)
		}
		if again := FrenchHTML(out); !bytes.Equal(again, out) {
			t.Fatalf("FrenchHTML not idempotent:\n  in %q\n out %q\nagain %q", src, out, again)
		}
		text := string(src)
		if tout := FrenchText(text); FrenchText(tout) != tout ||
			!bytes.Equal(withoutSpaces([]byte(tout)), withoutSpaces(src)) {
			t.Fatalf("FrenchText(%q) = %q: not idempotent or changed more than spaces", text, tout)
		}
		if !strings.ContainsAny(text, "<&") && string(out) != FrenchText(text) {
			t.Fatalf("FrenchHTML(%q) = %q, FrenchText gives %q", src, out, FrenchText(text))
		}
	})
}
