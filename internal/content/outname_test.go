package content

import (
	"strings"
	"testing"
)

func TestOutputNameProblem(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"con/", "device name"},
		{"fr/Con.html", "device name"},
		{"aux.tar.gz", "device name"},
		{"fr/com1/", "device name"},
		{"lpt\u00b9", "device name"},
		{"fr/old./", "ends in a dot"},
		{"fr/old /", "ends in a dot or a space"},
		{"a|b", "does not allow"},
		{"a\x01b", "does not allow"},
	} {
		if got := OutputNameProblem(tc.name); !strings.Contains(got, tc.want) {
			t.Errorf("OutputNameProblem(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	for _, name := range []string{"fr/ancien-nom/", "console", "com0x", "com10", "nullable.html", "fr/a.b/index.html", ".well-known/x", "caf\u00e9"} {
		if got := OutputNameProblem(name); got != "" {
			t.Errorf("OutputNameProblem(%q) = %q, want none", name, got)
		}
	}
}

func TestFoldName(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"FR/index.html", "fr/index.html"},
		{"fr/Kaspi/", "fr/kaspi/"},
		{"cafe\u0301", "caf\u00e9"},
		{"CAF\u00c9", "caf\u00e9"},
	} {
		if FoldName(tc.a) != FoldName(tc.b) {
			t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q: want one key", tc.a, FoldName(tc.a), tc.b, FoldName(tc.b))
		}
	}
	if FoldName("fr/a/") == FoldName("fr/b/") {
		t.Error("two names share a key")
	}
}
