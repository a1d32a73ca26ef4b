package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kz30/kz30/internal/site"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	var bf buildFlags
	bf.register(fs)
	out := fs.String("out", "", "output `DIR` (default DIR/public): a folder kz30 owns; it refuses one holding files it did not write")
	clean := fs.Bool("clean", false, "delete what the output folder holds besides the files kz30 wrote there (never its .git)")
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
	opts.Clean = *clean
	opts.Context = ctx
	var line io.Writer
	if isTerminal(stderr) {
		line = stderr
	}
	prog := newProgress(line)
	opts.Progress = prog.report
	stats, err := site.Build(opts)
	prog.end()
	if err != nil && ctx.Err() != nil {
		return interrupted(stderr, "build")
	}
	if stats != nil {
		printWarnings(stderr, stats.Warnings, maxErrors)
	}
	if err != nil {
		return fail(stderr, "build", err)
	}
	fmt.Fprintf(stdout, "kz30: %s\n", stats)
	return 0
}
