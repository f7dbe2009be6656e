package build_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/output"
	"bulletin/internal/par"
	"bulletin/internal/sitetest"
)

const storeSite = `
-- site.yaml --
title: Bản tin kiểm tra
base_url: https://kiemtra.example.vn/
-- content/articles/a.md --
---
title: Kiểm tra Đảng ủy xã Tân Phú
date: 2018-08-06
documents: ["01-ĐA/TU"]
---
Đoàn kiểm tra làm việc. Xem thêm [bài sau](b.md).
-- content/articles/b.md --
---
title: Kết luận kiểm tra
slug: ket-luan
date: 2018-09-10
---
Kết luận.
-- content/projects/01-DA-TU.md --
---
code: 01-ĐA/TU
title: Đề án về công tác kiểm tra
---
Đề án.
`

// buildStored runs bulletin build's one-off build of the site on disk at
// dir into dir/public, with its store at dir/public.store, and returns what it did
// and the bytes of every file it wrote.
func buildStored(t *testing.T, dir string) (*build.Result, map[string][]byte) {
	t.Helper()
	out := filepath.Join(dir, "public")
	d, err := output.NewDir(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := build.Build(context.Background(), build.Options{Source: os.DirFS(dir), Now: sitetest.Now, Sink: d, Store: out + ".store"})
	if err != nil {
		d.Abort()
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() != ".bulletin-output" {
			files[p[len(out):]], _ = os.ReadFile(p)
		}
		return err
	})
	return res, files
}

func writeSite(t *testing.T, dir, archive string) {
	t.Helper()
	for name, f := range sitetest.Parse(archive) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A build on disk takes back from the store what the build before read;
// a page whose body links to a file that moved since is converted again
// from its file, which did not change; a store cut short, edited, or not
// a store at all, is not used, and the build is whole all the same and keeps a
// new one. Every time the output is the cold build's, byte for byte.
func TestStoreTakesBackWhatTheLastBuildRead(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, storeSite)
	cold := func() map[string][]byte {
		t.Helper()
		other := t.TempDir()
		writeSite(t, other, storeSite)
		for _, name := range []string{"content/articles/b.md"} {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(other, name), data, 0o644)
		}
		_, files := buildStored(t, other)
		return files
	}
	same := func(step string, got map[string][]byte) {
		t.Helper()
		want := cold()
		for name, w := range want {
			if !bytes.Equal(got[name], w) {
				t.Errorf("[%s] %s differs from the cold build", step, name)
			}
		}
		if len(got) != len(want) {
			t.Errorf("[%s] %d files, the cold build %d", step, len(got), len(want))
		}
	}

	// What a build killed before renaming its store left beside it, two
	// hours ago: the next build that keeps the store removes it.
	left := filepath.Join(dir, "public.store.4242.tmp")
	os.WriteFile(left, []byte("half a store"), 0o600)
	hoursAgo := time.Now().Add(-2 * time.Hour)
	os.Chtimes(left, hoursAgo, hoursAgo)

	res, files := buildStored(t, dir)
	if res.Restored != 0 || res.StoreErr != nil {
		t.Errorf("first build: %d taken back, %v", res.Restored, res.StoreErr)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("what a killed build left beside the store is still there: %v", err)
	}
	if res.Searched != 3 || res.Documents != 3 {
		t.Errorf("first build: the words of %d of %d documents read for the search index, want 3 of 3", res.Searched, res.Documents)
	}
	same("first", files)
	store := filepath.Join(dir, "public.store")
	if _, err := os.Stat(store); err != nil {
		t.Fatalf("no store: %v", err)
	}

	res, files = buildStored(t, dir)
	if res.Restored != 3 || res.StoreErr != nil {
		t.Errorf("second build: %d taken back, %v; want 3", res.Restored, res.StoreErr)
	}
	if res.Searched != 3 {
		t.Errorf("second build: the words of %d documents read, want 3: a build into an empty folder keeps none, as it makes no page keys", res.Searched)
	}
	same("again", files)

	// b.md moves: a.md, unchanged, links to its new URL.
	b := filepath.Join(dir, "content/articles/b.md")
	data, _ := os.ReadFile(b)
	os.WriteFile(b, bytes.Replace(data, []byte("slug: ket-luan"), []byte("slug: ket-luan-moi"), 1), 0o644)
	res, files = buildStored(t, dir)
	if res.Restored != 2 {
		t.Errorf("after the move: %d taken back, want 2, all but the file edited", res.Restored)
	}
	if res.Searched != 1 {
		t.Errorf("after the move: the words of %d documents read again, want 1: a.md's, whose body's HTML links to b.md's new URL (the words are kept by what the text is made of, the HTML)", res.Searched)
	}
	if page := string(files["/2018/08/kiem-tra-dang-uy-xa-tan-phu/index.html"]); !strings.Contains(page, `href="/2018/09/ket-luan-moi/"`) {
		t.Errorf("a.md's page does not link to b.md's new URL:\n%s", page)
	}
	same("moved", files)

	st, _ := os.ReadFile(store)
	// A title changed in the store (as a bit flipped on the disk would):
	// it still decodes, and only its checksum tells.
	edited := bytes.Replace(st, []byte("Kết luận kiểm tra"), []byte("Kết lUận kiểm tra"), 1)
	if bytes.Equal(edited, st) {
		t.Fatal("the store does not hold b.md's title as written")
	}
	for _, broken := range [][]byte{st[:len(st)/2], []byte("not a store"), edited} {
		os.WriteFile(store, broken, 0o600)
		res, files = buildStored(t, dir)
		if res.Restored != 0 || res.StoreErr == nil || res.Searched != 3 {
			t.Errorf("broken store: %d taken back, the words of %d documents read, error %v; want none, 3, and why", res.Restored, res.Searched, res.StoreErr)
		}
		same("broken store", files)
		if res, _ := buildStored(t, dir); res.Restored != 3 {
			t.Errorf("after a broken store: %d taken back, want 3", res.Restored)
		}
	}
}

