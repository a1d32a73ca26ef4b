package site

import "sync/atomic"

// progressStep reports that total pages are to be rendered to
// Options.Progress and returns the function to call after each one; with
// no Progress both do nothing.
func (b *builder) progressStep(total int) func() {
	report := b.opts.Progress
	if report == nil {
		return func() {}
	}
	report(0, total)
	var done atomic.Int64
	return func() { report(int(done.Add(1)), total) }
}
