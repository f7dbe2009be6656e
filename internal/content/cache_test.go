package content

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/model"
)

// A file removed while another cannot be read (past max_file_size) is
// forgotten: put back with the stamp it had and other bytes (a save by
// delete-then-write within the second), it is read again, not taken
// from the cache.
func TestLoaderForgetsAFileGoneBesideAnUnreadableOne(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	md := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2018-08-06\n---\nx\n"), ModTime: t0}
	}
	big := &fstest.MapFile{Data: make([]byte, 2000), ModTime: t0}
	fsys := fstest.MapFS{"content/articles/a.md": md("A"), "content/articles/big.md": big}
	cfg := model.Config{MaxFileSize: 1000}
	var l Loader
	l.Load(context.Background(), fsys, cfg)
	delete(fsys, "content/articles/a.md")
	l.Update(context.Background(), fsys, cfg, []string{"content/articles/a.md"})
	fsys["content/articles/a.md"] = md("Z")
	set, _ := l.Update(context.Background(), fsys, cfg, []string{"content/articles/a.md"})
	if len(set.Articles) != 1 || set.Articles[0].Title != "Z" {
		t.Errorf("got %+v", set.Articles[0].Title)
	}
}

// A file that can no longer be read (grown past max_file_size) is an
// error in the build, and in the editor's preview (With) too: not its last
// good text.
func TestWithDoesNotShowAFileTheLoadCouldNotRead(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2018-08-06\n---\nx\n"), ModTime: t0}}
	cfg := model.Config{MaxFileSize: 1000}
	var l Loader
	l.Load(context.Background(), fsys, cfg)
	fsys["content/articles/a.md"] = &fstest.MapFile{Data: make([]byte, 2000), ModTime: t0.Add(time.Second)}
	if _, probs := l.Update(context.Background(), fsys, cfg, []string{"content/articles/a.md"}); len(probs.Errors()) == 0 {
		t.Fatal("the build reports no problem with the file past the limit")
	}
	set, probs := l.With(fsys, cfg, "", nil)
	if len(set.Articles) != 0 || len(probs.Errors()) == 0 {
		t.Errorf("With: %d articles, problems %v; want none and the file's error", len(set.Articles), probs)
	}
}
