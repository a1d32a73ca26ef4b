package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/testsupport"
)

// lockedBuffer is a bytes.Buffer the command's goroutines may share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serveFixture extracts the build package's fixture site.
func serveFixture(t *testing.T) string {
	t.Helper()
	return testsupport.Extract(t, filepath.Join("..", "..", "internal", "site", "testdata", "site.txtar"))
}

// TestServeCommand runs "kz30 serve" on a free port: it prints both
// language homes, serves pages whose absolute URLs point at itself, writes
// nothing into the source folder, and stops cleanly on cancel (Ctrl-C)
// even with a page's event stream open.
func TestServeCommand(t *testing.T) {
	dir := serveFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	code := make(chan int, 1)
	go func() { code <- run(ctx, []string{"serve", "--source", dir, "--port", "0"}, &stdout, &stderr) }()

	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "press Ctrl-C to stop") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	out := stdout.String()
	m := regexp.MustCompile(`(?m)^  fr  (http://127\.0\.0\.1:\d+/)fr/\n  en  (http://127\.0\.0\.1:\d+/)en/$`).FindStringSubmatch(out)
	if m == nil || m[1] != m[2] {
		t.Fatalf("kz30 serve printed:\n%s\nstderr:\n%s\nwant the URLs of both homes", out, stderr.String())
	}
	base := m[1]
	resp, err := http.Get(base + "fr/page-a/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `<link rel="canonical" href="`+base+`fr/page-a/">`) ||
		!strings.Contains(string(body), `src="../../_kz30/reload.js"`) {
		t.Fatalf("GET fr/page-a/: %d\n%s", resp.StatusCode, body)
	}

	events, err := http.Get(base + "_kz30/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	if line, err := bufio.NewReader(events.Body).ReadString('\n'); err != nil || line != "retry: 1000\n" {
		t.Fatalf("event stream starts with %q, %v", line, err)
	}

	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("exit code %d after cancel; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("kz30 serve did not stop within 10 s of the cancel")
	}
	if !strings.HasSuffix(stdout.String(), "kz30: stopped\n") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve wrote public/ (%v)", err)
	}
	if _, err := http.Get(base); err == nil {
		t.Error("the server still answers after stopping")
	}
}

func TestServeUsage(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	_, port, _ := net.SplitHostPort(busy.Addr().String())
	dir := serveFixture(t)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--port", "70000"}, 2, "--port 70000 is not a port number"},
		{[]string{"serve", "--source", dir, "--base-url", "ftp://x"}, 2, "--base-url"},
		{[]string{"serve", "--source", dir, "--port", port}, 1, "pass another --port"},
	} {
		var stdout, stderr lockedBuffer
		if c := run(context.Background(), tc.args, &stdout, &stderr); c != tc.code || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("kz30 %s: exit %d, stderr %q; want %d and %q", strings.Join(tc.args, " "), c, stderr.String(), tc.code, tc.msg)
		}
	}
}

