package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	kz30 "github.com/kz30/kz30"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/site"
)

// command is one subcommand.
type command struct {
	name  string
	usage string
	help  string
	run   func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build [--source DIR] [--out DIR] [--clean] [--no-cache] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale]",
			"Build the site into DIR/public (or --out), atomically: a failed or interrupted build leaves the previous output untouched.\nkz30 replaces only files it wrote (listed in OUT/.kz30-manifest) and keeps OUT/.git; it refuses an output\nholding anything else unless --clean, and never writes into the source folder, the current folder, the home\nfolder, a filesystem root, or inside content/, templates/ or static/.\n" +
				"The build cache DIR/.kz30/cache keeps conversions, pages, resized and share images and e-mail exports between builds,\n" +
				"each keyed by everything it depends on (safe to delete); unchanged files are hard-linked from the previous output.\n" +
				"--no-cache builds cold and leaves the cache as it is.", runBuild},
		{"check", "check [--source DIR] [--no-cache] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale] [--translations] [--external]",
			"Build in memory and check links, anchors, translations (missing, stale) and fact parity.", runCheck},
		{"serve", "serve [--source DIR] [--bind 127.0.0.1] [--port 1313] [--base-url URL] [--drafts] [--strict]",
			"Serve the site from memory, rebuild on change and reload the browser.\n" +
				"Missing and stale translations are warnings (the page shows its notice; the terminal and the page list them) unless --strict.", runServe},
		{"newsletter", "newsletter NAME... [--lang LANG] [--teaser] [--text] [--eml [--to ADDR] [--from ADDR]] [--source DIR] [--no-cache] [--base-url URL] [--drafts] [--allow-missing] [--allow-stale]",
			"Print the e-mail export of one or more sections, ready to paste.", runNewsletter},
		{"bench-corpus", "bench-corpus N DIR [--seed 1]",
			"Write a generated benchmark site of N French/English page pairs into DIR/content.", runBenchCorpus},
		{"new", "new NAME [--source DIR]",
			"Create content/<lang>/NAME.md in every language with front matter.", runNew},
		{"init", "init [DIR] [--lang fr,en] [--title TITLE]",
			"Create a new site in DIR (new or empty): site.toml, pages in every language, a GitHub Pages workflow.", runInit},
		{"theme", "theme list | theme export [PATH...] [--source DIR]",
			"List the built-in theme's files, or copy them (all, or the PATHs) into the site to change them; never overwrites.", runTheme},
		{"translated", "translated PAGE... [--lang LANG] [--source DIR]",
			"Mark translations as up to date with their source page: write the source body's hash into translation_of.\n" +
				"PAGE is a file (content/en/kaspi.md) or a page name (kaspi: its translations in every language, or --lang's).", runTranslated},
		{"version", "version",
			"Print kz30's version, VCS revision and Go version.", runVersion},
		{"help", "help [COMMAND]",
			"Print the usage and flags of COMMAND, or the list of commands.", runHelp},
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		usage(stdout)
		return 2
	case args[0] == "-h" || args[0] == "--help":
		usage(stdout)
		return 0
	case args[0] == "-version" || args[0] == "--version":
		return runVersion(ctx, args[1:], stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "kz30: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "kz30 builds a bilingual static site from content/<lang>/*.md.")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  kz30 %s\n", c.usage)
	}
	fmt.Fprintln(w, "\nRun \"kz30 help COMMAND\" (or \"kz30 COMMAND --help\") for its flags.")
}

// newFlags makes a FlagSet whose usage prints the command's synopsis.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("kz30 "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for _, c := range commands() {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "usage: kz30 %s\n\n%s\n\nFlags:\n", c.usage, c.help)
				printFlags(fs.Output(), fs)
			}
		}
	}
	return fs
}

// parse parses flags that may come before or after the positional names.
// It returns the names, or ok false with the exit code to use.
func parse(fs *flag.FlagSet, args []string) (names []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0, false
			}
			return nil, 2, false
		}
		if fs.NArg() == 0 {
			return names, 0, true
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// buildFlags are the flags build, check and serve share.
type buildFlags struct {
	source, baseURL                  string
	drafts, allowMissing, allowStale bool
	noCache                          bool
}

func (b *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&b.source, "source", ".", "source `DIR` holding content/, and optionally site.toml, templates/ and static/")
	fs.StringVar(&b.baseURL, "base-url", "", "absolute `URL` of the site, overriding site.toml's base_url")
	fs.BoolVar(&b.drafts, "drafts", false, "include pages with draft: true")
	fs.BoolVar(&b.allowMissing, "allow-missing", false, "build even when a page lacks a translation (warning instead of error)")
	fs.BoolVar(&b.allowStale, "allow-stale", false, "build even when a translation is stale (warning instead of error)")
	fs.BoolVar(&b.noCache, "no-cache", false, "build cold: neither read nor write the build cache DIR/.kz30/cache")
}

// registerServe registers the flags of serve, where missing and stale
// translations are warnings unless --strict: writing the source page makes
// its translations stale, which must not stop the writer.
func (b *buildFlags) registerServe(fs *flag.FlagSet, strict *bool) {
	fs.StringVar(&b.source, "source", ".", "source `DIR` holding content/, and optionally site.toml, templates/ and static/")
	fs.StringVar(&b.baseURL, "base-url", "", "absolute `URL` of the site, overriding site.toml's base_url")
	fs.BoolVar(&b.drafts, "drafts", false, "include pages with draft: true")
	fs.BoolVar(strict, "strict", false, "missing and stale translations are errors, as in build and check (default: warnings, listed in the terminal and the page)")
	fs.BoolVar(&b.allowMissing, "allow-missing", true, "accepted for old scripts; serve allows missing translations unless --strict")
	fs.BoolVar(&b.allowStale, "allow-stale", true, "accepted for old scripts; serve allows stale translations unless --strict")
}

func (b *buildFlags) options() site.Options {
	return site.Options{Dir: b.source, BaseURL: b.baseURL, Drafts: b.drafts,
		AllowMissing: b.allowMissing, AllowStale: b.allowStale, Defaults: kz30.Defaults, CacheDir: b.cacheDir()}
}

// cacheDirName is the build cache's folder below the source folder.
const cacheDirName = ".kz30/cache"

// cacheDir is the build cache folder, "" with --no-cache.
func (b *buildFlags) cacheDir() string {
	if b.noCache {
		return ""
	}
	return filepath.Join(b.source, filepath.FromSlash(cacheDirName))
}

// printWarnings prints one line per warning, the first limit of them
// when limit > 0, then how many more `kz30 check` would list.
func printWarnings(w io.Writer, warns diag.List, limit int) {
	for i, e := range warns {
		if limit > 0 && i == limit {
			fmt.Fprintf(w, "warning: … and %d more (kz30 check lists them all)\n", len(warns)-limit)
			return
		}
		fmt.Fprintf(w, "warning: %s\n", e.Error())
	}
}

// maxErrors is the most diagnostics printed; the count says how many more.
const maxErrors = 100

// fail prints an error (one line per diagnostic) and returns exit code 1.
func fail(w io.Writer, cmd string, err error) int {
	var list diag.List
	n := 1
	if errors.As(err, &list) {
		n = len(list)
	}
	if len(list) > maxErrors {
		fmt.Fprintln(w, list[:maxErrors].Error())
		fmt.Fprintf(w, "… and %d more\n", len(list)-maxErrors)
	} else {
		fmt.Fprintln(w, err.Error())
	}
	plural := "s"
	if n == 1 {
		plural = ""
	}
	fmt.Fprintf(w, "kz30 %s: %d error%s; nothing was written\n", cmd, n, plural)
	return 1
}

// interrupted reports a command stopped by a signal; main turns its exit
// code into the signal's (130 for SIGINT, 143 for SIGTERM).
func interrupted(w io.Writer, cmd string) int {
	fmt.Fprintf(w, "kz30 %s: interrupted; nothing was written, the previous output is unchanged\n", cmd)
	return 1
}

// isTerminal reports whether w is a terminal (progress lines only there).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
