package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/internal/build"
)

// keptFiles are the files a build into public/ keeps in the cache folder:
// the store, its inputs and its stamps, which it fails without.
func keptFiles(t *testing.T, cache string) []string {
	t.Helper()
	kept, _ := filepath.Glob(filepath.Join(cache, "store", "public-*"))
	if len(kept) != 3 || kept[1] != kept[0]+".inputs" || kept[2] != kept[0]+".stamps" {
		t.Fatalf("kept in the cache folder: %v, want the store, its inputs and its stamps", kept)
	}
	return kept
}

// The store lies in the cache folder, one file for each output folder
// however -out names it (with a trailing slash, as a shell completes a
// folder, or relative), and never in or beside the output: an output in a
// web server's root would have it served, and it holds the frontmatter of
// drafts. A second build takes back what the first read. The stamps of
// the output's files lie beside the store (internal/output's stamps.go),
// and those of the input files, for the fingerprint (build.Inputs).
func TestStoreInTheCacheFolder(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("BULLETIN_CACHE_DIR", cache)
	dir := writeSite(t, map[string]string{
		"site.yaml":             "title: T\nbase_url: https://kiemtra.example.vn/\n",
		"content/articles/a.md": article,
		"content/articles/b.md": second,
		"content/articles/d.md": "---\ntitle: Bài nháp chưa đăng\ndate: 2019-04-01\ndraft: true\n---\nNháp.\n",
	})
	out := filepath.Join(dir, "public") + string(filepath.Separator)
	if code, _, errs := bulletin("build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	keptFiles(t, cache)
	os.WriteFile(filepath.Join(dir, "content/articles/c.md"),
		[]byte("---\ntitle: Bài mới nhất\ndate: 2019-05-01\n---\nMới.\n"), 0o644)
	code, stdout, errs := bulletin("build", "-source", dir, "-out", filepath.Join(dir, "public"), "-v")
	if code != 0 {
		t.Fatalf("second build: %s", errs)
	}
	if !strings.Contains(stdout, "store           3 content files taken back") {
		t.Errorf("the second build, -out named without the slash, took nothing back from the store:\n%s", stdout)
	}
	if again, _ := filepath.Glob(filepath.Join(cache, "store", "*")); len(again) != 3 {
		t.Errorf("stores after a build into the same folder named otherwise: %v, want one, its inputs and its stamps", again)
	}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error { // the site, the output and what lies beside it
		if err != nil {
			return nil
		}
		if strings.Contains(e.Name(), "store") {
			t.Errorf("a store beside the site or the output: %s", p)
		}
		if data, err := os.ReadFile(p); err == nil && !e.IsDir() && strings.Contains(string(data), "Bài nháp chưa đăng") && !strings.HasPrefix(p, filepath.Join(dir, "content")) {
			t.Errorf("the draft's title is in %s, outside content/", p)
		}
		return nil
	})
}

// panicky is a site whose site.yaml panics when opened: a bug met on the
// goroutine that takes the store back.
type panicky struct{ fs.FS }

func (p panicky) Open(name string) (fs.File, error) {
	if name == "site.yaml" {
		panic("a bug met on site.yaml")
	}
	return p.FS.Open(name)
}

// A build that stops before it builds (the output folder refused) while
// the store is being taken back on a goroutine of its own waits for it:
// nothing of the build goes on after the command returns, and a panic
// there is reported as the bug it is, not lost.
func TestARefusedOutputWaitsForTheStoreBeingTakenBack(t *testing.T) {
	t.Setenv("BULLETIN_CACHE_DIR", t.TempDir())
	dir := writeSite(t, map[string]string{
		"site.yaml":             "title: T\nbase_url: https://kiemtra.example.vn/\n",
		"content/articles/a.md": article,
		"public/ghi-chu.txt":    "not the output of a build",
	})
	defer func(r func(string, fs.FS) *build.Restoring) { startRestore = r }(startRestore)
	startRestore = func(path string, source fs.FS) *build.Restoring { return build.Restore(path, panicky{source}) }
	code, _, errs := bulletin("build", "-source", dir)
	if code != 1 || !strings.Contains(errs, "internal error: a bug met on site.yaml") {
		t.Errorf("exit %d, want 1 and the panic on the store's goroutine reported:\n%s", code, errs)
	}
}

// A store is kept for each output folder, so a server that builds into a
// new folder every day (-out $(mktemp -d), rsync, rm) would gather one a
// day, each as large as content/, and nothing removed them. A build
// removes the stores no build has used for a month (storeUnused), those
// of other outputs too, and leaves the rest; a build with nothing to do
// marks its own as used, so a site that rarely changes keeps its store.
func TestStoresUnusedForAMonthAreRemoved(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("BULLETIN_CACHE_DIR", cache)
	dir := writeSite(t, map[string]string{
		"site.yaml":             "title: T\nbase_url: https://kiemtra.example.vn/\n",
		"content/articles/a.md": article,
	})
	build := func(out string) {
		t.Helper()
		if code, _, errs := bulletin("build", "-source", dir, "-out", filepath.Join(dir, out)); code != 0 {
			t.Fatalf("build into %s: %s", out, errs)
		}
	}
	age := func(glob string, d time.Duration) {
		t.Helper()
		files, _ := filepath.Glob(filepath.Join(cache, "store", glob))
		if len(files) == 0 {
			t.Fatalf("no %s in the cache folder", glob)
		}
		for _, f := range files {
			os.Chtimes(f, time.Now().Add(-d), time.Now().Add(-d))
		}
	}
	for _, out := range []string{"gone1", "gone2", "recent", "quiet"} {
		build(out)
	}
	// What a build killed midway long ago left of a store no build writes
	// again.
	gone1, _ := filepath.Glob(filepath.Join(cache, "store", "gone1-*.inputs"))
	os.WriteFile(strings.TrimSuffix(gone1[0], ".inputs")+".1234.tmp", []byte("half"), 0o600)
	age("gone1-*", 40*24*time.Hour)
	age("gone2-*", 31*24*time.Hour)
	age("recent-*", 20*24*time.Hour)
	age("quiet-*", 40*24*time.Hour)
	build("quiet") // nothing to build: its store is in use all the same
	build("today")
	left, _ := filepath.Glob(filepath.Join(cache, "store", "*"))
	var names []string
	for _, f := range left {
		names = append(names, strings.SplitN(filepath.Base(f), "-", 2)[0]+filepath.Ext(f))
	}
	want := "quiet quiet.inputs quiet.stamps recent recent.inputs recent.stamps today today.inputs today.stamps"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("stores left: %s\nwant %s", got, want)
	}
}
