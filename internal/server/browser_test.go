package server

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/kz30/kz30/internal/site"
	"github.com/kz30/kz30/internal/testsupport"
)

// chromePath finds Chromium: $CHROME_PATH, then the usual names on PATH.
// A missing browser fails the test when KZ30_REQUIRE_TOOLS=1 and skips it
// otherwise.
func chromePath(t *testing.T) string {
	t.Helper()
	return testsupport.ChromePath(t)
}

// consoleProblems collects what a page reports as wrong: errors and
// warnings in the console (CSP violations among them) and uncaught
// exceptions.
type consoleProblems struct {
	mu   sync.Mutex
	list []string
}

func (c *consoleProblems) event(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			c.list = append(c.list, string(ev.Entry.Source)+": "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *runtime.EventExceptionThrown:
		c.list = append(c.list, "exception: "+ev.ExceptionDetails.Text)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			c.list = append(c.list, "console."+string(ev.Type))
		}
	}
}

func (c *consoleProblems) get() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.list...)
}

// until evaluates a boolean expression in the page until it is true;
// errors while the page reloads are retried.
func until(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: %s still false after %s (last error %v)", what, expr, wait, last)
}

// TestBrowserReloadAndOverlay drives a real Chromium: an edit reloads the
// page at the same scroll position; an edit of another page does not
// reload it; a build error shows the overlay (styled by its same-origin
// stylesheet, so under the page's CSP) without a reload; the fix removes
// it. The console stays free of errors, CSP reports included.
func TestBrowserReloadAndOverlay(t *testing.T) {
	chrome := chromePath(t)
	dir := fixture(t)
	var filler strings.Builder
	for i := range 80 {
		fmt.Fprintf(&filler, "\nFiller paragraph %d, so that the page scrolls.\n", i)
	}
	replace(t, dir, "content/en/a.md", "## The figures", filler.String()+"\n## The figures")
	h := start(t, dir, true, func(o *site.Options) { o.AllowStale = true })

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(800, 600),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	var problems consoleProblems
	if err := chromedp.Listen(ctx, problems.event); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(h.ts.URL+"/en/page-a/")); err != nil {
		t.Fatal(err)
	}
	waitStreams := func(n int) {
		t.Helper()
		deadline := time.Now().Add(wait)
		for h.s.events.count() != n && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if got := h.s.events.count(); got != n {
			t.Fatalf("%d event streams open, want %d", got, n)
		}
	}
	waitStreams(1)
	y, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollTo(0, 900); window.__kz30mark = 1; window.scrollY`))
	if err != nil || y != 900 {
		t.Fatalf("scroll: %v, %v (the page is too short?)", y, err)
	}

	// An edit of the page (below the viewport, so that the layout above
	// stays: Chromium's scroll anchoring would follow text added above): it
	// reloads and comes back to where it was.
	replace(t, dir, "content/en/a.md", "Filler paragraph 79,", "Filler paragraph 79, EDITED,")
	until(t, ctx, "reload after the edit", `window.__kz30mark === undefined && document.body.textContent.includes("EDITED")`)
	until(t, ctx, "scroll kept", `document.readyState === "complete" && window.scrollY === 900`)
	waitStreams(1)

	// An edit of another page: no reload here.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__kz30mark = 2`)); err != nil {
		t.Fatal(err)
	}
	before := strings.Count(h.stdout.String(), " changed; ")
	replace(t, dir, "content/en/b.md", "Back to [A]", "Back, again, to [A]")
	deadline := time.Now().Add(wait)
	for strings.Count(h.stdout.String(), " changed; ") == before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	if mark, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__kz30mark || 0`)); err != nil || mark != 2 {
		t.Errorf("the page reloaded after an edit of another page (mark %d, %v)", mark, err)
	}

	// A build error: the overlay, no reload, the page kept.
	good := read(t, dir, "content/en/a.md")
	write(t, dir, "content/en/a.md", strings.Replace(good, "---\nThe first paragraph", "The first paragraph", 1))
	until(t, ctx, "overlay shown", `(function () {
		var o = document.getElementById("kz30-overlay");
		return !!o && o.textContent.includes("content/en/a.md:1:1") && o.textContent.includes("unclosed front matter") &&
			getComputedStyle(o).position === "fixed" && o.getAttribute("role") === "alert";
	})()`)
	if mark, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__kz30mark || 0`)); err != nil || mark != 2 {
		t.Errorf("the page reloaded on a build error (mark %d, %v)", mark, err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("[style]").length`)); err != nil || n != 0 {
		t.Errorf("%d elements with a style attribute (%v)", n, err)
	}

	// The fix: the overlay goes and the page shows the fixed text.
	write(t, dir, "content/en/a.md", strings.Replace(good, "EDITED", "FIXED", 1))
	until(t, ctx, "overlay gone after the fix", `!document.getElementById("kz30-overlay") && document.body.textContent.includes("FIXED")`)
	until(t, ctx, "scroll kept after the fix", `document.readyState === "complete" && window.scrollY === 900`)

	if p := problems.get(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}

// TestBrowserOverlayLanguage: on a French page, with serve's default
// options, an edit of the source language shows the warnings as a folded
// panel worded in French (no error panel); a build error then shows the
// error panel, its frame in French; the fix brings the warnings back.
func TestBrowserOverlayLanguage(t *testing.T) {
	chrome := chromePath(t)
	dir := fixture(t)
	h := start(t, dir, true, func(o *site.Options) { o.AllowMissing, o.AllowStale = true, true })
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(800, 600),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	var problems consoleProblems
	if err := chromedp.Listen(ctx, problems.event); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(h.ts.URL+"/fr/page-a/")); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "event stream open", `document.readyState === "complete"`)
	deadline := time.Now().Add(wait)
	for h.s.events.count() != 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}

	replace(t, dir, "content/fr/a.md", "Le premier paragraphe", "Le tout premier paragraphe")
	until(t, ctx, "French warnings panel", `(function () {
		var o = document.getElementById("kz30-overlay");
		if (!o || !document.body.textContent.includes("Le tout premier paragraphe")) return false;
		var d = o.querySelector("details");
		return o.lang === "fr" && o.getAttribute("role") === "status" && o.classList.contains("kz30-warnings") &&
			!!d && !d.open && d.querySelector("summary").textContent === "1 avertissement" &&
			o.textContent.includes("content/en/a.md:1:1") && o.textContent.includes("périmée") &&
			o.textContent.includes("kz30 translated content/en/a.md") && !o.textContent.includes("--allow-stale") &&
			getComputedStyle(o).position === "fixed";
	})()`)

	good := read(t, dir, "content/fr/b.md")
	write(t, dir, "content/fr/b.md", strings.Replace(good, "weight: 20", "weight: twenty", 1))
	until(t, ctx, "French error panel", `(function () {
		var o = document.getElementById("kz30-overlay");
		return !!o && o.lang === "fr" && o.getAttribute("role") === "alert" &&
			o.querySelector("h2").textContent === "La construction du site a échoué (1 erreur)" &&
			o.querySelector("button").textContent === "Fermer" && o.textContent.includes("content/fr/b.md:4:9");
	})()`)

	write(t, dir, "content/fr/b.md", good)
	until(t, ctx, "warnings back after the fix", `(function () {
		var o = document.getElementById("kz30-overlay");
		return !!o && o.getAttribute("role") === "status" && o.textContent.includes("1 avertissement");
	})()`)
	if p := problems.get(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
