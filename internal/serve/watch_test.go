package serve

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// watchDir starts a watcher on dir and returns the paths it reports.
func watchDir(t *testing.T, dir string) <-chan string {
	t.Helper()
	w, err := newWatcher(dir, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string, 1000)
	done := make(chan struct{})
	go func() { defer close(done); w.run(ctx, out) }()
	t.Cleanup(func() { cancel(); <-done; w.close() })
	return out
}

// next returns the next reported path, or "" after a short wait.
func next(out <-chan string, wait time.Duration) string {
	select {
	case p := <-out:
		return p
	case <-time.After(wait):
		return ""
	}
}

func write(t testing.TB, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatcherSeesFoldersCreatedAfterStart(t *testing.T) {
	dir := t.TempDir() // no content/ yet
	out := watchDir(t, dir)
	os.MkdirAll(filepath.Join(dir, "content/articles/2019"), 0o755)
	// The folders are created one by one; wait until the deepest is watched.
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		if p := next(out, 50*time.Millisecond); p == "" {
			break
		}
	}
	write(t, filepath.Join(dir, "content/articles/2019/a.md"), "x")
	for {
		p := next(out, 2*time.Second)
		if p == "" {
			t.Fatal("the write in a folder created after start was not seen")
		}
		if p == "content/articles/2019/a.md" {
			return
		}
	}
}

func TestWatcherIgnoresWhatIsNotTheSite(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.MkdirAll(filepath.Join(dir, "public"), 0o755)
	out := watchDir(t, dir)
	write(t, filepath.Join(dir, "public/index.html"), "x")
	write(t, filepath.Join(dir, "notes.txt"), "x")
	write(t, filepath.Join(dir, "content/.a.md.swp"), "x")
	write(t, filepath.Join(dir, "content/4913"), "x")
	os.Remove(filepath.Join(dir, "content/4913"))
	write(t, filepath.Join(dir, "content/a.md~"), "x")
	if p := next(out, 300*time.Millisecond); p != "" {
		t.Errorf("reported %q", p)
	}
	write(t, filepath.Join(dir, "site.yaml"), "title: x\n")
	if p := next(out, 2*time.Second); p != "site.yaml" {
		t.Errorf("site.yaml write reported as %q", p)
	}
}
