package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"

	kz30 "github.com/kz30/kz30"
	"github.com/kz30/kz30/internal/scaffold"
)

func runInit(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", stderr)
	langs := fs.String("lang", "fr,en", "the site's language `CODES`, comma-separated, the source language first")
	title := fs.String("title", "My site", "the site's `TITLE` in every language")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) > 1 {
		fmt.Fprintln(stderr, "kz30 init: give at most one folder, e.g. kz30 init my-site")
		return 2
	}
	dir := "."
	if len(names) == 1 {
		dir = names[0]
	}
	version, fellBack := scaffold.InitVersion(moduleVersion())
	res, err := scaffold.Init(scaffold.InitOptions{
		Dir: dir, Langs: splitLangs(*langs), Title: *title, Version: version,
		ThemeLangs: themeLangs(),
	})
	if err != nil {
		fmt.Fprintln(stderr, err.Error())
		fmt.Fprintln(stderr, "kz30 init: nothing was written")
		return 1
	}
	for _, f := range res.Created {
		fmt.Fprintf(stdout, "created %s\n", filepath.ToSlash(filepath.Join(dir, f)))
	}
	if fellBack {
		fmt.Fprintf(stdout, "note: this kz30 is a local build; the workflow installs kz30 %s (change it in .github/workflows/pages.yml)\n", version)
	}
	fmt.Fprintln(stdout, "\nnext steps:")
	if dir != "." {
		fmt.Fprintf(stdout, "  cd %s\n", dir)
	}
	fmt.Fprintln(stdout, "  kz30 serve        # preview at http://127.0.0.1:1313/, updated as you save")
	fmt.Fprintln(stdout, "  kz30 new NAME     # add a page in every language")
	fmt.Fprintln(stdout, "  kz30 check        # before publishing: links, translations, figures")
	fmt.Fprintln(stdout, "  git init, commit, push to GitHub; then Settings → Pages → Source: GitHub Actions")
	return 0
}

// splitLangs splits --lang's comma-separated codes.
func splitLangs(s string) []string {
	var langs []string
	for _, l := range strings.Split(s, ",") {
		langs = append(langs, strings.TrimSpace(l))
	}
	return langs
}

// themeLangs lists the languages the built-in theme has UI strings for.
func themeLangs() []string {
	var langs []string
	for _, f := range scaffold.ThemeFiles(kz30.Defaults) {
		if l, ok := strings.CutPrefix(f, "templates/i18n/"); ok && strings.HasSuffix(l, ".toml") {
			langs = append(langs, strings.TrimSuffix(l, ".toml"))
		}
	}
	return langs
}

// moduleVersion is the version of kz30 in the build information: a
// release tag for `go install …@v0.2.0`, "(devel)" or a pseudo-version for
// a local build.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		return bi.Main.Version
	}
	return ""
}
