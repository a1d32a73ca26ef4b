package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/kz30/kz30/internal/scaffold"
)

func runBenchCorpus(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench-corpus", stderr)
	seed := fs.Uint64("seed", 1, "generator seed (the same seed gives the same files)")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) != 2 {
		fs.Usage()
		return 2
	}
	n, err := strconv.Atoi(names[0])
	if err != nil || n < 1 {
		fmt.Fprintf(stderr, "kz30 bench-corpus: N must be a positive number of page pairs, got %q\n", names[0])
		return 2
	}
	if err := scaffold.Corpus(names[1], n, *seed); err != nil {
		fmt.Fprintf(stderr, "kz30 bench-corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "kz30: wrote %s into %s/content\n", count(n, "page pair"), names[1])
	return 0
}
