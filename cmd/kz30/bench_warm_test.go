package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"testing"

	kz30 "github.com/kz30/kz30"
	"github.com/kz30/kz30/internal/scaffold"
	"github.com/kz30/kz30/internal/site"
)

// The warm-build benchmarks (issue 23): a cold build (no cache, a new
// output folder each time), a warm build with no change, and a warm build
// after an edit of one page's body, over a corpus of KZ30_BENCH_N pairs
// in a folder of their own (the edits and the cache go there):
//
//	KZ30_BENCH_N=1000 go test ./cmd/kz30 -run '^$' -bench 'Cold|Warm' -benchtime 3x
//	KZ30_BENCH_N=1000 go test ./cmd/kz30 -run '^$' -bench WarmNoChange -cpuprofile warm.prof

func warmCorpus(b *testing.B) string {
	b.Helper()
	n := 200
	if s := os.Getenv("KZ30_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := b.TempDir()
	if err := scaffold.Corpus(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(2*n), "pages")
	return dir
}

func warmOptions(dir, out string) site.Options {
	return site.Options{Dir: dir, Out: out, Defaults: kz30.Defaults, AllowStale: true, AllowMissing: true,
		CacheDir: filepath.Join(dir, ".kz30", "cache")}
}

// BenchmarkBuildCold is `kz30 build --no-cache` into an empty output.
func BenchmarkBuildCold(b *testing.B) {
	dir := warmCorpus(b)
	i := 0
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), "public"+strconv.Itoa(i))
		i++
		b.StartTimer()
		opts := warmOptions(dir, out)
		opts.CacheDir = ""
		if _, err := site.Build(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildWarmNoChange is `kz30 build` again with nothing changed.
func BenchmarkBuildWarmNoChange(b *testing.B) {
	dir := warmCorpus(b)
	out := filepath.Join(b.TempDir(), "public")
	if _, err := site.Build(warmOptions(dir, out)); err != nil {
		b.Fatal(err)
	}
	// The profile of the warm builds alone: go tool pprof -tagfocus=build=warm.
	pprof.Do(context.Background(), pprof.Labels("build", "warm"), func(context.Context) {
		for b.Loop() {
			if _, err := site.Build(warmOptions(dir, out)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBuildWarmOneEdit is `kz30 build` after an edit of one page's
// body (a new word each time).
func BenchmarkBuildWarmOneEdit(b *testing.B) {
	dir := warmCorpus(b)
	out := filepath.Join(b.TempDir(), "public")
	if _, err := site.Build(warmOptions(dir, out)); err != nil {
		b.Fatal(err)
	}
	page := filepath.Join(dir, "content", "fr", "page-0001.md")
	src, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		edited := append(bytes.Clone(src), []byte("\nEdit "+strconv.Itoa(i)+".\n")...)
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := site.Build(warmOptions(dir, out)); err != nil {
			b.Fatal(err)
		}
	}
}
