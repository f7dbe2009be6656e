package build_test

import (
	"context"
	"io/fs"
	"maps"
	"testing"
	"testing/fstest"

	"bulletin/internal/build"
)

// The fingerprint changes with any byte, name or folder of the input, and
// only with them: the command line writes nothing when it is unchanged.
func TestFingerprintFollowsEveryInput(t *testing.T) {
	base := fstest.MapFS{
		"site.yaml":                    {Data: []byte("title: Tin kiểm tra\n")},
		"content/articles/2018/a.md":   {Data: []byte("---\ntitle: Bài A\ndate: 2018-08-06\n---\nĐề án số 01-ĐA/TU.\n")},
		"content/articles/2018/b.md":   {Data: []byte("---\ntitle: Bài B\ndate: 2018-08-07\n---\nThân bài.\n")},
		"layouts/partials/footer.html": {Data: []byte("<footer></footer>")},
		"static/css/site.css":          {Data: []byte("body{}")},
		"static/img/logo.svg":          {Data: []byte("<svg/>")},
	}
	fp := func(fsys fstest.MapFS) string {
		t.Helper()
		s, err := build.Fingerprint(context.Background(), fsys, build.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	want := fp(base)
	if again := fp(maps.Clone(base)); again != want {
		t.Fatalf("the same input gave %s, then %s", want, again)
	}
	edits := map[string]func(fstest.MapFS){
		"a byte of an article, same size": func(f fstest.MapFS) {
			f["content/articles/2018/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bài B\ndate: 2018-08-07\n---\nThân bàn.\n")}
		},
		"an article renamed": func(f fstest.MapFS) {
			f["content/articles/2018/c.md"] = f["content/articles/2018/b.md"]
			delete(f, "content/articles/2018/b.md")
		},
		"two files' bytes swapped": func(f fstest.MapFS) {
			f["static/css/site.css"], f["static/img/logo.svg"] = f["static/img/logo.svg"], f["static/css/site.css"]
		},
		"an empty folder": func(f fstest.MapFS) { f["static/fonts"] = &fstest.MapFile{Mode: fs.ModeDir | 0o755} },
		"a layout": func(f fstest.MapFS) {
			f["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte("<footer>©</footer>")}
		},
		"site.yaml": func(f fstest.MapFS) { f["site.yaml"] = &fstest.MapFile{Data: []byte("title: Tin kiểm tra.\n")} },
	}
	for name, edit := range edits {
		f := maps.Clone(base)
		edit(f)
		if got := fp(f); got == want {
			t.Errorf("%s: fingerprint unchanged", name)
		}
	}
	if got, err := build.Fingerprint(context.Background(), base, build.Options{Drafts: true}); err != nil || got == want {
		t.Errorf("publishing drafts: fingerprint %s (%v), the same as without", got, err)
	}
}
