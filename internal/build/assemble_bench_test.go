package build_test

import (
	"context"
	"os"
	"testing"

	"bulletin/internal/build"
)

// BenchmarkPrepareNothingChanged measures a preview rebuild told that
// nothing changed: what every save costs beside reading the saved file
// (the assembly of the whole site and the lookup of every conversion).
func BenchmarkPrepareNothingChanged(b *testing.B) {
	dir := os.Getenv("BULLETIN_BENCH_SITE")
	if dir == "" {
		dir = "/tmp/bench-work/site-10000"
	}
	if _, err := os.Stat(dir + "/site.yaml"); err != nil {
		b.Skipf("no benchmark site at %s", dir)
	}
	bl := build.NewBuilder()
	opt := build.Options{Source: os.DirFS(dir)}
	if _, err := bl.Prepare(context.Background(), opt, build.Everything); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bl.Prepare(context.Background(), opt, build.Changes{}); err != nil {
			b.Fatal(err)
		}
	}
}