// Options.Written is called once every file is written, while the store
// is kept (bulletin build swaps the new site in there): it sees the whole
// site in the sink, its error is the build's, and the store is kept all
// the same, whole, for the next build to take back.
func TestWrittenRunsOnceTheFilesAreWritten(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, storeSite)
	store := filepath.Join(dir, "public.store")
	var sink recorded
	var seen []string
	calls := 0
	failed := errors.New("the swap failed")
	opt := build.Options{Source: os.DirFS(dir), Now: sitetest.Now, Sink: &sink, Store: store,
		Written: func(r *build.Result) error {
			calls++
			seen = slices.Clone(sink.names)
			return failed
		}}
	if _, err := build.Build(context.Background(), opt); !errors.Is(err, failed) {
		t.Fatalf("Build: %v, want Written's error", err)
	}
	if calls != 1 {
		t.Fatalf("Written called %d times, want once", calls)
	}
	if len(seen) == 0 || len(seen) != len(sink.names) {
		t.Fatalf("Written saw %d files written, the build wrote %d", len(seen), len(sink.names))
	}
	opt.Written, sink = nil, recorded{}
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Restored != 3 || res.StoreErr != nil {
		t.Fatalf("the next build took back %d files (%v), want the 3 the store kept", res.Restored, res.StoreErr)
	}
}

// recorded is a sink that lists the names written to it.
type recorded struct {
	mu    sync.Mutex
	names []string
}

func (r *recorded) Write(name string, _ []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, name)
	return nil
}

// The store is kept while Written runs, and the "keep" step is the time
// keeping it took, not the time Written took (the swap, a step of its
// own): the summary's steps say where the time went. It is listed before
// Written's steps, as when the swap came after it.
func TestKeepStepIsTheTimeOfKeepingTheStore(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, storeSite)
	const swap = 600 * time.Millisecond
	opt := build.Options{Source: os.DirFS(dir), Now: sitetest.Now, Sink: &recorded{}, Store: filepath.Join(dir, "public.store"),
		Written: func(r *build.Result) error {
			time.Sleep(swap)
			r.Steps = append(r.Steps, build.Step{Name: "swap", Time: swap})
			return nil
		}}
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range res.Steps {
		names = append(names, s.Name)
		if s.Name == "keep" && s.Time >= swap {
			t.Errorf("keep took %s, as long as Written: the time of the swap, not of keeping the store", s.Time)
		}
	}
	if n := len(names); n < 2 || names[n-2] != "keep" || names[n-1] != "swap" {
		t.Errorf("steps %q, want them to end with keep, swap", names)
	}
}

