package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveToReload measures what an editor waits for on a large site:
// from writing an article's file to the moment the open page is told to
// reload and the new bytes are served. That is the debounce, the
// incremental rebuild (the article and the pages listing it), the swap and
// the event. It needs the shared generator's 10,000-article corpus:
//
//	cd ../shared/bench/gen && go run . -n 10000 -out /tmp/bench-work/site-10000
//	go test ./internal/serve -run '^$' -bench SaveToReload -benchtime 20x
//
// BULLETIN_BENCH_SITE names another corpus. The site is copied to a
// temporary folder first: the benchmark edits it.
func BenchmarkSaveToReload(b *testing.B) {
	src := os.Getenv("BULLETIN_BENCH_SITE")
	if src == "" {
		src = "/tmp/bench-work/site-10000"
	}
	if _, err := os.Stat(filepath.Join(src, "site.yaml")); err != nil {
		b.Skipf("no corpus at %s (set BULLETIN_BENCH_SITE, or generate one with ../shared/bench/gen)", src)
	}
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	ts := startIn(b, dir)
	first := ts.Last()
	if !first.OK() {
		b.Fatalf("first build: %v", first.Err)
	}
	site := first.Result.Site
	b.Logf("first build: %d articles, %d files, %v", len(site.Articles), len(ts.cur.Load().site.Names()), first.Time.Round(time.Millisecond))

	// An article in the middle of the list: its page, its neighbours, the
	// home pager page and its term pages are what a save re-renders.
	a := site.Articles[len(site.Articles)/2]
	file := ts.path(a.Path)
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	events := ts.listen("?boot=" + ts.boot)
	events.next("hello")

	var rendered, reused int
	b.ResetTimer()
	for i := range b.N {
		mark := fmt.Sprintf("Đoạn sửa lần %d.", i)
		if err := os.WriteFile(file, append(append([]byte{}, orig...), "\n"+mark+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		m := events.next("build")
		if !m.OK || !has(m.URLs, a.URL) {
			b.Fatalf("build event: ok=%v, %d URLs, page %s not among them", m.OK, len(m.URLs), a.URL)
		}
		if body := ts.mustGet(a.URL); !strings.Contains(body, mark) {
			b.Fatal("the new bytes are not served")
		}
		r := ts.Last()
		rendered += r.Result.Rendered
		reused += r.Result.Reused
	}
	b.StopTimer()
	var steps []string
	for _, s := range ts.Last().Result.Steps {
		steps = append(steps, fmt.Sprintf("%s %v", s.Name, s.Time.Round(time.Millisecond)))
	}
	b.Logf("last rebuild: %v (%s)", ts.Last().Time.Round(time.Millisecond), strings.Join(steps, ", "))
	b.ReportMetric(float64(rendered)/float64(b.N), "rendered/op")
	b.ReportMetric(float64(reused)/float64(b.N), "reused/op")
	os.WriteFile(file, orig, 0o644)
}
