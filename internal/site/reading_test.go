package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
)

// TestReadingTimePerLanguage: without words_per_minute a page's reading
// time uses its language's reading speed (German 205 words a minute);
// words_per_minute in site.toml overrides it for its language.
func TestReadingTimePerLanguage(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("Wort ", 1100) + "\n"
	hash := content.BodyHash([]byte(body))
	files := map[string]string{
		"site.toml":            "title = \"T\"\n\n[[languages]]\ncode = \"de\"\n\n[[languages]]\ncode = \"en\"\nwords_per_minute = 100\n",
		"content/de/_index.md": "---\ntitle: Start\ndescription: D\n---\nHallo.\n",
		"content/en/_index.md": "---\ntitle: Home\ndescription: D\ntranslation_of: " + content.BodyHash([]byte("Hallo.\n")) + "\n---\nHello.\n",
		"content/de/p.md":      "---\ntitle: Seite\ndescription: D\n---\n" + body,
		"content/en/p.md":      "---\ntitle: Page\ndescription: D\ntranslation_of: " + hash + "\n---\n" + strings.Repeat("word ", 1100) + "\n",
	}
	for name, data := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := mustRender(t, Options{Dir: dir})
	for page, want := range map[string]string{
		"de/p/index.html": "6 Minuten Lesezeit", // ceil(1100 / 205), the German default (220 for all gave 5)
		"en/p/index.html": "11 min read",        // ceil(1100 / 100), site.toml's figure
	} {
		if got := string(res.Files[page]); !strings.Contains(got, "<span>"+want+"</span>") {
			t.Errorf("%s lacks the reading time %q", page, want)
		}
	}
}
