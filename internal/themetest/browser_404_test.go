package themetest

import (
	"bytes"
	"context"
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kz30/kz30/internal/site"
)

// notFoundResult is what notFoundJS returns.
type notFoundResult struct {
	Rules    int            `json:"rules"`    // CSS rules of the loaded stylesheets
	Display  string         `json:"display"`  // computed display of .landing (grid when styled)
	Favicon  string         `json:"favicon"`  // resolved href of the icon link
	NavLinks map[string]int `json:"navLinks"` // section links per language block
	Broken   []string       `json:"broken"`   // links that do not answer 200
}

const notFoundJS = `(async () => {
	let rules = 0;
	for (const s of document.styleSheets) { try { rules += s.cssRules.length; } catch (e) {} }
	const landing = document.querySelector('.landing');
	const navLinks = {};
	const broken = [];
	for (const b of document.querySelectorAll('.lang-block')) {
		const links = b.querySelectorAll('nav a');
		navLinks[b.lang] = links.length;
		for (const a of [b.querySelector('a.button'), ...links]) {
			try {
				const r = await fetch(a.href);
				if (r.status !== 200) broken.push(a.href + ' ' + r.status);
			} catch (e) { broken.push(a.href + ' ' + e); }
		}
	}
	const icon = document.querySelector('link[rel=icon]');
	return {rules, display: landing ? getComputedStyle(landing).display : '', favicon: icon ? icon.href : '',
		navLinks, broken};
})()`

// TestBrowser404AnyHost serves the real site's 404 page, built for
// https://kz30.example.org/kz30/, from another host (a local preview, a
// pull-request preview) at a deep missing URL, as GitHub Pages serves it:
// the page must load its stylesheet and favicon from that host with no CSP
// violation, and carry each language's section links, which must all
// answer. A copy with the former absolute URLs shows the check would see
// the fault.
func TestBrowser404AnyHost(t *testing.T) {
	t.Parallel()
	chrome := chromePath(t)
	srv := newSiteServer(t)
	res := mustRender(t, site.Options{Dir: filepath.Join("..", ".."), Defaults: repoRoot, BaseURL: "https://kz30.example.org" + srv.Prefix})
	files := maps.Clone(res.Files)
	files["_probe/404-absolute.html"] = bytes.ReplaceAll(res.Files["404.html"], []byte(`"`+srv.Prefix), []byte(`"https://kz30.example.org`+srv.Prefix))
	srv.setFiles(files)
	tb := <-newTabPool(t, startBrowser(t, chrome), srv.URL, 1)
	ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
	defer cancel()

	visit := func(url string) (notFoundResult, []string) {
		t.Helper()
		tb.rec.reset()
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		settle(t, ctx, tb.rec)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[notFoundResult](notFoundJS, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		_, problems := tb.rec.result()
		var kept []string
		for _, p := range problems {
			// The 404 page's own status, twice: the recorder names the URL
			// of any other failed request.
			if p != "HTTP 404 for "+url && p != "console error (network): Failed to load resource: the server responded with a status of 404 (Not Found)" {
				kept = append(kept, p)
			}
		}
		return got, kept
	}

	deep := srv.Base + "fr/no/such/page/at/all/"
	got, problems := visit(deep)
	for _, p := range problems {
		t.Errorf("404 at %s: %s", deep, p)
	}
	if got.Rules == 0 || got.Display != "grid" {
		t.Errorf("404 at %s is not styled: %d CSS rules, .landing display %q", deep, got.Rules, got.Display)
	}
	if got.Favicon != srv.Base+"favicon.svg" {
		t.Errorf("404 favicon = %q, want %q", got.Favicon, srv.Base+"favicon.svg")
	}
	for i, lang := range res.Site.Langs {
		want := 0
		for _, e := range res.Site.Entries {
			if p := e.Pages[i]; p != nil && p.Section && !e.IsHome() {
				want++
			}
		}
		if want == 0 || got.NavLinks[lang] != want {
			t.Errorf("404: %d section links in %s, want %d", got.NavLinks[lang], lang, want)
		}
	}
	for _, b := range got.Broken {
		t.Errorf("404: link %s", b)
	}

	old, problems := visit(srv.Base + "_probe/404-absolute.html")
	if !strings.Contains(strings.Join(problems, "\n"), "Content Security Policy") || old.Display == "grid" {
		t.Errorf("with absolute URLs on another host the check saw no fault: display %q, problems %q", old.Display, problems)
	}
}
