package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// now pins "future": articles dated after it get the scheduled badge.
var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.FixedZone("ICT", 7*3600))

const (
	articleA = "---\ntitle: Kiểm tra dân vận\ndate: 2018-08-06 16:41\ndocuments: [01-ĐA/TU]\n---\nĐoàn kiểm tra làm việc tại Đảng ủy Khối.\n"
	articleB = "---\ntitle: Giám sát kinh tế tập thể\ndate: 2019-03-12\n---\nĐoàn giám sát làm việc tại Phú Lương.\n"
	urlA     = "/2018/08/kiem-tra-dan-van/"
	urlB     = "/2019/03/giam-sat-kinh-te-tap-the/"
	fileA    = "content/articles/a.md"
)

// testServer is a real Server on 127.0.0.1:0 previewing a real folder.
type testServer struct {
	*Server
	t   testing.TB
	dir string
	url string // "http://127.0.0.1:PORT"
}

// start writes files into a temporary site folder, serves it and waits
// for the first build.
func start(t testing.TB, files map[string]string) *testServer {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), body)
	}
	return startIn(t, dir)
}

// startSave is start for the tests that a save of several steps (a
// rename, a delete then a write, vim's probe and backup) is one rebuild:
// with a quiet time of 300 ms rather than 75, so that a test goroutine
// descheduled between two steps, under the race detector on two busy
// cores, does not split the save in two. One such split failed CI once.
func startSave(t testing.TB, files map[string]string) *testServer {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), body)
	}
	return startWith(t, Config{Source: dir, Drafts: true, Future: true, Now: now, ErrorLog: testLog{t}, Quiet: 300 * time.Millisecond})
}

func startIn(t testing.TB, dir string) *testServer {
	t.Helper()
	return startWith(t, Config{Source: dir, Drafts: true, Future: true, Now: now, ErrorLog: testLog{t}})
}

// startWith serves cfg's site on a loopback port until the test ends, and
// waits for the first build.
func startWith(t testing.TB, cfg Config) *testServer {
	t.Helper()
	dir := cfg.Source
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Serve did not return after cancel")
		}
	})
	ts := &testServer{Server: s, t: t, dir: dir, url: "http://" + ln.Addr().String()}
	ts.wait(0)
	return ts
}

type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// wait returns the report of the first build after generation gen. The
// first build of a 10,000-article benchmark site takes seconds on a
// loaded machine: the wait is long, and only a broken server reaches it.
func (ts *testServer) wait(gen uint64) Report {
	ts.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	r, err := ts.Wait(ctx, gen)
	if err != nil {
		ts.t.Fatalf("no build after generation %d: %v", gen, err)
	}
	return r
}

// settled fails the test if another build follows generation gen within a
// few debounce periods: the change that led to gen was one rebuild.
func (ts *testServer) settled(gen uint64) {
	ts.t.Helper()
	time.Sleep(8 * ts.cfg.Quiet)
	if r := ts.Last(); r.Gen != gen {
		ts.t.Fatalf("%d builds for one change (last after %v), want 1", r.Gen-gen+1, r.Changes.Paths())
	}
}

func (ts *testServer) path(name string) string {
	return filepath.Join(ts.dir, filepath.FromSlash(name))
}

func (ts *testServer) write(name, body string) { ts.t.Helper(); write(ts.t, ts.path(name), body) }

// get requests path and returns the status and body.
func (ts *testServer) get(path string) (int, string) {
	ts.t.Helper()
	resp, err := http.Get(ts.url + path)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// mustGet requests path, expects 200 and returns the body.
func (ts *testServer) mustGet(path string) string {
	ts.t.Helper()
	code, body := ts.get(path)
	if code != http.StatusOK {
		ts.t.Fatalf("GET %s: %d", path, code)
	}
	return body
}

// stream is an EventSource client.
type stream struct {
	t      testing.TB
	events chan streamEvent
}

type streamEvent struct {
	name string
	msg  message
}

// listen connects to the event stream with the given query string.
func (ts *testServer) listen(query string) *stream {
	ts.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.url+eventsPath+query, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		ts.t.Fatalf("event stream Content-Type %q", ct)
	}
	s := &stream{t: ts.t, events: make(chan streamEvent, 100)}
	go func() {
		defer resp.Body.Close()
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 4<<20)
		var ev streamEvent
		var seen uint64
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.msg)
			case line == "" && ev.name != "":
				// As live.js does: hello covers the builds before it.
				if ev.name == "hello" {
					seen = ev.msg.Gen
				} else if ev.msg.Gen <= seen {
					ev = streamEvent{}
					continue
				}
				seen = ev.msg.Gen
				s.events <- ev
				ev = streamEvent{}
			}
		}
	}()
	ts.t.Cleanup(cancel)
	return s
}

