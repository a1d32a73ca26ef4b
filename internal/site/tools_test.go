package site

import (
	"testing"

	"github.com/kz30/kz30/internal/testsupport"
	"golang.org/x/net/html"
)

// missingTool fails or skips t for a missing test tool (see
// testsupport.MissingTool).
func missingTool(t *testing.T, what string) {
	t.Helper()
	testsupport.MissingTool(t, what)
}

// attr is the value of n's attribute key, or "".
func attr(n *html.Node, key string) string { return testsupport.Attr(n, key) }
