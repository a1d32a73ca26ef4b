package themetest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/site"
	"golang.org/x/net/websocket"
)

// firefoxPath finds Firefox (Gecko, the engine of Thunderbird):
// $FIREFOX_PATH, then firefox-esr and firefox on PATH.
func firefoxPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("FIREFOX_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("FIREFOX_PATH=%s: %v", p, err)
		}
		return p
	}
	for _, name := range []string{"firefox-esr", "firefox"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missingTool(t, "Firefox (Debian package firefox-esr)")
	return ""
}

// bidi is a minimal WebDriver BiDi client: Firefox's own remote protocol.
type bidi struct {
	ws *websocket.Conn
	id int
}

type bidiMsg struct {
	ID      int             `json:"id"`
	Type    string          `json:"type"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
}

// call sends one command and waits for its answer, skipping events.
func (c *bidi) call(method string, params any) (json.RawMessage, error) {
	c.id++
	if err := websocket.JSON.Send(c.ws, map[string]any{"id": c.id, "method": method, "params": params}); err != nil {
		return nil, err
	}
	for {
		var m bidiMsg
		if err := c.ws.SetReadDeadline(time.Now().Add(60 * time.Second)); err != nil {
			return nil, err
		}
		if err := websocket.JSON.Receive(c.ws, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", method, err)
		}
		if m.ID != c.id {
			continue
		}
		if m.Type == "error" {
			return nil, fmt.Errorf("%s: %s: %s", method, m.Error, m.Message)
		}
		return m.Result, nil
	}
}

// startFirefox runs headless Firefox with a fresh profile and returns a
// BiDi session and the id of its browsing context. The browser (its
// whole process group) is killed when the test ends.
func startFirefox(t *testing.T) (*bidi, string) {
	t.Helper()
	ff := firefoxPath(t)
	profile := t.TempDir()
	prefs := strings.Join([]string{
		`user_pref("browser.shell.checkDefaultBrowser", false);`,
		`user_pref("datareporting.policy.dataSubmissionEnabled", false);`,
		`user_pref("toolkit.telemetry.enabled", false);`,
		`user_pref("app.update.disabledForTesting", true);`,
		`user_pref("browser.startup.homepage_override.mstone", "ignore");`,
		`user_pref("network.captive-portal-service.enabled", false);`,
		`user_pref("extensions.update.enabled", false);`,
	}, "\n")
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(prefs+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ff, "--headless", "--no-remote", "--profile", profile,
		"--remote-debugging-port=0", "--remote-allow-origins=http://localhost", "about:blank")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "MOZ_CRASHREPORTER_DISABLE=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("cannot start %s: %v", ff, err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var url string
	select {
	case url = <-addr:
	case <-time.After(60 * time.Second):
		t.Fatalf("%s did not start its WebDriver BiDi server", ff)
	}
	ws, err := websocket.Dial(strings.TrimSuffix(url, "/")+"/session", "", "http://localhost")
	if err != nil {
		t.Fatalf("connect to Firefox at %s: %v", url, err)
	}
	t.Cleanup(func() { ws.Close() })
	c := &bidi{ws: ws}
	if _, err := c.call("session.new", map[string]any{"capabilities": map[string]any{}}); err != nil {
		t.Fatal(err)
	}
	res, err := c.call("browsingContext.getTree", map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	if err := json.Unmarshal(res, &tree); err != nil || len(tree.Contexts) == 0 {
		t.Fatalf("no browsing context in %s (%v)", res, err)
	}
	return c, tree.Contexts[0].Context
}

// TestNewsletterInFirefox renders every export of the Kazakhstan site and
// of the fixture in Firefox (Gecko, Thunderbird's engine) at 375 and
// 600 px, with and without <style>: nothing overflows and all text is
// visible; at 600 px without <style>, with a contrast of at least 4.5:1.
func TestNewsletterInFirefox(t *testing.T) {
	c, ctxID := startFirefox(t)
	for _, fx := range []struct{ name, dir string }{{"kazakhstan", "../.."}, {"fixture", nlFixture(t)}} {
		srv := newNLServer(t)
		res := mustRender(t, site.Options{Dir: fx.dir, Defaults: repoRoot, BaseURL: srv.URL + "/"})
		names := nlExports(res)
		files := map[string][]byte{}
		for name, data := range res.Files {
			files[name] = data
		}
		for _, name := range names {
			files[strings.TrimSuffix(name, ".html")+".nostyle.html"] = nlWithoutStyle(t, res.Files[name])
		}
		srv.mu.Lock()
		srv.files = files
		srv.mu.Unlock()
		for _, name := range names {
			nostyle := strings.TrimSuffix(name, ".html") + ".nostyle.html"
			for _, pass := range []struct {
				what, file string
				width      int
				contrast   bool
			}{
				{"600px, no <style>", nostyle, 600, true},
				{"600px", name, 600, false},
				{"375px, no <style>", nostyle, 375, false},
				{"375px", name, 375, false},
			} {
				where := fx.name + " " + name + " (Firefox, " + pass.what + ")"
				if _, err := c.call("browsingContext.setViewport", map[string]any{"context": ctxID, "viewport": map[string]int{"width": pass.width, "height": 800}}); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				if _, err := c.call("browsingContext.navigate", map[string]any{"context": ctxID, "url": srv.URL + "/" + pass.file, "wait": "complete"}); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				out, err := c.call("script.evaluate", map[string]any{"expression": "JSON.stringify(" + nlLayoutJS + ")",
					"target": map[string]string{"context": ctxID}, "awaitPromise": false})
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				var ev struct {
					Type   string `json:"type"`
					Result struct {
						Value string `json:"value"`
					} `json:"result"`
					ExceptionDetails json.RawMessage `json:"exceptionDetails"`
				}
				if err := json.Unmarshal(out, &ev); err != nil || ev.Type != "success" {
					t.Fatalf("%s: %s (%v)", where, out, err)
				}
				var lay nlLayout
				if err := json.Unmarshal([]byte(ev.Result.Value), &lay); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				if lay.Texts < 5 {
					t.Errorf("%s: only %d pieces of text", where, lay.Texts)
				}
				for _, p := range lay.Problems {
					if !pass.contrast && strings.Contains(p, "contrast") {
						continue
					}
					t.Errorf("%s: %s", where, p)
				}
			}
		}
		t.Logf("%s: %d exports checked in Firefox in 4 layouts", fx.name, len(names))
	}
}
