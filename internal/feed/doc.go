// Package feed writes the site's machine-read indexes: one Atom 1.0 feed
// per language (lang/index.xml) and the sitemap (sitemap.xml) with
// hreflang alternates and x-default.
//
// Both are pure functions of a loaded content.Site and a URLFunc that
// turns a site path into an absolute URL: the same site gives the same
// bytes. Which files exist, and where they are written, is the caller's
// decision.
package feed

import "time"

// URLFunc returns the absolute URL of a site path: "" for the landing page
// (the base URL), "fr/" for a language's home, "fr/kaspi/" for a page,
// "fr/index.xml" for a file.
type URLFunc func(path string) string

// epoch stands for a missing date where Atom requires one.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
