package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgressLine(t *testing.T) {
	var out syncBuffer
	p := newProgress(&out)
	for i := range 3 {
		p.report(i+1, 10)
	}
	time.Sleep(1300 * time.Millisecond)
	p.end()
	got := out.String()
	if !strings.Contains(got, "\r\033[Kkz30: rendering pages 3/10") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("progress output = %q", got)
	}
	var quiet syncBuffer
	p = newProgress(&quiet)
	p.report(1, 10)
	p.end()
	if quiet.String() != "" {
		t.Errorf("a build under a second printed %q", quiet.String())
	}
	p = newProgress(nil) // no writer: nothing to do, no panic
	p.report(1, 3)
	p.end()
	p = newProgress(&quiet) // never told: ends without a line
	p.end()
	if quiet.String() != "" {
		t.Errorf("a progress never reported printed %q", quiet.String())
	}
}
