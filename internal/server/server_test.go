package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/site"
	"golang.org/x/net/html"
)

func decodeReload(t *testing.T, ev event) reloadEvent {
	t.Helper()
	var r reloadEvent
	if err := json.Unmarshal([]byte(ev.data), &r); err != nil {
		t.Fatalf("reload event %q: %v", ev.data, err)
	}
	return r
}

// nextReload waits for the reload event that satisfies ok, skipping
// earlier reloads and transient build errors (a burst split in two).
func (st *stream) nextReload(t *testing.T, ok func(reloadEvent) bool) reloadEvent {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		ev := st.next(t, "reload", func(event) bool { return true })
		if r := decodeReload(t, ev); ok(r) {
			return r
		}
	}
	t.Fatal("no matching reload event")
	return reloadEvent{}
}

func TestServesTheBuiltSite(t *testing.T) {
	h := start(t, fixture(t), false, nil)
	res, err := site.Render(site.Options{Dir: h.dir, Defaults: repoRoot, LiveReload: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, file, ctype string
	}{
		{"/", "index.html", "text/html; charset=utf-8"},
		{"/fr/", "fr/index.html", "text/html; charset=utf-8"},
		{"/fr/page-a/", "fr/page-a/index.html", "text/html; charset=utf-8"},
		{"/en/page-b/index.html", "en/page-b/index.html", "text/html; charset=utf-8"},
		{"/sitemap.xml", "sitemap.xml", "application/xml; charset=utf-8"},
		{"/robots.txt", "robots.txt", "text/plain; charset=utf-8"},
		{"/favicon.svg", "favicon.svg", "image/svg+xml"},
	} {
		resp, err := h.ts.Client().Get(h.ts.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tc.ctype {
			t.Errorf("GET %s: %d %s, want 200 %s", tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), tc.ctype)
		}
		if string(body) != string(res.Files[tc.file]) {
			t.Errorf("GET %s is not the built %s", tc.path, tc.file)
		}
	}
	// The stylesheet, by its fingerprinted name.
	for name := range res.Files {
		if strings.HasPrefix(name, "assets/site.") && strings.HasSuffix(name, ".css") {
			resp, err := h.ts.Client().Get(h.ts.URL + "/" + name)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/css; charset=utf-8" {
				t.Errorf("GET /%s: %d %s", name, resp.StatusCode, resp.Header.Get("Content-Type"))
			}
		}
	}
	// A page folder without its slash is redirected.
	client := *h.ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Get(h.ts.URL + "/fr/page-a")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/fr/page-a/" {
		t.Errorf("GET /fr/page-a: %d to %q, want 302 to /fr/page-a/", resp.StatusCode, resp.Header.Get("Location"))
	}
	// Unknown pages get the site's 404 page.
	if code, body := h.get(t, "/fr/nope/"); code != 404 || body != string(res.Files["404.html"]) {
		t.Errorf("GET /fr/nope/: %d, want 404 with the site's 404 page", code)
	}
	// Other methods are refused.
	resp, err = h.ts.Client().Post(h.ts.URL+"/fr/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
	// The script and its stylesheet.
	for p, ctype := range map[string]string{"/_kz30/reload.js": "text/javascript; charset=utf-8", "/_kz30/overlay.css": "text/css; charset=utf-8"} {
		resp, err := h.ts.Client().Get(h.ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != ctype || len(body) < 500 {
			t.Errorf("GET %s: %d %s, %d bytes", p, resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
		}
	}
}

// TestPagesLoadTheScript: every page's head loads the reload script by a
// relative, same-origin URL, deferred, and has no inline script.
func TestPagesLoadTheScript(t *testing.T) {
	h := start(t, fixture(t), false, nil)
	for _, p := range []string{"/", "/fr/", "/en/page-a/", "/fr/page-b/"} {
		_, body := h.get(t, p)
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var found []string
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode || n.Data != "script" {
				continue
			}
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
			}
			if attrs["type"] == "application/ld+json" {
				continue
			}
			if attrs["src"] == "" {
				t.Errorf("%s: inline script", p)
				continue
			}
			if _, ok := attrs["defer"]; !ok || n.Parent.Data != "head" {
				t.Errorf("%s: script %s not deferred in head", p, attrs["src"])
			}
			found = append(found, attrs["src"])
		}
		depth := strings.Count(p, "/") - 1
		want := strings.Repeat("../", depth) + "_kz30/reload.js"
		if !slices.Equal(found, []string{want}) {
			t.Errorf("%s loads scripts %q, want [%q]", p, found, want)
		}
	}
}

