package serve

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"bulletin/internal/sitetest"
)

// A bug in the report of a build to the terminal (the command's OnBuild
// prints the problems, quoting the editor's files) does not end the
// preview: the error log names it, and the next save is built and served.
// Before, the panic ended bulletin serve.
func TestServeOutlivesAPanicInTheBuildReport(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/"+fileA, articleA)
	var log sitetest.SyncBuffer
	var reports atomic.Int32
	ts := startWith(t, Config{Source: dir, Drafts: true, Future: true, Now: now, ErrorLog: &log,
		OnBuild: func(Report) {
			reports.Add(1)
			var m map[string]int
			m["x"] = 1 // a bug: assignment to a nil map
		}})
	if _, body := ts.get(urlA); !strings.Contains(body, "Đảng ủy Khối") {
		t.Fatalf("the first build is not served:\n%s", body)
	}

	gen := ts.Last().Gen
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Huyện ủy Phú Lương", 1))
	if r := ts.wait(gen); !r.OK() {
		t.Fatalf("the save: %v", r.Err)
	}
	if _, body := ts.get(urlA); !strings.Contains(body, "Huyện ủy Phú Lương") {
		t.Fatalf("the save is not served:\n%s", body)
	}
	for deadline := time.Now().Add(5 * time.Second); reports.Load() < 2 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := reports.Load(); n != 2 {
		t.Errorf("%d builds reported, want 2", n)
	}
	if got := log.String(); !strings.Contains(got, "serve: internal error in the build report: assignment to entry in nil map (please report this)") ||
		!strings.Contains(got, "TestServeOutlivesAPanicInTheBuildReport") {
		t.Errorf("the error log:\n%s", got)
	}
}

// A goroutine of the server that panics is started again, after what it
// held is declared lost; one that returns is not.
func TestGuardStartsAGoroutineAgainAfterAPanic(t *testing.T) {
	var log sitetest.SyncBuffer
	s := &Server{cfg: Config{ErrorLog: &log}}
	runs, lost := 0, 0
	s.guard(context.Background(), "file watcher", func() {
		runs++
		if runs < 3 {
			panic("a bug met on content/articles/a.md")
		}
	}, func() { lost++ })
	if runs != 3 || lost != 2 {
		t.Errorf("%d runs and %d losses, want 3 and 2", runs, lost)
	}
	if got := log.String(); strings.Count(got, "serve: internal error in the file watcher: a bug met on content/articles/a.md (please report this)") != 2 {
		t.Errorf("the error log:\n%s", got)
	}

	// Stopping, it is not started again.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	runs = 0
	s.guard(ctx, "debouncer", func() { runs++; panic("again") }, nil)
	if runs != 1 {
		t.Errorf("%d runs after the server stopped, want 1", runs)
	}
}
