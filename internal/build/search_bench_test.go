package build_test

import (
	"context"
	"os"
	"testing"

	"bulletin/internal/build"
	"bulletin/internal/search"
)

// BenchmarkSearchIndex writes the search index of the BenchmarkBuild site
// (built once, outside the timing), so the index's share of a build can be
// read beside BenchmarkBuild:
//
//	BULLETIN_BENCH_SITE=/tmp/bench-work/site-10000 go test -run - -bench 'Build$|SearchIndex' ./internal/build
func BenchmarkSearchIndex(b *testing.B) {
	dir := benchSite(b)
	r, err := build.Build(context.Background(), build.Options{Source: os.DirFS(dir), Sink: discard{}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var files, bytes int
		err := search.Write(r.Site, func(name string, data []byte) error {
			files++
			bytes += len(data)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(files), "files")
		b.ReportMetric(float64(bytes), "bytes")
	}
}
