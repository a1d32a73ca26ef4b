// Command kz30 builds, checks and serves a bilingual static site.
//
// Usage:
//
//	kz30 build      [--source DIR] [--out DIR] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale]
//	kz30 check      [--source DIR] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale] [--translations] [--external]
//	kz30 serve      [--source DIR] [--bind 127.0.0.1] [--port 1313] [--base-url URL] [--drafts] [--strict]
//	kz30 newsletter NAME... [--lang fr] [--teaser] [--text] [--source DIR] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale]
//	kz30 translated PAGE... [--lang LANG] [--source DIR]
//	kz30 new        NAME [--source DIR]
//	kz30 version
//	kz30 help       [COMMAND]
//
// Run "kz30 help COMMAND" for the flags of a command.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
