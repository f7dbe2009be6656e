package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeSite writes files (path → content) under a new temporary folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func bulletin(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	err := run(context.Background(), args, &o, &e)
	return exitCode(err), o.String(), e.String()
}

const article = "---\ntitle: Kiểm tra dân vận\ndate: 2018-08-06 16:41\ndocuments: [01-ĐA/TU]\n---\nNội dung.\n"

func TestBuildWritesTheSiteAndASummary(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	code, out, errs := bulletin("build", "-source", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"Built 1 article into", "article", "project", "feeds", "static", "Done in"} {
		if !strings.Contains(out, w) {
			t.Errorf("summary lacks %q:\n%s", w, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public/2018/08/kiem-tra-dan-van/index.html")); err != nil {
		t.Error(err)
	}
}

func TestContentErrorExits1AndKeepsThePreviousSite(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	if code, _, errs := bulletin("build", "-source", dir); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	page := filepath.Join(dir, "public/2018/08/kiem-tra-dan-van/index.html")
	before, _ := os.ReadFile(page)
	os.WriteFile(filepath.Join(dir, "content/articles/b.md"), []byte("---\ntitle: [x\n---\n"), 0o644)
	code, _, errs := bulletin("build", "-source", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(errs, "content/articles/b.md") || strings.Contains(errs, "goroutine") {
		t.Errorf("stderr: %s", errs)
	}
	after, err := os.ReadFile(page)
	if err != nil || !bytes.Equal(before, after) {
		t.Error("the previous site was touched by a failed build")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".bulletin-stage-*"))
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"build", "-nope"},
		{"build", "extra"},
		{"build", "-source", dir, "-out", dir},
		{"build", "-source", dir, "-out", filepath.Join(dir, "content")},
		{"build", "-source", dir, "-out", filepath.Join(dir, "content", "public")},
		{"build", "-source", dir, "-out", filepath.Join(dir, "static")},
		{"build", "-source", dir, "-out", filepath.Dir(dir)},
	} {
		if code, _, _ := bulletin(args...); code != 2 {
			t.Errorf("bulletin %v: exit %d, want 2", args, code)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content/articles/a.md")); err != nil {
		t.Fatal("an editor's file was removed")
	}
}

func TestRefusesToReplaceAFolderItDidNotWrite(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article, "mine/notes.txt": "của tôi"})
	code, _, errs := bulletin("build", "-source", dir, "-out", filepath.Join(dir, "mine"))
	if code != 2 || !strings.Contains(errs, "refusing") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "mine/notes.txt")); string(b) != "của tôi" {
		t.Fatal("a folder of someone's own files was replaced")
	}
}

