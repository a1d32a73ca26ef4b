package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	kz30 "github.com/kz30/kz30"
	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/scaffold"
	"github.com/kz30/kz30/internal/site"
)

// The benchmarks build a generated corpus (kz30 bench-corpus) of
// KZ30_BENCH_N page pairs (default 200) with the embedded default
// templates, phase by phase:
//
//	go test ./cmd/kz30 -run '^$' -bench . -benchtime 3x
//	KZ30_BENCH_N=1000 go test ./cmd/kz30 -run '^$' -bench Build -cpuprofile cpu.prof
//
// KZ30_BENCH_DIR names an existing corpus to use instead (for example
// the one the Hugo comparison generates).
func benchCorpus(b *testing.B) string {
	b.Helper()
	if dir := os.Getenv("KZ30_BENCH_DIR"); dir != "" {
		return dir
	}
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

// BenchmarkLoad reads and parses every file (front matter, facts).
func BenchmarkLoad(b *testing.B) {
	dir := benchCorpus(b)
	fsys := os.DirFS(dir)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := content.Load(fsys, config.Default(), content.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender loads, converts (goldmark + chroma) and renders every
// page in memory: the whole build but the writing.
func BenchmarkRender(b *testing.B) {
	dir := benchCorpus(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := site.Render(site.Options{Dir: dir, Defaults: kz30.Defaults}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is a cold build to disk, staging and swap included; the
// difference with BenchmarkRender is the cost of writing.
func BenchmarkBuild(b *testing.B) {
	dir := benchCorpus(b)
	out := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for b.Loop() {
		if _, err := site.Build(site.Options{Dir: dir, Out: out, Defaults: kz30.Defaults}); err != nil {
			b.Fatal(err)
		}
	}
}
