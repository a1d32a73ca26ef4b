package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestOutputCatalog runs testdata/output/*.txtar, the output-folder cases:
// each starts from testdata/output-site.txtar extracted into $WORK and
// asserts the exit code, the message, and with `snapshot` / `unchanged`
// that every file that existed before a refused build is byte-identical
// after it. Commands added to testscript's:
//
//	snapshot [DIR]     record the digest of every file below DIR (default $WORK)
//	unchanged          every recorded file still exists with the same bytes
//	nostaging DIR      DIR holds no staging folder (.NAME.staging-*)
func TestOutputCatalog(t *testing.T) {
	site, err := txtar.ParseFile("testdata/output-site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/output",
		Setup: func(env *testscript.Env) error {
			for _, f := range site.Files {
				p := filepath.Join(env.WorkDir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"snapshot":  cmdSnapshot,
			"unchanged": cmdUnchanged,
			"nostaging": cmdNoStaging,
		},
	})
}

// snapshot is what `snapshot` recorded.
type snapshot struct {
	root string
	sums map[string]string // path → digest
}

// snapshots holds, per script work folder, the recorded digests (scripts
// run in parallel).
var (
	snapMu    sync.Mutex
	snapshots = map[string]snapshot{}
)

func treeDigests(ts *testscript.TestScript, dir string) map[string]string {
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			sums[p] = "symlink " + target
		case e.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sums[p] = fmt.Sprintf("%x", sha256.Sum256(data))
		}
		return nil
	})
	ts.Check(err)
	return sums
}

func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 1 {
		ts.Fatalf("usage: snapshot [DIR]")
	}
	dir := ts.Getenv("WORK")
	if len(args) == 1 {
		dir = ts.MkAbs(args[0])
	}
	snap := snapshot{dir, treeDigests(ts, dir)}
	snapMu.Lock()
	snapshots[ts.Getenv("WORK")] = snap
	snapMu.Unlock()
}

func cmdUnchanged(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 0 {
		ts.Fatalf("usage: unchanged")
	}
	snapMu.Lock()
	before, ok := snapshots[ts.Getenv("WORK")]
	snapMu.Unlock()
	if !ok {
		ts.Fatalf("unchanged: no snapshot")
	}
	var bad []string
	after := treeDigests(ts, before.root)
	for p, sum := range before.sums {
		now := after[p]
		if now != sum {
			what := "changed"
			if now == "" {
				what = "gone"
			}
			bad = append(bad, what+": "+p)
		}
	}
	slices.Sort(bad)
	if len(bad) > 0 {
		ts.Fatalf("files that existed before are not byte-identical:\n%s", strings.Join(bad, "\n"))
	}
	ts.Logf("%d files unchanged", len(before.sums))
}

func cmdNoStaging(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: nostaging DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".staging-") {
			ts.Fatalf("a staging folder is left: %s", e.Name())
		}
	}
}
