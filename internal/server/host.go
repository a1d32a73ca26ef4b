package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// Timeouts of the dev server's connections. There is no ReadTimeout nor
// WriteTimeout: both would end the event stream (_kz30/events) that open
// pages keep for live reload, and the server reads no request bodies.
const (
	readHeaderTimeout = 10 * time.Second // a client that sends its headers slowly is cut off
	idleTimeout       = 30 * time.Second // an idle keep-alive connection is closed
)

// hostGuard accepts the Host headers that name the address the server
// serves: localhost, 127.0.0.1, [::1], the --bind address and the host of
// --base-url, with the listening port. Any other name is refused, so a web page cannot read the
// dev site (drafts included) by pointing a name of its own at 127.0.0.1
// (DNS rebinding). When the server listens on every address (--bind
// 0.0.0.0 or ::), any IP address is accepted as well: a rebinding attack
// needs a name, never an address.
type hostGuard struct {
	port  string          // "" accepts any port (a guard without a listener)
	names map[string]bool // lower-case names and addresses, without brackets
	anyIP bool
}

// newHostGuard is the guard of a server listening on addr; bind is the
// address as the user wrote it, and names are more host names the user
// gave (--base-url's): each is accepted too. A nil addr accepts the
// loopback names on any port.
func newHostGuard(addr net.Addr, bind string, names ...string) *hostGuard {
	g := &hostGuard{names: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	if addr != nil {
		host, port, err := net.SplitHostPort(addr.String())
		if err == nil {
			g.port = port
			g.names[strings.ToLower(host)] = true
			if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
				g.anyIP = true
			}
		}
	}
	for _, n := range names {
		if n = strings.ToLower(strings.Trim(n, "[]")); n != "" {
			g.names[n] = true
		}
	}
	if bind = strings.ToLower(strings.Trim(bind, "[]")); bind != "" {
		g.names[bind] = true
		if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
			g.anyIP = true
		}
	}
	return g
}

// allows reports whether a request's Host header names this server.
func (g *hostGuard) allows(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, "80"
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" || (g.port != "" && port != g.port) {
		return false
	}
	if g.names[host] {
		return true
	}
	return g.anyIP && net.ParseIP(host) != nil
}

// refuse answers a request for another host: 421 Misdirected Request with
// a short plain explanation.
func (g *hostGuard) refuse(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusMisdirectedRequest)
	port := g.port
	if port == "" {
		port = "PORT"
	}
	fmt.Fprintf(w, "kz30 serve answers requests for localhost:%s, 127.0.0.1:%s or [::1]:%s (or the --bind address), not for Host %q.\n"+
		"A page of another site may be trying to read the dev site through its own domain name (DNS rebinding). Open http://127.0.0.1:%s/ instead.\n",
		port, port, port, r.Host, port)
}

// httpServer is the HTTP server of Run: handler h, the timeouts above,
// requests under ctx (whose values they keep after it is cancelled).
func httpServer(ctx context.Context, h http.Handler, idle time.Duration) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, IdleTimeout: idle,
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) }}
}
