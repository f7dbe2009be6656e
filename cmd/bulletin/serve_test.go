package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"bulletin/internal/sitetest"
)

// eventually waits until cond holds on the buffer's text.
func eventually(t *testing.T, buf *sitetest.SyncBuffer, what string, cond func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if s := buf.String(); cond(s) {
			return s
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %s in:\n%s", what, buf.String())
	return ""
}

// preview runs bulletin serve on dir with args on a free port until the
// test ends, and returns its address once the first build is served, with
// what it prints. stop ends it and returns its error.
func preview(t *testing.T, dir string, args ...string) (url string, stdout, stderr *sitetest.SyncBuffer, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr = new(sitetest.SyncBuffer), new(sitetest.SyncBuffer)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "-source", dir, "-addr", "127.0.0.1:0"}, args...), stdout, stderr)
	}()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				err = errors.New("serve did not stop")
			}
		})
		return err
	}
	t.Cleanup(func() { stop() })
	out := eventually(t, stdout, "URL and summary", func(s string) bool { return strings.Contains(s, "Done in") })
	m := regexp.MustCompile(`Serving (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no URL:\n%s", out)
	}
	return m[1], stdout, stderr, stop
}

func TestServePreviewsAndRebuilds(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	url, stdout, stderr, stop := preview(t, dir)
	page := url + "2018/08/kiem-tra-dan-van/"
	if body := fetch(t, page); !strings.Contains(body, "Nội dung.") {
		t.Fatalf("article not served:\n%s", body)
	}

	src := filepath.Join(dir, "content/articles/a.md")
	os.WriteFile(src, []byte(strings.Replace(article, "Nội dung.", "Nội dung mới.", 1)), 0o644)
	eventually(t, stdout, "rebuild line", func(s string) bool {
		return regexp.MustCompile(`\d\d:\d\d:\d\d rebuilt in \S+ after content/articles/a.md\n`).MatchString(s)
	})
	if body := fetch(t, page); !strings.Contains(body, "Nội dung mới.") {
		t.Error("the edit is not served")
	}

	os.WriteFile(src, []byte("---\ntitle: [x\n---\n"), 0o644)
	eventually(t, stderr, "problems", func(s string) bool {
		return strings.Contains(s, "build failed with 1 problem (still serving the last good build)") &&
			strings.Contains(s, "content/articles/a.md:2")
	})

	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if !strings.HasSuffix(stdout.String(), "Stopped.\n") {
		t.Errorf("stdout does not end with Stopped.:\n%s", stdout.String())
	}
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestServeUsageErrors(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	for _, args := range [][]string{
		{"serve", "-source", filepath.Join(dir, "nope")},
		{"serve", "-source", dir, "-addr", "not an address"},
		{"serve", "-source", dir, "extra"},
	} {
		if code, _, _ := bulletin(args...); code != 2 {
			t.Errorf("bulletin %v: exit %d, want 2", args, code)
		}
	}
}

// Bound to every address (-addr :PORT), the preview printed a localhost
// URL and nothing of the network seeing the drafts.
func TestServeOnEveryAddressSaysSo(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr sitetest.SyncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "-source", dir, "-addr", "0.0.0.0:0"}, &stdout, &stderr) }()
	out := eventually(t, &stdout, "URL and summary", func(s string) bool { return strings.Contains(s, "Done in") })
	m := regexp.MustCompile(`Serving http://localhost:(\d+)/ \(Ctrl-C to stop\)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no localhost URL:\n%s", out)
	}
	want := "warning: the preview listens on every address of this machine, port " + m[1] + ": anyone on the network who can reach this machine sees the site, " +
		"drafts and articles not yet due included (-addr 127.0.0.1:" + m[1] + " keeps it on this machine)"
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks the warning %q:\n%s", want, stderr.String())
	}
	// Every URL printed is served.
	for _, u := range regexp.MustCompile(`http://\S+/`).FindAllString(out, -1) {
		if body := fetch(t, u+"2018/08/kiem-tra-dan-van/"); !strings.Contains(body, "Nội dung.") {
			t.Errorf("%s does not serve the site", u)
		}
	}
	cancel()
	<-done
}

// The editor in the browser is on when serve listens on this machine's
// own address, and off on any other, which the terminal says.
func TestServeSaysWhetherTheEditorIsOn(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	for _, c := range []struct {
		addr, says string
		status     int
	}{
		{"127.0.0.1:0", "Write in the browser: http://127.0.0.1:", http.StatusOK},
		{"0.0.0.0:0", "The editor in the browser is off: serve listens on ", http.StatusNotFound},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		var stdout, stderr sitetest.SyncBuffer
		done := make(chan error, 1)
		go func() { done <- run(ctx, []string{"serve", "-source", dir, "-addr", c.addr}, &stdout, &stderr) }()
		out := eventually(t, &stdout, "the editor line", func(s string) bool { return strings.Contains(s, "Done in") })
		if !strings.Contains(out, c.says) {
			t.Errorf("-addr %s:\n%s", c.addr, out)
		}
		port := regexp.MustCompile(`Serving http://[^:]+:(\d+)/`).FindStringSubmatch(out)[1]
		resp, err := http.Get("http://127.0.0.1:" + port + "/_bulletin/edit/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("-addr %s: the editor answers %d, want %d", c.addr, resp.StatusCode, c.status)
		}
		cancel()
		<-done
	}
}

// A layout that fails on a page only when the page is made, as the preview
// makes pages when a browser asks, is printed in the terminal too, with
// its line, once per page and build: it was shown in the browser alone.
func TestServePrintsALayoutFailingOnAPage(t *testing.T) {
	theme, err := os.ReadFile("../../layouts/article.html")
	if err != nil {
		t.Fatal(err)
	}
	layout := strings.Replace(string(theme), `{{define "main"}}`, "{{define \"main\"}}\n{{.Nope.Field}}", 1)
	if layout == string(theme) {
		t.Fatal("the theme's article.html has no main to break")
	}
	dir := writeSite(t, map[string]string{"content/articles/a.md": article, "layouts/article.html": layout})
	url, _, stderr, _ := preview(t, dir)
	fetch(t, url+"2018/08/kiem-tra-dan-van/")
	fetch(t, url+"2018/08/kiem-tra-dan-van/")
	errs := eventually(t, stderr, "the page's problem", func(s string) bool {
		return strings.Contains(s, "the page /2018/08/kiem-tra-dan-van/ could not be made (1 problem):") && strings.Contains(s, "{{.Nope.Field}}")
	})
	if n := strings.Count(errs, "could not be made"); n != 1 {
		t.Errorf("told %d times for one page and build:\n%s", n, errs)
	}
}

// The preview started with drafts off says which of its own flags puts
// them back: -drafts=true (its -drafts is on unless turned off), not
// build's -drafts.
func TestServeSaysHowToShowDraftsAgain(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article,
		"content/articles/d.md": "---\ntitle: Nháp\ndate: 2018-01-01\ndraft: true\n---\nx\n"})
	_, stdout, _, _ := preview(t, dir, "-drafts=false")
	if out := stdout.String(); !strings.Contains(out, "left out 1 draft (-drafts=true to publish them)") {
		t.Errorf("summary:\n%s", out)
	}
}
