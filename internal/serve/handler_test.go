package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// rawGet sends a request line as written, so neither the client nor a URL
// parser cleans the path before the server sees it.
func (ts *testServer) rawGet(target string) (int, string) {
	ts.t.Helper()
	return ts.rawGetHost(target, "localhost")
}

// rawGetHost sends a GET with the given Host header, bypassing the client's
// path cleaning.
func (ts *testServer) rawGetHost(target, host string) (int, string) {
	ts.t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.url, "http://"))
	if err != nil {
		ts.t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		ts.t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A page on another site that points its own name at 127.0.0.1 (DNS
// rebinding) must not read the preview, drafts included.
func TestOnlyLoopbackHostsAreAnswered(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	for host, want := range map[string]int{
		"localhost": 200, "localhost:1313": 200, "127.0.0.1:8080": 200, "[::1]:1313": 200, "LOCALHOST": 200,
		"localhost.:1313": 200, "tin-bai.localhost:1313": 200, "localhost.example.vn": 403, "evillocalhost": 403,
		"evil.example": 403, "evil.example:1313": 403, "127.0.0.1.evil.example": 403, "": 403,
	} {
		if code, _ := ts.rawGetHost("/", host); code != want {
			t.Errorf("Host %q: %d, want %d", host, code, want)
		}
	}
}

func TestTraversalIsRefused(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA, "static/css/x.css": "a{}"})
	for _, target := range []string{
		"/../etc/passwd",
		"/../../../../etc/passwd",
		"/css/../../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
		"/..%2f..%2fetc/passwd",
		"/css/%2e%2e/%2e%2e/etc/passwd",
		"/%5c..%5c..%5cetc%5cpasswd",
		"/..\\..\\etc\\passwd",
		"//etc/passwd",
		"///etc/passwd",
		"/css//x.css",
		"/index.html%00.css",
		"/%00",
		"/./index.html",
		"/C:/Windows/win.ini",
		"/etc/passwd",
		"/" + strings.TrimPrefix(ts.dir, "/") + "/content/articles/a.md",
		"/content/articles/a.md",
		"/site.yaml",
	} {
		code, body := ts.rawGet(target)
		if code != http.StatusBadRequest && code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 400 or 404", target, code)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "documents: [") {
			t.Errorf("GET %s served a file from outside the built site", target)
		}
	}
}

func TestContentTypes(t *testing.T) {
	ts := start(t, map[string]string{
		fileA:                   articleA,
		"static/js/app.js":      "console.log(1)",
		"static/data.json":      "{}",
		"static/img/a.png":      "png",
		"static/img/a.jpg":      "jpg",
		"static/img/a.webp":     "webp",
		"static/img/a.gif":      "gif",
		"static/img/a.svg":      "<svg/>",
		"static/favicon.ico":    "ico",
		"static/fonts/a.woff":   "woff",
		"static/fonts/a.woff2":  "woff2",
		"static/notes.txt":      "notes",
		"static/unknown.bin123": "?",
	})
	for path, want := range map[string]string{
		"/":                   "text/html; charset=utf-8",
		urlA:                  "text/html; charset=utf-8",
		"/css/bulletin.css":   "text/css; charset=utf-8",
		"/js/app.js":          "text/javascript; charset=utf-8",
		"/index.xml":          "application/xml; charset=utf-8",
		"/sitemap.xml":        "application/xml; charset=utf-8",
		"/data.json":          "application/json",
		"/img/a.png":          "image/png",
		"/img/a.jpg":          "image/jpeg",
		"/img/a.webp":         "image/webp",
		"/img/a.gif":          "image/gif",
		"/img/a.svg":          "image/svg+xml",
		"/favicon.ico":        "image/x-icon",
		"/fonts/a.woff":       "font/woff",
		"/fonts/a.woff2":      "font/woff2",
		"/notes.txt":          "text/plain; charset=utf-8",
		"/robots.txt":         "text/plain; charset=utf-8",
		"/unknown.bin123":     "application/octet-stream",
		"/no/such/page/":      "text/html; charset=utf-8",
		"/favicon.svg":        "image/svg+xml",
		"/img/a.png?v=1":      "image/png",
		"/css/bulletin.css#x": "text/css; charset=utf-8",
	} {
		resp, err := http.Get(ts.url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s: Cache-Control %q", path, got)
		}
	}
}

