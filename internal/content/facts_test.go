package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/config"
)

// factsErr loads a site with one fact, whose table lines are lines.
func factsErr(t *testing.T, lines string) string {
	t.Helper()
	toml := "[sources.s]\ntitle = { fr = \"S\", en = \"S\" }\n\n[facts.x]\n" + lines + "source = \"s\"\nlabel = { fr = \"x\", en = \"x\" }\n"
	fsys := withHomes(fstest.MapFS{
		"content/fr/p.md":    page(okFront, "x\n"),
		"content/en/p.md":    page(okFront, "x\n"),
		"content/facts.toml": {Data: []byte(toml)},
	})
	_, _, err := Load(fsys, config.Default(), Options{AllowStale: true})
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestFactValues(t *testing.T) {
	for _, tc := range []struct{ name, lines, want string }{
		{"nan rank", "kind = \"rank\"\nvalue = nan\nof = 193\n", `content/facts.toml:6:9: fact "x": value is NaN, not a number`},
		{"negative rank", "kind = \"rank\"\nvalue = -3\nof = 193\n", `content/facts.toml:6:9: fact "x" (rank): value = -3 is out of range; a rank is a whole number from 1`},
		{"fractional rank", "kind = \"rank\"\nvalue = 2.5\n", `fact "x" (rank): value = 2.5 is out of range`},
		{"rank past of", "kind = \"rank\"\nvalue = 200\nof = 193\n", `content/facts.toml:6:9: fact "x" (rank): value = 200 is out of range; a rank cannot be past the 193 ranked`},
		{"bad of", "kind = \"rank\"\nvalue = 2\nof = -1\n", `content/facts.toml:7:6: fact "x" (rank): of = -1 is out of range`},
		{"infinite percent", "kind = \"percent\"\nvalue = inf\n", `content/facts.toml:6:9: fact "x": value is +Inf, not a number`},
		{"percent over 100", "kind = \"percent\"\nvalue = 140\n", `fact "x" (percent): value = 140 is out of range; a percent is from 0 to 100`},
		{"percent range below 0", "kind = \"percent\"\nmin = -5\nmax = 10\n", `content/facts.toml:6:7: fact "x" (percent): min = -5 is out of range`},
		{"infinite count", "kind = \"count\"\nvalue = -inf\n", `fact "x": value is -Inf, not a number`},
		{"date year", "kind = \"date\"\nvalue = 21\n", `fact "x" (date): value = 21 is out of range; a date fact is a year from 1000 to 9999`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := factsErr(t, tc.lines); !strings.Contains(got, tc.want) {
				t.Errorf("Load error =\n%s\nwant %q", got, tc.want)
			}
		})
	}
	for _, lines := range []string{
		"kind = \"rank\"\nvalue = 193\nof = 193\n",
		"kind = \"percent\"\nvalue = 100\n",
		"kind = \"percent\"\nvalue = 0.5\n",
		"kind = \"money\"\nvalue = -2.5e9\ncurrency = \"USD\"\n",
		"kind = \"date\"\nvalue = 1991\n",
	} {
		if got := factsErr(t, lines); got != "" {
			t.Errorf("%q refused: %s", lines, got)
		}
	}
}

func TestZeroDate(t *testing.T) {
	got := loadErr(t, "---\n"+okFront+"date: 0001-01-01\n---\nx\n")
	if want := "content/fr/p.md:4:7: date: 0001-01-01 is not a real date (year 1)"; !strings.Contains(got, want) {
		t.Errorf("Load error =\n%s\nwant %q", got, want)
	}
}
