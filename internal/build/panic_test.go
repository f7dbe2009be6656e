package build_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"bulletin/internal/build"
	"bulletin/internal/output"
	"bulletin/internal/par"
	"bulletin/internal/sitetest"
)

// panicky is a file system whose opening of one file panics while on is
// set: a bug met on some input, on one of the loader's goroutines.
type panicky struct {
	fs.FS
	name string
	on   *bool
}

func (p panicky) Open(name string) (fs.File, error) {
	if name == p.name && *p.on {
		panic("a bug met on " + name)
	}
	return p.FS.Open(name)
}

// A panic on any goroutine of a build is the build's error, not the end of
// the process: the preview shows it over the last good site and goes on.
// The Builder then keeps nothing of the build it cut short: told that
// nothing changed, the next build reads everything again and makes what a
// cold build makes.
func TestAPanicInTheBuildIsAnError(t *testing.T) {
	fsys := sitetest.Parse(bodySeed)
	on := true
	opt := build.Options{Source: panicky{fsys, "content/articles/b.md", &on}, Now: sitetest.Now}
	b := build.NewBuilder()
	_, err := b.Prepare(context.Background(), opt, build.Everything)
	var p *par.Panic
	if !errors.As(err, &p) || err.Error() != "internal error: a bug met on content/articles/b.md (please report this)" {
		t.Fatalf("err = %v, want the panic as an internal error", err)
	}
	if !strings.Contains(string(p.Stack), "content.(*Loader)") {
		t.Errorf("the error's stack is not the loader's goroutine's:\n%s", p.Stack)
	}

	// site.yaml changes unannounced: only a Builder that reads everything
	// again sees it.
	on = false
	fsys["site.yaml"].Data = bytes.Replace(fsys["site.yaml"].Data, []byte("title: Tin kiểm tra"), []byte("title: Bản tin kiểm tra"), 1)
	snap, err := b.Prepare(context.Background(), opt, build.Changes{})
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	if _, err := snap.Write(context.Background(), mem); err != nil {
		t.Fatal(err)
	}
	cold := sitetest.BuildWith(t, fsys, sitetest.Options{})
	if got, want := mem.Names(), cold.Out.Names(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("after the panic the build made %v, a cold build %v", got, want)
	}
	for _, n := range cold.Out.Names() {
		x, _ := cold.Out.Get(n)
		if y, _ := mem.Get(n); !bytes.Equal(x, y) {
			t.Errorf("%s differs from a cold build's", n)
		}
	}
}

// panickySink panics on writing a page, as a bug in writing would, on
// one of the goroutines that render and write the pages.
type panickySink struct{}

func (panickySink) Write(name string, _ []byte) error {
	if strings.HasSuffix(name, ".html") {
		panic("a bug met writing " + name)
	}
	return nil
}

func TestAPanicWhileWritingIsAnError(t *testing.T) {
	_, err := build.Build(context.Background(), build.Options{Source: sitetest.Parse(bodySeed), Now: sitetest.Now, Sink: panickySink{}})
	if err == nil || !strings.HasPrefix(err.Error(), "internal error: a bug met writing ") {
		t.Fatalf("err = %v, want the panic as an internal error", err)
	}
}

// The editor's preview and checks (Look) go on after a Prepare that
// panicked, when the Builder has forgotten all it kept: Look reads the
// site again first, as the next Prepare would, where it answered "no site
// prepared yet" until a file changed on disk, and every page of the
// editor failed with it. While the site still meets the bug, Look says
// so.
func TestLookAfterAPanickedPrepare(t *testing.T) {
	fsys := sitetest.Parse(bodySeed)
	on := true
	opt := build.Options{Source: panicky{fsys, "content/articles/b.md", &on}, Now: sitetest.Now, Drafts: true}
	b := build.NewBuilder()
	ctx := context.Background()
	if _, err := b.Prepare(ctx, opt, build.Everything); err == nil {
		t.Fatal("the Prepare did not fail")
	}
	if _, err := b.Look(ctx, build.Options{Source: opt.Source, Now: sitetest.Now}, "", nil); err == nil ||
		err.Error() != "internal error: a bug met on content/articles/b.md (please report this)" {
		t.Fatalf("Look while the site meets the bug: err = %v, want the internal error", err)
	}

	on = false
	text := strings.Replace(string(fsys["content/articles/a.md"].Data), "Đoạn mở đầu cũ.", "Đoạn chưa lưu.", 1)
	lk, err := b.Look(ctx, build.Options{Source: opt.Source, Now: sitetest.Now}, "content/articles/a.md", []byte(text))
	if err != nil {
		t.Fatalf("Look after the bug is gone: %v", err)
	}
	if lk.Snapshot == nil || lk.Problems.Err() != nil {
		t.Fatalf("Look made no site: %v", lk.Problems)
	}
	page, _, err := lk.Snapshot.File("2018/08/kiem-tra-cong-tac-dan-van/index.html")
	if err != nil || !bytes.Contains(page, []byte("Đoạn chưa lưu.")) {
		t.Fatalf("the page with the form's text: err %v\n%s", err, page)
	}

	// The next Prepare builds on what Look read, with the options of the
	// Prepare that panicked: what a cold build makes.
	snap, err := b.Prepare(ctx, opt, build.Changes{})
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	if _, err := snap.Write(ctx, mem); err != nil {
		t.Fatal(err)
	}
	cold := sitetest.BuildWith(t, fsys, sitetest.Options{Drafts: true})
	for _, n := range cold.Out.Names() {
		x, _ := cold.Out.Get(n)
		if y, _ := mem.Get(n); !bytes.Equal(x, y) {
			t.Errorf("%s differs from a cold build's", n)
		}
	}
	if got, want := len(mem.Names()), len(cold.Out.Names()); got != want {
		t.Errorf("%d files, a cold build %d", got, want)
	}
}
