package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

func runHelp(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return 0
	}
	if len(args) > 1 {
		fmt.Fprintln(stderr, "kz30 help: name one command, e.g. kz30 help build")
		return 2
	}
	if args[0] == "help" {
		fmt.Fprintln(stdout, "usage: kz30 help [COMMAND]\n\nPrint the usage and flags of COMMAND, or the list of commands.")
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			// Every command prints its usage on stdout for --help.
			return c.run(ctx, []string{"--help"}, stdout, stdout)
		}
	}
	fmt.Fprintf(stderr, "kz30 help: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

// printFlags lists the flags of fs as the README writes them, with two
// dashes ("--out DIR"), one flag per entry, its default when it has one.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		n++
		name, usage := flag.UnquoteUsage(f)
		var b strings.Builder
		fmt.Fprintf(&b, "  --%s", f.Name)
		if name != "" {
			b.WriteString(" " + name)
		}
		b.WriteString("\n    \t")
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if !isZeroDefault(f) {
			if _, err := strconv.ParseFloat(f.DefValue, 64); err == nil || isBool(f) {
				fmt.Fprintf(&b, " (default %s)", f.DefValue)
			} else {
				fmt.Fprintf(&b, " (default %q)", f.DefValue)
			}
		}
		fmt.Fprintln(w, b.String())
	})
	if n == 0 {
		fmt.Fprintln(w, "  (none)")
	}
}

// isZeroDefault reports whether a flag's default is its type's zero value,
// not worth printing.
func isZeroDefault(f *flag.Flag) bool {
	switch f.DefValue {
	case "", "false", "0":
		return true
	}
	return false
}

// isBool reports whether f is a boolean flag (--drafts, not --drafts=true).
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
