package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Many writers into nested folders that do not exist yet: every file
// lands with its bytes, folders are made once, and a file standing where
// a folder must go is an error, not a panic.
func TestDirSinkConcurrent(t *testing.T) {
	root := t.TempDir()
	d := newDirSink(root)
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for w := range 4 {
		wg.Go(func() {
			for i := range 100 {
				name := fmt.Sprintf("l%d/p%d/deep/index.html", i%3, i%17)
				if w > 0 {
					name = fmt.Sprintf("l%d/p%d/w%d-%d.html", i%3, i%17, w, i)
				}
				if err := d.write(name, []byte(name)); err != nil && !strings.Contains(err.Error(), "two outputs") {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for w := 1; w < 4; w++ {
		for i := range 100 {
			name := fmt.Sprintf("l%d/p%d/w%d-%d.html", i%3, i%17, w, i)
			got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
			if err != nil || string(got) != name {
				t.Fatalf("%s: %q, %v", name, got, err)
			}
		}
	}
	if err := d.write("file", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := d.write("file/inside.html", []byte("x")); err == nil {
		t.Error("writing below a file gave no error")
	}
}
