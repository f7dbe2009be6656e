package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// BenchmarkSaveToReload measures what an editor waits for on a large site:
// from writing an article's file to the moment the open page learns that
// it must reload, and then gets the new bytes. That is the debounce, the
// new snapshot (the saved file read, the site assembled), the swap, the
// build event, the page's question (its page made from the new snapshot
// and compared) and the request for the new page. It needs the shared
// generator's 10,000-article corpus:
//
//	cd ../shared/bench/gen && go run . -n 10000 -out /tmp/bench-work/site-10000
//	go test ./internal/serve -run '^$' -bench SaveToReload -benchtime 50x
//
// BULLETIN_BENCH_PAUSE (a duration, "400ms") pauses between saves, as an
// editor does: the server then collects garbage between them (idleGC);
// without, the saves follow each other at once. BULLETIN_BENCH_SITE names
// another corpus. The site is copied to a
// temporary folder first: the benchmark edits it. It reports the 50th and
// 95th percentiles of each mark, in milliseconds from the write, for
// three edits: the body, the date, the project (sub-benchmarks).
func BenchmarkSaveToReload(b *testing.B) {
	src := os.Getenv("BULLETIN_BENCH_SITE")
	if src == "" {
		src = "/tmp/bench-work/site-10000"
	}
	if _, err := os.Stat(filepath.Join(src, "site.yaml")); err != nil {
		b.Skipf("no corpus at %s (set BULLETIN_BENCH_SITE, or generate one with ../shared/bench/gen)", src)
	}
	// What an editor changes: the body (a paragraph added), the date
	// (another day of the same month: the article moves on every list
	// but keeps its URL) or the project (the document it cites: it
	// leaves one project's page for another's).
	dateLine := regexp.MustCompile(`(?m)^date: (\d{4}-\d{2})-\d{2}.*$`)
	docsBlock := regexp.MustCompile(`(?m)^documents:\n(?:  - .*\n)+`)
	b.Run("body", func(b *testing.B) {
		saveToReload(b, src, func(orig []byte, i int, _ string) ([]byte, string) {
			mark := fmt.Sprintf("Đoạn sửa lần %d.", i)
			return append(append([]byte{}, orig...), "\n"+mark+"\n"...), mark
		})
	})
	b.Run("date", func(b *testing.B) {
		saveToReload(b, src, func(orig []byte, i int, _ string) ([]byte, string) {
			m := dateLine.FindSubmatch(orig)
			if m == nil {
				b.Skip("the article has no date line of the generator's form")
			}
			day := 1 + i%28
			line := fmt.Sprintf("date: %s-%02d 08:%02d", m[1], day, i%60)
			// The dateline as the article shows it: "08:05, 06/08/2018".
			return dateLine.ReplaceAll(orig, []byte(line)), fmt.Sprintf("08:%02d, %02d/%s/%s", i%60, day, m[1][5:], m[1][:4])
		})
	})
	b.Run("project", func(b *testing.B) {
		saveToReload(b, src, func(orig []byte, i int, other string) ([]byte, string) {
			if !docsBlock.Match(orig) {
				b.Skip("the article has no documents list of the generator's form")
			}
			if i%2 == 1 {
				return orig, "" // back to its own project
			}
			return docsBlock.ReplaceAll(orig, []byte("documents:\n  - "+other+"\n")), other
		})
	})
}

