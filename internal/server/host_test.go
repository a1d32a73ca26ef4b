package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/site"
)

// TestHostHeader runs the server as kz30 serve does and sends requests
// with forged Host headers: only the names of the served address, with its
// port, are answered; any other gets 421 and a plain explanation, event
// stream included (a page reading drafts through DNS rebinding).
func TestHostHeader(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, ln, Options{Build: site.Options{Dir: fixture(t), Defaults: repoRoot}, Bind: "127.0.0.1"})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	addr := ln.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	get := func(host, path string) (int, string, string) {
		t.Helper()
		req, err := http.NewRequest("GET", "http://"+addr+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
	}
	waitBuilt := time.Now().Add(wait)
	for code, _, _ := get(addr, "/fr/"); code != 200; code, _, _ = get(addr, "/fr/") {
		if time.Now().After(waitBuilt) {
			t.Fatalf("GET /fr/ on %s: %d", addr, code)
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port, "localhost.:" + port} {
		if code, _, _ := get(host, "/fr/"); code != 200 {
			t.Errorf("Host %s: %d, want 200", host, code)
		}
	}
	for _, host := range []string{"evil.example", "evil.example:" + port, "localhost.evil.example:" + port,
		"127.0.0.1", "127.0.0.1:1", "localhost", "10.0.0.1:" + port, "[::2]:" + port} {
		for _, p := range []string{"/fr/", "/_kz30/events", "/nope"} {
			code, ctype, body := get(host, p)
			if code != http.StatusMisdirectedRequest || ctype != "text/plain; charset=utf-8" ||
				!strings.Contains(body, "DNS rebinding") || !strings.Contains(body, "http://127.0.0.1:"+port+"/") {
				t.Errorf("Host %s, GET %s: %d %s %q, want 421 with an explanation", host, p, code, ctype, body)
			}
		}
	}
}

func TestHostGuard(t *testing.T) {
	tcp := func(s string) net.Addr {
		a, err := net.ResolveTCPAddr("tcp", s)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for _, tc := range []struct {
		addr    net.Addr
		bind    string
		named   []string // --base-url's host
		yes, no []string
	}{
		{tcp("127.0.0.1:1313"), "127.0.0.1", nil, []string{"127.0.0.1:1313", "localhost:1313", "[::1]:1313"},
			[]string{"192.168.1.5:1313", "evil.example:1313", "127.0.0.1:8080", ""}},
		{tcp("0.0.0.0:1313"), "0.0.0.0", nil, []string{"192.168.1.5:1313", "[fe80::1]:1313", "localhost:1313"},
			[]string{"evil.example:1313", "192.168.1.5:80", "192.168.1.5"}},
		{tcp("192.168.1.5:1313"), "devbox.lan", nil, []string{"devbox.lan:1313", "192.168.1.5:1313"},
			[]string{"192.168.1.6:1313", "devbox.lan.evil.example:1313"}},
		{tcp("127.0.0.1:1313"), "127.0.0.1", []string{"kz30.test"}, []string{"kz30.test:1313", "KZ30.test:1313"},
			[]string{"kz30.test:80", "x.kz30.test:1313"}},
		{nil, "", nil, []string{"127.0.0.1:5555", "localhost:80", "localhost"}, []string{"evil.example:5555"}},
	} {
		g := newHostGuard(tc.addr, tc.bind, tc.named...)
		for _, h := range tc.yes {
			if !g.allows(h) {
				t.Errorf("listening on %v (--bind %s, %v): Host %q refused", tc.addr, tc.bind, tc.named, h)
			}
		}
		for _, h := range tc.no {
			if g.allows(h) {
				t.Errorf("listening on %v (--bind %s, %v): Host %q accepted", tc.addr, tc.bind, tc.named, h)
			}
		}
	}
}

// TestIdleConnectionsClose: an idle keep-alive connection is closed by the
// server, while an event stream, idle for as long, stays open and still
// carries the next reload.
func TestIdleConnectionsClose(t *testing.T) {
	const idle = 150 * time.Millisecond
	s := New(Options{Build: site.Options{Dir: fixture(t), Defaults: repoRoot}})
	s.Build(nil)
	ts := httptest.NewUnstartedServer(s)
	ts.Config = httpServer(context.Background(), s, idle)
	ts.Start()
	t.Cleanup(func() {
		s.Close()
		ts.Close()
	})
	st := openStream(t, ts.Client(), ts.URL)
	st.next(t, "hello", nil)

	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /robots.txt HTTP/1.1\r\nHost: %s\r\n\r\n", ts.Listener.Addr())
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Close {
		t.Fatalf("keep-alive request: %d, close %v", resp.StatusCode, resp.Close)
	}
	conn.SetReadDeadline(time.Now().Add(wait))
	if _, err := br.ReadByte(); err != io.EOF {
		t.Errorf("idle keep-alive connection: read gave %v, want the server to close it (EOF)", err)
	}

	time.Sleep(3 * idle) // the stream has been idle far longer than idle
	if err := s.Build([]string{"content/fr/a.md"}); err != nil {
		t.Fatal(err)
	}
	st.next(t, "reload", func(event) bool { return true })
}
