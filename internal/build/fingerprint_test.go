package build_test

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

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

// A file whose stamp is as the inputs kept it, trusted, is taken by the
// hash kept, unread; a file written again since, even to the same size
// and with its modification time set back, has another stamp (its
// status-change time) and is read. Files just written are kept
// untrusted: within the file system's tick a write may leave the times
// as they were.
func TestFingerprintTakesUnchangedFilesByTheirStamps(t *testing.T) {
	files := map[string]string{
		"site.yaml":                  "title: Tin kiểm tra\n",
		"content/articles/2018/a.md": "---\ntitle: Bài A\ndate: 2018-08-06\n---\nĐề án số 01-ĐA/TU.\n",
		"content/articles/2018/b.md": "---\ntitle: Bài B\ndate: 2018-08-07\n---\nThân bài.\n",
		"static/css/site.css":        "body{}",
	}
	dir := diskSite(t, files)
	fsys := os.DirFS(dir)
	ctx := context.Background()
	read, found, err := build.FingerprintKnown(ctx, fsys, build.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	const b = "content/articles/2018/b.md"
	if len(found) != 3 || found[b].Trusted {
		t.Fatalf("found %+v: want the three files under content/ and static/, untrusted (just written)", found)
	}
	// Untrusted, with another hash than the file's: read all the same.
	known := maps.Clone(found)
	k := known[b]
	k.Hash++
	known[b] = k
	if got, _, _ := build.FingerprintKnown(ctx, fsys, build.Options{}, known); got != read {
		t.Fatalf("a file whose stamp is untrusted was not read")
	}

	// Trusted, with that other hash: taken unread.
	k.Trusted = true
	known[b] = k
	taken, _, err := build.FingerprintKnown(ctx, fsys, build.Options{}, known)
	if err != nil {
		t.Fatal(err)
	}
	if taken == read {
		t.Fatal("a file whose stamp is as kept and trusted was read again")
	}

	// Written again, same size, its modification time set back.
	p := filepath.Join(dir, filepath.FromSlash(b))
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // the status-change time moves on
	edited := strings.Replace(files[b], "Thân bài.", "Thân bàn.", 1)
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	got, _, err := build.FingerprintKnown(ctx, fsys, build.Options{}, known)
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := build.FingerprintKnown(ctx, fsys, build.Options{}, nil)
	if got != want || got == read {
		t.Fatalf("after the edit: %s with the kept stamps, %s reading every file (%s before)", got, want, read)
	}
}

// The inputs are kept for one site folder and one program: another
// folder's, or none, reads every file.
func TestInputsAreKeptForTheirSiteFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "o.inputs")
	in := build.Inputs{"content/a.md": {Hash: 7, Trusted: true}}
	if err := in.Save(path, "/srv/site"); err != nil {
		t.Fatal(err)
	}
	if got := build.LoadInputs(path, "/srv/site"); !maps.Equal(got, in) {
		t.Errorf("loaded %v, saved %v", got, in)
	}
	if got := build.LoadInputs(path, "/srv/other"); got != nil {
		t.Errorf("another folder's inputs: %v, want none", got)
	}
	if err := os.WriteFile(path, []byte("not gob"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := build.LoadInputs(path, "/srv/site"); got != nil {
		t.Errorf("a damaged file: %v, want none", got)
	}
}
