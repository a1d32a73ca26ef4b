package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kz30/kz30/internal/scaffold"
)

func runNew(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", stderr)
	source := fs.String("source", ".", "source `DIR` holding content/ (and site.toml for the languages)")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) != 1 {
		fmt.Fprintln(stderr, "kz30 new: give one page NAME (the file name without .md), e.g. kz30 new kaspi")
		return 2
	}
	res, err := scaffold.New(names[0], scaffold.Options{Dir: *source})
	if err != nil {
		fmt.Fprintln(stderr, err.Error())
		fmt.Fprintln(stderr, "kz30 new: nothing was written")
		return 1
	}
	for _, f := range res.Kept {
		fmt.Fprintf(stdout, "kept    %s (it exists)\n", f)
	}
	for _, f := range res.Created {
		fmt.Fprintf(stdout, "created %s\n", f)
	}
	fmt.Fprintln(stdout, "next: replace the TODO title, description and text in each language, then run kz30 check")
	return 0
}
