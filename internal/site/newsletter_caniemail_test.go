package site

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nlFamilies are the e-mail clients the exports are checked against, as
// caniemail.com names them; every platform of each is checked (Gmail on
// the web, iOS and Android; Apple Mail on macOS and iOS; Outlook on
// Windows, Windows Mail, macOS, Outlook.com, iOS and Android).
var nlFamilies = []string{"gmail", "apple-mail", "outlook"}

type nlDecl struct {
	Property string `json:"property"`
	Value    string `json:"value"`
}

type nlMatch struct {
	Title   string            `json:"title"`
	URL     string            `json:"url"`
	Support map[string]string `json:"support"`
}

type nlAnswer struct {
	Inline [][]nlMatch `json:"inline"`
	Style  []struct {
		What    string    `json:"what"`
		Matches []nlMatch `json:"matches"`
	} `json:"style"`
}

// nlDeclarations splits a style attribute into declarations, minding
// quotes and parentheses.
func nlDeclarations(style string) []nlDecl {
	var out []nlDecl
	var cur strings.Builder
	depth, quote := 0, rune(0)
	flush := func() {
		if p, v, ok := strings.Cut(cur.String(), ":"); ok && strings.TrimSpace(p) != "" {
			out = append(out, nlDecl{strings.ToLower(strings.TrimSpace(p)), strings.TrimSpace(v)})
		}
		cur.Reset()
	}
	for _, r := range style {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '(':
			depth++
		case r == ')':
			depth--
		case r == ';' && depth == 0:
			flush()
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	return out
}

func TestNLDeclarations(t *testing.T) {
	got := nlDeclarations(`font-family:'A;B', Arial;background:url("x;y") no-repeat; color:#fff;`)
	want := []nlDecl{{"font-family", "'A;B', Arial"}, {"background", `url("x;y") no-repeat`}, {"color", "#fff"}}
	if !slices.Equal(got, want) {
		t.Errorf("nlDeclarations = %q, want %q", got, want)
	}
}

// TestNewsletterCanIEmail checks every CSS property, value, function and
// unit of every export against caniemail.com's data for Gmail, Apple Mail
// and Outlook (the npm package caniemail, run with node).
//
// The rule: a declaration in a style attribute must have no feature that
// any of those clients does not support at all ("n"); partial support is
// reported, not failed. The <style> block only holds progressive extras
// (dark mode, narrow screens) that the message does not need: every
// feature in it must work in at least one of the clients, and the clients
// that ignore it are reported. Properties caniemail has no data for
// (color, font-family, mso-hide) are listed.
func TestNewsletterCanIEmail(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		missingTool(t, "Node.js (node)")
	}
	tools := os.Getenv("KZ30_TOOLS")
	if tools == "" {
		tools = filepath.Join("..", "..", "tools", "node_modules")
	}
	if _, err := os.Stat(filepath.Join(tools, "caniemail", "data", "caniemail.json")); err != nil {
		missingTool(t, "the npm package caniemail in "+tools)
	}
	tools, _ = filepath.Abs(tools)

	inline := map[nlDecl][]string{} // declaration → exports using it
	var style []string
	var hiding []nlDecl // the preheader's declarations
	for _, res := range []*Result{nlRealSite(t), mustRender(t, Options{Dir: nlFixture(t)})} {
		for _, name := range nlExports(res) {
			doc, err := html.Parse(bytes.NewReader(res.Files[name]))
			if err != nil {
				t.Fatal(err)
			}
			for n := range doc.Descendants() {
				if n.DataAtom == atom.Style {
					if css := nlText(n); !slices.Contains(style, css) {
						style = append(style, css)
					}
				}
				if nlPreheader(n) {
					for _, d := range nlDeclarations(nlAttr(n, "style")) {
						if !slices.Contains(hiding, d) {
							hiding = append(hiding, d)
						}
					}
					continue
				}
				for _, d := range nlDeclarations(nlAttr(n, "style")) {
					if len(inline[d]) < 3 && !slices.Contains(inline[d], name) {
						inline[d] = append(inline[d], name)
					}
				}
			}
		}
	}
	decls := make([]nlDecl, 0, len(inline))
	for d := range inline {
		decls = append(decls, d)
	}
	sort.Slice(decls, func(i, j int) bool {
		return decls[i].Property+decls[i].Value < decls[j].Property+decls[j].Value
	})
	if len(style) != 1 {
		t.Fatalf("%d different <style> blocks across the exports, want 1", len(style))
	}
	slices.SortFunc(hiding, func(a, b nlDecl) int { return strings.Compare(a.Property+a.Value, b.Property+b.Value) })
	if len(hiding) == 0 {
		t.Fatal("no preheader found")
	}
	req, _ := json.Marshal(map[string]any{"families": nlFamilies, "inline": append(slices.Clone(decls), hiding...), "style": style[0]})
	cmd := exec.Command(node, filepath.Join("testdata", "caniemail.mjs"), tools)
	cmd.Stdin = bytes.NewReader(req)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node caniemail.mjs: %v\n%s", err, stderr.String())
	}
	var ans nlAnswer
	if err := json.Unmarshal(out, &ans); err != nil {
		t.Fatal(err)
	}
	if len(ans.Inline) != len(decls)+len(hiding) {
		t.Fatalf("%d answers for %d declarations", len(ans.Inline), len(decls)+len(hiding))
	}
	nlCheckPreheader(t, hiding, ans.Inline[len(decls):])

	titles := map[string]bool{}
	var noData []string
	partial := map[string][]string{}
	for i, d := range decls {
		if len(ans.Inline[i]) == 0 && !slices.Contains(noData, d.Property) {
			noData = append(noData, d.Property)
		}
		for _, m := range ans.Inline[i] {
			titles[m.Title] = true
			none, part := nlBySupport(m.Support)
			if len(none) > 0 {
				t.Errorf("style=\"%s:%s\" (in %s): %q is not supported by %s (%s)",
					d.Property, d.Value, strings.Join(inline[d], ", "), m.Title, strings.Join(none, ", "), m.URL)
			}
			if len(part) > 0 {
				partial[m.Title] = part
			}
		}
	}
	// Not vacuous: the data knew most of what the exports use.
	if len(titles) < 15 {
		t.Errorf("only %d caniemail features matched the inline styles: %v", len(titles), titles)
	}
	slices.Sort(noData)
	t.Logf("%d inline declarations, %d caniemail features; no data for: %s", len(decls), len(titles), strings.Join(noData, ", "))
	var ps []string
	for title, clients := range partial {
		ps = append(ps, title+" ("+strings.Join(clients, ", ")+")")
	}
	slices.Sort(ps)
	t.Logf("partly supported inline: %s", strings.Join(ps, "; "))

	if len(ans.Style) == 0 {
		t.Fatal("nothing found in the <style> block")
	}
	ignored := map[string][]string{}
	for _, s := range ans.Style {
		for _, m := range s.Matches {
			none, _ := nlBySupport(m.Support)
			if len(none) == len(m.Support) {
				t.Errorf("<style> %s: %q works in none of the clients: useless", s.What, m.Title)
			} else if len(none) > 0 {
				ignored[m.Title] = none
			}
		}
	}
	var is []string
	for title, clients := range ignored {
		is = append(is, title+" ("+strings.Join(clients, ", ")+")")
	}
	slices.Sort(is)
	t.Logf("<style> extras ignored by: %s", strings.Join(is, "; "))
}

