package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kz30/kz30/internal/scaffold"
)

func runTranslated(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("translated", stderr)
	source := fs.String("source", ".", "source `DIR` holding content/ (and site.toml for the languages)")
	lang := fs.String("lang", "", "mark the translation in `LANG` only (default: every language but the source one)")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) == 0 {
		fmt.Fprintln(stderr, "kz30 translated: name the page (kaspi) or the translation (content/en/kaspi.md) you have brought up to date")
		fs.Usage()
		return 2
	}
	res, err := scaffold.MarkTranslated(names, scaffold.MarkOptions{Dir: *source, Lang: *lang})
	if res != nil {
		for _, m := range res.Marked {
			fmt.Fprintf(stdout, "marked  %s as translated from %s (translation_of: %s)\n", m.File, m.Source, m.Hash)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err.Error())
		if res == nil {
			fmt.Fprintln(stderr, "kz30 translated: nothing was written")
		}
		return 1
	}
	if len(res.Marked) == 0 {
		for _, m := range res.UpToDate {
			fmt.Fprintf(stderr, "%s: already marked as translated from the current %s (translation_of: %s)\n", m.File, m.Source, m.Hash)
		}
		fmt.Fprintln(stderr, "kz30 translated: nothing to do; after changing the source page, update the translation, then run this again")
		return 1
	}
	for _, m := range res.UpToDate {
		fmt.Fprintf(stdout, "kept    %s (already up to date)\n", m.File)
	}
	return 0
}
