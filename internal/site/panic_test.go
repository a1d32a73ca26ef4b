package site

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
)

// TestParallelRecoversPanic: a panic in a worker is an error naming the
// page it was building, and the other pages still get built.
func TestParallelRecoversPanic(t *testing.T) {
	pages := []*content.Page{{Path: "content/fr/a.md"}, {Path: "content/fr/b.md"}, {Path: "content/fr/c.md"}}
	err := parallel(pages, func(p *content.Page, _ *bytes.Buffer) error {
		if p.Path == "content/fr/b.md" {
			var m map[string]int
			m["x"]++ // a nil map: panics
		}
		return nil
	})
	if err == nil {
		t.Fatal("no error for a panicking worker")
	}
	msg := err.Error()
	for _, want := range []string{"content/fr/b.md:1:1: internal error while building this page", "assignment to entry in nil map", "this is a bug in kz30"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Count(msg, "\n") > 0 {
		t.Errorf("one error expected, got:\n%s", msg)
	}
}
