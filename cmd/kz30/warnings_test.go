package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/diag"
)

// A build of a large site may warn about every page: it prints the first
// maxErrors warnings and how many more, while check prints them all.
func TestPrintWarningsLimit(t *testing.T) {
	var warns diag.List
	for i := range maxErrors + 5 {
		warns.Add(diag.Pos{File: fmt.Sprintf("content/en/p%03d.md", i), Line: 1, Col: 1}, "no translation_of", "add it")
	}
	var b strings.Builder
	printWarnings(&b, warns, maxErrors)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != maxErrors+1 {
		t.Fatalf("%d lines, want %d", len(lines), maxErrors+1)
	}
	if !strings.Contains(lines[0], "content/en/p000.md:1:1: no translation_of") {
		t.Errorf("first line %q", lines[0])
	}
	if want := "warning: … and 5 more (kz30 check lists them all)"; lines[maxErrors] != want {
		t.Errorf("last line %q, want %q", lines[maxErrors], want)
	}
	b.Reset()
	printWarnings(&b, warns, 0)
	if n := strings.Count(b.String(), "\n"); n != len(warns) || strings.Contains(b.String(), "more") {
		t.Errorf("unlimited: %d lines for %d warnings", n, len(warns))
	}
	b.Reset()
	printWarnings(&b, warns[:maxErrors], maxErrors)
	if strings.Contains(b.String(), "more") {
		t.Errorf("exactly maxErrors warnings printed a summary")
	}
}
