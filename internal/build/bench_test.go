package build_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/build"
)

// discard is a sink that keeps nothing: the benchmark measures the
// pipeline, not the disk.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// benchSite is the generated site the benchmarks run on: BULLETIN_BENCH_SITE,
// else the 10,000-article one .ci/speed makes. A benchmark without it skips.
func benchSite(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("BULLETIN_BENCH_SITE")
	if dir == "" {
		dir = "/tmp/bench-work/site-10000"
	}
	if _, err := os.Stat(dir + "/site.yaml"); err != nil {
		b.Skipf("no benchmark site at %s (set BULLETIN_BENCH_SITE; see ../shared/bench)", dir)
	}
	return dir
}

// BenchmarkBuild builds a site made by ../shared/bench/gen, e.g.
//
//	(cd ../shared/bench/gen && go run . -n 10000 -out /tmp/bench-work/site-10000)
//	BULLETIN_BENCH_SITE=/tmp/bench-work/site-10000 go test -run - -bench Build ./internal/build
func BenchmarkBuild(b *testing.B) {
	dir := benchSite(b)
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

// BenchmarkRebuild measures the preview's rebuild after one article's body
// changes, on the same site as BenchmarkBuild, held in memory: the new
// snapshot, and the article's page made from it, as a browser asks for it.
func BenchmarkRebuild(b *testing.B) {
	dir := benchSite(b)
	fsys := fstest.MapFS{}
	var article string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(dir + "/" + p)
		// Modification times as on disk: the loader skips files whose
		// size and time are unchanged, as it does under the preview.
		info, _ := d.Info()
		fsys[p] = &fstest.MapFile{Data: data, ModTime: info.ModTime()}
		if article == "" && strings.HasPrefix(p, "content/articles/") {
			article = p
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	bl := build.NewBuilder()
	opt := build.Options{Source: fsys}
	snap, err := bl.Prepare(context.Background(), opt, build.Everything)
	if err != nil {
		b.Fatal(err)
	}
	var page string
	for _, p := range snap.Site.Pages {
		if p.Article != nil && p.Article.Path == article {
			page = p.Path
		}
	}
	steps := map[string]time.Duration{}
	for i := 0; b.Loop(); i++ {
		f := fsys[article]
		f.Data = append(f.Data, fmt.Sprintf("\nSửa lần %d.\n", i)...)
		f.ModTime = f.ModTime.Add(time.Second)
		snap, err := bl.Prepare(context.Background(), opt, build.Changes{Content: []string{article}})
		if err != nil {
			b.Fatal(err)
		}
		t := time.Now()
		if _, ok, err := snap.File(page); !ok || err != nil {
			b.Fatal(page, ok, err)
		}
		steps["page"] += time.Since(t)
		for _, s := range snap.Steps {
			steps[s.Name] += s.Time
		}
	}
	for name, d := range steps {
		b.ReportMetric(float64(d.Microseconds())/float64(b.N)/1000, name+"-ms")
	}
}
