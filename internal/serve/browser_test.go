package serve

import (
	"context"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bulletin/internal/sitetest"
)

// The browser test drives Debian's chromium through the DevTools protocol:
// the page is opened once, and from then on only files on disk change. It
// reads the page's text, and never clicks or reloads.

// browse is a Chromium tab with a fresh profile (sitetest.Browser).
func browse(t testing.TB) context.Context { return sitetest.Browser(t) }

// until polls a JavaScript expression in the page until it is true, and
// fails after within.
func until(t testing.TB, tab context.Context, what, expr string, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return time.Since(start)
		}
		if time.Since(start) > within {
			t.Fatalf("%s: not within %v (last error: %v)", what, within, err)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// connected waits until n pages listen for builds, so a save is not made
// before the page can hear of it.
func (ts *testServer) connected(n int) { ts.t.Helper(); listening(ts.t, ts.Server, n) }

func listening(t testing.TB, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.events.mu.Lock()
		got := len(s.events.subs)
		s.events.mu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the page did not connect to the event stream")
}

func TestBrowserShowsSavesAndProblems(t *testing.T) {
	tab, ts := openA(t, map[string]string{
		fileA:                     articleA,
		"content/articles/b.md":   articleB,
		"static/css/bulletin.css": "body { color: rgb(0, 0, 0); }",
	})
	text := func(s string) string {
		return `document.body.innerText.includes(` + jsString(s) + `)`
	}
	// A mark that a reload would wipe out, and one in the page's body,
	// which a swap of the page replaces.
	chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](`window.bulletinMark = 1; window.scrollTo(0, 0)`))
	bodyMark := `document.querySelector("main").append(Object.assign(document.createElement("i"), {id: "mark"}))`
	chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](bodyMark))

	// Save the article: the page shows the new text and title by itself,
	// swapped in place, without a reload.
	ts.write(fileA, strings.Replace(strings.Replace(articleA, "Đảng ủy Khối", "Huyện ủy Phú Lương", 1), "title: Kiểm tra dân vận", "title: Giám sát dân vận\nslug: kiem-tra-dan-van", 1))
	d := until(t, tab, "the edited text", text("Huyện ủy Phú Lương"), 2*time.Second)
	t.Logf("save to new text in the page: %v", d)
	until(t, tab, "the new title", `document.title.startsWith("Giám sát dân vận") && document.querySelector("h1").textContent.includes("Giám sát")`, time.Second)
	until(t, tab, "no reload, the body swapped", `window.bulletinMark === 1 && document.getElementById("mark") === null`, time.Second)
	until(t, tab, "one live script, the editor's links and the stylesheet kept",
		`document.querySelectorAll("#bulletin-live").length === 1 && document.querySelectorAll('link[rel="stylesheet"]').length === 1 && getComputedStyle(document.body).color === "rgb(0, 0, 0)"`, time.Second)
	ts.connected(1)

	// Another article's save leaves this page alone: the swapped page
	// knows its new bytes, so it is not stale.
	chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](bodyMark))
	gen := ts.Last().Gen
	ts.write("content/articles/b.md", strings.Replace(articleB, "Phú Lương", "Định Hóa", 1))
	ts.wait(gen)
	time.Sleep(300 * time.Millisecond)
	until(t, tab, "no reload or swap for another article", `window.bulletinMark === 1 && document.getElementById("mark") !== null`, time.Second)
	chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](`window.bulletinMark = 2`))

	// A stylesheet change is swapped in without a reload.
	ts.write("static/css/bulletin.css", "body { color: rgb(200, 0, 0); }")
	until(t, tab, "the new stylesheet", `getComputedStyle(document.body).color === "rgb(200, 0, 0)"`, 2*time.Second)
	until(t, tab, "no reload for CSS", `window.bulletinMark === 2`, time.Second)

	// Break the frontmatter: the overlay names the file and line, and
	// shows the line, over the last good page.
	ts.write(fileA, strings.Replace(articleA, "title: ", "title: [", 1))
	overlay := `(function(){var o=document.getElementById("bulletin-problems");` +
		`return !!o && o.offsetHeight > 0 && o.textContent.includes("content/articles/a.md:2") &&` +
		` o.innerText.includes("\n  2 | title: [Kiểm tra dân vận")})()`
	until(t, tab, "the problems overlay", overlay, 2*time.Second)
	until(t, tab, "the last good page under the overlay", text("Huyện ủy Phú Lương"), time.Second)

	// Fix it: the overlay goes and the page shows the fixed text.
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Công an", 1))
	until(t, tab, "the fixed page", text("Đảng ủy Công an"), 2*time.Second)
	until(t, tab, "no overlay", `document.getElementById("bulletin-problems") === null`, time.Second)
}

