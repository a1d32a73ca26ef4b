package scaffold

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rhysd/actionlint"
)

// lint runs actionlint (the Go library, offline) over a workflow.
func lint(t *testing.T, name string, src []byte) []*actionlint.Error {
	t.Helper()
	l, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.Lint(name, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

// TestInitWorkflow lints the workflow kz30 init writes, checks that it
// installs the pinned kz30 and runs check and build, and that actionlint
// sees a mistake in a copy (or a clean lint would prove nothing).
func TestInitWorkflow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	now := func() time.Time { return time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC) }
	if _, err := Init(InitOptions{Dir: dir, Version: "v0.4.2", Now: now}); err != nil {
		t.Fatal(err)
	}
	const name = ".github/workflows/pages.yml"
	src, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range lint(t, name, src) {
		t.Errorf("%s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}
	for _, want := range []string{
		"run: go install github.com/kz30/kz30/cmd/kz30@v0.4.2\n",
		"run: kz30 check\n",
		`run: kz30 build --base-url "${{ steps.pages.outputs.base_url }}/"` + "\n",
		"uses: actions/upload-pages-artifact@v3\n        with:\n          path: public\n",
		"uses: actions/deploy-pages@v4\n",
		`go-version: "` + GoRelease + `"`,
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
	broken := strings.Replace(string(src), "steps.pages.outputs", "steps.page.outputs", 1)
	if errs := lint(t, "broken.yml", []byte(broken)); len(errs) == 0 || !strings.Contains(errs[0].Message, `property "page" is not defined`) {
		t.Errorf("actionlint missed an undefined step output: %v", errs)
	}
}

func TestInitVersion(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		fell     bool
	}{
		{"v0.2.0", "v0.2.0", false},
		{"v1.10.3", "v1.10.3", false},
		{"v1.0.0-rc.1", "v1.0.0-rc.1", false},
		{"(devel)", FallbackVersion, true},
		{"", FallbackVersion, true},
		{"v0.0.0-20261202061500-40411fb1234a", FallbackVersion, true},
		{"v0.3.1-0.20261202061500-40411fb1234a", FallbackVersion, true},
		{"v0.2.0+dirty", FallbackVersion, true},
		{"v0.0.0-20261202061500-40411fb1234a+dirty", FallbackVersion, true},
		{"v1.2", FallbackVersion, true},
	} {
		got, fell := InitVersion(tc.in)
		if got != tc.want || fell != tc.fell {
			t.Errorf("InitVersion(%q) = %q, %t; want %q, %t", tc.in, got, fell, tc.want, tc.fell)
		}
	}
}

// TestInitNeverOverwrites: a failed write removes what Init created, and
// a folder with a file in it is refused before anything is written.
func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Init(InitOptions{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "the folder is not empty (keep.md)") {
		t.Fatalf("Init(non-empty) = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("Init wrote into a non-empty folder: %d entries", len(entries))
	}
}
