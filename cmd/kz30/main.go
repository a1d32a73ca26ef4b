// Command kz30 builds, checks and serves a bilingual static site.
//
// Usage:
//
//	kz30 build      [--source DIR] [--out DIR] [--clean] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale]
//	kz30 check      [--source DIR] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale] [--translations] [--external]
//	kz30 serve      [--source DIR] [--bind 127.0.0.1] [--port 1313] [--base-url URL] [--drafts] [--strict]
//	kz30 newsletter NAME... [--lang fr] [--teaser] [--text] [--eml [--to ADDR] [--from ADDR]] [--source DIR] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale]
//	kz30 translated PAGE... [--lang LANG] [--source DIR]
//	kz30 new        NAME [--source DIR]
//	kz30 init       [DIR] [--lang fr,en] [--title TITLE]
//	kz30 theme      list | export [PATH...] [--source DIR]
//	kz30 version
//	kz30 help       [COMMAND]
//
// Run "kz30 help COMMAND" for the flags of a command. SIGINT and SIGTERM
// stop a command promptly (exit 130 and 143), leaving the previous output
// as it was; a second signal exits at once.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	var got os.Signal
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case got = <-sigs:
		case <-ctx.Done():
			return
		}
		stop()
		if s := <-sigs; s != nil {
			os.Exit(signalCode(s))
		}
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	interruptedBy := ctx.Err() != nil
	signal.Stop(sigs)
	stop()
	close(sigs)
	<-done
	if interruptedBy && got != nil && code != 0 {
		code = signalCode(got)
	}
	os.Exit(code)
}

// signalCode is the shell's exit code for a process ended by s.
func signalCode(s os.Signal) int {
	if s == syscall.SIGTERM {
		return 128 + int(syscall.SIGTERM)
	}
	return 128 + int(syscall.SIGINT)
}
