// Package server is kz30's development server: it builds a site into
// memory, serves it, watches the source folder and rebuilds on change, and
// tells open pages to reload.
//
// Contract:
//
//   - The site is built with site.Incremental (LiveReload on, so every page
//     loads the same-origin script _kz30/reload.js) and served only from the
//     built files: nothing is written to disk, and a request path that is not
//     a clean relative path ("..", ".", "//", a backslash, a NUL, or an
//     encoded ".", "/" or "\") is answered 404 before any lookup.
//   - content/, templates/ and static/ (recursively, folders created later
//     included) and site.toml are watched with fsnotify; bursts of events
//     (editors' atomic saves) are gathered for Options.Debounce before one
//     rebuild. Each rebuild logs one line: what changed, the pages rendered
//     again, the milliseconds.
//   - Pages follow the server through Server-Sent Events at
//     _kz30/events?lang=LANG: "hello" (on connect, with the server's id),
//     "reload" (the output files that changed or disappeared; a page
//     reloads when it or a file it uses is among them, keeping its scroll
//     position), "build-error" (the diagnostics, shown as an overlay),
//     "build-ok" (the overlay goes) and "warnings" (a good build's
//     warnings, sent when they change and on connect; shown as a folded
//     panel, an empty list removes it).
//   - The overlay speaks the page's language (LANG; English when kz30 has
//     no words for it): its frame, and the translation diagnostics of
//     package content (by their Code), worded for serve: their hints say
//     what to run (kz30 translated, kz30 new), never a build flag; and
//     the common writing mistakes (front matter, links, facts), keyed by
//     their English text as gettext does. Other diagnostics are shown as
//     the build words them, in English.
//   - kz30 serve builds with AllowMissing and AllowStale unless --strict
//     (Options.Strict): saving a source page makes its translations stale,
//     which is a warning in the terminal and the panel, and the page
//     shows its "out of date" notice.
//   - Only requests whose Host header names the served address are
//     answered: localhost, 127.0.0.1 or [::1] (or the --bind address, or
//     the host of --base-url) with the listening port; any other gets 421 Misdirected Request, so a page
//     of another site cannot read the dev site through DNS rebinding. Idle
//     keep-alive connections close after 30 s, slow request headers after
//     10 s; there is no write timeout, which would cut the event stream.
//   - A failed build keeps the last good site served; before any good
//     build every page is an error page that reloads once the site builds.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/site"
)

// DefaultDebounce is how long the watcher waits for a burst of file events
// to end before rebuilding.
const DefaultDebounce = 75 * time.Millisecond

// Options configure a Server. The zero value serves the current folder at
// the site root and logs nothing.
type Options struct {
	// Build configures the builds; LiveReload is always turned on. Its
	// BaseURL's path, if any, is where the site is served ("/kz30/").
	Build site.Options
	// Stdout receives the build summary, the rebuild lines and the URLs;
	// Stderr the build errors and warnings. Nil discards.
	Stdout, Stderr io.Writer
	// Debounce is the quiet time that ends a burst of file events
	// (default DefaultDebounce).
	Debounce time.Duration
	// Strict says Build's AllowMissing and AllowStale were turned off on
	// purpose (kz30 serve --strict), so the overlay's hints say how to
	// relax them.
	Strict bool
	// Bind is the address to listen on as the user wrote it (--bind): Run
	// accepts it in Host headers, besides localhost, 127.0.0.1 and [::1].
	Bind string
}

// Server serves one site from memory. It implements http.Handler.
type Server struct {
	opts   Options
	prefix string // URL path the site is served at: "/" or "/repo/"
	id     string // changes when the process restarts, so pages reload
	inc    *site.Incremental
	events *broker

	buildMu sync.Mutex // one build at a time
	warned  map[string]bool

	mu        sync.RWMutex
	files     map[string][]byte // the last good site; nil before the first
	langCodes []string          // its languages
	err       error             // the last build's error; nil when it succeeded
	warns     diag.List         // the last good build's warnings

	hosts *hostGuard // the Host headers served; New accepts the loopback names on any port, Run its listener's

	stop    context.CancelFunc // ends the watcher
	watchWG sync.WaitGroup
}

