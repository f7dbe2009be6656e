package content

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/model"
)

// With shows a file's unsaved text, and new files, as the site would read
// them; and keeps nothing of it: the next Update reads the site as it is
// on disk, decoding nothing that did not change.
func TestWithKeepsNothing(t *testing.T) {
	mod := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2018-08-06\n---\n"), ModTime: mod},
		"content/articles/b.md": {Data: []byte("---\ntitle: B\ndate: 2018-08-07\n---\n"), ModTime: mod},
	}
	var l Loader
	first, _ := l.Load(context.Background(), fsys, model.Config{})

	set, probs := l.With(fsys, model.Config{}, "content/articles/a.md", []byte("---\ntitle: A chưa lưu\ndate: 2018-08-06\n---\n"))
	if len(probs) != 0 || len(set.Articles) != 2 || set.Articles[0].Title != "A chưa lưu" || set.Articles[1] != first.Articles[1] {
		t.Fatalf("With: %v %+v", probs, set.Articles)
	}
	set, _ = l.With(fsys, model.Config{}, "content/articles/c.md", []byte("---\ntitle: C mới\ndate: 2018-08-08\n---\n"))
	if len(set.Articles) != 3 || set.Articles[2].Title != "C mới" {
		t.Fatalf("With a new file: %+v", set.Articles)
	}
	_, probs = l.With(fsys, model.Config{}, "content/articles/a.md", []byte("---\ntitle: [\n---\n"))
	if len(probs.Errors()) != 1 || probs[0].File != "content/articles/a.md" {
		t.Fatalf("With broken text: %v", probs)
	}

	again, probs := l.Update(context.Background(), fsys, model.Config{}, nil)
	if len(probs) != 0 || l.Decoded() != 0 || len(again.Articles) != 2 || again.Articles[0] != first.Articles[0] {
		t.Errorf("after With, the loader read something else than the site: %v, %d decoded, %+v", probs, l.Decoded(), again.Articles)
	}
}

func TestParseDateForTheEditor(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	for _, c := range []struct {
		in   string
		want time.Time
		day  bool
	}{
		{"16:41, 06/08/2018", time.Date(2018, 8, 6, 16, 41, 0, 0, loc), false},
		{"2018-08-06", time.Date(2018, 8, 6, 0, 0, 0, 0, loc), true},
		{"06/08/2018", time.Date(2018, 8, 6, 0, 0, 0, 0, loc), true},
	} {
		got, day, err := ParseDate(c.in, loc)
		if err != nil || !got.Equal(c.want) || day != c.day {
			t.Errorf("%q: %v %v %v", c.in, got, day, err)
		}
	}
	if _, _, err := ParseDate("31/02/2018", loc); err == nil {
		t.Error("31/02 read")
	}
}
