package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A bounded load test of the preview, short enough for CI: 200 clients on
// their own connections request pages, a stylesheet and a missing page
// without pause, 100 pages hold their event streams open, and an editor
// saves an article every half second. Every answer must be right (the
// article's old or new text, never an error or a torn page), every stream
// must hear of the builds, and once the server has stopped its goroutines
// must be gone. The figures (requests, errors, latency percentiles,
// goroutines before and after) go to the test log; speed itself is the
// benchmarks' business, so no figure is asserted.
func TestPreviewUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a load test of a few seconds")
	}
	const (
		clients = 200
		streams = 100
		length  = 3 * time.Second
		every   = 500 * time.Millisecond
	)
	dir := t.TempDir()
	for i := range 40 {
		write(t, filepath.Join(dir, fmt.Sprintf("content/articles/b%02d.md", i)),
			fmt.Sprintf("---\ntitle: Bài %d\ndate: 2018-07-%02d\n---\nNội dung %d.\n", i, i%28+1, i))
	}
	write(t, filepath.Join(dir, fileA), articleA)
	write(t, filepath.Join(dir, "static/css/site.css"), "body{}")
	edited := strings.Replace(articleA, "Đảng ủy Khối", "Huyện ủy Phú Lương", 1)

	runtime.GC()
	before := runtime.NumGoroutine()
	s, err := New(Config{Source: dir, Drafts: true, Future: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if _, err := s.Wait(wctx, 0); err != nil {
		t.Fatal(err)
	}
	transport := &http.Transport{MaxIdleConnsPerHost: clients + streams, DisableCompression: true}
	client := &http.Client{Transport: transport}

	// The pages' event streams, each counting the builds it hears of.
	sctx, closeStreams := context.WithCancel(context.Background())
	heard := make([]atomic.Int64, streams)
	var listeners sync.WaitGroup
	for i := range streams {
		req, _ := http.NewRequestWithContext(sctx, "GET", base+eventsPath+"?boot="+s.boot, nil)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		listeners.Go(func() {
			defer resp.Body.Close()
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				if sc.Text() == "event: build" {
					heard[i].Add(1)
				}
			}
		})
	}
	listening(t, s, streams)

	// The editor.
	end := time.Now().Add(length)
	var saves atomic.Int64
	var editor sync.WaitGroup
	editor.Go(func() {
		for i := 0; time.Now().Before(end); i++ {
			time.Sleep(every)
			body := articleA
			if i%2 == 0 {
				body = edited
			}
			write(t, filepath.Join(dir, fileA), body)
			saves.Add(1)
		}
	})

	// The readers.
	type result struct {
		latencies []time.Duration
		errors    []string
	}
	results := make([]result, clients)
	paths := []string{urlA, "/", "/css/site.css", "/khong-co/", urlA, "/2018/07/bai-3/"}
	var readers sync.WaitGroup
	for c := range clients {
		readers.Go(func() {
			r := &results[c]
			for i := c; time.Now().Before(end); i++ {
				path := paths[i%len(paths)]
				start := time.Now()
				resp, err := client.Get(base + path)
				if err != nil {
					r.errors = append(r.errors, err.Error())
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				r.latencies = append(r.latencies, time.Since(start))
				want := http.StatusOK
				if path == "/khong-co/" {
					want = http.StatusNotFound
				}
				switch {
				case err != nil:
					r.errors = append(r.errors, path+": "+err.Error())
				case resp.StatusCode != want:
					r.errors = append(r.errors, fmt.Sprintf("%s: %d", path, resp.StatusCode))
				case path == urlA && !strings.Contains(string(body), "Đảng ủy Khối") && !strings.Contains(string(body), "Huyện ủy Phú Lương"):
					r.errors = append(r.errors, path+": neither the old text nor the new")
				}
			}
		})
	}
	readers.Wait()
	editor.Wait()
	// The last save's build reaches the streams too: wait until no build
	// has come for a while.
	last := s.Last().Gen
	for settled := time.Now(); time.Since(settled) < 10*s.cfg.Quiet; time.Sleep(s.cfg.Quiet) {
		if g := s.Last().Gen; g != last {
			last, settled = g, time.Now()
		}
	}

	var all []time.Duration
	var errs []string
	for _, r := range results {
		all = append(all, r.latencies...)
		errs = append(errs, r.errors...)
	}
	slices.Sort(all)
	pct := func(p float64) time.Duration {
		if len(all) == 0 {
			return 0
		}
		return all[min(len(all)-1, int(p*float64(len(all))))]
	}
	minHeard := int64(1 << 62)
	for i := range heard {
		minHeard = min(minHeard, heard[i].Load())
	}

	closeStreams()
	listeners.Wait()
	stop()
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	transport.CloseIdleConnections()
	after := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); after > before && time.Now().Before(deadline); after = runtime.NumGoroutine() {
		time.Sleep(20 * time.Millisecond)
	}

	t.Logf("%d clients, %d event streams, %d saves in %v: %d requests (%.0f/s), %d errors; latency p50 %v, p90 %v, p99 %v, max %v; "+
		"%d builds after the first, each stream heard at least %d; goroutines before %d, after %d",
		clients, streams, saves.Load(), length, len(all), float64(len(all))/length.Seconds(), len(errs),
		pct(0.50), pct(0.90), pct(0.99), pct(1), last-1, minHeard, before, after)
	if len(errs) > 0 {
		t.Errorf("%d errors, the first: %v", len(errs), errs[:min(5, len(errs))])
	}
	if minHeard == 0 {
		t.Error("a page's event stream heard of no build")
	}
	if after > before {
		t.Errorf("%d goroutines before the server, %d after it stopped", before, after)
		buf := make([]byte, 1<<20)
		t.Logf("%s", buf[:runtime.Stack(buf, true)])
	}
}