// A swap keeps where the editor had scrolled to; a page with a script of
// its own reloads instead, so the script runs on the new page as it would
// for a reader.
func TestBrowserSwapKeepsScrollAndPageScriptsRun(t *testing.T) {
	long := strings.Repeat("Đoạn văn dài của bài kiểm tra.\n\n", 400)
	tab, ts := openA(t, map[string]string{
		fileA:                   articleA + long,
		"content/articles/b.md": articleB,
		"layouts/partials/footer.html": `<footer>{{if .Article}}{{if eq .Article.Title "Kiểm tra B"}}` +
			`<script>window.footerRan = (window.footerRan || 0) + 1</script>{{end}}{{end}}</footer>`,
	})
	chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](`window.bulletinMark = 1; window.scrollTo(0, 3000)`))
	until(t, tab, "scrolled", `window.scrollY === 3000`, time.Second)
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Huyện ủy Phú Lương", 1)+long)
	until(t, tab, "the edited text", `document.body.innerText.includes("Huyện ủy Phú Lương")`, 2*time.Second)
	until(t, tab, "the same place, no reload", `window.bulletinMark === 1 && window.scrollY === 3000`, time.Second)

	// The layout gives this page a script: it reloads, and the script runs.
	ts.write(fileA, strings.Replace(articleA, "title: Kiểm tra dân vận", "title: Kiểm tra B\nslug: kiem-tra-dan-van", 1))
	until(t, tab, "the page's script run", `window.footerRan === 1 && document.title.startsWith("Kiểm tra B")`, 2*time.Second)
	until(t, tab, "a reload", `window.bulletinMark === undefined`, time.Second)
}

func TestBrowserOverlayEscapesText(t *testing.T) {
	tab, ts := openA(t, map[string]string{fileA: articleA})
	ts.write(fileA, "---\ntitle: x\ndate: <img src=x onerror=window.pwned=1>\n---\n")
	until(t, tab, "the overlay", `document.getElementById("bulletin-problems") !== null`, 2*time.Second)
	until(t, tab, "no markup from a message", `!window.pwned && document.querySelector("#bulletin-problems img") === null`, time.Second)
}

func TestBrowserErrorPageRecovers(t *testing.T) {
	tab := browse(t)
	ts := start(t, map[string]string{fileA: broken})
	if err := chromedp.Do(tab, chromedp.Navigate(ts.url+urlA)); err != nil {
		t.Fatal(err)
	}
	until(t, tab, "the error page", `document.body.innerText.includes("content/articles/a.md:2")`, 5*time.Second)
	ts.connected(1)
	ts.write(fileA, articleA)
	until(t, tab, "the article after the fix", `document.body.innerText.includes("Đảng ủy Khối")`, 2*time.Second)
}

