package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A build run once as another user (sudo bulletin build, beside the daily
// build of a user of its own) leaves the site its swap replaced kept
// beside the output, owned by that user. The next build does not take
// that folder for its staging folder: run as a user who cannot write into
// it, it failed ("permission denied") and left it behind. It makes its
// staging folder from nothing, so the new site's folders are all its own
// (a folder another user owns in the site would stop that user's builds
// later in the same way).
func TestAKeptSiteOfAnotherUserIsNotRecycled(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a folder to another user needs root")
	}
	target := filepath.Join(t.TempDir(), "public")
	commit := func(d *Dir) {
		t.Helper()
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	commit(build(t, target, map[string]string{"a.html": "1", "b/c.html": "x"}))
	commit(build(t, target, map[string]string{"a.html": "2", "b/c.html": "x"}))
	filepath.WalkDir(prevOf(target), func(p string, e fs.DirEntry, err error) error {
		return os.Lchown(p, 65534, 65534)
	})
	d := build(t, target, map[string]string{"a.html": "3", "b/c.html": "y", "d/e.html": "z"})
	if d.recycled {
		t.Error("the site kept beside the output, another user's, was taken for the staging folder")
	}
	commit(d)
	filepath.WalkDir(target, func(p string, e fs.DirEntry, err error) error {
		if fi, err := os.Lstat(p); err == nil && e.IsDir() && fi.Sys().(*syscall.Stat_t).Uid != uint32(os.Geteuid()) {
			t.Errorf("%s, a folder of the new site, belongs to user %d", p, fi.Sys().(*syscall.Stat_t).Uid)
		}
		return nil
	})
	if got := names(tree(t, target)); got != "a.html=3 b/c.html=y d/e.html=z" {
		t.Errorf("new site: %s", got)
	}
}
