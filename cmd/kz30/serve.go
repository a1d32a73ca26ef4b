package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"strconv"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/server"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	var bf buildFlags
	var strict bool
	bf.registerServe(fs, &strict)
	bind := fs.String("bind", "127.0.0.1", "`ADDRESS` to listen on (0.0.0.0 makes the site visible to other machines)")
	port := fs.Int("port", 1313, "`PORT` to listen on (0 picks a free one)")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) > 0 {
		fmt.Fprintf(stderr, "kz30 serve: unexpected argument %q\n", names[0])
		return 2
	}
	if strict {
		bf.allowMissing, bf.allowStale = false, false
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "kz30 serve: --port %d is not a port number (0 to 65535)\n", *port)
		return 2
	}
	if bf.baseURL != "" {
		if _, err := config.NormalizeBaseURL(bf.baseURL); err != nil {
			fmt.Fprintf(stderr, "kz30 serve: --base-url: %v\n", err)
			return 2
		}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "kz30 serve: %v; pass another --port (or stop what uses this one)\n", err)
		return 1
	}
	opts := server.Options{Build: bf.options(), Strict: strict, Stdout: stdout, Stderr: stderr, Bind: *bind}
	if err := server.Run(ctx, ln, opts); err != nil {
		fmt.Fprintf(stderr, "kz30 serve: %v\n", err)
		return 1
	}
	return 0
}
