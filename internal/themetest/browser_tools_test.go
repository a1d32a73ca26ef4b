package themetest

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/site"
	"github.com/kz30/kz30/internal/testsupport"
)

// The browser tests read the real site (the repository's content/,
// site.toml, templates/ and static/) and need tools from outside Go:
// Chromium, and the npm packages axe-core and vnu-jar (with Java). When
// KZ30_REQUIRE_TOOLS=1 (test.sh sets it), a missing tool fails the test;
// otherwise the test is skipped.

// missingTool fails or skips t because a tool is missing.
func missingTool(t *testing.T, what string) {
	t.Helper()
	testsupport.MissingTool(t, what)
}

// chromePath finds Chromium: $CHROME_PATH, then the usual names on PATH.
func chromePath(t *testing.T) string {
	t.Helper()
	return testsupport.ChromePath(t)
}

// toolFile is a file of an npm tool: in $KZ30_TOOLS, else in the
// repository's tools/node_modules.
func toolFile(t *testing.T, elem ...string) string {
	t.Helper()
	dir := os.Getenv("KZ30_TOOLS")
	if dir == "" {
		dir = filepath.Join("..", "..", "tools", "node_modules")
	}
	p := filepath.Join(append([]string{dir}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		missingTool(t, "npm tool file "+p)
	}
	return p
}

// renderRealSite builds the repository's own site in memory.
func renderRealSite(t *testing.T, baseURL string) *site.Result {
	t.Helper()
	root := filepath.Join("..", "..")
	res, err := site.Render(site.Options{Dir: root, Defaults: repoRoot, BaseURL: baseURL})
	if err != nil {
		t.Fatalf("the real site does not build: %v", err)
	}
	return res
}

// sitePage is one HTML page of the built site that readers see.
type sitePage struct {
	File string        // "fr/kaspi/index.html", "index.html", "404.html"
	Page *content.Page // nil for the landing and 404 pages
	// Counterpart is the file of the same page in the other language, ""
	// when there is none (landing, 404, untranslated).
	Counterpart string
}

// name is the page's short name for subtests and screenshots.
func (p sitePage) name() string {
	n := strings.TrimSuffix(strings.TrimSuffix(p.File, ".html"), "/index")
	if n == "index" {
		return "landing"
	}
	return strings.ReplaceAll(n, "/", "_")
}

// readerPages lists the pages of res that readers see: every page of
// every language, the landing page and the 404 page. Redirect pages
// (aliases) and newsletter exports are not part of the reading
// experience.
func readerPages(res *site.Result) []sitePage {
	pages := []sitePage{{File: "index.html"}, {File: "404.html"}}
	for _, e := range res.Site.Entries {
		for _, p := range e.Pages {
			if p == nil {
				continue
			}
			sp := sitePage{File: p.URLPath() + "index.html", Page: p}
			for _, q := range e.Pages {
				if q != nil && q != p {
					sp.Counterpart = q.URLPath() + "index.html"
				}
			}
			pages = append(pages, sp)
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].File < pages[j].File })
	return pages
}

// siteServer serves a built site under a sub-path, as GitHub Pages serves
// a project site, and remembers requests that went wrong.
type siteServer struct {
	*httptest.Server
	Prefix string // "/kz30/"
	Base   string // absolute URL of the site root

	mu    sync.Mutex
	files map[string][]byte
	bad   []string // requests outside the prefix or for missing files
}

func newSiteServer(t *testing.T) *siteServer {
	s := &siteServer{Prefix: "/kz30/"}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	s.Base = s.URL + s.Prefix
	return s
}

func (s *siteServer) setFiles(files map[string][]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files = files
}

func (s *siteServer) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name, ok := strings.CutPrefix(r.URL.Path, s.Prefix)
	if !ok {
		s.bad = append(s.bad, r.Method+" "+r.URL.Path+" (outside the site's base path)")
		http.NotFound(w, r)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, ok := s.files[name]
	status := http.StatusOK
	if !ok {
		s.bad = append(s.bad, r.Method+" "+r.URL.Path+" (no such file)")
		name, data, status = "404.html", s.files["404.html"], http.StatusNotFound
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(data)
}

// badRequests returns the requests the server could not answer.
func (s *siteServer) badRequests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.bad...)
}

// startBrowser starts one headless Chromium for the test and returns its
// context; tabs are children of it.
func startBrowser(t *testing.T, chrome string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		t.Fatalf("cannot start %s: %v", chrome, err)
	}
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
	})
	return bctx
}

// tab is one browser tab with a recorder of what its pages did.
type tab struct {
	ctx context.Context
	rec *recorder
}

// tabPool hands out a few tabs of one browser to parallel subtests.
type tabPool chan *tab

func newTabPool(t *testing.T, browser context.Context, origin string, n int) tabPool {
	t.Helper()
	pool := make(tabPool, n)
	for range n {
		ctx, cancel := chromedp.NewContext(browser)
		t.Cleanup(cancel)
		rec := &recorder{origin: origin, pending: map[network.RequestID]string{}}
		if err := chromedp.Listen(ctx, rec.event); err != nil {
			t.Fatal(err)
		}
		// Every load asks the server again, so request counts are honest.
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tt, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
		pool <- &tab{ctx: ctx, rec: rec}
	}
	return pool
}

// recorder collects the requests and console messages of a tab's page.
type recorder struct {
	origin string

	mu       sync.Mutex
	requests []string
	pending  map[network.RequestID]string
	problems []string
}

// reset forgets the previous page.
func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests, r.problems = nil, nil
	clear(r.pending)
}

// event is the tab's listener; it must return fast.
func (r *recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		r.requests = append(r.requests, u)
		r.pending[ev.RequestID] = u
		if !strings.HasPrefix(u, r.origin+"/") {
			r.problems = append(r.problems, "request to another origin: "+u)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			r.problems = append(r.problems, "HTTP "+strconv.Itoa(int(ev.Response.Status))+" for "+ev.Response.URL)
		}
	case *network.EventLoadingFinished:
		delete(r.pending, ev.RequestID)
	case *network.EventLoadingFailed:
		u := r.pending[ev.RequestID]
		delete(r.pending, ev.RequestID)
		if !ev.Canceled || ev.BlockedReason != "" {
			r.problems = append(r.problems, "failed request "+u+": "+ev.ErrorText+" "+string(ev.BlockedReason))
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			r.problems = append(r.problems, "console."+string(ev.Type)+" call")
		}
	case *runtime.EventExceptionThrown:
		r.problems = append(r.problems, "uncaught exception: "+ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			r.problems = append(r.problems, "console "+string(ev.Entry.Level)+" ("+string(ev.Entry.Source)+"): "+ev.Entry.Text)
		}
	}
}

// settled reports whether every request of the page has finished.
func (r *recorder) settled() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.pending) == 0
}

// result returns the page's requests and problems so far.
func (r *recorder) result() (requests, problems []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...), append([]string(nil), r.problems...)
}
