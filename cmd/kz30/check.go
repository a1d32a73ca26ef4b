package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kz30/kz30/internal/check"
	"github.com/kz30/kz30/internal/site"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	var bf buildFlags
	bf.register(fs)
	translations := fs.Bool("translations", false, "print the translation status of every page (ok, stale, missing, no translation_of); exit 1 if a page is missing or stale")
	external := fs.Bool("external", false, "list the external links of the site (they are never fetched)")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) > 0 {
		fmt.Fprintf(stderr, "kz30 check: unexpected argument %q\n", names[0])
		return 2
	}
	opts := bf.options()
	opts.Context = ctx
	cr := site.Check(opts)
	if ctx.Err() != nil {
		return interrupted(stderr, "check")
	}
	rep := cr.Report
	if *translations {
		if cr.Translations == nil {
			printFindings(stdout, rep)
			fmt.Fprintf(stdout, "kz30 check: %s; the content could not be loaded, so there is no translation table\n", count(len(rep.Errors), "error"))
			return 1
		}
		if err := check.WriteTable(stdout, cr.Result.Site.Langs, cr.Translations); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if *external {
			printExternal(stdout, rep)
		}
		if check.Failing(cr.Translations) {
			return 1
		}
		return 0
	}
	printFindings(stdout, rep)
	if *external {
		printExternal(stdout, rep)
	}
	summary := fmt.Sprintf("kz30 check: %s, %s", count(len(rep.Errors), "error"), count(len(rep.Warnings), "warning"))
	if cr.Built {
		pages := 0
		for _, n := range cr.Result.Stats.Pages {
			pages += n
		}
		summary += fmt.Sprintf("; %s, %s, %s checked, %s", count(pages, "page"), count(rep.Pages, "HTML file"), count(rep.Links, "internal link"), count(len(rep.External), "external link"))
		if !*external && len(rep.External) > 0 {
			summary += " (list them with --external)"
		}
	} else {
		summary += "; the site did not build, so its output was not checked"
	}
	fmt.Fprintln(stdout, summary)
	if len(rep.Errors) > 0 {
		return 1
	}
	return 0
}

// printFindings prints the warnings, then the errors, one per line.
func printFindings(w io.Writer, rep *check.Report) {
	printWarnings(w, rep.Warnings, 0)
	for _, e := range rep.Errors {
		fmt.Fprintln(w, e.Error())
	}
}

// printExternal lists the external URLs with where each first appears.
func printExternal(w io.Writer, rep *check.Report) {
	for _, e := range rep.External {
		fmt.Fprintf(w, "external: %s (%s, first at %s)\n", e.URL, count(e.Count, "time"), e.Pos)
	}
}

// count writes n and a noun, plural when n is not 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
