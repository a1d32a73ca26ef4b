package site

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kz30/kz30/internal/output"
)

// TestBuildEqualsRender pins that the disk build and the in-memory render
// (what check, serve and the newsletter read) produce the same files with
// the same bytes, on the fixture and on the real site; the disk build adds
// only its manifest.
func TestBuildEqualsRender(t *testing.T) {
	root := filepath.Join("..", "..")
	for name, dir := range map[string]string{"fixture": extract(t, "site.txtar"), "real site": root} {
		t.Run(name, func(t *testing.T) {
			opts := Options{Dir: dir, Defaults: repoRoot, Out: filepath.Join(t.TempDir(), "public")}
			if _, err := Build(opts); err != nil {
				t.Fatal(err)
			}
			disk := readTree(t, opts.Out)
			if _, ok := disk[output.ManifestName]; !ok {
				t.Errorf("no %s in the output", output.ManifestName)
			}
			delete(disk, output.ManifestName)
			mem := mustRender(t, Options{Dir: dir, Defaults: repoRoot}).Files
			var names []string
			for n := range mem {
				names = append(names, n)
			}
			for n := range disk {
				if _, ok := mem[n]; !ok {
					t.Errorf("%s is on disk, not in memory", n)
				}
			}
			slices.Sort(names)
			for _, n := range names {
				d, ok := disk[n]
				switch {
				case !ok:
					t.Errorf("%s is in memory, not on disk", n)
				case !bytes.Equal(d, mem[n]):
					t.Errorf("%s differs between disk (%d bytes) and memory (%d bytes)", n, len(d), len(mem[n]))
				}
			}
			if len(names) < 10 {
				t.Errorf("only %d files", len(names))
			}
		})
	}
}