// TestTraversal: nothing outside the built files is reachable, however the
// path is written.
func TestTraversal(t *testing.T) {
	dir := fixture(t)
	// A secret beside the source folder, and the sources themselves.
	secret := "TOP-SECRET-" + t.Name()
	write(t, filepath.Dir(dir), "secret.txt", secret)
	h := start(t, dir, false, nil)
	addr := strings.TrimPrefix(h.ts.URL, "http://")
	for _, target := range []string{
		"/../secret.txt",
		"/fr/../../secret.txt",
		"/..%2fsecret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2E%2E/etc/passwd",
		"/fr/%2e%2e/%2e%2e/site.toml",
		"/fr/..%5c..%5csite.toml",
		"/fr/..\\..\\site.toml",
		"/%5c..%5csite.toml",
		"//etc/passwd",
		"/fr//index.html",
		"/./index.html",
		"/fr/./index.html",
		"/fr/.",
		"/site.toml",
		"/content/fr/a.md",
		"/%00",
		"/index.html%00.txt",
		"http://" + addr + "/../secret.txt",
		"http://evil.test/%2e%2e/site.toml",
		"/etc/passwd",
		"/" + filepath.ToSlash(filepath.Join(filepath.Dir(dir), "secret.txt")),
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
		conn.SetReadDeadline(time.Now().Add(wait))
		raw, _ := io.ReadAll(conn)
		conn.Close()
		status, _, _ := strings.Cut(string(raw), "\r\n")
		want := "HTTP/1.1 404 Not Found"
		if strings.HasPrefix(target, "http://evil.test/") {
			want = "HTTP/1.1 421 Misdirected Request" // the URL's host wins over the Host header, and is refused
		}
		if status != want {
			t.Errorf("GET %s: %q, want %q", target, status, want)
		}
		for _, leak := range []string{secret, "root:", "base_url", "title: "} {
			if strings.Contains(string(raw), leak) {
				t.Errorf("GET %s leaks %q", target, leak)
			}
		}
	}
}

// TestPrefix: with a base URL below a path, the site is served there.
func TestPrefix(t *testing.T) {
	h := start(t, fixture(t), false, func(o *site.Options) { o.BaseURL = "http://127.0.0.1:1313/kz30/" })
	if code, _ := h.get(t, "/kz30/fr/page-a/"); code != 200 {
		t.Errorf("GET /kz30/fr/page-a/: %d", code)
	}
	if code, _ := h.get(t, "/fr/page-a/"); code != 404 {
		t.Errorf("GET /fr/page-a/ outside the prefix: %d, want 404", code)
	}
	if code, body := h.get(t, "/"); code != 200 || !strings.Contains(body, `hreflang="fr"`) {
		t.Errorf("GET / (redirected to /kz30/): %d", code)
	}
	st := openStream(t, h.ts.Client(), h.ts.URL+"/kz30")
	st.next(t, "hello", nil)
}

