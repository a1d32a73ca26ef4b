package site

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
)

// panicError turns a panic recovered while building item (a *content.Page,
// or anything else) into a diagnostic, so that a bug met by one input
// fails the build with a message instead of killing kz30, and the dev
// server keeps serving the last good build.
func panicError(item any, r any) error {
	pos := diag.Pos{}
	what := "the site"
	if p, ok := item.(*content.Page); ok && p != nil {
		pos = diag.Pos{File: p.Path, Line: 1, Col: 1}
		what = "this page"
	}
	return &diag.Error{Pos: pos,
		Msg: fmt.Sprintf("internal error while building %s: %v (at %s)", what, r, panicSite()),
		Hint: "this is a bug in kz30: please report it with the input that causes it; " +
			"until it is fixed, change the input"}
}

// panicSite is the function the panic came from: the first frame of the
// stack below the runtime's and this file's.
func panicSite() string {
	lines := strings.Split(string(debug.Stack()), "\n")
	for i := 1; i+1 < len(lines); i += 2 {
		fn := lines[i]
		if strings.HasPrefix(fn, "runtime") || strings.HasPrefix(fn, "panic(") ||
			strings.Contains(fn, "site.panicSite") || strings.Contains(fn, "site.panicError") ||
			strings.Contains(fn, "site.parallel") || strings.Contains(fn, "site.safely") || strings.Contains(fn, "content.Parallel") || strings.HasPrefix(fn, "goroutine ") {
			continue
		}
		if j := strings.LastIndexByte(fn, '('); j > 0 {
			fn = fn[:j]
		}
		return fn
	}
	return "unknown"
}