func TestBrowserReloadsAfterServerRestart(t *testing.T) {
	tab := browse(t)
	dir := t.TempDir()
	write(t, filepath.Join(dir, fileA), articleA)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	run := func(ln net.Listener) (*Server, func()) {
		s, err := New(Config{Source: dir})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- s.Serve(ctx, ln) }()
		return s, func() { cancel(); <-done }
	}
	s1, stop1 := run(ln)
	if err := chromedp.Do(tab, chromedp.Navigate("http://"+addr+urlA)); err != nil {
		t.Fatal(err)
	}
	until(t, tab, "the article", `document.body.innerText.includes("Đảng ủy Khối")`, 5*time.Second)
	listening(t, s1, 1)
	stop1()

	// Edited while no server runs: the new server's first build has it,
	// and the page, reconnecting, learns that it comes from the old one.
	write(t, filepath.Join(dir, fileA), strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Quân sự", 1))
	var ln2 net.Listener
	for range 50 {
		if ln2, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("listening again on %s: %v", addr, err)
	}
	_, stop2 := run(ln2)
	defer stop2()
	until(t, tab, "the page from the new server", `document.body.innerText.includes("Đảng ủy Quân sự")`, 5*time.Second)
}

// openA starts a preview of files and opens article a's page (urlA) in
// a browser tab, connected to the event stream.
func openA(t *testing.T, files map[string]string) (context.Context, *testServer) {
	t.Helper()
	tab := browse(t)
	ts := start(t, files)
	if err := chromedp.Do(tab, chromedp.Navigate(ts.url+urlA)); err != nil {
		t.Fatal(err)
	}
	until(t, tab, "the article", `document.body.innerText.includes("Đảng ủy Khối")`, 5*time.Second)
	ts.connected(1)
	return tab, ts
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// An editor keeps many articles open. A browser opens at most six
// connections to one host over HTTP/1.1, so the tabs share one event
// stream: the ninth tab loads, and a save reaches a tab that does not
// hold the stream.
func TestBrowserManyTabsShareOneStream(t *testing.T) {
	first := browse(t)
	ts := start(t, map[string]string{fileA: articleA, "content/articles/b.md": articleB})
	const n = 9
	tabs := []context.Context{first}
	for range n - 1 {
		tab, cancel := chromedp.NewContext(first)
		t.Cleanup(cancel)
		// The first Do opens the tab; a timeout on it would close the tab.
		if err := chromedp.Do(tab); err != nil {
			t.Fatal(err)
		}
		tabs = append(tabs, tab)
	}
	for i, tab := range tabs {
		ctx, cancel := context.WithTimeout(tab, 10*time.Second)
		err := chromedp.Do(ctx, chromedp.Navigate(ts.url+urlA))
		cancel()
		if err != nil {
			t.Fatalf("tab %d of %d did not load: %v", i+1, n, err)
		}
		until(t, tab, "the article", `document.body.innerText.includes("Đảng ủy Khối")`, 5*time.Second)
	}
	ts.connected(1)
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Huyện ủy Đồng Hỷ", 1))
	for i, tab := range tabs {
		until(t, tab, "the edited text in tab "+strconv.Itoa(i+1), `document.body.innerText.includes("Huyện ủy Đồng Hỷ")`, 3*time.Second)
	}
	// The tabs all reloaded, handing the stream from one to the next; once
	// they have settled, one holds it.
	streams := 0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ts.Server.events.mu.Lock()
		streams = len(ts.Server.events.subs)
		ts.Server.events.mu.Unlock()
		if streams == 1 {
			return
		}
	}
	t.Errorf("%d tabs hold %d event streams, want one", n, streams)
}

// A page whose URL the browser percent-encodes (a file under static/ with
// a space or Vietnamese letters in its name) is not taken for stale: it
// loads once and stays.
func TestBrowserEncodedURLDoesNotReloadForEver(t *testing.T) {
	tab := browse(t)
	ts := start(t, map[string]string{fileA: articleA, "static/tài liệu/hướng dẫn.html": "<!DOCTYPE html><html><body><p>Hướng dẫn</p></body></html>"})
	if err := chromedp.Do(tab, chromedp.Navigate(ts.url+"/t%C3%A0i%20li%E1%BB%87u/h%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn.html")); err != nil {
		t.Fatal(err)
	}
	until(t, tab, "the page", `document.body.innerText.includes("Hướng dẫn")`, 5*time.Second)
	ts.connected(1)
	chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](`window.bulletinMark = 1`))
	time.Sleep(time.Second)
	until(t, tab, "no reload", `window.bulletinMark === 1`, time.Second)
}