// TestEditCreateRenameDelete drives the watcher with file operations and
// follows the events and the served pages.
func TestEditCreateRenameDelete(t *testing.T) {
	h := start(t, fixture(t), true, func(o *site.Options) { o.AllowMissing = true })
	st := openStream(t, h.ts.Client(), h.ts.URL)
	hello := st.next(t, "hello", nil)
	if !strings.Contains(hello.data, h.s.id) {
		t.Errorf("hello %s lacks the server id", hello.data)
	}

	t.Run("edit", func(t *testing.T) {
		replace(t, h.dir, "content/en/a.md", "a lede that says what matters.", "a lede that says what matters, edited live.")
		r := st.nextReload(t, func(r reloadEvent) bool { return slices.Contains(r.Changed, "en/page-a/index.html") })
		if slices.Contains(r.Changed, "fr/page-a/index.html") || r.All {
			t.Errorf("reload %+v: only the English page changed", r)
		}
		if _, body := h.get(t, "/en/page-a/"); !strings.Contains(body, "edited live") {
			t.Error("the served page lacks the edit")
		}
		if out := h.stdout.String(); !strings.Contains(out, "kz30: content/en/a.md changed; rendered 1 of 6 pages (en/page-a/), converted 1;") ||
			!strings.Contains(out, " ms\n") {
			t.Errorf("log:\n%s", out)
		}
	})
	t.Run("save through a temporary file", func(t *testing.T) {
		// As sed -i does: a new file beside the page, renamed over it. The
		// temporary name is not a change.
		s := strings.Replace(read(t, h.dir, "content/en/a.md"), "edited live", "saved through a temporary file", 1)
		write(t, h.dir, "content/en/sedX1y2Z3", s)
		if err := os.Rename(filepath.Join(h.dir, "content/en/sedX1y2Z3"), filepath.Join(h.dir, "content/en/a.md")); err != nil {
			t.Fatal(err)
		}
		st.nextReload(t, func(r reloadEvent) bool { return slices.Contains(r.Changed, "en/page-a/index.html") })
		if _, body := h.get(t, "/en/page-a/"); !strings.Contains(body, "saved through a temporary file") {
			t.Error("the served page lacks the edit")
		}
		if out := h.stdout.String(); strings.Contains(out, "sedX1y2Z3") || strings.Count(out, "kz30: content/en/a.md changed; rendered 1 of 6 pages") != 2 {
			t.Errorf("log:\n%s", out)
		}
	})
	t.Run("create", func(t *testing.T) {
		write(t, h.dir, "content/fr/c.md", "---\ntitle: Page C\ndescription: Nouvelle.\nweight: 30\n---\nLe texte de C.\n")
		write(t, h.dir, "content/en/c.md", "---\ntitle: Page C\ndescription: New.\nweight: 30\n---\nThe text of C.\n")
		st.nextReload(t, func(r reloadEvent) bool {
			return slices.Contains(r.Changed, "fr/c/index.html") && slices.Contains(r.Changed, "en/c/index.html")
		})
		if code, body := h.get(t, "/en/c/"); code != 200 || !strings.Contains(body, "The text of C.") {
			t.Errorf("GET /en/c/: %d", code)
		}
	})
	t.Run("rename", func(t *testing.T) {
		for _, l := range []string{"fr", "en"} {
			if err := os.Rename(filepath.Join(h.dir, "content", l, "c.md"), filepath.Join(h.dir, "content", l, "d.md")); err != nil {
				t.Fatal(err)
			}
		}
		st.nextReload(t, func(r reloadEvent) bool {
			return slices.Contains(r.Removed, "fr/c/index.html") && slices.Contains(r.Removed, "en/c/index.html") &&
				slices.Contains(r.Changed, "en/d/index.html")
		})
		if code, _ := h.get(t, "/en/c/"); code != 404 {
			t.Errorf("GET /en/c/ after the rename: %d, want 404", code)
		}
		if code, body := h.get(t, "/en/d/"); code != 200 || !strings.Contains(body, "The text of C.") {
			t.Errorf("GET /en/d/: %d", code)
		}
	})
	t.Run("delete", func(t *testing.T) {
		for _, l := range []string{"fr", "en"} {
			if err := os.Remove(filepath.Join(h.dir, "content", l, "d.md")); err != nil {
				t.Fatal(err)
			}
		}
		st.nextReload(t, func(r reloadEvent) bool {
			return slices.Contains(r.Removed, "fr/d/index.html") && slices.Contains(r.Removed, "en/d/index.html")
		})
		if code, _ := h.get(t, "/fr/d/"); code != 404 {
			t.Errorf("GET /fr/d/ after the delete: %d, want 404", code)
		}
	})
	t.Run("atomic save of site.toml", func(t *testing.T) {
		s := strings.Replace(read(t, h.dir, "site.toml"), `title = "Test site"`, `title = "Test site, renamed"`, 1)
		tmp := filepath.Join(h.dir, ".site.toml.swp")
		if err := os.WriteFile(tmp, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(h.dir, "site.toml")); err != nil {
			t.Fatal(err)
		}
		st.nextReload(t, func(r reloadEvent) bool { return slices.Contains(r.Changed, "en/page-a/index.html") })
		if _, body := h.get(t, "/en/page-a/"); !strings.Contains(body, "Test site, renamed") {
			t.Error("the site title did not change")
		}
	})
	t.Run("new folder", func(t *testing.T) {
		// A folder appears with a file already in it: the file is found
		// by rescanning the folder once it is watched.
		tmp := filepath.Join(t.TempDir(), "img")
		write(t, filepath.Dir(tmp), "img/dot.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
		if err := os.MkdirAll(filepath.Join(h.dir, "static"), 0o755); err != nil {
			t.Fatal(err)
		}
		// static/ did not exist: the defaults were used; bring them in.
		for _, name := range []string{"site.css", "favicon.svg"} {
			data, err := os.ReadFile(filepath.Join("..", "..", "theme", "static", name))
			if err != nil {
				t.Fatal(err)
			}
			write(t, h.dir, "static/"+name, string(data))
		}
		if err := os.Rename(tmp, filepath.Join(h.dir, "static", "img")); err != nil {
			t.Fatal(err)
		}
		st.nextReload(t, func(r reloadEvent) bool { return slices.Contains(r.Changed, "img/dot.svg") })
		// And a file written later into that new folder.
		write(t, h.dir, "static/img/two.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
		st.nextReload(t, func(r reloadEvent) bool { return slices.Contains(r.Changed, "img/two.svg") })
		if code, _ := h.get(t, "/img/two.svg"); code != 200 {
			t.Errorf("GET /img/two.svg: %d", code)
		}
	})
}

// TestBuildErrorOverlay: a broken page sends the error to the pages,
// keeps the last good site, and the fix clears it.
func TestBuildErrorOverlay(t *testing.T) {
	h := start(t, fixture(t), true, nil)
	st := openStream(t, h.ts.Client(), h.ts.URL)
	st.next(t, "hello", nil)
	_, before := h.get(t, "/en/page-a/")
	good := read(t, h.dir, "content/en/a.md")

	write(t, h.dir, "content/en/a.md", strings.Replace(good, "---\nThe first paragraph", "The first paragraph", 1))
	ev := st.next(t, "build-error", nil)
	var payload struct {
		Errors []errorJSON `json:"errors"`
	}
	if err := json.Unmarshal([]byte(ev.data), &payload); err != nil {
		t.Fatal(err)
	}
	if len(payload.Errors) == 0 || payload.Errors[0].Pos != "content/en/a.md:1:1" || payload.Errors[0].File != "content/en/a.md" ||
		payload.Errors[0].Line != 1 || !strings.Contains(payload.Errors[0].Msg, "unclosed front matter") || payload.Errors[0].Hint == "" {
		t.Fatalf("build-error payload %s", ev.data)
	}
	if code, body := h.get(t, "/en/page-a/"); code != 200 || body != before {
		t.Errorf("the last good page is not served during the error (%d)", code)
	}
	if errs := h.stderr.String(); !strings.Contains(errs, "content/en/a.md:1:1: unclosed front matter") || !strings.Contains(errs, "still serving the last good build") {
		t.Errorf("terminal:\n%s", errs)
	}
	// A page opened now is told at once.
	late := openStream(t, h.ts.Client(), h.ts.URL)
	late.next(t, "hello", nil)
	if ev := late.next(t, "build-error", nil); !strings.Contains(ev.data, "unclosed front matter") {
		t.Errorf("late build-error %s", ev.data)
	}

	write(t, h.dir, "content/en/a.md", strings.Replace(good, "a lede", "a fixed lede", 1))
	st.next(t, "build-ok", nil)
	r := decodeReload(t, st.next(t, "reload", nil))
	if !slices.Contains(r.Changed, "en/page-a/index.html") {
		t.Errorf("reload after the fix %+v", r)
	}
	if _, body := h.get(t, "/en/page-a/"); !strings.Contains(body, "a fixed lede") {
		t.Error("the fixed page is not served")
	}
	// A page opened after the fix gets no error.
	after := openStream(t, h.ts.Client(), h.ts.URL)
	after.next(t, "hello", nil)
	replace(t, h.dir, "content/en/b.md", "Back to [A]", "Again, back to [A]")
	after.next(t, "reload", func(ev event) bool { return false })
}

// TestFirstBuildFails: before the site ever built, every page is an error
// page that reloads once the site builds.
func TestFirstBuildFails(t *testing.T) {
	dir := fixture(t)
	good := read(t, dir, "content/fr/b.md")
	write(t, dir, "content/fr/b.md", strings.Replace(good, "weight: 20", "weight: twenty", 1))
	h := start(t, dir, true, nil)
	code, body := h.get(t, "/fr/page-a/")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "<code>content/fr/b.md:4:9</code> weight: want an integer") || !strings.Contains(body, `src="/_kz30/reload.js"`) {
		t.Fatalf("GET before the first good build: %d\n%s", code, body)
	}
	if !strings.Contains(body, `<html lang="fr">`) || !strings.Contains(body, "<h1>Le site ne se construit pas encore</h1>") {
		t.Errorf("the error page of a French URL is not in French:\n%s", body)
	}
	if _, body := h.get(t, "/en/page-a/"); !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, "<h1>The site does not build yet</h1>") {
		t.Errorf("the error page of an English URL:\n%s", body)
	}
	st := openStream(t, h.ts.Client(), h.ts.URL)
	st.next(t, "hello", nil)
	st.next(t, "build-error", nil)
	write(t, dir, "content/fr/b.md", good)
	st.next(t, "build-ok", nil)
	if r := decodeReload(t, st.next(t, "reload", nil)); !r.All {
		t.Errorf("first good build: reload %+v, want all", r)
	}
	if code, _ := h.get(t, "/fr/page-a/"); code != 200 {
		t.Errorf("GET after the fix: %d", code)
	}
}

