//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe where the store, its inputs or its stamps are kept (a cache folder
// shared with other programs, a hostile user) made the next build wait
// for ever for a writer: it is not read, the build reads the site as if
// there were no store, and keeps a new one in its place.
func TestAPipeWhereTheStoreIsKeptHangsNoBuild(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("BULLETIN_CACHE_DIR", cache)
	dir := writeSite(t, map[string]string{
		"site.yaml":             "title: T\nbase_url: https://kiemtra.example.vn/\n",
		"content/articles/a.md": article,
	})
	out := filepath.Join(dir, "public")
	if code, _, errs := bulletin("build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	stores := keptFiles(t, cache)
	for _, s := range stores {
		os.Remove(s)
		if err := syscall.Mkfifo(s, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	os.WriteFile(filepath.Join(dir, "content/articles/b.md"), []byte(second), 0o644)
	type result struct {
		code         int
		stdout, errs string
	}
	done := make(chan result, 1)
	go func() {
		code, stdout, errs := bulletin("build", "-source", dir, "-out", out, "-v")
		done <- result{code, stdout, errs}
	}()
	select {
	case r := <-done:
		if r.code != 0 {
			t.Fatalf("the build over the pipes failed: %s", r.errs)
		}
		if !strings.Contains(r.stdout, "store           0 content files taken back") {
			t.Errorf("-v:\n%s", r.stdout)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the build hangs on the pipe where its store is kept")
	}
	for _, s := range stores {
		if fi, err := os.Lstat(s); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s after the build: %v %v, want a store kept again", s, fi, err)
		}
	}
	if data, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || !strings.Contains(string(data), "Giám sát kinh tế tập thể") {
		t.Errorf("the second article is not on the front page: %v", err)
	}
}