// next returns the next event called name, skipping others.
func (s *stream) next(name string) message {
	s.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				s.t.Fatalf("event stream ended while waiting for %q", name)
			}
			if ev.name == name {
				return ev.msg
			}
		case <-timeout:
			s.t.Fatalf("no %q event", name)
		}
	}
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestEditServesTheNewContent(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA, "content/articles/b.md": articleB})
	if !strings.Contains(ts.mustGet(urlA), "Đảng ủy Khối") {
		t.Fatal("article not served")
	}
	gen := ts.Last().Gen
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Huyện ủy Phú Lương", 1))
	r := ts.wait(gen)
	if !r.OK() {
		t.Fatalf("rebuild failed: %v", r.Err)
	}
	if body := ts.mustGet(urlA); !strings.Contains(body, "Huyện ủy Phú Lương") {
		t.Error("the edit is not served")
	}
	if !slices.Equal(r.Changes.Paths(), []string{fileA}) || r.Changes.All {
		t.Errorf("changes %+v, want only %s", r.Changes, fileA)
	}
}

func TestRenameSaveIsOneRebuild(t *testing.T) {
	ts := startSave(t, map[string]string{fileA: articleA})
	gen := ts.Last().Gen
	// gedit, VS Code with atomic save, most tools: write a temporary
	// file beside, then rename it over the original.
	tmp := ts.path("content/articles/.goutputstream-3XKQ2Z")
	write(t, tmp, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Công an", 1))
	if err := os.Rename(tmp, ts.path(fileA)); err != nil {
		t.Fatal(err)
	}
	r := ts.wait(gen)
	ts.settled(r.Gen)
	if !r.OK() || !strings.Contains(ts.mustGet(urlA), "Đảng ủy Công an") {
		t.Fatalf("after rename-save: ok=%v", r.OK())
	}
}

func TestDeleteThenWriteIsOneRebuild(t *testing.T) {
	ts := startSave(t, map[string]string{fileA: articleA})
	gen := ts.Last().Gen
	if err := os.Remove(ts.path(fileA)); err != nil {
		t.Fatal(err)
	}
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Quân sự", 1))
	r := ts.wait(gen)
	ts.settled(r.Gen)
	if !r.OK() || !strings.Contains(ts.mustGet(urlA), "Đảng ủy Quân sự") {
		t.Fatalf("after delete-then-write: ok=%v", r.OK())
	}
}

func TestVimSaveIsOneRebuild(t *testing.T) {
	ts := startSave(t, map[string]string{fileA: articleA})
	// Opening the file: vim's swap file alone is no change.
	ts.write("content/articles/.a.md.swp", "swap")
	time.Sleep(4 * ts.cfg.Quiet)
	gen := ts.Last().Gen
	if gen != 1 {
		t.Fatalf("the swap file caused a rebuild")
	}
	// :w with backupcopy=no: probe, move the original to a.md~, write
	// anew, drop the backup.
	ts.write("content/articles/4913", "")
	os.Remove(ts.path("content/articles/4913"))
	os.Rename(ts.path(fileA), ts.path(fileA+"~"))
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Dân chính", 1))
	os.Chmod(ts.path(fileA), 0o644)
	os.Remove(ts.path(fileA + "~"))
	r := ts.wait(gen)
	ts.settled(r.Gen)
	if !r.OK() || !strings.Contains(ts.mustGet(urlA), "Đảng ủy Dân chính") {
		t.Fatalf("after vim save: ok=%v", r.OK())
	}
	for _, p := range r.Changes.Paths() {
		if ignored(p) {
			t.Errorf("%s was taken for a change", p)
		}
	}
}

// A git checkout rewrites a thousand files as fast as the disk allows:
// the debouncer makes far fewer builds than writes (one, when the writes
// never pause for 75 ms; a loaded machine may pause them), and the site
// served at the end holds every file as last written.
func TestBurstOfAThousandWritesIsFewRebuilds(t *testing.T) {
	const n = 1000
	files := map[string]string{}
	for i := range n {
		files[articleName(i)] = articleN(i, "trước")
	}
	ts := start(t, files)
	gen := ts.Last().Gen
	for i := range n {
		ts.write(articleName(i), articleN(i, "sau"))
	}
	seen := map[string]bool{}
	builds := 0
	for len(seen) < n {
		r := ts.wait(gen)
		gen, builds = r.Gen, builds+1
		if !r.OK() {
			t.Fatalf("rebuild failed: %v", r.Err)
		}
		for _, p := range r.Changes.Paths() {
			seen[p] = true
		}
	}
	ts.settled(gen)
	if builds > 5 {
		t.Errorf("%d builds for a burst of %d writes", builds, n)
	}
	for _, i := range []int{0, 500, 999} {
		if !strings.Contains(ts.mustGet("/2020/01/bai-"+itoa4(i)+"/"), "Nội dung sau") {
			t.Errorf("article %d is not served as last written", i)
		}
	}
}

func articleName(i int) string { return "content/articles/2020/" + itoa4(i) + ".md" }

func articleN(i int, word string) string {
	return "---\ntitle: Bài " + itoa4(i) + "\ndate: 2020-01-15\n---\nNội dung " + word + ".\n"
}

func itoa4(i int) string { return fmt.Sprintf("%04d", i) }

func TestFolderCreatedAfterStartIsWatched(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	gen := ts.Last().Gen
	os.MkdirAll(ts.path("content/articles/2019/03"), 0o755)
	r := ts.wait(gen)
	ts.write("content/articles/2019/03/b.md", articleB)
	for !strings.Contains(strings.Join(r.Changes.Paths(), " "), "b.md") {
		r = ts.wait(r.Gen)
	}
	if !strings.Contains(ts.mustGet(urlB), "Phú Lương") {
		t.Error("article in a new folder not served")
	}
}

func TestSiteStartedWithoutContentFolder(t *testing.T) {
	ts := start(t, map[string]string{"site.yaml": "title: Tin kiểm tra\n"})
	gen := ts.Last().Gen
	ts.write(fileA, articleA)
	for {
		r := ts.wait(gen)
		if code, _ := ts.get(urlA); code == http.StatusOK {
			return
		}
		gen = r.Gen
	}
}

func TestDraftsAndFutureArticlesAreMarked(t *testing.T) {
	ts := start(t, map[string]string{
		fileA:                   strings.Replace(articleA, "documents:", "draft: true\ndocuments:", 1),
		"content/articles/b.md": strings.Replace(articleB, "2019-03-12", "2027-03-12", 1),
	})
	if body := ts.mustGet(urlA); !strings.Contains(body, "badge-draft") {
		t.Error("the draft has no draft badge")
	}
	if body := ts.mustGet("/2027/03/giam-sat-kinh-te-tap-the/"); !strings.Contains(body, "badge-future") {
		t.Error("the future article has no scheduled badge")
	}
}

// A page that stops reading its event stream (a frozen tab, a stalled
// client) does not hold its handler past the write timeout, so Ctrl-C
// stops the server without waiting out the shutdown deadline.
func TestStalledStreamDoesNotHoldShutdown(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, fileA), articleA)
	s, err := New(Config{Source: dir, Now: now, ErrorLog: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer cancel()

	// A client with a tiny receive window that never reads.
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 1024) })
	}}
	conn, err := d.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", eventsPath)
	listening(t, s, 1)
	big := append([]byte("data: "), bytes.Repeat([]byte("x"), 1<<20)...)
	big = append(big, "\n\n"...)
	for range 16 {
		s.events.publish(big)
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // the handler is now stuck in a write

	begin := time.Now()
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
	if took := time.Since(begin); took > writeTimeout+2*time.Second { // the shutdown deadline is 5 s
		t.Errorf("stopping took %v with a stalled stream; the write timeout is %v", took, writeTimeout)
	}
}

// Once an editor pauses after a save, the server collects the garbage of
// the builds, so that the next save's build does not share the
// processors with a collection.
func TestCollectsGarbageWhenTheEditorPauses(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	gen := ts.Last().Gen
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Huyện ủy Phú Lương", 1))
	ts.wait(gen)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 40 {
		time.Sleep(50 * time.Millisecond)
		if runtime.ReadMemStats(&after); after.NumGC > before.NumGC {
			return
		}
	}
	t.Errorf("no garbage collected in the 2 s after a save (%d collections before, %d after)", before.NumGC, after.NumGC)
}
