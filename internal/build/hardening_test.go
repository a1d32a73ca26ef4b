package build

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBOMAndCRLFGiveSameOutput converts every content file to a UTF-8 BOM
// and CRLF line endings: the site must not change by a byte.
func TestBOMAndCRLFGiveSameOutput(t *testing.T) {
	lf := extract(t, "site.txtar")
	crlf := extract(t, "site.txtar")
	err := filepath.WalkDir(filepath.Join(crlf, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		data = append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
		return os.WriteFile(p, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	a := mustRender(t, Options{Dir: lf}).Files
	b := mustRender(t, Options{Dir: crlf}).Files
	if len(a) != len(b) {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs with BOM+CRLF input:\n%s", name, firstDiff(b[name], data))
		}
	}
}

// TestOutputConfined feeds slugs and aliases that try to leave the output
// folder: the loader refuses them, and the sink refuses any path that
// escapes whatever produced it.
func TestOutputConfined(t *testing.T) {
	for _, name := range []string{"../x", "/etc/passwd", "a/../../b", "a\\b", "", "a/./b", "..", "a\x00b"} {
		if err := checkName(name); err == nil {
			t.Errorf("checkName(%q) accepted a path outside the output", name)
		}
	}
	for _, name := range []string{"index.html", "fr/kaspi/index.html", "assets/site.abc.css", ".nojekyll"} {
		if err := checkName(name); err != nil {
			t.Errorf("checkName(%q) = %v", name, err)
		}
	}
}

// TestHugePage builds a 20 MB page in a child process and checks that its
// peak memory (VmHWM) stays under 10 × the file.
func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 20 MB page; skipped with -short")
	}
	const size = 20 << 20
	if dir := os.Getenv("KZ30_HUGE_CHILD"); dir != "" {
		if _, err := Build(Options{Dir: dir, Out: filepath.Join(dir, "public"), Defaults: repoRoot, AllowMissing: true}); err != nil {
			fmt.Println("ERROR", err)
			os.Exit(1)
		}
		status, _ := os.ReadFile("/proc/self/status")
		for _, l := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(l, "VmHWM:") {
				fmt.Println("PEAK", strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")))
			}
		}
		os.Exit(0)
	}
	dir := extract(t, "site.txtar")
	var body bytes.Buffer
	for i := 0; body.Len() < size; i++ {
		fmt.Fprintf(&body, "## Partie %d\n\nUn paragraphe de texte ordinaire, avec *un peu* d’emphase et un [lien](a.md) numéro %d.\n\n- un élément\n- un autre élément\n\n", i, i)
	}
	page := "---\ntitle: Énorme\ndescription: Une très grande page.\n---\n" + body.String()
	if err := os.WriteFile(filepath.Join(dir, "content", "fr", "huge.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHugePage$", "-test.v=false")
	cmd.Env = append(os.Environ(), "KZ30_HUGE_CHILD="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child build failed: %v\n%s", err, out)
	}
	var kb int
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "PEAK "); ok {
			kb, _ = strconv.Atoi(strings.TrimSuffix(v, " kB"))
		}
	}
	if kb == 0 {
		t.Fatalf("no peak memory reported:\n%s", out)
	}
	peak := float64(kb) / 1024
	t.Logf("20 MB page: peak RSS %.0f MiB", peak)
	if os.Getenv("KZ30_HUGE_DEBUG") != "" {
		t.Logf("%s", out)
	}
	if limit := 10.0 * size / (1 << 20); peak > limit {
		t.Errorf("peak RSS %.0f MiB, want under %.0f MiB (10 × the file)", peak, limit)
	}
}
