package site

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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

// TestHugePage builds a 20 MB page and checks that the whole of it is
// written: every section's heading, in order, up to the last one. How
// much the build allocates and its peak memory are measured by
// BenchmarkHugePage (PERFORMANCE.md), never bounded here: they are noise
// on shared machines.
func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 20 MB page; skipped with -short")
	}
	const size = 20 << 20
	if dir := os.Getenv("KZ30_HUGE_CHILD"); dir != "" {
		hugeChild(dir)
	}
	dir := hugeSite(t, size)
	sections := strings.Count(string(mustReadFile(t, filepath.Join(dir, "content", "fr", "huge.md"))), "\n## Partie ")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Dir: dir, Out: out, Defaults: repoRoot, AllowMissing: true}); err != nil {
		t.Fatal(err)
	}
	page := string(mustReadFile(t, filepath.Join(out, "fr", "huge", "index.html")))
	if got := strings.Count(page, "<h2 id=\"partie-"); got != sections {
		t.Errorf("the page has %d section headings, want %d", got, sections)
	}
	last := fmt.Sprintf(">Partie %d</h2>", sections-1)
	if !strings.Contains(page, last) {
		t.Errorf("the page lacks its last heading %q", last)
	}
}

// BenchmarkHugePage reports the peak RSS and the allocation of a build of
// a 20 MB page, in a child process per run.
func BenchmarkHugePage(b *testing.B) {
	const size = 20 << 20
	dir := hugeSite(b, size)
	var peak float64
	var alloc uint64
	for b.Loop() {
		alloc, peak = runHugeChild(b, dir)
	}
	b.ReportMetric(peak, "peak-RSS-MiB")
	b.ReportMetric(float64(alloc)/size, "alloc-B/input-B")
}

// hugeSite writes the fixture site with a French page of size bytes.
func hugeSite(t testing.TB, size int) string {
	dir := extract(t, "site.txtar")
	var body bytes.Buffer
	for i := 0; body.Len() < size; i++ {
		fmt.Fprintf(&body, "## Partie %d\n\nUn paragraphe de texte ordinaire, avec *un peu* d’emphase et un [lien](a.md) numéro %d.\n\n- un élément\n- un autre élément\n\n", i, i)
	}
	page := "---\ntitle: Énorme\ndescription: Une très grande page.\n---\n" + body.String()
	if err := os.WriteFile(filepath.Join(dir, "content", "fr", "huge.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// hugeChild builds dir and prints what it allocated and its peak RSS.
func hugeChild(dir string) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out := filepath.Join(dir, "public")
	os.RemoveAll(out)
	if _, err := Build(Options{Dir: dir, Out: out, Defaults: repoRoot, AllowMissing: true}); err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	runtime.ReadMemStats(&after)
	fmt.Println("ALLOC", after.TotalAlloc-before.TotalAlloc)
	status, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			fmt.Println("PEAK", strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")))
		}
	}
	os.Exit(0)
}

// runHugeChild builds dir in a child process and returns the bytes it
// allocated and its peak RSS in MiB.
func runHugeChild(t testing.TB, dir string) (alloc uint64, peakMiB float64) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHugePage$", "-test.v=false", "-test.bench=^$")
	cmd.Env = append(os.Environ(), "KZ30_HUGE_CHILD="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child build failed: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "PEAK "); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(v, " kB"))
			peakMiB = float64(kb) / 1024
		}
		if v, ok := strings.CutPrefix(l, "ALLOC "); ok {
			alloc, _ = strconv.ParseUint(v, 10, 64)
		}
	}
	if alloc == 0 {
		t.Fatalf("the child reported no allocation:\n%s", out)
	}
	return alloc, peakMiB
}

// mustReadFile reads name and fails the test on error.
func mustReadFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
