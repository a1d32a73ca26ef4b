package site

import (
	"sync"
	"testing"
)

// TestProgressReports checks what Options.Progress is told: the page count
// first (done 0), then every page once, ending at total.
func TestProgressReports(t *testing.T) {
	var mu sync.Mutex
	var calls [][2]int
	opts := Options{FS: archive(t, "site.txtar"), Defaults: repoRoot, Progress: func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, [2]int{done, total})
	}}
	res := mustRender(t, opts)
	pages := 0
	for _, n := range res.Stats.Pages {
		pages += n
	}
	if len(calls) == 0 || calls[0] != [2]int{0, calls[0][1]} {
		t.Fatalf("first report = %v, want done 0", calls)
	}
	total := calls[0][1]
	if total < pages {
		t.Errorf("total = %d, fewer than the %d pages built", total, pages)
	}
	seen := map[int]bool{}
	for _, c := range calls[1:] {
		if c[1] != total || c[0] < 1 || c[0] > total || seen[c[0]] {
			t.Errorf("report %v: want each done in 1..%d once, total %d", c, total, total)
		}
		seen[c[0]] = true
	}
	if len(seen) != total {
		t.Errorf("%d pages reported, want %d", len(seen), total)
	}
}
