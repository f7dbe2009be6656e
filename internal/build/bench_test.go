package build_test

import (
	"context"
	"os"
	"testing"

	"bulletin/internal/build"
)

// discard is a sink that keeps nothing: the benchmark measures the
// pipeline, not the disk.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// BenchmarkBuild builds a site made by ../shared/bench/gen, e.g.
//
//	(cd ../shared/bench/gen && go run . -n 10000 -out /tmp/bench-work/site-10000)
//	BULLETIN_BENCH_SITE=/tmp/bench-work/site-10000 go test -run - -bench Build ./internal/build
func BenchmarkBuild(b *testing.B) {
	dir := os.Getenv("BULLETIN_BENCH_SITE")
	if dir == "" {
		dir = "/tmp/bench-work/site-10000"
	}
	if _, err := os.Stat(dir + "/site.yaml"); err != nil {
		b.Skipf("no benchmark site at %s (set BULLETIN_BENCH_SITE; see ../shared/bench)", dir)
	}
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		r, err := build.Build(context.Background(), build.Options{Source: fsys, Sink: discard{}})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(r.Site.Pages)), "pages")
	}
}
