package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"bulletin/internal/sitetest"
)

// What editors wrote is never created, changed or deleted by a command,
// but for the file new or import was asked to write: the proof snapshots
// site.yaml, content/, layouts/ and static/ (every file and folder: its
// kind, permissions, size, modification time, hash, link target) around
// build, check, new, import and serve (with the editor's saves meanwhile),
// all run in-process as the command line runs them.

// fileState is what a snapshot records of one path.
type fileState struct {
	mode  fs.FileMode
	size  int64
	mtime time.Time
	sum   [32]byte
	link  string
}

func (s fileState) String() string {
	return fmt.Sprintf("%v %d bytes, modified %s, sha256 %x…%s", s.mode, s.size, s.mtime.Format(time.RFC3339Nano), s.sum[:6], s.link)
}

// snapshot records every path under the editors' parts of site.
func snapshot(t *testing.T, site string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	for _, root := range []string{"site.yaml", "content", "layouts", "static"} {
		err := filepath.WalkDir(filepath.Join(site, root), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := os.Lstat(p)
			if err != nil {
				return err
			}
			st := fileState{mode: info.Mode(), size: info.Size(), mtime: info.ModTime()}
			switch {
			case info.Mode()&fs.ModeSymlink != 0:
				st.link, err = os.Readlink(p)
			case info.Mode().IsRegular():
				var data []byte
				data, err = os.ReadFile(p)
				st.sum = sha256.Sum256(data)
			}
			rel, _ := filepath.Rel(site, p)
			out[filepath.ToSlash(rel)] = st
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// untouched fails unless after differs from before only by the files in
// made (and the folders that hold them, which a new file changes).
func untouched(t *testing.T, what string, before, after map[string]fileState, made ...string) {
	t.Helper()
	parents := map[string]bool{}
	for _, m := range made {
		for d := filepath.ToSlash(filepath.Dir(m)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
			parents[d] = true
		}
	}
	allowed := func(p string) bool {
		for _, m := range made {
			if p == m {
				return true
			}
		}
		return parents[p]
	}
	var diffs []string
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			diffs = append(diffs, "deleted "+p)
		case a != b && !allowed(p):
			diffs = append(diffs, fmt.Sprintf("changed %s: %v -> %v", p, b, a))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok && !allowed(p) {
			diffs = append(diffs, "created "+p)
		}
	}
	for _, m := range made {
		if _, ok := after[m]; !ok {
			diffs = append(diffs, "not written: "+m)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%s touched the editors' files:\n%s", what, strings.Join(diffs, "\n"))
	}
}

// editorsSite is a site with what editors leave about: drafts, a future
// article, CRLF and a BOM, decomposed names, their editors' backups and
// locks, hidden notes, a link, a layout and static files of their own.
func editorsSite(t *testing.T) string {
	dir := writeSite(t, map[string]string{
		"site.yaml":                          "title: Tin kiểm tra\nbase_url: https://kiemtra.example.vn/\n",
		"content/articles/2018/a.md":         article,
		"content/articles/2018/nhap.md":      "---\ntitle: Bản nháp\ndate: 2018-09-01\ndraft: true\ndocuments: [01-ĐA/TU]\n---\nChưa đăng.\n",
		"content/articles/2027/sau.md":       "---\ntitle: Hẹn đăng\ndate: 2027-01-01\ndocuments: [01-ĐA/TU]\n---\nSau này.\n",
		"content/articles/2018/crlf.md":      "\ufeff---\r\ntitle: Dòng Windows\r\ndate: 2018-08-07\r\ndocuments: [01-ĐA/TU]\r\n---\r\nNội dung.\r\n",
		"content/articles/2018/Ba\u0300i.md": "---\ntitle: Ba\u0300i to\u0302\u0309 ho\u031b\u0323p\ndate: 2018-08-08\ndocuments: [01-ĐA/TU]\n---\nx\n",
		"content/articles/2018/a.md~":        "backup",
		"content/articles/2018/.a.md.swp":    "swap",
		"content/articles/.ghi-chu.md":       "hidden note",
		"content/projects/01-da-tu.md":       "---\ncode: 01-ĐA/TU\ntitle: Dân vận\ndate: 2016-07-12\n---\nMô tả.\n",
		"content/pages/gioi-thieu.md":        "---\ntitle: Giới thiệu\n---\nVề chúng tôi.\n",
		"layouts/partials/footer.html":       "<footer>Văn phòng Tỉnh ủy</footer>\n",
		"static/css/site.css":                "body { color: #222; }\n",
		"static/images/anh.jpg":              "\xff\xd8\xff\xe0 not really a photo",
	})
	if err := os.Symlink("gioi-thieu.md", filepath.Join(dir, "content/pages/lien-he.md")); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(dir, "content/projects/01-da-tu.md"), 0o444) // read-only, as a checkout may be
	// Times in the past, so a command that rewrote a file in the same
	// second would still show.
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type()&fs.ModeSymlink == 0 {
			os.Chtimes(p, old, old)
		}
		return nil
	})
	return dir
}

