package main

import (
	"bufio"
	"bytes"
	"context"
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

	"github.com/rogpeppe/go-internal/txtar"
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
	ar, err := txtar.ParseFile(filepath.Join("..", "..", "internal", "build", "testdata", "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
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
