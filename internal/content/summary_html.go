package content

import (
	"strings"

	"golang.org/x/net/html"
)

// HTMLSummary is Summary for an HTML body: the text of its first <p>, cut
// at a word boundary to at most max characters; "" when it has none.
func HTMLSummary(body []byte, max int) string {
	z := html.NewTokenizer(strings.NewReader(string(body)))
	depth := 0
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return cutSummary(b.String(), max)
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "p" {
				depth++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "p" && depth > 0 {
				if s := strings.TrimSpace(b.String()); s != "" {
					return cutSummary(s, max)
				}
				depth--
			}
		case html.TextToken:
			if depth > 0 {
				b.Write(z.Text())
			}
		}
	}
}