// New prepares a server; nothing is built before the first call of Build.
func New(opts Options) *Server {
	opts.Build.LiveReload = true
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	prefix := "/"
	if u, err := url.Parse(opts.Build.BaseURL); err == nil && opts.Build.BaseURL != "" {
		prefix = "/" + strings.Trim(u.Path, "/") + "/"
		prefix = strings.Replace(prefix, "//", "/", 1)
	}
	return &Server{
		opts:   opts,
		prefix: prefix,
		id:     strconv.FormatInt(time.Now().UnixNano(), 36),
		inc:    site.NewIncremental(opts.Build),
		events: newBroker(),
		warned: map[string]bool{},
		hosts:  newHostGuard(nil, opts.Bind),
	}
}

// Build builds the site again (changed names the source files that
// changed, for the log; nil for the first build), serves the result if it
// succeeded, and tells the open pages. It returns the build's error.
func (s *Server) Build(changed []string) error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	res, rep, err := s.inc.Build()
	if res != nil && res.Stats != nil {
		s.printWarnings(res.Stats.Warnings)
	}
	if err != nil {
		s.mu.Lock()
		s.err = err
		s.mu.Unlock()
		for _, e := range asList(err) {
			fmt.Fprintln(s.opts.Stderr, s.terminalLine(e))
		}
		fmt.Fprintf(s.opts.Stderr, "kz30 serve: %s; %s\n", countErrors(err), s.stillServing())
		s.events.publishWorded("build-error", s.errorPayload(err))
		return err
	}
	var warns diag.List
	if res.Stats != nil {
		warns = res.Stats.Warnings
	}
	s.mu.Lock()
	old, hadErr := s.files, s.err != nil
	warnsChanged := !sameDiags(s.warns, warns)
	s.files, s.err, s.warns = res.Files, nil, warns
	if res.Site != nil {
		s.langCodes = res.Site.Langs
	}
	s.mu.Unlock()

	ev := diffFiles(old, res.Files)
	ms := time.Since(start).Milliseconds()
	switch {
	case changed == nil:
		fmt.Fprintf(s.opts.Stdout, "kz30: %s\n", res.Stats)
	default:
		fmt.Fprintf(s.opts.Stdout, "kz30: %s changed; rendered %d of %s%s, converted %d; %s changed; %d ms\n",
			describe(changed), len(rep.Rendered), plural(rep.Pages, "page"), listPages(rep.Rendered), len(rep.Converted), plural(len(ev.Changed)+len(ev.Removed), "file"), ms)
	}
	if hadErr {
		s.events.publish("build-ok", []byte("{}"))
	}
	if warnsChanged {
		s.events.publishWorded("warnings", s.warningsPayload(warns))
	}
	s.events.publish("reload", jsonBytes(ev))
	return nil
}

func (s *Server) stillServing() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.files == nil {
		return "the site will be served once it builds"
	}
	return "still serving the last good build"
}

// printWarnings prints the warnings not printed before.
func (s *Server) printWarnings(warns diag.List) {
	seen := map[string]bool{}
	for _, w := range warns {
		line := w.Error()
		seen[line] = true
		if !s.warned[line] {
			fmt.Fprintf(s.opts.Stderr, "warning: %s\n", line)
		}
	}
	s.warned = seen
}

// terminalLine is a diagnostic as the terminal shows it: the build's
// words, except the hint of a translation diagnostic, worded for serve
// ("or serve without --strict", not a build flag).
func (s *Server) terminalLine(e *diag.Error) string {
	if _, ok := englishWords.codes[e.Code]; !ok || e.Code == "" {
		return e.Error()
	}
	c := *e
	c.Hint = englishWords.item(e, s.opts.Strict).Hint
	return c.Error()
}