func TestCommandsNeverTouchWhatEditorsWrote(t *testing.T) {
	dir := editorsSite(t)
	run := func(args ...string) (string, string) {
		t.Helper()
		code, out, errs := bulletin(args...)
		if code != 0 && !(len(args) > 0 && args[0] == "check") {
			t.Fatalf("bulletin %v: exit %d\n%s%s", args, code, out, errs)
		}
		return out, errs
	}

	before := snapshot(t, dir)
	run("build", "-source", dir)
	run("build", "-source", dir) // replacing its own output
	run("build", "-source", dir, "-drafts", "-future", "-out", filepath.Join(t.TempDir(), "out"))
	run("check", "-source", dir)
	run("check", "-source", dir, "-json")
	untouched(t, "build and check", before, snapshot(t, dir))

	// A broken file: the build fails, and touches nothing either.
	broken := filepath.Join(dir, "content/articles/2018/hong.md")
	os.WriteFile(broken, []byte("---\ntitle: [x\n---\n"), 0o644)
	before = snapshot(t, dir)
	if code, _, _ := bulletin("build", "-source", dir); code != 1 {
		t.Fatalf("the broken site built")
	}
	bulletin("check", "-source", dir)
	untouched(t, "a failed build", before, snapshot(t, dir))
	os.Remove(broken)

	before = snapshot(t, dir)
	out, _ := run("new", "-source", dir, "article", "Kiểm tra công tác dân vận")
	made, _ := filepath.Rel(dir, strings.TrimSpace(out))
	untouched(t, "new article", before, snapshot(t, dir), filepath.ToSlash(made))

	before = snapshot(t, dir)
	out, _ = run("new", "-source", dir, "project", "05-ĐA/TU", "Tên đề án")
	made, _ = filepath.Rel(dir, strings.TrimSpace(out))
	untouched(t, "new project", before, snapshot(t, dir), filepath.ToSlash(made))

	before = snapshot(t, dir)
	from := filepath.Join("testdata", "ban-tin-tan-cuong.txt")
	out, _ = run("import", "-source", dir, from)
	m := regexp.MustCompile(`→ (\S+\.md)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("import printed no path:\n%s", out)
	}
	made, _ = filepath.Rel(dir, m[1])
	untouched(t, "import", before, snapshot(t, dir), filepath.ToSlash(made))
	before = snapshot(t, dir)
	run("import", "-source", dir, from) // the same text again: skipped
	untouched(t, "import again", before, snapshot(t, dir))
}

// The preview reads and watches, and writes nothing into the site,
// however the editor saves.
func TestServeNeverTouchesWhatEditorsWrote(t *testing.T) {
	dir := editorsSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr sitetest.SyncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "-source", dir, "-addr", "127.0.0.1:0"}, &stdout, &stderr) }()
	eventually(t, &stdout, "first build", func(s string) bool { return strings.Contains(s, "Done in") })

	before := snapshot(t, dir)
	builds := 0
	save := func(what string, edit func()) {
		t.Helper()
		edit()
		builds++
		deadline := time.Now().Add(10 * time.Second)
		for strings.Count(stdout.String(), " rebuilt in ")+strings.Count(stderr.String(), " build failed") < builds {
			if time.Now().After(deadline) {
				t.Fatalf("no build after %s:\n%s%s", what, stdout.String(), stderr.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
		after := snapshot(t, dir)
		// What the editor did is in before now; the server must add nothing.
		edited := snapshotOf(t, dir, before, after)
		untouched(t, "serve after "+what, edited, after)
		before = after
	}
	a := filepath.Join(dir, "content/articles/2018/a.md")
	save("a save in place", func() {
		os.WriteFile(a, []byte(strings.Replace(article, "Nội dung.", "Nội dung mới.", 1)), 0o644)
	})
	save("a save by rename", func() {
		tmp := filepath.Join(dir, "content/articles/2018/.a.md.tmp")
		os.WriteFile(tmp, []byte(article), 0o644)
		os.Rename(tmp, a)
	})
	save("a new file", func() {
		os.WriteFile(filepath.Join(dir, "content/articles/2018/moi.md"), []byte("---\ntitle: Bài mới\ndate: 2018-10-01\n---\nx\n"), 0o644)
	})
	save("a broken file", func() {
		os.WriteFile(filepath.Join(dir, "content/articles/2018/moi.md"), []byte("---\ntitle: [x\n---\n"), 0o644)
	})
	save("a deleted file", func() { os.Remove(filepath.Join(dir, "content/articles/2018/moi.md")) })
	save("a layout and a stylesheet", func() {
		os.WriteFile(filepath.Join(dir, "layouts/partials/footer.html"), []byte("<footer>Ban Tuyên giáo</footer>\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "static/css/site.css"), []byte("body { color: #000; }\n"), 0o644)
	})
	save("site.yaml", func() {
		os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: Tin kiểm tra tỉnh\nbase_url: https://kiemtra.example.vn/\n"), 0o644)
	})

	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	untouched(t, "serve, once stopped", before, snapshot(t, dir))
}

// snapshotOf is the state the editor's own changes leave, as far as the
// test can know it: the snapshot after the build, taken as correct for the
// paths the test wrote, removed or renamed, and as before for the rest. The
// comparison with after then shows only what someone else did.
func snapshotOf(t *testing.T, dir string, before, after map[string]fileState) map[string]fileState {
	t.Helper()
	edited := map[string]fileState{}
	for p, s := range before {
		edited[p] = s
	}
	// The editor's own paths: anything that differs in a file the test
	// writes, or in the folders holding them.
	for p, s := range after {
		if editorsPath(p) {
			edited[p] = s
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok && editorsPath(p) {
			delete(edited, p)
		}
	}
	return edited
}

// editorsPath is a path the serve test's editor writes, or a folder of one.
func editorsPath(p string) bool {
	switch p {
	case "site.yaml", "content/articles/2018/a.md", "content/articles/2018/moi.md", "content/articles/2018",
		"layouts/partials/footer.html", "static/css/site.css":
		return true
	}
	return false
}