// TestDebounce: a burst of writes gives one rebuild.
func TestDebounce(t *testing.T) {
	dir := fixture(t)
	h := &harness{dir: dir}
	h.s = New(Options{Build: site.Options{Dir: dir, Defaults: repoRoot}, Stdout: &h.stdout, Stderr: &h.stderr, Debounce: 300 * time.Millisecond})
	h.s.Build(nil)
	if err := h.s.Watch(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.s.Close)
	good := read(t, dir, "content/en/b.md")
	for i := range 5 {
		write(t, dir, "content/en/b.md", strings.Replace(good, "Back to [A]", fmt.Sprintf("Take %d: back to [A]", i), 1))
		time.Sleep(20 * time.Millisecond)
	}
	deadline := time.Now().Add(wait)
	for !strings.Contains(h.stdout.String(), " changed; rendered") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(600 * time.Millisecond)
	if n := strings.Count(h.stdout.String(), " changed; rendered"); n != 1 {
		t.Errorf("%d rebuilds for one burst:\n%s", n, h.stdout.String())
	}
}

// TestManyClients: 100 pages hold event streams at once; each gets the
// reload, and all end cleanly when the server closes.
func TestManyClients(t *testing.T) {
	h := start(t, fixture(t), false, nil)
	tr := &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: 200}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	const n = 100
	streams := make([]*stream, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { streams[i], errs[i] = dialStream(client, h.ts.URL) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("stream %d: %v", i, err)
		}
		defer streams[i].resp.Body.Close()
	}
	for _, st := range streams {
		st.next(t, "hello", nil)
	}
	if got := h.s.events.count(); got != n {
		t.Fatalf("%d streams open, want %d", got, n)
	}
	replace(t, h.dir, "content/en/b.md", "Back to [A]", "For a hundred readers, back to [A]")
	if err := h.s.Build([]string{"content/en/b.md"}); err != nil {
		t.Fatal(err)
	}
	for i, st := range streams {
		r := decodeReload(t, st.next(t, "reload", nil))
		if !slices.Equal(r.Changed, []string{"en/page-b/index.html"}) || len(r.Removed) != 0 {
			t.Errorf("stream %d: reload %+v", i, r)
		}
	}
	h.s.Close()
	for i, st := range streams {
		select {
		case err := <-st.done:
			if err != io.EOF {
				t.Errorf("stream %d ended with %v", i, err)
			}
		case <-time.After(wait):
			t.Fatalf("stream %d still open after Close", i)
		}
	}
}

