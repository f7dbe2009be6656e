package serve

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchDir starts a watcher on dir and returns the paths it reports ("lost"
// when it reports lost events).
func watchDir(t *testing.T, dir string) <-chan string {
	t.Helper()
	w, err := newWatcher(dir, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	changes := make(chan change, 1000)
	out := make(chan string, 1000)
	done := make(chan struct{})
	go func() { defer close(done); w.run(ctx, changes) }()
	go func() {
		for c := range changes {
			if c.lost {
				c.path = "lost"
			}
			out <- c.path
		}
	}()
	t.Cleanup(func() { cancel(); <-done; w.close(); close(changes) })
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

// drain empties out until it has been quiet for a moment.
func drain(out <-chan string) {
	for next(out, 150*time.Millisecond) != "" {
	}
}

// seen waits for want among the reported paths.
func seen(t *testing.T, out <-chan string, want, what string) {
	t.Helper()
	for {
		p := next(out, 2*time.Second)
		if p == "" {
			t.Fatalf("%s: %s was not reported", what, want)
		}
		if p == want {
			return
		}
	}
}

// A folder renamed in place stays watched: saves in it after the rename
// are seen.
func TestWatcherFollowsARenamedFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/articles/2020/a.md"), "x")
	write(t, filepath.Join(dir, "content/articles/2020/sub/b.md"), "x")
	out := watchDir(t, dir)
	if err := os.Rename(filepath.Join(dir, "content/articles/2020"), filepath.Join(dir, "content/articles/2020-cu")); err != nil {
		t.Fatal(err)
	}
	drain(out)
	write(t, filepath.Join(dir, "content/articles/2020-cu/a.md"), "y")
	seen(t, out, "content/articles/2020-cu/a.md", "a save in the renamed folder")
}

// content/ kept elsewhere and linked into the site is watched like a
// folder of its own, under the site's names.
func TestWatcherFollowsASymlinkedSection(t *testing.T) {
	elsewhere := t.TempDir()
	write(t, filepath.Join(elsewhere, "articles/2018/a.md"), "x")
	dir := t.TempDir()
	if err := os.Symlink(elsewhere, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	out := watchDir(t, dir)
	write(t, filepath.Join(elsewhere, "articles/2018/a.md"), "y")
	seen(t, out, "content/articles/2018/a.md", "a save in a linked content/")
}

// A change of mode alone is no change, unless the last build failed: it
// may have failed on a file it could not read.
func TestWatcherTakesChmodOnlyAfterAFailure(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "content/articles/a.md")
	write(t, file, "x")
	failing := false
	w, err := newWatcher(dir, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	w.failing = func() bool { return failing }
	ev := fsnotify.Event{Name: file, Op: fsnotify.Chmod}
	if _, ok := w.relevant(ev); ok {
		t.Error("a chmod after a good build was taken for a change")
	}
	failing = true
	if rel, ok := w.relevant(ev); !ok || rel != "content/articles/a.md" {
		t.Errorf("a chmod after a failed build: %q, %v", rel, ok)
	}
}

// A folder moved out of a renamed folder stays watched under its new name.
func TestWatcherFollowsAFolderMovedOutOfARenamedOne(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/articles/2018/t8/s.md"), "x")
	os.MkdirAll(filepath.Join(dir, "content/articles/2019"), 0o755)
	out := watchDir(t, dir)
	arts := filepath.Join(dir, "content/articles")
	if err := os.Rename(filepath.Join(arts, "2018"), filepath.Join(arts, "2018-cu")); err != nil {
		t.Fatal(err)
	}
	drain(out)
	write(t, filepath.Join(arts, "2018-cu/t8/s.md"), "y")
	seen(t, out, "content/articles/2018-cu/t8/s.md", "a save under the renamed folder, named as it now is")
	if err := os.Rename(filepath.Join(arts, "2018-cu/t8"), filepath.Join(arts, "2019/t8")); err != nil {
		t.Fatal(err)
	}
	drain(out)
	write(t, filepath.Join(arts, "2019/t8/s.md"), "z")
	seen(t, out, "content/articles/2019/t8/s.md", "a save in the folder moved on")
}

// A link to a folder made inside a section while the preview runs is not
// followed: the build does not read through it, and a link to the folder
// the preview writes into made it rebuild without end (found by a hostile
// review). The link itself is reported, so the preview names it.
func TestWatcherDoesNotFollowALinkMadeInASection(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content/articles"), 0o755)
	out := watchDir(t, dir)
	if err := os.Symlink(elsewhere, filepath.Join(dir, "content/articles/ngoai")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if p := next(out, 2*time.Second); p != "content/articles/ngoai" {
		t.Fatalf("the link: %q", p)
	}
	time.Sleep(100 * time.Millisecond) // a watch the event would add, added
	write(t, filepath.Join(elsewhere, "y.md"), "x")
	if p := next(out, 500*time.Millisecond); p != "" {
		t.Errorf("a write in the linked folder was reported: %q", p)
	}
}
