package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kz30/kz30/internal/build"
)

func runBuild(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	var bf buildFlags
	bf.register(fs)
	out := fs.String("out", "", "output `DIR` (default DIR/public)")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) > 0 {
		fmt.Fprintf(stderr, "kz30 build: unexpected argument %q\n", names[0])
		return 2
	}
	opts := bf.options()
	opts.Out = *out
	if isTerminal(stderr) {
		opts.Log = stderr
	}
	stats, err := build.Build(opts)
	if stats != nil {
		printWarnings(stderr, stats.Warnings, maxErrors)
	}
	if err != nil {
		return fail(stderr, "build", err)
	}
	fmt.Fprintf(stdout, "kz30: %s\n", stats)
	return 0
}
