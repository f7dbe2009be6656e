package main

import (
	"bulletin/internal/sitetest"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The example site, built by bulletin build, served by Debian's nginx with
// the configuration the README gives, as written: at the root and under a
// sub-path. nginx runs as an unprivileged user on a free port of
// 127.0.0.1, from a prefix in a temporary folder, and is stopped with the
// test. .ci/run installs nginx and chromium; elsewhere the test skips
// without them.

// readmeNginx returns the README's nginx blocks: the server block, then
// the location for a site under a path.
func readmeNginx(t *testing.T) (server, subpath string) {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```nginx\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) != 2 {
		t.Fatalf("README.md has %d nginx blocks, want 2 (the server block, the sub-path location)", len(blocks))
	}
	return blocks[0][1], blocks[1][1]
}

// replaceLine replaces the one line of conf that starts (after spaces) with
// prefix, failing when there is none: the README changed shape.
func replaceLine(t *testing.T, conf, prefix, with string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^(\s*)` + regexp.QuoteMeta(prefix) + `.*$`)
	if len(re.FindAllString(conf, -1)) != 1 {
		t.Fatalf("the README's server block has no single %q line:\n%s", prefix, conf)
	}
	return re.ReplaceAllString(conf, "${1}"+with)
}

// nginxServer runs nginx with the README's server block serving root, and
// the sub-path location when sub is true. It returns the base URL.
func nginxServer(t *testing.T, root string, sub bool) string {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		if _, e := os.Stat("/usr/sbin/nginx"); e == nil {
			bin = "/usr/sbin/nginx"
		} else if os.Getenv("CI") == "true" {
			t.Fatal("no nginx, and CI=true: .ci/run should have installed it")
		} else {
			t.Skip("no nginx (apt-get install nginx); the test runs in CI")
		}
	}
	server, subpath := readmeNginx(t)
	port := freePort(t)
	conf := replaceLine(t, server, "listen ", fmt.Sprintf("listen 127.0.0.1:%d;", port))
	conf = replaceLine(t, conf, "root ", "root "+root+";")
	if sub {
		end := strings.LastIndex(conf, "}")
		conf = conf[:end] + subpath + conf[end:]
	}
	prefix := tempDir(t)
	for _, d := range []string{"logs", "tmp"} {
		os.Mkdir(filepath.Join(prefix, d), 0o755)
	}
	tmp := filepath.Join(prefix, "tmp")
	full := fmt.Sprintf(`worker_processes 1;
daemon off;
pid %[1]s/nginx.pid;
error_log %[1]s/logs/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
%[3]s
}
`, prefix, tmp, conf)
	confFile := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(full), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", prefix, "-c", confFile, "-e", filepath.Join(prefix, "logs", "error.log"))
	unprivileged(t, cmd, prefix)
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGQUIT) // graceful stop
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(15 * time.Second)
	for {
		if c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second); err == nil {
			c.Close()
			return base
		}
		select {
		case err := <-done:
			log, _ := os.ReadFile(filepath.Join(prefix, "logs", "error.log"))
			t.Fatalf("nginx stopped: %v\n%s\n%s\nconfiguration:\n%s", err, out, log, full)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx does not answer on %s", base)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// unprivileged runs nginx as nobody when the test runs as root (CI): the
// master process itself then holds no privilege, and the prefix is
// nobody's to write its logs in.
func unprivileged(t *testing.T, cmd *exec.Cmd, prefix string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	const nobody = 65534
	filepath.WalkDir(prefix, func(p string, _ fs.DirEntry, _ error) error { return os.Chown(p, nobody, nobody) })
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
}

// tempDir is a temporary folder that another user may read (nginx runs as
// nobody under root): t.TempDir's are the owner's alone.
func tempDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "bulletin-nginx-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(d, 0o755)
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// exampleSite copies this repository's example site into a new folder,
// with base_url set to base.
func exampleSite(t *testing.T, base string) string {
	t.Helper()
	dst := tempDir(t)
	for _, dir := range []string{"content", "static", "layouts"} {
		err := filepath.WalkDir(filepath.Join("..", "..", dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755)
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg = regexp.MustCompile(`(?m)^base_url:.*$`).ReplaceAll(cfg, []byte("base_url: "+base))
	if err := os.WriteFile(filepath.Join(dst, "site.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// buildInto builds the site at src into out with bulletin build.
func buildInto(t *testing.T, src, out string) {
	t.Helper()
	if code, _, errs := bulletin("build", "-source", src, "-out", out); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(t *testing.T, url string, gzip bool) response {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept-Encoding", "identity")
	if gzip {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, string(b)}
}

// The article with an old URL in the example site, and that URL.
const (
	exampleArticle = "2018/08/kiem-tra-thuc-hien-cac-de-an-ve-cong-tac-dan-van/"
	exampleAlias   = "2018/08/kiem-tra-cong-tac-dan-van/"
)

func TestNginxServesTheBuiltSite(t *testing.T) {
	for _, c := range []struct{ name, path string }{{"root", "/"}, {"sub-path", "/kiem-tra/"}} {
		t.Run(c.name, func(t *testing.T) {
			www := tempDir(t)
			out := filepath.Join(www, strings.Trim(c.path, "/"))
			buildInto(t, exampleSite(t, "https://kiemtra.example.vn"+c.path), out)
			base := nginxServer(t, www, c.path != "/") + c.path

			home := get(t, base, false)
			if home.status != 200 || !strings.Contains(home.body, `<html lang="vi">`) || !strings.Contains(home.header.Get("Cache-Control"), "max-age=300") {
				t.Fatalf("front page: %d %v\n%.300s", home.status, home.header, home.body)
			}
			css := regexp.MustCompile(`href="(` + regexp.QuoteMeta(c.path) + `css/bulletin\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(home.body)
			if css == nil {
				t.Fatal("the front page links no fingerprinted stylesheet")
			}
			origin := strings.TrimSuffix(base, c.path)
			if r := get(t, origin+css[1], false); r.status != 200 || r.header.Get("Cache-Control") != "public, max-age=31536000, immutable" ||
				!strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
				t.Errorf("fingerprinted CSS: %d %v", r.status, r.header)
			}
			// gzip_static: the .gz copy the build wrote, sent as it is.
			gz, _ := os.ReadFile(filepath.Join(out, exampleArticle, "index.html.gz"))
			if r := get(t, base+exampleArticle, true); r.status != 200 || r.header.Get("Content-Encoding") != "gzip" || len(gz) == 0 || r.body != string(gz) {
				t.Errorf("article with Accept-Encoding gzip: %d %v, the build's .gz copy: %t", r.status, r.header, len(gz) > 0 && r.body == string(gz))
			}
			if r := get(t, base+exampleArticle, false); r.status != 200 || r.header.Get("Content-Encoding") != "" || !strings.Contains(r.body, "</html>") {
				t.Errorf("article without gzip: %d %v", r.status, r.header)
			}
			if r := get(t, base+exampleAlias, false); r.status != 200 || !strings.Contains(r.body, `url=`+c.path+exampleArticle) {
				t.Errorf("old URL: %d\n%s", r.status, r.body)
			}
			nf := get(t, base+"khong-co/", false)
			if nf.status != 404 || !strings.Contains(nf.body, "Không tìm thấy trang") {
				t.Errorf("missing page: %d\n%.300s", nf.status, nf.body)
			}
			for _, hidden := range []string{".bulletin-output", ".bulletin-output.gz", "css/.hidden"} {
				if r := get(t, base+hidden, false); r.status != 404 || strings.Contains(r.body, "bulletin output manifest") {
					t.Errorf("%s: %d\n%.200s", hidden, r.status, r.body)
				}
			}
			if r := get(t, base+"feed.json", true); r.status != 200 || r.header.Get("Content-Encoding") != "gzip" {
				t.Errorf("feed.json: %d %v", r.status, r.header)
			}
		})
	}
}

// A reader's browser through nginx: the front page styled by its
// fingerprinted stylesheet (kept a year), pages sent gzip-encoded, and an
// old URL that leads to its article.
func TestBrowserThroughNginx(t *testing.T) {
	for _, c := range []struct{ name, path string }{{"root", "/"}, {"sub-path", "/kiem-tra/"}} {
		t.Run(c.name, func(t *testing.T) {
			www := tempDir(t)
			buildInto(t, exampleSite(t, "https://kiemtra.example.vn"+c.path), filepath.Join(www, strings.Trim(c.path, "/")))
			base := nginxServer(t, www, c.path != "/") + c.path
			tab := sitetest.Browser(t)

			// Every response the browser receives, by URL.
			var mu sync.Mutex
			responses := map[string]*network.Response{}
			chromedp.Listen(tab, func(ev any) {
				if r, ok := ev.(*network.EventResponseReceived); ok {
					mu.Lock()
					responses[r.Response.URL] = r.Response
					mu.Unlock()
				}
			})
			header := func(r *network.Response, name string) string {
				for k, v := range r.Headers {
					if strings.EqualFold(k, name) {
						return fmt.Sprint(v)
					}
				}
				return ""
			}
			ctx, cancel := context.WithTimeout(tab, 60*time.Second)
			defer cancel()

			page, err := chromedp.Run(ctx, chromedp.NavigateResponse(base))
			if err != nil {
				t.Fatal(err)
			}
			if header(page, "Content-Encoding") != "gzip" || !strings.Contains(header(page, "Cache-Control"), "max-age=300") {
				t.Errorf("front page response headers: %v", page.Headers)
			}
			if err := chromedp.Do(ctx, chromedp.WaitReady("body")); err != nil {
				t.Fatal(err)
			}
			href, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('link[rel=stylesheet]').href`))
			color, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.site-header')).backgroundColor`))
			if color == "" || color == "rgba(0, 0, 0, 0)" {
				t.Errorf("the front page is not styled (header background %q)", color)
			}
			mu.Lock()
			css := responses[href]
			mu.Unlock()
			if !regexp.MustCompile(`/css/bulletin\.[0-9a-f]{10}\.css$`).MatchString(href) || css == nil ||
				!strings.Contains(header(css, "Cache-Control"), "max-age=31536000") || css.MimeType != "text/css" {
				t.Errorf("stylesheet %s: %+v", href, css)
			}

			// An old URL leads on to its article.
			if err := chromedp.Do(ctx, chromedp.Navigate(base+exampleAlias)); err != nil {
				t.Fatal(err)
			}
			var path string
			for deadline := time.Now().Add(20 * time.Second); ; {
				path, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
				if path == c.path+exampleArticle || time.Now().After(deadline) {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			chromedp.Do(ctx, chromedp.WaitReady("h1"))
			h1, _ := chromedp.Run(ctx, chromedp.Text("h1"))
			if path != c.path+exampleArticle || !strings.Contains(h1, "Kiểm tra thực hiện các đề án về công tác dân vận") {
				t.Errorf("the old URL led to %q (h1 %q), want %s", path, h1, c.path+exampleArticle)
			}
			mu.Lock()
			article := responses[base+exampleArticle]
			mu.Unlock()
			if article == nil || header(article, "Content-Encoding") != "gzip" {
				t.Errorf("article response: %+v", article)
			}
		})
	}
}
