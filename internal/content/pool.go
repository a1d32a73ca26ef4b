package content

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Parallel calls work(w, i) for every i from 0 to n-1 on up to GOMAXPROCS
// goroutines, and returns once every call has returned. Each goroutine
// has its own w, a zero W it keeps from one call to the next (a buffer,
// say). work must not panic: a caller that may meet a bug recovers
// inside work.
func Parallel[W any](n int, work func(w *W, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			var w W
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				work(&w, i)
			}
		})
	}
	wg.Wait()
}
