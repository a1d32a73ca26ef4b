package main

import (
	"context"
	"fmt"
	"io"

	kz30 "github.com/kz30/kz30"
	"github.com/kz30/kz30/internal/site"
)

func runNewsletter(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("newsletter", stderr)
	source := fs.String("source", ".", "source `DIR` holding content/, and optionally site.toml, templates/ and static/")
	baseURL := fs.String("base-url", "", "absolute `URL` of the site, overriding site.toml's base_url (links and images)")
	lang := fs.String("lang", "", "`LANG` of the message (default: the source language, the first of site.toml)")
	teaser := fs.Bool("teaser", false, "the teaser: title, lede, key figures and a \"Read on the site\" button")
	text := fs.Bool("text", false, "print the plain text instead of the HTML")
	eml := fs.Bool("eml", false, "print a whole e-mail message (.eml: text and HTML, Subject, Date) to open in a mail client or send to yourself")
	to := fs.String("to", "", "with --eml: the `ADDR` the message is to (default: undisclosed-recipients:;)")
	from := fs.String("from", "", "with --eml: the `ADDR` the message is from (default: newsletter@ the site's host)")
	drafts := fs.Bool("drafts", false, "include pages with draft: true")
	allowMissing := fs.Bool("allow-missing", false, "export even when a page of the site lacks a translation (warning instead of error)")
	allowStale := fs.Bool("allow-stale", false, "export even when a translation is stale (warning instead of error)")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) == 0 {
		fmt.Fprintln(stderr, "kz30 newsletter: name at least one section, by its file name (e.g. kaspi)")
		fs.Usage()
		return 2
	}
	if (*to != "" || *from != "") && !*eml {
		fmt.Fprintln(stderr, "kz30 newsletter: --to and --from go with --eml")
		fs.Usage()
		return 2
	}
	if *eml && *text {
		fmt.Fprintln(stderr, "kz30 newsletter: --eml prints the text and the HTML; leave out --text")
		fs.Usage()
		return 2
	}
	res, err := site.Newsletter(
		site.Options{Dir: *source, BaseURL: *baseURL, Drafts: *drafts, AllowMissing: *allowMissing, AllowStale: *allowStale, Defaults: kz30.Defaults, Context: ctx},
		site.NewsletterRequest{Names: names, Lang: *lang, Teaser: *teaser, Text: *text, EML: *eml, From: *from, To: *to})
	if ctx.Err() != nil {
		return interrupted(stderr, "newsletter")
	}
	printWarnings(stderr, res.Warnings, maxErrors)
	if err != nil {
		return fail(stderr, "newsletter", err)
	}
	if _, err := stdout.Write(res.Message); err != nil {
		fmt.Fprintf(stderr, "kz30 newsletter: %v\n", err)
		return 1
	}
	return 0
}