func TestHeadAndConditionalGet(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	get, err := http.Get(ts.url + urlA)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(get.Body)
	get.Body.Close()
	etag := get.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}

	head, err := http.Head(ts.url + urlA)
	if err != nil {
		t.Fatal(err)
	}
	hb, _ := io.ReadAll(head.Body)
	head.Body.Close()
	if head.StatusCode != 200 || len(hb) != 0 || head.ContentLength != int64(len(body)) || head.Header.Get("ETag") != etag {
		t.Errorf("HEAD: %d, %d bytes of body, Content-Length %d (GET sent %d), ETag %q",
			head.StatusCode, len(hb), head.ContentLength, len(body), head.Header.Get("ETag"))
	}

	conditional := func() int {
		req, _ := http.NewRequest("GET", ts.url+urlA, nil)
		req.Header.Set("If-None-Match", etag)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := conditional(); code != http.StatusNotModified {
		t.Errorf("If-None-Match with the current ETag: %d, want 304", code)
	}
	gen := ts.Last().Gen
	ts.write(fileA, strings.Replace(articleA, "Đảng ủy Khối", "Đảng ủy Công an", 1))
	ts.wait(gen)
	if code := conditional(); code != http.StatusOK {
		t.Errorf("If-None-Match with the ETag from before an edit: %d, want 200", code)
	}

	resp, _ := http.Post(ts.url+urlA, "text/plain", nil)
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
	resp.Body.Close()
}

func TestFoldersRedirectAndMissingPagesAre404(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(ts.url + strings.TrimSuffix(urlA, "/") + "?x=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != urlA+"?x=1" {
		t.Errorf("folder without slash: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	code, body := ts.get("/khong-co/")
	if code != http.StatusNotFound || !strings.Contains(body, "Không tìm thấy trang") {
		t.Errorf("missing page: %d, body is not the site's 404 page", code)
	}
	if !strings.Contains(body, `id="bulletin-live"`) {
		t.Error("the 404 page has no live-reload script")
	}
}

func TestScriptIsInjectedIntoServedHTMLOnly(t *testing.T) {
	ts := start(t, map[string]string{fileA: articleA})
	body := ts.mustGet(urlA)
	i, j := strings.Index(body, `<script id="bulletin-live"`), strings.LastIndex(body, "</body>")
	if i < 0 || j < i {
		t.Fatal("the script is not before </body>")
	}
	if strings.Count(body, `id="bulletin-live"`) != 1 {
		t.Error("injected more than once")
	}
	if css := ts.mustGet("/css/bulletin.css"); strings.Contains(css, "bulletin-live") {
		t.Error("the script went into a stylesheet")
	}
	site := ts.cur.Load().site
	for _, name := range site.Names() {
		if data, _, _ := site.File(name); strings.Contains(string(data), "bulletin-live") || strings.Contains(string(data), eventsPath) {
			t.Errorf("the built site's %s holds the live-reload script", name)
		}
	}
}

func TestInjectWithoutBody(t *testing.T) {
	s := &Server{boot: "b"}
	out := string(s.inject([]byte("<p>x</P></BODY></html>"), "a/index.html", "h"))
	if !strings.HasPrefix(out, "<p>x</P><script") || !strings.HasSuffix(out, "</script>\n</BODY></html>") {
		t.Errorf("upper-case </BODY>: %.60q", out)
	}
	out = string(s.inject([]byte("<p>fragment</p>"), "a/index.html", "h"))
	if !strings.HasPrefix(out, "<p>fragment</p><script") {
		t.Errorf("no </body>: %.60q", out)
	}
}

func TestFileNameAndURL(t *testing.T) {
	for in, want := range map[string]string{
		"/": "index.html", "/a/": "a/index.html", "/a/b.css": "a/b.css", "/a": "a",
		"/..": "", "/a/../b": "", "/./a": "", "//a": "", "/a//b": "", "/a\\b": "", "/a\x00": "", "a": "",
	} {
		got, ok := fileName(in)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"index.html": "/", "x/index.html": "/x/", "2018/08/a/index.html": "/2018/08/a/",
		"css/a.css": "/css/a.css", "404.html": "/404.html", "tags/đ b/index.html": "/tags/%C4%91%20b/",
	} {
		if got := fileURL(in); got != want {
			t.Errorf("fileURL(%q) = %q, want %q", in, got, want)
		}
	}
}
