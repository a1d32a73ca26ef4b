package themetest

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/site"
)

// TestNuChecker runs the W3C Nu HTML checker (npm vnu-jar, with Java) once
// over every HTML file of the real site's build and fails on any error it
// reports in a page of the site (the pages, the landing, 404 and redirect
// pages), and over the image fixture's page (figure, srcset, raw HTML
// of the allowlist). Newsletter exports are checked in the same run, but their errors
// are only logged: e-mail HTML needs markup for mail clients (Outlook's
// xmlns:o, mso- properties) that the HTML standard does not allow.
func TestNuChecker(t *testing.T) {
	t.Parallel()
	jar := toolFile(t, "vnu-jar", "build", "dist", "vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		missingTool(t, "Java (for the W3C Nu checker)")
	}
	res := renderRealSite(t, "https://example.github.io/kz30/")
	dir := t.TempDir()
	var files []string
	for name, data := range res.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	// The real site has no image: the image fixture's page (a figure,
	// srcset variants, raw HTML of the allowlist) is checked in the same run.
	img := mustRender(t, site.Options{Dir: richImageSite(t), AllowStale: true})
	p := filepath.Join(dir, "_images", "fr", "page-a", "index.html")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, img.Files["fr/page-a/index.html"], 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, p)
	sort.Strings(files)
	if len(files) < 4 {
		t.Fatalf("only %d HTML files built", len(files))
	}
	start := time.Now()
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	// vnu writes its JSON report to stderr and exits 1 when it found errors.
	var report struct {
		Messages []struct {
			Type      string `json:"type"`
			SubType   string `json:"subType"`
			URL       string `json:"url"`
			Message   string `json:"message"`
			LastLine  int    `json:"lastLine"`
			FirstCol  int    `json:"firstColumn"`
			LastCol   int    `json:"lastColumn"`
			Extract   string `json:"extract"`
			HiliteLen int    `json:"hiliteLength"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(stderr.Bytes()), &report); err != nil {
		t.Fatalf("vnu did not report JSON (%v, %v):\nstdout: %s\nstderr: %s", runErr, err, stdout.String(), stderr.String())
	}
	emailErrors := map[string]int{}
	for _, m := range report.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		file := strings.TrimPrefix(m.URL, "file:")
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = filepath.ToSlash(rel)
		}
		msg := file + ":" + strconv.Itoa(m.LastLine) + ":" + strconv.Itoa(m.FirstCol) + ": " + m.Message
		if strings.HasPrefix(file, "newsletter/") {
			emailErrors[m.Message]++
			continue
		}
		t.Errorf("%s (%s)", msg, strings.TrimSpace(m.Extract))
	}
	for _, m := range slices.Sorted(maps.Keys(emailErrors)) {
		t.Logf("newsletter exports (not failing): %d× %s", emailErrors[m], m)
	}
	if runErr != nil && len(report.Messages) == 0 {
		t.Errorf("vnu failed without a message: %v", runErr)
	}
	t.Logf("vnu checked %d HTML files in %v", len(files), time.Since(start).Round(time.Millisecond))
}
