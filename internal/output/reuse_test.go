package output

import (
	"os"
	"path/filepath"
	"strings"
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
	if !Current(target, nil, "abc", now, "") {
		t.Error("the same input is not current")
	}
	if Current(target, nil, "abd", now, "") {
		t.Error("another input is current")
	}
	os.WriteFile(filepath.Join(target, "CNAME"), []byte("x"), 0o644)
	if Current(target, nil, "abc", now, "") || !Current(target, []string{"CNAME"}, "abc", now, "") {
		t.Error("a file bulletin did not write must make a build run (and refuse it) unless kept")
	}
	if Current(target, nil, "abc", now.Add(2*time.Hour), "") {
		t.Error("current after the time a future article comes out")
	}
	os.WriteFile(filepath.Join(target, "css/site.css"), []byte("CSS"), 0o644)
	if Current(target, nil, "abc", now, "") {
		t.Error("current with a file edited by hand")
	}
	os.Remove(filepath.Join(target, "css/site.css"))
	if Current(target, nil, "abc", now, "") {
		t.Error("current with a file deleted by hand")
	}
	if Current(filepath.Join(t.TempDir(), "none"), nil, "abc", now, "") {
		t.Error("a missing folder is current")
	}
}

// A page the last build made from a key is linked in by Reuse when the
// key is the same, with its .gz copy, and keeps its key for the build
// after; another key, a file edited by hand since, or an output written
// before keys were kept, is not reused: the caller makes the page.
func TestReuseByKey(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	page := strings.Repeat("<p>Đoàn kiểm tra làm việc với Đảng ủy Khối.</p>\n", 30) // past gzipMin
	first := func() *Dir {
		d, err := NewDir(target, nil)
		if err != nil {
			t.Fatal(err)
		}
		d.Gzip = true
		return d
	}
	d := first()
	if d.Keyed() {
		t.Error("keys are worth making into an empty folder")
	}
	if err := d.WriteKeyed("2018/08/a/index.html", 7, []byte(page)); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteKeyed("index.html", 9, []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(target, "2018/08/a/index.html")
	inoA, inoGz, inoHome := inode(t, a), inode(t, a+".gz"), inode(t, filepath.Join(target, "index.html"))

	reuse := func(d *Dir, name string, key uint64) bool {
		t.Helper()
		ok, err := d.Reuse(name, key)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	d = first()
	if !d.Keyed() {
		t.Error("keys are not worth making over a site a build wrote")
	}
	if reuse(d, "2018/08/a/index.html", 8) || reuse(d, "2018/08/a/index.html", 0) {
		t.Error("reused under another key, or under no key")
	}
	if !reuse(d, "2018/08/a/index.html", 7) {
		t.Fatal("not reused under its own key")
	}
	os.WriteFile(filepath.Join(target, "index.html"), []byte("HOME"), 0o644) // by hand: same size
	if reuse(d, "index.html", 9) {
		t.Error("a file edited by hand since was reused")
	}
	if err := d.WriteKeyed("index.html", 9, []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if inode(t, a) != inoA || inode(t, a+".gz") != inoGz || read(t, a) != page {
		t.Error("the reused page or its .gz copy is not the old file")
	}
	if inode(t, filepath.Join(target, "index.html")) == inoHome || read(t, filepath.Join(target, "index.html")) != "home" {
		t.Error("the page edited by hand was not made again")
	}
	if n := d.Reused(); n != 1 {
		t.Errorf("Reused = %d, want 1", n)
	}
	d = first()
	if !reuse(d, "2018/08/a/index.html", 7) {
		t.Error("the key was not kept for the build after the one that reused the page")
	}
	d.Abort()

	// An output written by a build that kept no keys (manifest v2).
	m, err := os.ReadFile(filepath.Join(target, Marker))
	if err != nil {
		t.Fatal(err)
	}
	var v2 []string
	for i, line := range strings.Split(strings.TrimSuffix(string(m), "\n"), "\n") {
		switch f := strings.SplitN(line, " ", 4); {
		case i == 0:
			v2 = append(v2, strings.Replace(line, "manifest v3", "manifest v2", 1))
		case strings.HasPrefix(line, "#"):
			v2 = append(v2, line)
		default:
			v2 = append(v2, f[0]+" "+f[1]+" "+f[3])
		}
	}
	os.WriteFile(filepath.Join(target, Marker), []byte(strings.Join(v2, "\n")+"\n"), 0o644)
	d = first()
	if reuse(d, "2018/08/a/index.html", 7) {
		t.Error("reused from an output whose manifest has no keys")
	}
	if err := d.WriteKeyed("2018/08/a/index.html", 7, []byte(page)); err != nil {
		t.Fatal(err)
	}
	if inode(t, filepath.Join(d.stage, "2018/08/a/index.html")) != inoA {
		t.Error("the same bytes over a keyless output were not linked in as before")
	}
	d.Abort()
}
