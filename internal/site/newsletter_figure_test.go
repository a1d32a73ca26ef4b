package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNewsletterFigure: a figure of the page becomes, in the e-mail
// export, its image (sized, close to the caption) followed by its caption
// as a styled paragraph, in both the HTML and the plain text.
func TestNewsletterFigure(t *testing.T) {
	dir := imageSite(t) // ![Vue du col](col.png "Le col en été")
	cfg := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(data, "\n[newsletter]\nenabled = true\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res := mustRender(t, Options{Dir: dir, AllowStale: true})
	if web := string(res.Files["fr/page-a/index.html"]); !strings.Contains(web, "<figcaption>Le col en été</figcaption>") {
		t.Fatalf("the web page has no figcaption; the fixture changed")
	}
	msg := string(res.Files["newsletter/fr/page-a.html"])
	re := regexp.MustCompile(`<img src="https://example\.test/kz30/fr/page-a/col\.png" alt="Vue du col" width="40" height="30"[^>]*? style="([^"]*)"/?>\s*<p class="caption" style="([^"]*)">Le col en été</p>`)
	m := re.FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("no image followed by its caption in the export:\n%s", regexp.MustCompile(`(?s)<img.{0,600}`).FindString(msg))
	}
	for _, want := range []string{"margin:0 0 6px 0", "max-width:100%", "height:auto"} {
		if !strings.Contains(m[1], want) {
			t.Errorf("image style %q lacks %s", m[1], want)
		}
	}
	for _, want := range []string{"font-size:14px", "color:#4f565c", "margin:0 0 16px 0"} {
		if !strings.Contains(m[2], want) {
			t.Errorf("caption style %q lacks %s", m[2], want)
		}
	}
	for _, not := range []string{"<figure", "<figcaption"} {
		if strings.Contains(msg, not) {
			t.Errorf("the export keeps %s", not)
		}
	}
	// Dark mode keeps the caption readable.
	if !regexp.MustCompile(`\.prose \.caption \{\s*color: #aab2b9 !important`).MatchString(msg) {
		t.Error("no dark-mode colour for the caption")
	}
	txt := string(res.Files["newsletter/fr/page-a.txt"])
	if !strings.Contains(txt, "Le col en été") {
		t.Errorf("the plain text lacks the caption:\n%s", txt)
	}
}