// A store taken back on another goroutine (Restore: bulletin build starts
// it while the output folder is made ready) is the one the build uses:
// the same files taken back as when the build reads it itself, and what
// this build read kept for the next. One started for another store is
// not used: the build reads its own.
func TestBuildWaitsForTheStoreBeingTakenBack(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, storeSite)
	store := filepath.Join(dir, "public.store")
	opt := build.Options{Source: os.DirFS(dir), Now: sitetest.Now, Sink: &recorded{}, Store: store}
	if _, err := build.Build(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name      string
		restoring *build.Restoring
		restored  int
	}{
		{"its own store", build.Restore(store, opt.Source), 3},
		{"another store", build.Restore(filepath.Join(dir, "other.store"), opt.Source), 3},
		{"its own, after an edit", nil, 2},
	} {
		if tt.restoring == nil {
			a := filepath.Join(dir, "content/articles/a.md")
			data, _ := os.ReadFile(a)
			os.WriteFile(a, append(data, "\nMột đoạn mới.\n"...), 0o644)
			tt.restoring = build.Restore(store, opt.Source)
		}
		opt.Restoring, opt.Sink = tt.restoring, &recorded{}
		res, err := build.Build(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		if res.Restored != tt.restored || res.StoreErr != nil {
			t.Errorf("%s: %d files taken back (%v), want %d", tt.name, res.Restored, res.StoreErr, tt.restored)
		}
	}
}

// opens counts the openings of one file of a site, from any goroutine.
type opens struct {
	fs.FS
	name string
	n    *atomic.Int32
}

func (o opens) Open(name string) (fs.File, error) {
	if name == o.name {
		o.n.Add(1)
	}
	return o.FS.Open(name)
}

// A store being taken back for a path spelled otherwise than Store, as
// "content/../public.store", is the same file: the build uses it rather
// than read the file a second time beside it (it reads site.yaml as often
// as with the path spelled alike, not once more for a restore of its own).
func TestBuildUsesTheStoreBeingTakenBackUnderAnotherSpelling(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, storeSite)
	store := filepath.Join(dir, "public.store")
	n := new(atomic.Int32)
	opt := build.Options{Source: opens{os.DirFS(dir), "site.yaml", n}, Now: sitetest.Now, Sink: &recorded{}, Store: store}
	if _, err := build.Build(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	reads := func(path string) int32 {
		t.Helper()
		opt.Restoring, opt.Sink = build.Restore(path, os.DirFS(dir)), &recorded{}
		n.Store(0)
		res, err := build.Build(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		if res.Restored != 3 || res.StoreErr != nil {
			t.Errorf("%s: %d files taken back (%v), want 3", path, res.Restored, res.StoreErr)
		}
		return n.Load()
	}
	alike := reads(store)
	if other := reads(filepath.Join(dir, "content") + string(filepath.Separator) + ".." + string(filepath.Separator) + "public.store"); other != alike {
		t.Errorf("site.yaml read %d times by the build handed its store under another spelling, %d under the same: it took the store back again", other, alike)
	}
}

// A store being taken back that the build does not use (started for
// another store, or handed to a build that keeps none) is waited for all
// the same: nothing a Build was handed goes on after it returns, and a
// panic there panics again in Build rather than being lost.
func TestBuildWaitsForAStoreBeingTakenBackThatItDoesNotUse(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, storeSite)
	on := true
	for _, store := range []string{filepath.Join(dir, "public.store"), ""} {
		opt := build.Options{Source: os.DirFS(dir), Now: sitetest.Now, Sink: &recorded{}, Store: store,
			Restoring: build.Restore(filepath.Join(dir, "other.store"), panicky{os.DirFS(dir), "site.yaml", &on})}
		var caught any
		func() {
			defer func() { caught = recover() }()
			build.Build(context.Background(), opt)
		}()
		if p, ok := caught.(*par.Panic); !ok || p.Error() != "a bug met on site.yaml" {
			t.Errorf("Store %q: Build with a store being taken back elsewhere that panicked: recovered %v, want its panic", store, caught)
		}
	}
}
