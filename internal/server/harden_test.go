package server

import (
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/site"
)

// TestDeepNestingKeepsServing: saving a page nested 512 levels deep (which
// made the newsletter export panic and killed the server) is a build error
// at its line and column; the last good build stays served.
func TestDeepNestingKeepsServing(t *testing.T) {
	dir := fixture(t)
	write(t, dir, "site.toml", read(t, dir, "site.toml")+"\n[newsletter]\nenabled = true\n")
	h := start(t, dir, true, func(o *site.Options) { o.AllowStale = true })
	st := openStream(t, h.ts.Client(), h.ts.URL)
	st.next(t, "hello", nil)
	_, before := h.get(t, "/fr/page-a/")
	good := read(t, h.dir, "content/fr/a.md")
	write(t, h.dir, "content/fr/a.md", strings.Replace(good, "## Les chiffres", strings.Repeat("- ", 256)+"x\n\n## Les chiffres", 1))
	if ev := st.next(t, "build-error", nil); !strings.Contains(ev.data, "nesting too deep") || !strings.Contains(ev.data, "content/fr/a.md:12:101") {
		t.Fatalf("build-error %s", ev.data)
	}
	if code, body := h.get(t, "/fr/page-a/"); code != 200 || body != before {
		t.Errorf("the last good page is not served during the error (%d)", code)
	}
	write(t, h.dir, "content/fr/a.md", good)
	st.next(t, "build-ok", nil)
}
