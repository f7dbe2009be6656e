package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// outputFile is what rsync and a web server see of an output file.
type outputFile struct {
	inode uint64
	mtime time.Time
	size  int64
}

func snapshotTree(t *testing.T, root string) map[string]outputFile {
	t.Helper()
	out := map[string]outputFile{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = outputFile{fi.Sys().(*syscall.Stat_t).Ino, fi.ModTime(), fi.Size()}
		return nil
	})
	return out
}

const second = "---\ntitle: Giám sát kinh tế tập thể\ndate: 2019-03-12\ndocuments: [01-ĐA/TU]\n---\nNội dung hai.\n"

// A build with nothing changed writes nothing: every output file keeps its
// inode and time, and no staging folder is made. A build after one new
// article writes the pages that show it and links every other file in
// from the last build, unchanged: rsync sends only what changed.
func TestRebuildsWriteOnlyWhatChanged(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.yaml":             "title: T\nbase_url: https://kiemtra.example.vn/\npage_size: 1\n",
		"content/articles/a.md": article,
		"content/articles/b.md": second,
	})
	public := filepath.Join(dir, "public")
	if code, _, errs := bulletin("build", "-source", dir); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	before := snapshotTree(t, public)
	time.Sleep(20 * time.Millisecond) // a file written again would get a later time

	code, out, errs := bulletin("build", "-source", dir)
	if code != 0 || !strings.Contains(out, "Nothing to build") {
		t.Fatalf("no-op build: exit %d\n%s%s", code, out, errs)
	}
	after := snapshotTree(t, public)
	for name, st := range before {
		if after[name] != st {
			t.Errorf("a build with nothing changed touched %s: %+v → %+v", name, st, after[name])
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".bulletin-stage-*")); len(left) > 0 {
		t.Errorf("staging folders: %v", left)
	}

	os.WriteFile(filepath.Join(dir, "content/articles/c.md"),
		[]byte("---\ntitle: Bài mới nhất\ndate: 2019-05-01\n---\nMới.\n"), 0o644)
	if code, out, errs := bulletin("build", "-source", dir, "-v"); code != 0 || !strings.Contains(out, "unchanged") {
		t.Fatalf("rebuild: exit %d\n%s%s", code, out, errs)
	}
	after = snapshotTree(t, public)
	// a's page (its neighbour is b), the project's page and feed (c cites
	// no document), the stylesheet: as they were. (c is of a year the site
	// already has: a new year changes every page, as the footer lists the
	// archives' years.) The front page, the
	// feeds and b's page (c is its newer neighbour) show the new article.
	for _, name := range []string{"2018/08/kiem-tra-dan-van/index.html",
		"projects/01-da-tu/index.html", "projects/01-da-tu/index.xml", "css/bulletin.css"} {
		if after[name] != before[name] {
			t.Errorf("%s was written again though its bytes did not change: %+v → %+v", name, before[name], after[name])
		}
	}
	for _, name := range []string{"index.html", "index.xml", "atom.xml", "sitemap.xml", "2019/03/giam-sat-kinh-te-tap-the/index.html"} {
		if after[name].inode == before[name].inode {
			t.Errorf("%s shows the new article but was not written", name)
		}
	}
	if _, ok := after["2019/05/bai-moi-nhat/index.html"]; !ok {
		t.Error("the new article's page is missing")
	}
	// The search index numbers documents as they came: the new article,
	// the newest, is document 3 (after a, the project that a first
	// cites, and b), and the files of the others stay as they were.
	docs := 0
	for name := range before {
		if strings.HasPrefix(name, "search/d/") {
			docs++
			if after[name] != before[name] {
				t.Errorf("%s, the search document of an older document, was written again: %+v → %+v", name, before[name], after[name])
			}
		}
	}
	if _, ok := after["search/d/3.json"]; docs != 3 || !ok {
		t.Errorf("search documents: %d before the new article, want 3; search/d/3.json after it: %v", docs, ok)
	}
}

// A rebuild takes the files of the last build that it checked before and
// that are untouched since by their stamps (kept in the cache folder),
// rather than reading them back; a page edited by hand in place since,
// its size and time put back, is still made again. A file's bytes are
// read back twice after it is written (the second time after it is
// linked into a new folder), more than two seconds after its last change:
// hence the pauses.
func TestRebuildsTakeUntouchedFilesByTheirStamps(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out the stamps' two seconds twice")
	}
	t.Setenv("BULLETIN_CACHE_DIR", t.TempDir())
	dir := writeSite(t, map[string]string{
		"site.yaml":             "title: T\nbase_url: https://kiemtra.example.vn/\n",
		"content/articles/a.md": article,
		"content/articles/b.md": second,
	})
	checked := regexp.MustCompile(`checked +(\d+) files of the last build found untouched by their stamps, (\d+) read back`)
	n := 0
	build := func() (byStamp, readBack int) {
		t.Helper()
		n++ // a new article each time: the input changes, the pages of a and b do not
		os.WriteFile(filepath.Join(dir, "content/articles", fmt.Sprintf("z%d.md", n)),
			fmt.Appendf(nil, "---\ntitle: Bài mới %d\ndate: 2017-01-%02d\n---\nMới.\n", n, n), 0o644)
		code, out, errs := bulletin("build", "-source", dir, "-v")
		if code != 0 {
			t.Fatalf("build %d: %s", n, errs)
		}
		m := checked.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("build %d: -v says nothing of stamps:\n%s", n, out)
		}
		byStamp, _ = strconv.Atoi(m[1])
		readBack, _ = strconv.Atoi(m[2])
		return byStamp, readBack
	}
	build()
	time.Sleep(2100 * time.Millisecond)
	if s, r := build(); s != 0 || r == 0 {
		t.Errorf("the first rebuild took %d files by their stamps and read back %d: the last build wrote them all", s, r)
	}
	time.Sleep(2100 * time.Millisecond)
	build()
	s, r := build()
	if s == 0 {
		t.Errorf("no file taken by its stamp (%d read back)", r)
	}
	page := filepath.Join(dir, "public/2019/03/giam-sat-kinh-te-tap-the/index.html") // the newest: the new articles, older, change nothing on it
	fi, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(page)
	bad := []byte(strings.Replace(string(good), "<html", "<HTML", 1))
	if err := os.WriteFile(page, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(page, fi.ModTime(), fi.ModTime())
	build()
	if got, _ := os.ReadFile(page); string(got) != string(good) {
		t.Error("a page edited by hand in place, its size and time put back, was kept")
	}
}
