package site

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progress shows one line, rewritten in place, while a build that has
// lasted more than a second renders pages. It writes only to
// a terminal (Options.Log is nil elsewhere), and erases itself when done.
type progress struct {
	w     io.Writer
	total int
	done  atomic.Int64 // pages rendered
	stop  chan struct{}
	wg    sync.WaitGroup
}

// startProgress starts the progress line for total pages; nil w gives a
// progress that shows nothing.
func startProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, stop: make(chan struct{})}
	if w == nil {
		return p
	}
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
				fmt.Fprintf(p.w, "\r\033[Kkz30: rendering pages %d/%d", min(int(p.done.Load()), p.total), p.total)
			}
		}
	})
	return p
}

// step records one page rendered.
func (p *progress) step() {
	if p != nil {
		p.done.Add(1)
	}
}

// end erases the line.
func (p *progress) end() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
}
