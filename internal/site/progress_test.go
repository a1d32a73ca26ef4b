package site

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
	p := startProgress(&out, 10)
	for range 3 {
		p.step()
	}
	time.Sleep(1300 * time.Millisecond)
	p.end()
	got := out.String()
	if !strings.Contains(got, "\r\033[Kkz30: rendering pages 3/10") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("progress output = %q", got)
	}
	var quiet syncBuffer
	p = startProgress(&quiet, 10)
	p.step()
	p.end()
	if quiet.String() != "" {
		t.Errorf("a build under a second printed %q", quiet.String())
	}
	startProgress(nil, 3).end() // no writer: nothing to do, no panic
	var nilp *progress
	nilp.step()
	nilp.end()
}
