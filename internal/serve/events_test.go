package serve

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"os"
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
	body := ts.mustGet(urlA)
	if !strings.Contains(body, "Đảng ủy Khối") {
		t.Error("the last good page is not served during the failure")
	}
	// A page opened (or reloaded) now hears of the problems at once.
	if m := ts.listen("?boot=" + ts.boot).next("hello"); m.OK || len(m.Problems) == 0 {
		t.Errorf("hello during the failure: %+v", m)
	}

	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Khối các cơ quan tỉnh", 1))
	m = events.next("build")
	if !m.OK || len(m.Problems) != 0 {
		t.Fatalf("build event after the fix: %+v", m)
	}
	if h := ts.hello(urlA, pageHashOf(body)); !h.Stale || len(h.Problems) != 0 {
		t.Errorf("the open page's question after the fix: %+v", h)
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
	s.serveErrorPage(rec, &http.Request{Method: "GET"}, st, found{status: http.StatusInternalServerError})
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

// A build event names the static files whose bytes changed (a page swaps
// a stylesheet in place); each open page asks whether its own bytes
// changed, and only the edited article's page is told it is stale.
func TestBuildEventsNameStaticFilesAndPagesAsk(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA, "content/articles/b.md": articleB, "static/css/bulletin.css": "body{}"})
	events := ts.listen("?boot=" + ts.boot)
	events.next("hello")
	pageA, pageB := pageHashOf(ts.mustGet(urlA)), pageHashOf(ts.mustGet(urlB))

	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Công an", 1))
	if m := events.next("build"); len(m.URLs) != 0 {
		t.Errorf("an article edit named static files %v", m.URLs)
	}
	if !ts.hello(urlA, pageA).Stale || ts.hello(urlB, pageB).Stale {
		t.Error("after an edit of A, A's page must be stale and B's not")
	}
	pageA = pageHashOf(ts.mustGet(urlA))

	ts.write("static/css/bulletin.css", "body{color:red}")
	m := events.next("build")
	if len(m.URLs) != 1 || m.URLs[0] != "/css/bulletin.css" {
		t.Errorf("a stylesheet edit changed %v, want only /css/bulletin.css", m.URLs)
	}
	if ts.hello(urlA, pageA).Stale {
		t.Error("a stylesheet edit made a page stale: it is swapped in place")
	}
}

func TestReconnectingPageLearnsWhetherItIsStale(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	current := pageHashOf(ts.mustGet(urlA))
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

// hello asks the server, as live.js does, whether the page at path that
// was served with hash is stale.
func (ts *testServer) hello(path, hash string) message {
	ts.t.Helper()
	_, body := ts.get(helloPath + "?boot=" + ts.boot + "&path=" + url.QueryEscape(path) + "&hash=" + url.QueryEscape(hash))
	var m message
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		ts.t.Fatalf("hello: %v: %s", err, body)
	}
	return m
}

// pageHashOf is the hash a served page carries in its live script.
func pageHashOf(page string) string {
	_, rest, _ := strings.Cut(page, `data-hash="`)
	h, _, _ := strings.Cut(rest, `"`)
	return h
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

// A site layout that shows on article pages what the default theme never
// does there (the issuer of each cited project) is followed by the
// preview without a restart: the article's open page learns it is stale
// when only the project file changed.
func TestPreviewFollowsWhatASiteLayoutShows(t *testing.T) {
	ts := start(t, map[string]string{
		fileA:                          articleA,
		"content/projects/01.md":       "---\ncode: 01-ĐA/TU\ntitle: Đề án một\nissuer: Ban Chấp hành\n---\n",
		"layouts/partials/footer.html": `<footer>{{with .Article}}{{range .Projects}}<p>Ban hành: {{.Issuer}}</p>{{end}}{{end}}</footer>`,
	})
	body := ts.mustGet(urlA)
	if !strings.Contains(body, "Ban hành: Ban Chấp hành") {
		t.Fatal("the site's footer is not used")
	}
	gen := ts.Last().Gen
	ts.write("content/projects/01.md", "---\ncode: 01-ĐA/TU\ntitle: Đề án một\nissuer: Tỉnh ủy Thái Nguyên\n---\n")
	ts.wait(gen)
	if !ts.hello(urlA, pageHashOf(body)).Stale {
		t.Error("the article's page was not told it is stale")
	}
	if !strings.Contains(ts.mustGet(urlA), "Ban hành: Tỉnh ủy Thái Nguyên") {
		t.Error("the new issuer is not served")
	}
}

// A layout that fails on one page (and not on others) leaves that page as
// it was last served, with the problem over it; a page never served
// before shows the problem; the fix makes both reload.
func TestLayoutFailingOnOnePage(t *testing.T) {
	ok := `<footer>{{with .Article}}{{.Title}}{{end}}</footer>`
	bad := `<footer>{{with .Article}}{{index .Tags 5}}{{end}}</footer>`
	ts := start(t, map[string]string{fileA: articleA, "content/articles/b.md": articleB, "layouts/partials/footer.html": ok})
	body := ts.mustGet(urlA)
	gen := ts.Last().Gen
	ts.write("layouts/partials/footer.html", bad)
	ts.wait(gen)
	if code, home := ts.get("/"); code != http.StatusOK || !strings.Contains(home, "Giám sát kinh tế tập thể") {
		t.Errorf("a page the layout does not fail on: %d", code)
	}
	h := ts.hello(urlA, pageHashOf(body))
	if h.Stale || len(h.Problems) == 0 || !strings.Contains(h.Problems[0].Text, "footer.html") {
		t.Errorf("the open page's question: %+v", h)
	}
	if code, again := ts.get(urlA); code != http.StatusOK || !strings.Contains(again, "Đảng ủy Khối") {
		t.Errorf("the page last served is not shown as it was: %d", code)
	}
	if code, fresh := ts.get(urlB); code != http.StatusInternalServerError || !strings.Contains(fresh, "footer.html") {
		t.Errorf("a page never served before: %d\n%s", code, fresh)
	}
	gen = ts.Last().Gen
	ts.write("layouts/partials/footer.html", ok)
	ts.wait(gen)
	if h := ts.hello(urlA, pageHashOf(ts.mustGet(urlA))); h.Stale || len(h.Problems) != 0 {
		t.Errorf("after the fix: %+v", h)
	}
}

// An article's file renamed, its page's bytes the same (its slug written
// in the file): the open page's "Sửa bài này" leads to the old name, so
// the page is stale, and served again it leads to the new one.
func TestRenamedFileMakesItsPageStale(t *testing.T) {
	fixed := strings.Replace(articleA, "---\nĐoàn", "slug: kiem-tra-dan-van\n---\nĐoàn", 1)
	ts := start(t, map[string]string{fileA: fixed})
	page := ts.mustGet(urlA)
	if !strings.Contains(page, `href="/_bulletin/edit/articles/a.md"`) {
		t.Fatalf("no link to the editor of a.md:\n%s", page)
	}
	gen := ts.Last().Gen
	if err := os.Rename(ts.path(fileA), ts.path("content/articles/kiem-tra.md")); err != nil {
		t.Fatal(err)
	}
	ts.wait(gen)
	if h := ts.hello(urlA, pageHashOf(page)); !h.Stale {
		t.Error("the page of a renamed file is not stale: its link to the editor leads to the old name")
	}
	if page := ts.mustGet(urlA); !strings.Contains(page, `href="/_bulletin/edit/articles/kiem-tra.md"`) {
		t.Errorf("the page does not link the new name:\n%s", page)
	}
}
