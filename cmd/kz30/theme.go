package main

import (
	"context"
	"fmt"
	"io"

	kz30 "github.com/kz30/kz30"
	"github.com/kz30/kz30/internal/scaffold"
)

func runTheme(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("theme", stderr)
	source := fs.String("source", ".", "the site's `DIR`, where templates/ and static/ are written")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) == 0 || (names[0] != "export" && names[0] != "list") {
		fmt.Fprintln(stderr, "kz30 theme: give a subcommand: kz30 theme list, or kz30 theme export [PATH...]")
		return 2
	}
	if names[0] == "list" {
		for _, f := range scaffold.ThemeFiles(kz30.Defaults) {
			fmt.Fprintln(stdout, f)
		}
		return 0
	}
	res, err := scaffold.ExportTheme(*source, kz30.Defaults, names[1:])
	if err != nil {
		fmt.Fprintln(stderr, err.Error())
		fmt.Fprintln(stderr, "kz30 theme export: nothing was written")
		return 1
	}
	for _, f := range res.Created {
		fmt.Fprintf(stdout, "created %s\n", f)
	}
	fmt.Fprintln(stdout, "next: edit these files; each one now replaces the built-in one (delete a file to get the built-in one back)")
	return 0
}