// TestWarningsEvents: a build that succeeds with warnings sends them to
// the pages (worded for serve: no --allow-stale), again to a page opened
// later, and an empty list once they are fixed.
func TestWarningsEvents(t *testing.T) {
	h := start(t, fixture(t), true, func(o *site.Options) { o.AllowMissing, o.AllowStale = true, true })
	st := openStream(t, h.ts.Client(), h.ts.URL)
	st.next(t, "hello", nil)
	good := read(t, h.dir, "content/fr/a.md")
	replace(t, h.dir, "content/fr/a.md", "Le premier paragraphe", "Le tout premier paragraphe")
	ev := st.next(t, "warnings", func(ev event) bool { return ev.name != "build-error" })
	var payload struct {
		Heading  string      `json:"heading"`
		Warnings []errorJSON `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(ev.data), &payload); err != nil {
		t.Fatal(err)
	}
	if payload.Heading != "1 warning" || len(payload.Warnings) != 1 || payload.Warnings[0].Pos != "content/en/a.md:1:1" ||
		payload.Warnings[0].Msg != "out-of-date en translation: content/fr/a.md changed since it was translated" ||
		payload.Warnings[0].Hint != "update the translation, then run kz30 translated content/en/a.md" {
		t.Errorf("warnings %s", ev.data)
	}
	late := openStream(t, h.ts.Client(), h.ts.URL+"?lang=fr")
	late.next(t, "hello", nil)
	if ev := late.next(t, "warnings", nil); !strings.Contains(ev.data, `"heading":"1 avertissement"`) {
		t.Errorf("late warnings %s", ev.data)
	}
	if errs := h.stderr.String(); strings.Count(errs, "warning: content/en/a.md:1:1: stale translation") != 1 {
		t.Errorf("terminal:\n%s", errs)
	}
	write(t, h.dir, "content/fr/a.md", good)
	if ev := st.next(t, "warnings", nil); strings.Contains(ev.data, `"warnings"`) || !strings.Contains(ev.data, `"heading":"0 warnings"`) {
		t.Errorf("warnings after the fix %s", ev.data)
	}
}