// TestServeSourceEditWarns: with the default flags, saving the French
// (source) page never blocks the writer. The edit is served, the English
// page shows its "out of date" notice, the terminal and the page's panel
// list the stale translation as a warning worded in the page's language,
// and no error panel appears. With --strict the same edit is an error.
func TestServeSourceEditWarns(t *testing.T) {
	dir := serveFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	code := make(chan int, 1)
	go func() { code <- run(ctx, []string{"serve", "--source", dir, "--port", "0"}, &stdout, &stderr) }()
	base := waitServing(t, &stdout, &stderr)
	defer func() {
		cancel()
		<-code
	}()
	if body := get(t, base+"en/page-a/"); strings.Contains(body, `class="notice"`) {
		t.Fatalf("the English page shows a notice before the edit:\n%s", body)
	}
	st := openEvents(t, base+"_kz30/events?lang=fr")
	st.next(t, "hello")

	p := filepath.Join(dir, "content", "fr", "a.md")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "Le premier paragraphe", "Le tout premier paragraphe", 1)
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	ev := st.next(t, "warnings")
	var payload struct {
		Text     struct{ Lang string }
		Heading  string
		Warnings []struct{ Pos, Msg, Hint string }
	}
	if err := json.Unmarshal([]byte(ev.data), &payload); err != nil {
		t.Fatal(err)
	}
	if payload.Text.Lang != "fr" || payload.Heading != "1 avertissement" || len(payload.Warnings) != 1 ||
		payload.Warnings[0].Pos != "content/en/a.md:1:1" ||
		payload.Warnings[0].Msg != "traduction «\u202fen\u202f» périmée\u00a0: content/fr/a.md a changé depuis qu’elle a été traduite" ||
		payload.Warnings[0].Hint != "mettez la traduction à jour, puis lancez kz30 translated content/en/a.md" {
		t.Errorf("warnings event %s", ev.data)
	}
	if strings.Contains(ev.data, "allow-stale") {
		t.Errorf("the panel's hint names --allow-stale: %s", ev.data)
	}
	st.none(t, "build-error")

	if body := get(t, base+"fr/page-a/"); !strings.Contains(body, "Le tout premier paragraphe") {
		t.Error("the edited French page is not served")
	}
	body := get(t, base+"en/page-a/")
	if !strings.Contains(body, `<p class="notice" role="note">This translation predates the latest French version`) {
		t.Errorf("the English page lacks its out-of-date notice:\n%s", body)
	}
	errs := stderr.String()
	if !strings.Contains(errs, "warning: content/en/a.md:1:1: stale translation: content/fr/a.md changed") ||
		strings.Contains(errs, "--allow-stale") || strings.Contains(errs, "error") {
		t.Errorf("terminal:\n%s", errs)
	}
	if out := stdout.String(); !strings.Contains(out, "kz30: content/fr/a.md changed; rendered ") {
		t.Errorf("stdout:\n%s", out)
	}
}

// TestServeStrict: --strict makes a stale translation an error, worded
// for serve ("serve without --strict"), never "build with --allow-stale"
// in the page.
func TestServeStrict(t *testing.T) {
	dir := serveFixture(t)
	p := filepath.Join(dir, "content", "fr", "a.md")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(src), "Le premier paragraphe", "Le tout premier paragraphe", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", "--strict", "--source", dir, "--port", "0"}, &stdout, &stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "press Ctrl-C to stop") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	defer func() {
		cancel()
		<-code
	}()
	m := regexp.MustCompile(`serving \S+ at (http://\S+/)\n`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "content/en/a.md:1:1: stale translation") || !strings.Contains(stderr.String(), "kz30 serve: 1 error") ||
		!strings.Contains(stderr.String(), "; update the translation, then run kz30 translated content/en/a.md; or serve without --strict\n") ||
		strings.Contains(stderr.String(), "allow-stale") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	st := openEvents(t, m[1]+"_kz30/events?lang=en")
	st.next(t, "hello")
	ev := st.next(t, "build-error")
	if !strings.Contains(ev.data, `"hint":"update the translation, then run kz30 translated content/en/a.md; or serve without --strict"`) ||
		strings.Contains(ev.data, "allow-stale") || !strings.Contains(ev.data, `"heading":"The site did not build (1 error)"`) {
		t.Errorf("build-error event %s", ev.data)
	}
}

// waitServing waits for serve's URLs and returns the site's address.
func waitServing(t *testing.T, stdout, stderr *lockedBuffer) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "press Ctrl-C to stop") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	m := regexp.MustCompile(`(?m)^  fr  (http://127\.0\.0\.1:\d+/)fr/$`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("kz30 serve printed:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
	return m[1]
}

// get fetches a URL and returns its body, failing on a status other than 200.
func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	return string(body)
}

// sse is an open event stream read in the background.
type sse struct {
	events chan sseEvent
}

type sseEvent struct{ name, data string }

func openEvents(t *testing.T, url string) *sse {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	s := &sse{events: make(chan sseEvent, 64)}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					s.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return s
}

// next returns the next event named name, failing on a build-error
// while waiting for something else.
func (s *sse) next(t *testing.T, name string) sseEvent {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				t.Fatalf("the event stream ended while waiting for %q", name)
			}
			if ev.name == name {
				return ev
			}
			if ev.name == "build-error" {
				t.Fatalf("build-error while waiting for %q: %s", name, ev.data)
			}
		case <-timeout:
			t.Fatalf("no %q event within 10 s", name)
		}
	}
}

// none fails if an event named name arrives within a short while.
func (s *sse) none(t *testing.T, name string) {
	t.Helper()
	timeout := time.After(300 * time.Millisecond)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				return
			}
			if ev.name == name {
				t.Fatalf("unexpected %s event: %s", name, ev.data)
			}
		case <-timeout:
			return
		}
	}
}