// A file added to the output since the last build (a deployer's CNAME)
// stops the next build, which names it and says how to keep it; once
// site.yaml keeps it, every build carries it over, and .git always.
func TestFilesAddedToTheOutputAreNeverDeleted(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	if code, _, errs := bulletin("build", "-source", dir); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	public := filepath.Join(dir, "public")
	os.WriteFile(filepath.Join(public, "CNAME"), []byte("kiemtra.example.vn\n"), 0o644)
	os.MkdirAll(filepath.Join(public, ".git"), 0o755)
	os.WriteFile(filepath.Join(public, ".git/HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	code, _, errs := bulletin("build", "-source", dir)
	if code != 1 || !strings.Contains(errs, "\n  CNAME\n") || !strings.Contains(errs, "keep:") || strings.Contains(errs, "  .git") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// One wrong entry in keep: keeps nothing: the error is site.yaml's,
	// not that CNAME is foreign.
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: T\nbase_url: https://x.vn/\nkeep: [CNAME, ./uploads]\n"), 0o644)
	code, _, errs = bulletin("build", "-source", dir)
	if code != 1 || !strings.Contains(errs, `site.yaml:3: keep: the text "./uploads" is not a path inside the output folder`) || strings.Contains(errs, "\n  CNAME\n") {
		t.Fatalf("a wrong keep: entry: exit %d: %s", code, errs)
	}
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: T\nbase_url: https://x.vn/\nkeep: [CNAME]\n"), 0o644)
	if code, _, errs := bulletin("build", "-source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for name, want := range map[string]string{"CNAME": "kiemtra.example.vn\n", ".git/HEAD": "ref: refs/heads/main\n"} {
		if b, err := os.ReadFile(filepath.Join(public, name)); err != nil || string(b) != want {
			t.Errorf("%s = %q, %v", name, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(public, "2018/08/kiem-tra-dan-van/index.html")); err != nil {
		t.Error("the new site is not in place:", err)
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := bulletin("-h")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, c := range commands() {
		if !strings.Contains(out, "bulletin "+c.name) {
			t.Errorf("help does not list %q", c.name)
		}
	}
	if code, out, _ := bulletin("version"); code != 0 || !strings.HasPrefix(out, "bulletin ") {
		t.Errorf("version: %d %q", code, out)
	}
}

// Two builds of the example site into two folders are the same, file for
// file and byte for byte.
func TestTwoBuildsOfTheExampleSiteAreIdentical(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, b} {
		if code, _, errs := bulletin("build", "-source", "../..", "-out", out); code != 0 {
			t.Fatalf("build: %s", errs)
		}
	}
	files := 0
	err := filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
		files++
		return nil
	})
	if err != nil || files < 40 {
		t.Fatalf("walked %d files: %v", files, err)
	}
	var n int
	filepath.WalkDir(b, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	if n != files {
		t.Errorf("%d files in one build, %d in the other", files, n)
	}
}

// Tools reading check -json find every key on every finding, errors and
// file-wide problems included, and a registered code on each.
func TestCheckJSONHasEveryKey(t *testing.T) {
	for _, tt := range []struct {
		file, severity, code string
		exit                 int
	}{
		{"---\ntitle: [x\n---\n", "error", "frontmatter", 1},                        // file-wide: no field
		{"---\ntitle: B\ndate: 2018-08-06\n---\nx\n", "warning", "no-documents", 0}, // cites no document
	} {
		dir := writeSite(t, map[string]string{"content/articles/a.md": tt.file})
		code, out, _ := bulletin("check", "-source", dir, "-json")
		if code != tt.exit {
			t.Errorf("exit %d, want %d", code, tt.exit)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &m); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		for _, k := range []string{"severity", "code", "file", "line", "column", "field", "message", "hint", "text",
			"count", "line_text", "notes", "report"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s lacks %q", out, k)
			}
		}
		if m["severity"] != tt.severity || m["code"] != tt.code {
			t.Errorf("severity %v, code %v; want %s, %s", m["severity"], m["code"], tt.severity, tt.code)
		}
		if notes, ok := m["notes"].([]any); !ok || len(notes) != 0 {
			t.Errorf("notes %v, want an empty list", m["notes"])
		}
		if m["count"] != 1.0 {
			t.Errorf("count %v, want 1", m["count"])
		}
	}
}

// An editor types flags where they come to mind, and runs commands from
// wherever in the site the terminal happens to be.
func TestFlagsAnywhereAndTheSiteFoundFromASubfolder(t *testing.T) {
	site := writeSite(t, map[string]string{"site.yaml": "title: Tin kiểm tra\n", "content/articles/a.md": article})
	from, _ := filepath.Abs(filepath.Join("testdata", "ban-tin-tan-cuong.txt"))
	elsewhere := t.TempDir()
	t.Chdir(elsewhere)
	if code, out, errs := bulletin("import", from, "-source", site); code != 0 || !strings.Contains(out, "content/articles/2019/") {
		t.Fatalf("import FILE -source DIR: exit %d\n%s%s", code, out, errs)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("import wrote into the current folder: %v", entries)
	}

	// In content/articles/, "new" and "build" work on the site around it.
	t.Chdir(filepath.Join(site, "content", "articles"))
	code, out, errs := bulletin("new", "article", "Từ thư mục con")
	if code != 0 || !strings.Contains(errs, "working on the site in") {
		t.Fatalf("new from a subfolder: exit %d\n%s%s", code, out, errs)
	}
	// The path printed is the file's from here: ../../content/articles/…
	if got, _ := filepath.Abs(strings.TrimSpace(out)); !strings.HasPrefix(got, filepath.Join(site, "content", "articles", "20")) {
		t.Errorf("the new article %s is not in the site's content/articles/", got)
	} else if _, err := os.Stat(got); err != nil {
		t.Error(err)
	}
	if code, _, errs := bulletin("build"); code != 0 {
		t.Fatalf("build from a subfolder: %s", errs)
	}
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Errorf("the site was not built into its own public/: %v", err)
	}
	if _, err := os.Stat("public"); err == nil {
		t.Error("a stray public/ was built in content/articles/")
	}

	// Outside any site, the commands that write refuse.
	t.Chdir(elsewhere)
	for dir := elsewhere; filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err == nil {
			t.Skipf("%s has a site.yaml: the temporary folder is inside a site", dir)
		}
	}
	if code, _, errs := bulletin("new", "article", "Lạc chỗ"); code != 2 || !strings.Contains(errs, "is not a site") {
		t.Errorf("new outside a site: exit %d: %s", code, errs)
	}
	// ... and so do those that read it: "cd / && bulletin build" wrote /public.
	for _, args := range [][]string{{"build"}, {"check"}, {"serve", "-addr", "127.0.0.1:0"}} {
		// A preview that started anyway stops after a while.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		var out, errs bytes.Buffer
		code := exitCode(run(ctx, args, &out, &errs))
		cancel()
		if code != 2 || !strings.Contains(errs.String(), "is not a site") {
			t.Errorf("%s outside a site: exit %d: %s", args[0], code, errs.String())
		}
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("a command outside a site wrote into it: %v", entries)
	}
	if code, _, errs := bulletin("new", "-source", filepath.Join(elsewhere, "khong-co"), "article", "X"); code != 2 || !strings.Contains(errs, "is not a folder") {
		t.Errorf("new -source missing: exit %d: %s", code, errs)
	}
}

