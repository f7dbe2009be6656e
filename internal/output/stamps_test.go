package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A build keeps the stamps of the files it checked, and the builds after
// take a file untouched since by its stamp instead of reading it back:
// once its bytes were read back more than racy after its last change. A
// file edited by hand since (its size and modification time put back) is
// read back and made again, and Current says a build has work to do.
func TestStampsSpareReadingBackAndCatchHandEdits(t *testing.T) {
	target, file, settle := stampedOutput(t)
	pages := map[string]string{
		"index.html":           strings.Repeat("<p>Trang chủ: tin kiểm tra mới nhất.</p>\n", 20),
		"2018/08/a/index.html": strings.Repeat("<p>Đoàn kiểm tra làm việc với Đảng ủy Khối.</p>\n", 30),
		"css/site.css":         "body{margin:0}",
	}
	now := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	// rebuild makes the site again over the last one: every page linked
	// in by its key, as a rebuild with nothing changed does.
	rebuild := func(first bool) *Dir {
		t.Helper()
		d, err := NewDir(target, nil)
		if err != nil {
			t.Fatal(err)
		}
		d.Gzip, d.Stamps = true, file
		for name, body := range pages {
			if !first {
				ok, err := d.Reuse(name, 1)
				if err != nil {
					t.Fatal(err)
				}
				if ok {
					continue
				}
			}
			if err := d.WriteKeyed(name, 1, []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		d.SetInput("abc", time.Time{})
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		return d
	}
	files := 5 // three pages and the two .gz copies
	checked := func(d *Dir, byStamp, readBack int) {
		t.Helper()
		if b, r := d.Checked(); b != byStamp || r != readBack {
			t.Errorf("checked %d by stamp, read back %d; want %d, %d", b, r, byStamp, readBack)
		}
	}

	rebuild(true)
	settle()
	// The files written by the last build are read back; linked into a
	// new staging folder, their change time moves after that.
	checked(rebuild(false), 0, files)
	settle()
	// Read back again, and left as they are in the recycled folder: their
	// stamps vouch for them from now on.
	checked(rebuild(false), 0, files)
	settle()
	checked(rebuild(false), files, 0)
	if !Current(target, nil, "abc", now, file) {
		t.Error("an untouched site is not current")
	}

	// By hand, right after the build: the same size, the time put back.
	a := filepath.Join(target, "2018/08/a/index.html")
	fi, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(a, []byte(strings.ToUpper(pages["2018/08/a/index.html"])), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi2, _ := os.Stat(a); fi2.Size() != fi.Size() {
		t.Fatalf("the edit changed the size: %d → %d", fi.Size(), fi2.Size())
	}
	if err := os.Chtimes(a, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if Current(target, nil, "abc", now, file) {
		t.Error("current with a page edited by hand")
	}
	d := rebuild(false)
	checked(d, files-2, 1) // the page made again makes its .gz copy again too
	if got := read(t, a); got != pages["2018/08/a/index.html"] {
		t.Errorf("the page edited by hand was kept: %.40q", got)
	}

	// The page was just written again: edited at once, within the tick
	// of the build's own write, its stamp cannot tell. It is read back.
	if err := os.WriteFile(a, []byte(strings.ToUpper(pages["2018/08/a/index.html"])), 0o644); err != nil {
		t.Fatal(err)
	}
	d = rebuild(false)
	if got := read(t, a); got != pages["2018/08/a/index.html"] {
		t.Errorf("the page edited by hand right after the build was kept: %.40q", got)
	}

	// A manifest that is not the one the stamps were kept with: nothing
	// is taken by its stamp.
	settle()
	m := filepath.Join(target, Marker)
	data, err := os.ReadFile(m)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(m)
	if err := os.WriteFile(m, data, 0o644); err != nil {
		t.Fatal(err)
	}
	checked(rebuild(false), 0, files)
}

// Stamps vouch for the files of the site they were kept with, against its
// manifest. A build reads the manifest of the site it replaces when it
// starts. Where builds into one output are not kept apart (lock.go: no
// lock but on Linux), others may finish while it runs (a scheduled build
// beside one started by hand) and keep the stamps of their own site. The
// running build must not take a file of theirs, by its stamp, as holding
// what its own manifest says: it would put their bytes in its site where
// it makes others.
func TestStampsOfASiteSwappedInMeanwhileVouchForNothing(t *testing.T) {
	target, file, settle := stampedOutput(t)
	const page = "2018/08/a/index.html"
	v0 := strings.Repeat("<p>Đoàn kiểm tra làm việc với Đảng ủy Khối.</p>\n", 30)
	v1 := strings.Repeat("<p>Đoàn kiểm tra làm việc với Huyện ủy Đại Từ.</p>\n", 30)
	start := func() *Dir {
		t.Helper()
		d, err := NewDir(target, nil)
		if err != nil {
			t.Fatal(err)
		}
		d.unlock() // as where there is no lock
		d.Gzip, d.Stamps = true, file
		return d
	}
	// finish makes the page from key, as a build does: linked in when
	// the last build made it from the same key, else written.
	finish := func(d *Dir, key uint64, body string) {
		t.Helper()
		ok, err := d.Reuse(page, key)
		if err == nil && !ok {
			err = d.WriteKeyed(page, key, []byte(body))
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	finish(start(), 1, v0)
	slow := start() // reads the manifest: the page is v0, from key 1

	// Meanwhile other builds make the page from key 2, until their
	// stamps vouch for it.
	for range 4 {
		settle()
		finish(start(), 2, v1)
	}
	if !strings.Contains(read(t, file), page) {
		t.Fatal("the other builds kept no stamp for the page: the case is not made")
	}

	finish(slow, 1, v0)
	if got := read(t, filepath.Join(target, page)); got != v0 {
		t.Errorf("the page made from key 1 holds another build's bytes: %.50q", got)
	}
}

// stampedOutput is an output folder and its stamps file for a test, with
// racy shortened to 30 ms; settle waits it out.
func stampedOutput(t *testing.T) (target, file string, settle func()) {
	t.Helper()
	old := racy
	racy = 30 * time.Millisecond
	t.Cleanup(func() { racy = old })
	return filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "cache", "public.stamps"),
		func() { time.Sleep(2 * racy) }
}
