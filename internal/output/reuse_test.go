package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func mtime(t *testing.T, name string) time.Time {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return fi.ModTime()
}

// A file a build writes again with the same bytes is the old file, linked
// into the new site: same inode, same modification time. A file whose
// bytes changed is written anew, and so is one edited by hand since.
func TestUnchangedFilesKeepTheirInodeAndTime(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	home, css := filepath.Join(target, "index.html"), filepath.Join(target, "css/site.css")
	a := filepath.Join(target, "2018/08/a/index.html")
	inoHome, inoCSS, timeA := inode(t, home), inode(t, css), mtime(t, a)
	time.Sleep(10 * time.Millisecond)
	os.WriteFile(css, []byte("CSS"), 0o644) // by hand, behind the build's back: same size

	next := map[string]string{"index.html": "home, new", "2018/08/a/index.html": "a", "css/site.css": "css"}
	d := build(t, target, next)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if files, unchanged := d.Counts(); files != 3 || unchanged != 1 {
		t.Errorf("counts: %d files, %d unchanged; want 3, 1", files, unchanged)
	}
	if inode(t, home) == inoHome || read(t, home) != "home, new" {
		t.Error("a changed page was not written anew")
	}
	if !mtime(t, a).Equal(timeA) {
		t.Errorf("an unchanged page's time moved: %v → %v", timeA, mtime(t, a))
	}
	if read(t, css) != "css" || inode(t, css) == inoCSS {
		t.Error("a file edited by hand was kept instead of written again")
	}
}

// Current says a build has nothing to do only for the same input, before
// the time that changes the site, with every file as the build left it.
func TestCurrent(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	d := build(t, target, site)
	d.SetInput("abc", now.Add(time.Hour))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if !Current(target, nil, "abc", now) {
		t.Error("the same input is not current")
	}
	if Current(target, nil, "abd", now) {
		t.Error("another input is current")
	}
	os.WriteFile(filepath.Join(target, "CNAME"), []byte("x"), 0o644)
	if Current(target, nil, "abc", now) || !Current(target, []string{"CNAME"}, "abc", now) {
		t.Error("a file bulletin did not write must make a build run (and refuse it) unless kept")
	}
	if Current(target, nil, "abc", now.Add(2*time.Hour)) {
		t.Error("current after the time a future article comes out")
	}
	os.WriteFile(filepath.Join(target, "css/site.css"), []byte("CSS"), 0o644)
	if Current(target, nil, "abc", now) {
		t.Error("current with a file edited by hand")
	}
	os.Remove(filepath.Join(target, "css/site.css"))
	if Current(target, nil, "abc", now) {
		t.Error("current with a file deleted by hand")
	}
	if Current(filepath.Join(t.TempDir(), "none"), nil, "abc", now) {
		t.Error("a missing folder is current")
	}
}