// public -> /var/www/html: the site is written where the link leads, and
// the link stays.
func TestOutputThroughASymlink(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	www := t.TempDir()
	if err := os.Symlink(www, filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if code, _, errs := bulletin("build", "-source", dir); code != 0 {
			t.Fatalf("build %d: %s", i+1, errs)
		}
		if fi, err := os.Lstat(filepath.Join(dir, "public")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("build %d replaced the link public with a folder", i+1)
		}
		if _, err := os.Stat(filepath.Join(www, "2018/08/kiem-tra-dan-van/index.html")); err != nil {
			t.Errorf("build %d: the site is not where the link leads: %v", i+1, err)
		}
	}
}

// Ctrl-C during a build: exit 130, the previous site left as it was.
func TestInterruptedBuild(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	if code, _, errs := bulletin("build", "-source", dir); code != 0 {
		t.Fatal(errs)
	}
	// An edit, or the build would have nothing to do.
	os.WriteFile(filepath.Join(dir, "content/articles/a.md"), []byte(article+"Thêm.\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var o, e bytes.Buffer
	err := run(ctx, []string{"build", "-source", dir}, &o, &e)
	if code := exitCode(err); code != 130 || !strings.Contains(e.String(), "interrupted") {
		t.Errorf("exit %d: %s", code, e.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public/2018/08/kiem-tra-dan-van/index.html")); err != nil {
		t.Errorf("the previous site is gone: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".bulletin-stage-*")); len(m) != 0 {
		t.Errorf("staging folders left: %v", m)
	}
}

// Run with -source, messages name files from the current folder, so a
// terminal or an editor opens them as printed.
func TestMessagesNameFilesFromHere(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": "---\ntitle: [x\n---\n"})
	_, _, errs := bulletin("build", "-source", dir)
	if want := filepath.Join(dir, "content", "articles", "a.md") + ":2: "; !strings.Contains(errs, want) {
		t.Errorf("build: %q lacks %q", errs, want)
	}
	_, out, _ := bulletin("check", "-source", dir)
	if want := filepath.Join(dir, "content", "articles", "a.md") + ":2: "; !strings.Contains(out, want) {
		t.Errorf("check: %q lacks %q", out, want)
	}
	_, out, _ = bulletin("check", "-source", dir, "-json")
	if !strings.Contains(out, `"file":"content/articles/a.md"`) {
		t.Errorf("check -json names files in the site: %s", out)
	}
}

// "help build" shows build's flags; a flag mistake is said once.
func TestHelpForOneCommandAndFlagErrorsOnce(t *testing.T) {
	code, out, errs := bulletin("help", "build")
	if code != 0 || !strings.Contains(out+errs, "-drafts") || !strings.Contains(out+errs, "-out") {
		t.Errorf("help build: exit %d\n%s%s", code, out, errs)
	}
	_, _, errs = bulletin("build", "-nope")
	if n := strings.Count(errs, "flag provided but not defined: -nope"); n != 1 {
		t.Errorf("the flag mistake is said %d times:\n%s", n, errs)
	}
}

// TestSummaryNamesWhatWasLeftOut: a year typed wrong made an article
// "future", and it vanished from the site with no word in the summary.
func TestSummaryNamesWhatWasLeftOut(t *testing.T) {
	files := map[string]string{
		"content/articles/a.md":     article,
		"content/articles/draft.md": "---\ntitle: Nháp\ndate: 2018-08-07\ndraft: true\n---\n",
	}
	for i := 1; i <= 7; i++ {
		files[fmt.Sprintf("content/articles/f%d.md", i)] = fmt.Sprintf("---\ntitle: Sau %d\ndate: 06/08/209%d\n---\n", i, i)
	}
	dir := writeSite(t, files)
	code, out, errs := bulletin("build", "-source", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{
		"Built 1 article into",
		"left out 1 draft and 7 articles dated in the future (-drafts, -future to publish them)",
		"    06/08/2091  " + filepath.Join(dir, "content/articles/f1.md") + "\n",
		"    06/08/2095  " + filepath.Join(dir, "content/articles/f5.md") + "\n",
		"and 2 more",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("summary lacks %q:\n%s", w, out)
		}
	}
}

// An article retitled without a slug: moves to a new URL; the build names
// the page the last build published and this one does not, and says how
// to keep its old address working. It said nothing: links shared to the
// article gave "not found" (found by a hostile review).
func TestBuildNamesTheArticlePagesItNoLongerPublishes(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	if code, _, errs := bulletin("build", "-source", dir); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	if _, out, _ := bulletin("build", "-source", dir); strings.Contains(out, "gone") {
		t.Errorf("nothing moved, yet:\n%s", out)
	}
	os.WriteFile(filepath.Join(dir, "content/articles/a.md"), []byte(strings.Replace(article, "Kiểm tra dân vận", "Kiểm tra công tác dân vận", 1)), 0o644)
	code, out, errs := bulletin("build", "-source", dir)
	if code != 0 || !strings.Contains(out, "gone       1 article page of the last build no longer published: /2018/08/kiem-tra-dan-van/\n") ||
		!strings.Contains(out, "aliases:") {
		t.Errorf("exit %d:\n%s%s", code, out, errs)
	}
}
