package site

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
)

//go:noinline
func panicky() {
	var m map[string]int
	m["x"] = 1
}

// TestPanicSiteNamesCaller checks that a worker's panic is reported at the
// function that panicked, not at the pool or the recovery around it.
func TestPanicSiteNamesCaller(t *testing.T) {
	err := parallel([]*content.Page{{Path: "content/fr/a.md"}}, func(*content.Page, *bytes.Buffer) error {
		panicky()
		return nil
	})
	if err == nil {
		t.Fatal("no error for a panicking worker")
	}
	if want := "(at github.com/kz30/kz30/internal/site.panicky)"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}
}
