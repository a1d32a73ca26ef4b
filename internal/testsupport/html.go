package testsupport

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Attr is the value of n's attribute key, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// NewsletterExports lists the HTML e-mail exports among the output files
// of a build (below newsletter/, not the index), sorted.
func NewsletterExports(files map[string][]byte) []string {
	var names []string
	for name := range files {
		if strings.HasPrefix(name, "newsletter/") && strings.HasSuffix(name, ".html") && name != "newsletter/index.html" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
