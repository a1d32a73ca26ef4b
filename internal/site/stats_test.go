package site

import (
	"testing"
	"time"
)

// The build summary counts in correct English: "1 page", "2 pages".
func TestStatsStringPlurals(t *testing.T) {
	for _, tc := range []struct {
		s    Stats
		want string
	}{
		{Stats{Langs: []string{"fr", "en"}, Pages: map[string]int{"fr": 1}, Files: 1, Bytes: 10, Duration: 3 * time.Millisecond},
			"built 1 page (fr 1, en 0), 1 file, 10 B in 3 ms"},
		{Stats{Langs: []string{"fr", "en"}, Pages: map[string]int{"fr": 1, "en": 1}, Files: 12, Bytes: 2048},
			"built 2 pages (fr 1, en 1), 12 files, 2.0 KB in 0 ms"},
		{Stats{Langs: []string{"fr"}}, "built 0 pages (fr 0), 0 files, 0 B in 0 ms"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
