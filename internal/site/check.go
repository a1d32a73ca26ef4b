package site

import (
	"github.com/kz30/kz30/internal/check"
	"github.com/kz30/kz30/internal/diag"
)

// CheckResult is what Check found.
type CheckResult struct {
	// Report holds every error and warning: the build's (loader, Markdown,
	// templates) and the checks' of package check. The checks ran when
	// Built is true.
	Report *check.Report
	// Built reports whether the site could be built in memory at all, so
	// that its output and translations were checked.
	Built bool
	// Result is the in-memory build that was checked (nil when !Built).
	Result *Result
	// Translations is the page × language status table (nil when the
	// content could not be loaded).
	Translations []check.Row
}

// Check builds the site in memory (nothing is written) and checks it with
// package check. Missing and stale translations are errors unless
// opts.AllowMissing / opts.AllowStale make them warnings; either way they
// do not stop the other checks: when they are the only reason the build
// failed, the site is built again with both allowed, and checked.
func Check(opts Options) *CheckResult {
	opts.Progress = nil
	res, err := Render(opts)
	var errs diag.List
	errs.Append(err)
	warns := res.Stats.Warnings
	if err != nil && !(opts.AllowMissing && opts.AllowStale) {
		lenient := opts
		lenient.AllowMissing, lenient.AllowStale = true, true
		if res2, err2 := Render(lenient); err2 == nil {
			res = res2
			warns = withoutErrors(res2.Stats.Warnings, errs)
			err = nil
		}
	}
	cr := &CheckResult{Report: &check.Report{}}
	if err == nil {
		cr.Built, cr.Result = true, res
		cr.Report = check.Run(check.Input{Site: res.Site, Docs: res.Docs, Files: res.Files,
			BaseURL: res.Config.BaseURL, OutDir: "public", Locales: res.Locales, Catalog: res.Catalog})
		cr.Translations = check.Translations(res.Site)
	}
	cr.Report.Errors = append(errs, cr.Report.Errors...).Sort()
	cr.Report.Warnings = append(warns, cr.Report.Warnings...).Sort()
	return cr
}

// withoutErrors drops the warnings that are also errors (same place and
// message): the missing and stale translations that the lenient build
// only warned about.
func withoutErrors(warns, errs diag.List) diag.List {
	var out diag.List
	for _, w := range warns {
		dup := false
		for _, e := range errs {
			if e.Pos == w.Pos && e.Msg == w.Msg {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, w)
		}
	}
	return out
}
