package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/kz30/kz30/internal/diag"
)

// keepAlive is how often an idle event stream gets a comment line, so
// proxies and browsers keep it open.
const keepAlive = 20 * time.Second

// message is one Server-Sent Event.
type message struct {
	event string
	data  []byte // one line of JSON
}

// client is one open event stream.
type client struct {
	ch chan message
}

// broker fans events out to the open streams. A stream that falls behind
// by a full buffer is dropped; its browser reconnects and gets the state.
type broker struct {
	mu      sync.Mutex
	clients map[*client]struct{}
	closed  bool
	done    chan struct{} // closed by close
}

func newBroker() *broker {
	return &broker{clients: map[*client]struct{}{}, done: make(chan struct{})}
}

// subscribe opens a stream; nil once the broker is closed.
func (b *broker) subscribe() *client {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	c := &client{ch: make(chan message, 16)}
	b.clients[c] = struct{}{}
	return c
}

func (b *broker) unsubscribe(c *client) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.clients[c]; ok {
		delete(b.clients, c)
		close(c.ch)
	}
}

func (b *broker) publish(event string, data []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case c.ch <- message{event, data}:
		default:
			delete(b.clients, c)
			close(c.ch)
		}
	}
}

// count is the number of open streams.
func (b *broker) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.clients)
}

// close ends every stream; later subscriptions fail.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	close(b.done)
	for c := range b.clients {
		delete(b.clients, c)
		close(c.ch)
	}
}

// serveEvents is the event stream of one page: hello, the current error
// if the last build failed, then every event until the page goes away or
// the server stops.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	c := s.events.subscribe()
	if c == nil {
		http.Error(w, "the server is stopping", http.StatusServiceUnavailable)
		return
	}
	defer s.events.unsubscribe(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	send := func(m message) bool {
		var err error
		if m.event == "" {
			_, err = fmt.Fprintf(w, ": %s\n\n", m.data)
		} else {
			_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", m.event, m.data)
		}
		return err == nil && rc.Flush() == nil
	}
	// Subscribed first, then the state is read: an event may come twice,
	// never not at all.
	fmt.Fprint(w, "retry: 1000\n")
	if !send(message{"hello", jsonBytes(map[string]string{"server": s.id})}) {
		return
	}
	s.mu.RLock()
	err := s.err
	s.mu.RUnlock()
	if err != nil && !send(message{"build-error", errorPayload(err)}) {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.events.done:
			return
		case <-tick.C:
			if !send(message{data: []byte("ping")}) {
				return
			}
		case m, ok := <-c.ch:
			if !ok || !send(m) {
				return
			}
		}
	}
}

// errorJSON is one diagnostic as the overlay shows it.
type errorJSON struct {
	Pos  string `json:"pos"` // path:line:col, "" when unknown
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Msg  string `json:"msg"`
	Hint string `json:"hint"`
}

// errorPayload is the data of a "build-error" event.
func errorPayload(err error) []byte {
	return jsonBytes(map[string]any{"errors": errorItems(err)})
}

// errorItems are the diagnostics of err, one per entry of a diag.List.
func errorItems(err error) []errorJSON {
	var list diag.List
	if !errors.As(err, &list) {
		return []errorJSON{{Msg: err.Error()}}
	}
	items := make([]errorJSON, 0, len(list))
	for _, e := range list {
		items = append(items, errorJSON{Pos: e.Pos.String(), File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Msg: e.Msg, Hint: e.Hint})
	}
	return items
}

// jsonBytes marshals v into one line (values here always marshal).
func jsonBytes(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		return []byte(`{}`)
	}
	return data
}
