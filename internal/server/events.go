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
	// worded, when set, makes the data in the words of the page's
	// language instead.
	worded func(*overlayWords) []byte
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
	b.send(message{event: event, data: data})
}

// publishWorded sends an event whose data each page gets in its language.
func (b *broker) publishWorded(event string, worded func(*overlayWords) []byte) {
	b.send(message{event: event, worded: worded})
}

func (b *broker) send(m message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case c.ch <- m:
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
	words := wordsFor(r.URL.Query().Get("lang"))
	send := func(m message) bool {
		if m.worded != nil {
			m.data = m.worded(words)
		}
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
	if !send(message{event: "hello", data: jsonBytes(map[string]string{"server": s.id})}) {
		return
	}
	s.mu.RLock()
	err, warns := s.err, s.warns
	s.mu.RUnlock()
	if err != nil && !send(message{event: "build-error", worded: s.errorPayload(err)}) {
		return
	}
	if len(warns) > 0 && !send(message{event: "warnings", worded: s.warningsPayload(warns)}) {
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

// overlayJSON is the data of a "build-error" or "warnings" event: the
// overlay's words and the diagnostics, in the page's language.
type overlayJSON struct {
	Text     *overlayWords `json:"text"`
	Heading  string        `json:"heading"` // "The site did not build (2 errors)", "2 warnings"
	Errors   []errorJSON   `json:"errors,omitempty"`
	Warnings []errorJSON   `json:"warnings,omitempty"`
}

// errorPayload is the data of a "build-error" event.
func (s *Server) errorPayload(err error) func(*overlayWords) []byte {
	strict := s.opts.Strict
	return func(w *overlayWords) []byte {
		items := w.items(err, strict)
		return jsonBytes(overlayJSON{Text: w, Heading: w.ErrorTitle + " (" + count(w.Errors, len(items)) + ")", Errors: items})
	}
}

// warningsPayload is the data of a "warnings" event; no warnings clear
// the panel.
func (s *Server) warningsPayload(warns diag.List) func(*overlayWords) []byte {
	strict := s.opts.Strict
	return func(w *overlayWords) []byte {
		items := w.items(warns, strict)
		return jsonBytes(overlayJSON{Text: w, Heading: count(w.Warnings, len(items)), Warnings: items})
	}
}

// asList is err as diagnostics: a diag.List, or one entry without position.
func asList(err error) diag.List {
	var list diag.List
	if errors.As(err, &list) {
		return list
	}
	if err == nil {
		return nil
	}
	return diag.List{{Msg: err.Error()}}
}

// jsonBytes marshals v into one line (values here always marshal).
func jsonBytes(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		return []byte(`{}`)
	}
	return data
}
