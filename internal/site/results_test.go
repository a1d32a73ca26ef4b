package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestResultsOnError pins the convention of the package doc: on every
// error path the entry points return their result, warnings included.
func TestResultsOnError(t *testing.T) {
	broken := func(t *testing.T) string {
		dir := extract(t, "site.txtar")
		if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	for name, opts := range map[string]func(t *testing.T) Options{
		"refused output": func(t *testing.T) Options {
			dir := extract(t, "site.txtar")
			return Options{Dir: dir, Out: dir}
		},
		"broken site.toml": func(t *testing.T) Options {
			return Options{Dir: broken(t), Out: filepath.Join(t.TempDir(), "public")}
		},
		"missing translation": func(t *testing.T) Options {
			dir := extract(t, "site.txtar")
			if err := os.Remove(filepath.Join(dir, "content/en/b.md")); err != nil {
				t.Fatal(err)
			}
			return Options{Dir: dir, Out: filepath.Join(t.TempDir(), "public")}
		},
	} {
		t.Run(name, func(t *testing.T) {
			o := opts(t)
			o.Defaults = repoRoot
			stats, err := Build(o)
			if err == nil || stats == nil {
				t.Errorf("Build = %v, %v; want stats and an error", stats, err)
			}
			if name == "refused output" {
				return // Render writes nothing: no output folder to refuse
			}
			res, err := Render(o)
			if err == nil || res == nil || res.Stats == nil {
				t.Errorf("Render = %v, %v; want a result with stats, and an error", res, err)
			}
			res, rep, err := NewIncremental(o).Build()
			if err == nil || res == nil || res.Stats == nil || rep != nil {
				t.Errorf("Incremental.Build = %v, %v, %v; want a result with stats, no report, an error", res, rep, err)
			}
			if cr := Check(o); cr == nil || cr.Report == nil || len(cr.Report.Errors) == 0 {
				t.Errorf("Check = %+v; want a report with errors", cr)
			}
		})
	}
}
