package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/site"
	"github.com/kz30/kz30/internal/testsupport"
)

// repoRoot holds the default templates/ and static/, as embedded in kz30.
var repoRoot = os.DirFS(filepath.Join("..", "..", "theme"))

// wait is how long a test waits for a rebuild or an event.
const wait = 10 * time.Second

// fixture extracts the build package's fixture site into a new folder.
func fixture(t testing.TB) string {
	t.Helper()
	return testsupport.Extract(t, filepath.Join("..", "site", "testdata", "site.txtar"))
}

// write writes a file below dir, creating its folder.
func write(t testing.TB, dir, name, data string) {
	t.Helper()
	testsupport.WriteFile(t, dir, name, data)
}

// read reads a file below dir.
func read(t testing.TB, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// replace edits a file below dir; old must occur.
func replace(t testing.TB, dir, name, old, new string) {
	t.Helper()
	testsupport.Edit(t, dir, name, old, new)
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is a server on a test HTTP server, watching dir.
type harness struct {
	dir    string
	s      *Server
	ts     *httptest.Server
	stdout syncBuffer
	stderr syncBuffer
}

// start builds dir, serves it and watches it (unless watch is false).
func start(t *testing.T, dir string, watch bool, edit func(*site.Options)) *harness {
	t.Helper()
	h := &harness{dir: dir}
	opts := site.Options{Dir: dir, Defaults: repoRoot}
	if edit != nil {
		edit(&opts)
	}
	h.s = New(Options{Build: opts, Stdout: &h.stdout, Stderr: &h.stderr, Debounce: 60 * time.Millisecond})
	h.s.Build(nil)
	if watch {
		if err := h.s.Watch(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	h.ts = httptest.NewServer(h.s)
	t.Cleanup(func() {
		h.s.Close()
		h.ts.Close()
	})
	return h
}

// get fetches a path of the site and returns the status and body.
func (h *harness) get(t *testing.T, p string) (int, string) {
	t.Helper()
	resp, err := h.ts.Client().Get(h.ts.URL + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// event is one Server-Sent Event as a client reads it.
type event struct {
	name, data string
}

// stream is an open event stream.
type stream struct {
	resp   *http.Response
	events chan event
	done   chan error // the read error that ended the stream (io.EOF at a clean end)
}

// openStream connects to the server's event stream and reads it in the
// background.
func openStream(t *testing.T, client *http.Client, url string) *stream {
	t.Helper()
	st, err := dialStream(client, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.resp.Body.Close() })
	return st
}

// dialStream is openStream for any goroutine: the caller closes the body.
// A query after url ("?lang=fr") goes to the event stream's URL.
func dialStream(client *http.Client, url string) (*stream, error) {
	url, query, _ := strings.Cut(url, "?")
	if query != "" {
		query = "?" + query
	}
	resp, err := client.Get(url + "/_kz30/events" + query)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		resp.Body.Close()
		return nil, fmt.Errorf("events: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	st := &stream{resp: resp, events: make(chan event, 64), done: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					st.events <- ev
				}
				ev = event{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data += strings.TrimPrefix(line, "data: ")
			}
		}
		err := sc.Err()
		if err == nil {
			err = io.EOF
		}
		st.done <- err
		close(st.events)
	}()
	return st, nil
}

// next returns the next event named name, skipping others; ok reports
// whether each skipped event may be skipped.
func (st *stream) next(t *testing.T, name string, skip func(event) bool) event {
	t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case ev, ok := <-st.events:
			if !ok {
				t.Fatalf("the event stream ended while waiting for %q", name)
			}
			if ev.name == name {
				return ev
			}
			if skip != nil && !skip(ev) {
				t.Fatalf("got event %s %s while waiting for %q", ev.name, ev.data, name)
			}
		case <-timeout:
			t.Fatalf("no %q event after %s", name, wait)
		}
	}
}
