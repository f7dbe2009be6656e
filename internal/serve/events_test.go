package serve

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

const broken = "---\ntitle: [Kiểm tra dân vận\ndate: 2018-08-06 16:41\n---\nĐoàn kiểm tra.\n"

func TestBadEditShowsProblemsAndKeepsTheOldPage(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	events := ts.listen("?boot=" + ts.boot)
	if m := events.next("hello"); !m.OK || m.Stale {
		t.Fatalf("hello: %+v", m)
	}
	gen := ts.Last().Gen
	ts.write(fileA, broken)
	m := events.next("build")
	if m.OK || len(m.Problems) == 0 {
		t.Fatalf("build event after a bad edit: %+v", m)
	}
	p := m.Problems[0]
	if p.File != fileA || p.Line != 2 || !strings.HasPrefix(p.Text, fileA+":2") {
		t.Errorf("problem: %+v", p)
	}
	if r := ts.wait(gen); r.OK() || len(r.Problems) == 0 {
		t.Errorf("report: %+v", r)
	}
	if body := ts.mustGet(urlA); !strings.Contains(body, "Đảng ủy Khối") {
		t.Error("the last good page is not served during the failure")
	}
	// A page opened (or reloaded) now hears of the problems at once.
	if m := ts.listen("?boot=" + ts.boot).next("hello"); m.OK || len(m.Problems) == 0 {
		t.Errorf("hello during the failure: %+v", m)
	}

	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Khối các cơ quan tỉnh", 1))
	m = events.next("build")
	if !m.OK || len(m.Problems) != 0 || !has(m.URLs, urlA) {
		t.Fatalf("build event after the fix: %+v", m)
	}
	if body := ts.mustGet(urlA); !strings.Contains(body, "Đảng ủy Khối các cơ quan tỉnh") {
		t.Error("the fix is not served")
	}
}

func TestFirstBuildFailureIsAnErrorPageThatRecovers(t *testing.T) {
	ts := start(t, map[string]string{fileA: strings.Replace(broken, "title: [", "title: [<script>alert(1)</script>", 1)})
	code, body := ts.get(urlA)
	if code != http.StatusInternalServerError || !strings.Contains(body, fileA+":2") {
		t.Fatalf("error page: %d\n%s", code, body)
	}
	if !strings.Contains(body, `id="bulletin-live"`) {
		t.Error("the error page has no live-reload script")
	}
	gen := ts.Last().Gen
	ts.write(fileA, articleA)
	if r := ts.wait(gen); !r.OK() {
		t.Fatalf("after the fix: %v", r.Err)
	}
	if body := ts.mustGet(urlA); !strings.Contains(body, "Đảng ủy Khối") {
		t.Error("the site is not served after the fix")
	}
}

func TestErrorPageEscapesTheProblems(t *testing.T) {
	s := &Server{boot: "b"}
	st := &state{report: Report{Gen: 1, Err: errTest("<script>alert(1)</script>")}}
	rec := &recorder{header: http.Header{}}
	s.serveErrorPage(rec, &http.Request{Method: "GET"}, st)
	if strings.Contains(rec.body.String(), "<script>alert(1)") || !strings.Contains(rec.body.String(), "&lt;script&gt;alert(1)") {
		t.Errorf("the problem text is not escaped:\n%s", rec.body.String())
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }

type recorder struct {
	header http.Header
	code   int
	body   strings.Builder
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(code int)        { r.code = code }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }

func TestBuildEventsListTheChangedURLs(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA, "content/articles/b.md": articleB, "static/css/bulletin.css": "body{}"})
	events := ts.listen("?boot=" + ts.boot)
	events.next("hello")

	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Công an", 1))
	m := events.next("build")
	if !has(m.URLs, urlA) || has(m.URLs, urlB) {
		t.Errorf("an article edit changed %v", m.URLs)
	}

	ts.write("static/css/bulletin.css", "body{color:red}")
	m = events.next("build")
	if len(m.URLs) != 1 || m.URLs[0] != "/css/bulletin.css" {
		t.Errorf("a stylesheet edit changed %v, want only /css/bulletin.css", m.URLs)
	}
}

func TestReconnectingPageLearnsWhetherItIsStale(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	current := hash(mustFile(t, ts, "2018/08/kiem-tra-dan-van/index.html"))
	for _, c := range []struct {
		query string
		stale bool
	}{
		{"?boot=" + ts.boot + "&path=" + urlA + "&hash=" + current, false},
		{"?boot=" + ts.boot + "&path=" + urlA + "&hash=0000", true},     // the page changed meanwhile
		{"?boot=0000&path=" + urlA + "&hash=" + current, true},          // the server restarted
		{"?boot=" + ts.boot + "&path=/khong-co/&hash=" + current, true}, // a 404 whose page now exists, or the reverse
	} {
		if m := ts.listen(c.query).next("hello"); m.Stale != c.stale {
			t.Errorf("%s: stale=%v, want %v", c.query, m.Stale, c.stale)
		}
	}
}

func mustFile(t *testing.T, ts *testServer, name string) []byte {
	t.Helper()
	b, ok := ts.cur.Load().site.Get(name)
	if !ok {
		t.Fatalf("no %s in the build", name)
	}
	return b
}

func TestShutdownEndsOpenStreams(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/"+fileA, articleA)
	s, err := New(Config{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("shutdown took %v with a stream open", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("still listening after shutdown")
	}
}
