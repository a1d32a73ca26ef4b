package newsletter

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"fits", "a short line", 72, []string{"a short line"}},
		{"collapses white space", "  a \n b\t\tc  ", 72, []string{"a b c"}},
		{"breaks at the last space that fits", "aaaa bbbb cccc", 9, []string{"aaaa bbbb", "cccc"}},
		// 10 runes but 13 bytes: counted in runes, it fits.
		{"counts runes, not bytes", "été à Noël", 10, []string{"été à Noël"}},
		{"never breaks at a no-break space", "plus de 90\u00a0% des services", 10, []string{"plus de", "90\u00a0% des", "services"}},
		{"never breaks at a narrow no-break space", "Pourquoi\u202f? Parce que", 10, []string{"Pourquoi\u202f?", "Parce que"}},
		{"a long word gets its own line", "a https://example.org/a/very/long/path b", 10, []string{"a", "https://example.org/a/very/long/path", "b"}},
		{"hard break", "one" + string(hardBreak) + "two", 72, []string{"one", "two"}},
		{"glue holds a reference to its word", "see the report" + string(glue) + "[12]", 15, []string{"see the", "report [12]"}},
		{"empty", " \n ", 72, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.in, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("wrap(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
			}
		})
	}
}

// A long French paragraph wraps at 72 runes and keeps every no-break
// space of its typography.
func TestWrapFrenchParagraph(t *testing.T) {
	in := strings.Repeat("Le Kazakhstan se classe 29e\u00a0: plus de 90\u00a0% des services sont en ligne\u202f; «\u00a0multiplateforme\u00a0». ", 6)
	lines := wrap(in, TextWidth)
	if len(lines) < 5 {
		t.Fatalf("got %d lines", len(lines))
	}
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > TextWidth {
			t.Errorf("line of %d runes: %q", n, l)
		}
		for _, bad := range []string{"«", "29e", "90", "multiplateforme"} {
			if strings.HasSuffix(l, bad) {
				t.Errorf("line ends inside a no-break group: %q", l)
			}
		}
		for _, bad := range []string{":", "%", ";", "»"} {
			if strings.HasPrefix(l, bad) {
				t.Errorf("line starts with %q, cut from its word: %q", bad, l)
			}
		}
	}
	if got, want := strings.Join(lines, " "), strings.TrimSpace(in); got != want {
		t.Errorf("wrapping changed the text:\n got %q\nwant %q", got, want)
	}
}

func TestSuperscript(t *testing.T) {
	for n, want := range map[int]string{1: "¹", 9: "⁹", 10: "¹⁰", 23: "²³", 405: "⁴⁰⁵"} {
		if got := superscript(n); got != want {
			t.Errorf("superscript(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestIndentAndUnderline(t *testing.T) {
	got := indent([]string{"first", "", "third"}, "1. ", "   ")
	want := []string{"1. first", "", "   third"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("indent = %q, want %q", got, want)
	}
	u := underline([]string{"Économie"}, '=')
	if u[1] != "========" {
		t.Errorf("underline of a 8-rune title = %q, want 8 '='", u[1])
	}
}
