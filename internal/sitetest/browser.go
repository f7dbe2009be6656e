package sitetest

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Serve writes the built site to a temporary folder and serves it as a
// static host would, with a plain http.FileServer on 127.0.0.1; it returns
// the site's URL, without a trailing slash.
func (s *Site) Serve(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range s.Out.Names() {
		data, _ := s.Out.Get(name)
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// Browser starts a headless Chromium with a fresh profile and returns a
// tab. Where none is installed it skips the test, except under CI, which
// installs Debian's chromium (.ci/run): there it fails.
func Browser(t testing.TB) context.Context {
	t.Helper()
	bin := ""
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium binary found, and CI=true: .ci/run should have installed it")
		}
		t.Skip("no chromium binary found (apt-get install chromium); the browser tests run in CI")
	}
	profile, err := os.MkdirTemp("", "bulletin-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		for range 50 { // Chromium's helpers may still write in the profile for a moment
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	if err := chromedp.Do(tab); err != nil { // starts the browser, without a timeout
		t.Fatalf("starting %s: %v", bin, err)
	}
	return tab
}

// Until polls a JavaScript expression in the tab until it is true, and
// fails the test after within.
func Until(t testing.TB, tab context.Context, what, expr string, within time.Duration) {
	t.Helper()
	start := time.Now()
	for {
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Since(start) > within {
			page, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
			t.Fatalf("%s: not within %v (last error: %v); the page reads:\n%s", what, within, err, strings.TrimSpace(page))
		}
		time.Sleep(25 * time.Millisecond)
	}
}