// saveToReload saves an article of the site at src edit(orig, i, code)
// each time, code a project's the article does not cite, and reports the
// percentiles; edit returns the new file and a text the new page shows
// ("" when the page goes back to what it showed before).
func saveToReload(b *testing.B, src string, edit func(orig []byte, i int, code string) ([]byte, string)) {
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	ts := startIn(b, dir)
	first := ts.Last()
	if !first.OK() {
		b.Fatalf("first build: %v", first.Err)
	}
	site := first.Snapshot.Site
	b.Logf("first build: %d articles, %d files, %v", len(site.Articles), len(first.Snapshot.Names()), first.Time.Round(time.Millisecond))

	// An article in the middle of the list, open in a browser.
	a := site.Articles[len(site.Articles)/2]
	var other string
	for _, p := range site.Projects {
		if !slices.Contains(a.Projects, p) {
			other = p.Code
			break
		}
	}
	file := ts.path(a.Path)
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	body := ts.mustGet(a.URL)
	events := ts.listen("?boot=" + ts.boot)
	events.next("hello")

	pause, _ := time.ParseDuration(os.Getenv("BULLETIN_BENCH_PAUSE"))
	var event, stale, served []time.Duration
	b.ResetTimer()
	for i := range b.N {
		data, mark := edit(orig, i, other)
		start := time.Now()
		if err := os.WriteFile(file, data, 0o644); err != nil {
			b.Fatal(err)
		}
		if m := events.next("build"); !m.OK {
			b.Fatalf("build failed: %v", m.Problems)
		}
		event = append(event, time.Since(start))
		if h := ts.hello(a.URL, pageHashOf(body)); !h.Stale {
			b.Fatal("the page was not told it is stale")
		}
		stale = append(stale, time.Since(start))
		if body = ts.mustGet(a.URL); !strings.Contains(body, mark) {
			b.Fatalf("the new bytes are not served: no %q", mark)
		}
		served = append(served, time.Since(start))
		if pause > 0 {
			time.Sleep(pause)
		}
	}
	b.StopTimer()
	var steps []string
	for _, s := range ts.Last().Snapshot.Steps {
		steps = append(steps, fmt.Sprintf("%s %v", s.Name, s.Time.Round(100*time.Microsecond)))
	}
	b.Logf("last rebuild: %v (%s)", ts.Last().Time.Round(100*time.Microsecond), strings.Join(steps, ", "))
	for _, m := range []struct {
		name string
		d    []time.Duration
	}{{"event", event}, {"stale", stale}, {"served", served}} {
		b.ReportMetric(percentile(m.d, 50), m.name+"-p50-ms")
		b.ReportMetric(percentile(m.d, 95), m.name+"-p95-ms")
	}
	os.WriteFile(file, orig, 0o644)
}

// percentile is the p-th percentile of d in milliseconds (nearest rank).
func percentile(d []time.Duration, p int) float64 {
	s := slices.Clone(d)
	slices.Sort(s)
	i := max(0, (len(s)*p+99)/100-1)
	return float64(s[i].Microseconds()) / 1000
}

// BenchmarkBrowserSaveToPaint measures the same from a real browser: from
// writing an article's file to the new text painted in the Chromium tab
// that shows it (the page swapped in by live.js and the next animation frame
// run), on the 10,000-article corpus:
//
//	go test ./internal/serve -run '^$' -bench BrowserSaveToPaint -benchtime 50x
func BenchmarkBrowserSaveToPaint(b *testing.B) {
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
	tab := browse(b)
	ts := startIn(b, dir)
	site := ts.Last().Snapshot.Site
	a := site.Articles[len(site.Articles)/2]
	file := ts.path(a.Path)
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(ts.url+a.URL)); err != nil {
		b.Fatal(err)
	}
	listening(b, ts.Server, 1)
	var painted []time.Duration
	b.ResetTimer()
	for i := range b.N {
		mark := fmt.Sprintf("Đoạn sửa lần %d.", i)
		start := time.Now()
		if err := os.WriteFile(file, append(append([]byte{}, orig...), "\n"+mark+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](fmt.Sprintf(`document.body !== null && document.body.innerText.includes(%q)`, mark)))
			if err == nil && ok {
				break
			}
			if time.Since(start) > 10*time.Second {
				b.Fatalf("save %d not painted within 10 s (%v)", i, err)
			}
			time.Sleep(2 * time.Millisecond)
		}
		if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => r(true)))`, chromedp.EvalAwaitPromise)); err != nil {
			b.Fatal(err)
		}
		painted = append(painted, time.Since(start))
		time.Sleep(100 * time.Millisecond) // let the page settle, as an editor between saves
	}
	b.StopTimer()
	b.ReportMetric(percentile(painted, 50), "painted-p50-ms")
	b.ReportMetric(percentile(painted, 95), "painted-p95-ms")
	os.WriteFile(file, orig, 0o644)
}