// nlPreheader reports the hidden preheader: the element Outlook is told
// to hide.
func nlPreheader(n *html.Node) bool {
	return strings.Contains(nlAttr(n, "style"), "mso-hide:all")
}

// nlCheckPreheader asserts that every client hides the preheader by at
// least one of its declarations, none of which is a color: each of
// display:none, a zero font size, max-height:0 and opacity:0 fails in
// some client (caniemail), so the preheader carries several, and
// mso-hide:all (no caniemail data) is Outlook for Windows' own.
func nlCheckPreheader(t *testing.T, hiding []nlDecl, matches [][]nlMatch) {
	t.Helper()
	clients := map[string]bool{}
	covered := map[string][]string{}
	for i, d := range hiding {
		if d.Property == "color" || d.Property == "background-color" {
			t.Errorf("the preheader is hidden by %s:%s: spam filters score text colored like its background", d.Property, d.Value)
		}
		hides := (d.Property == "display" && d.Value == "none") ||
			(slices.Contains([]string{"font-size", "max-height", "opacity"}, d.Property) && strings.TrimSuffix(d.Value, "px") == "0")
		for _, m := range matches[i] {
			for client := range m.Support {
				clients[client] = true
			}
		}
		if !hides {
			continue
		}
		ok := map[string]bool{} // supported by the client in every feature it matches
		for _, m := range matches[i] {
			for client, s := range m.Support {
				if _, seen := ok[client]; !seen {
					ok[client] = true
				}
				if s == "n" {
					ok[client] = false
				}
			}
		}
		for client, yes := range ok {
			if yes {
				covered[client] = append(covered[client], d.Property+":"+d.Value)
			}
		}
	}
	if slices.Contains(hiding, nlDecl{"mso-hide", "all"}) {
		for _, c := range []string{"outlook.windows", "outlook.windows-mail"} {
			covered[c] = append(covered[c], "mso-hide:all")
		}
	}
	for client := range clients {
		if len(covered[client]) == 0 {
			t.Errorf("the preheader (%v) is not hidden in %s", hiding, client)
		}
	}
	if len(clients) < 10 {
		t.Errorf("only %d clients known for the preheader's declarations", len(clients))
	}
}

// nlBySupport lists the clients without and with partial support.
func nlBySupport(support map[string]string) (none, partial []string) {
	for client, s := range support {
		switch s {
		case "n":
			none = append(none, client)
		case "a":
			partial = append(partial, client)
		}
	}
	slices.Sort(none)
	slices.Sort(partial)
	return none, partial
}
