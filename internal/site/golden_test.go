package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// goldenFiles are the outputs of the fixture site pinned byte for byte.
var goldenFiles = []string{
	"index.html",
	"404.html",
	"fr/index.html",
	"fr/page-a/index.html",
	"en/page-a/index.html",
	"en/page-b/index.html",
	"sitemap.xml",
	"fr/index.xml",
	"robots.txt",
}

func TestGolden(t *testing.T) {
	res := mustRender(t, Options{FS: archive(t, "site.txtar")})
	for _, name := range goldenFiles {
		got, ok := res.Files[name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		compareGolden(t, "Golden", name, got)
	}
}

// compareGolden compares got with testdata/golden/<name, / as __>, or
// rewrites that file under -update. test names the -run pattern to give.
func compareGolden(t *testing.T, test, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "__"))
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, test)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (go test -run %s -update, then review the diff):\n%s", name, golden, test, firstDiff(got, want))
	}
}

// firstDiff shows the first differing line.
func firstDiff(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return "(same lines, different bytes)"
}

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for i >= 10 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	n--
	b[n] = byte('0' + i)
	return string(b[n:])
}
