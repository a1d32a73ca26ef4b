package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progress shows one line, rewritten in place, while a build that has
// lasted more than a second renders pages. It writes only to a terminal
// (runBuild passes nil elsewhere), and erases itself when done. Its
// report method is site.Options.Progress.
type progress struct {
	w     io.Writer
	done  atomic.Int64 // pages rendered
	total atomic.Int64
	once  sync.Once
	stop  chan struct{}
	wg    sync.WaitGroup
}

// newProgress returns a progress line on w; nil w gives one that shows
// nothing. The line appears once report first tells the number of pages.
func newProgress(w io.Writer) *progress {
	return &progress{w: w, stop: make(chan struct{})}
}

// report records done of total pages rendered; it is safe from several
// goroutines at once. The first call starts the line's clock.
func (p *progress) report(done, total int) {
	p.total.Store(int64(total))
	for {
		old := p.done.Load()
		if int64(done) <= old || p.done.CompareAndSwap(old, int64(done)) {
			break
		}
	}
	if p.w != nil {
		p.once.Do(p.start)
	}
}

// start draws the line every 100 ms once a second has passed.
func (p *progress) start() {
	p.wg.Go(func() {
		start := time.Now()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-p.stop:
				if shown {
					fmt.Fprint(p.w, "\r\033[K")
				}
				return
			case <-tick.C:
				if time.Since(start) < time.Second {
					continue
				}
				shown = true
				total := int(p.total.Load())
				fmt.Fprintf(p.w, "\r\033[Kkz30: rendering pages %d/%d", min(int(p.done.Load()), total), total)
			}
		}
	})
}

// end erases the line; it may be called once, whether or not the line
// was shown.
func (p *progress) end() {
	p.once.Do(func() {}) // a report after end starts nothing
	close(p.stop)
	p.wg.Wait()
}