// sameDiags reports whether two lists say the same things.
func sameDiags(a, b diag.List) bool {
	return slices.EqualFunc(a, b, func(x, y *diag.Error) bool { return x.Error() == y.Error() })
}

func countErrors(err error) string {
	n := 1
	var list diag.List
	if errors.As(err, &list) {
		n = len(list)
	}
	return plural(n, "error")
}

// plural writes n and an English noun, plural when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// describe names the changed files: up to three, then a count.
func describe(changed []string) string {
	if len(changed) == 0 {
		return "nothing"
	}
	if len(changed) <= 3 {
		return strings.Join(changed, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(changed[:3], ", "), len(changed)-3)
}

// listPages shows up to three rendered pages by URL path.
func listPages(names []string) string {
	if len(names) == 0 || len(names) > 3 {
		return ""
	}
	short := make([]string, len(names))
	for i, n := range names {
		short[i] = strings.TrimSuffix(n, "index.html")
	}
	return " (" + strings.Join(short, ", ") + ")"
}

// reloadEvent is the data of a "reload" event: output files by slash path
// from the site root.
type reloadEvent struct {
	Changed []string `json:"changed"` // new or different
	Removed []string `json:"removed"`
	All     bool     `json:"all"` // the first good build: every page reloads
}

func diffFiles(old, cur map[string][]byte) reloadEvent {
	ev := reloadEvent{Changed: []string{}, Removed: []string{}, All: old == nil}
	for name, data := range cur {
		if prev, ok := old[name]; !ok || string(prev) != string(data) {
			ev.Changed = append(ev.Changed, name)
		}
	}
	for name := range old {
		if _, ok := cur[name]; !ok {
			ev.Removed = append(ev.Removed, name)
		}
	}
	slices.Sort(ev.Changed)
	slices.Sort(ev.Removed)
	return ev
}

// Close ends the watcher and every event stream. The HTTP server itself
// is the caller's to shut down.
func (s *Server) Close() {
	if s.stop != nil {
		s.stop()
	}
	s.watchWG.Wait()
	s.events.close()
}

// Run builds the site, serves it on ln and watches the source folder until
// ctx is done, then shuts down gracefully. When opts.Build.BaseURL is empty
// it becomes the listener's address, so absolute URLs point at the dev
// server. A build error does not stop Run: it is shown and the server
// waits for the fix.
func Run(ctx context.Context, ln net.Listener, opts Options) error {
	local := LocalURL(ln.Addr())
	if opts.Build.BaseURL == "" {
		opts.Build.BaseURL = local
	}
	s := New(opts)
	out := s.opts.Stdout
	s.Build(nil)
	if err := s.Watch(ctx); err != nil {
		ln.Close()
		s.Close()
		return err
	}
	var named []string
	if u, err := url.Parse(opts.Build.BaseURL); err == nil {
		named = append(named, u.Hostname())
	}
	s.hosts = newHostGuard(ln.Addr(), opts.Bind, named...)
	srv := httpServer(ctx, s, idleTimeout)
	srv.RegisterOnShutdown(s.events.close)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	siteURL := strings.TrimSuffix(local, "/") + s.prefix
	fmt.Fprintf(out, "kz30: serving %s at %s\n", s.opts.Build.Dir, siteURL)
	langs := s.langs()
	for _, lang := range langs {
		fmt.Fprintf(out, "  %s  %s%s/\n", lang, siteURL, lang)
	}
	if len(langs) == 0 {
		fmt.Fprintf(out, "  the language homes (%s<lang>/) appear once the site builds\n", siteURL)
	}
	fmt.Fprintln(out, "kz30: watching for changes; press Ctrl-C to stop")

	select {
	case err := <-served:
		s.Close()
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	s.Close()
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "kz30: stopped")
	return nil
}

// langs are the site's languages, from the last good build.
func (s *Server) langs() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.langCodes
}

// LocalURL is the http URL of a listener's address; an unspecified address
// (0.0.0.0, ::) is shown as the loopback one.
func LocalURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip.To4() == nil {
			host = "::1"
		}
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
