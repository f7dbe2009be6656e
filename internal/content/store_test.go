package content

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/model"
)

// roundTrip is what a kept load goes through between two processes.
func roundTrip(t *testing.T, kept []Kept) []Kept {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(kept); err != nil {
		t.Fatal(err)
	}
	var back []Kept
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	return back
}

// Files kept by one process and restored in another are taken back
// without being decoded, and are what decoding them gives, down to each
// time's zone (gob keeps only offsets): a date read in the site's zone,
// one with its own offset, one in UTC, one before the zone took its
// present offset, and the times of documents, corrections and outcomes.
func TestKeptFilesAreRestoredAsDecoded(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a.md": {Data: []byte(`---
title: Kiểm tra Đảng ủy xã
date: 2018-08-06
updated: 2018-08-07 09:30
documents:
  - code: 01-ĐA/TU
    date: 12/7/2016
outcome:
  findings: [Làm tốt]
  follow_up_by: 2019-01-31
---
Thân bài.
`)},
		"content/articles/b.md":       {Data: []byte("---\ntitle: B\ndate: 2018-08-06T10:00:00+09:00\n---\nb\n")},
		"content/articles/c.md":       {Data: []byte("---\ntitle: C\ndate: 2018-08-06T10:00:00Z\n---\nc\n")},
		"content/articles/d.md":       {Data: []byte("---\ntitle: D\ndate: 1960-03-01\n---\nd\n")},
		"content/projects/p.md":       {Data: []byte("---\ncode: 01-ĐA/TU\ntitle: Đề án\ndate: 2016-07-12\n---\np\n")},
		"content/pages/gioi-thieu.md": {Data: []byte("---\ntitle: Giới thiệu\n---\ng\n")},
	}
	ctx := context.Background()
	var first Loader
	want, probs := first.Load(ctx, fsys, model.Config{})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	kept := roundTrip(t, first.Keep(time.Now()))
	if len(kept) != 6 {
		t.Fatalf("%d files kept, want 6", len(kept))
	}
	var second Loader
	if err := second.Restore(kept, model.Config{}); err != nil {
		t.Fatal(err)
	}
	got, probs := second.Load(ctx, fsys, model.Config{})
	if len(probs) != 0 || second.Decoded() != 0 {
		t.Fatalf("restored load: %d decoded, problems %v", second.Decoded(), probs)
	}
	// The body is not kept: the markdown stage reads it again when it
	// must (Markdown). Compare the rest.
	for _, f := range append(want.Articles, got.Articles...) {
		model.DropMarkdown(&f.Source)
	}
	for _, f := range append(want.Projects, got.Projects...) {
		model.DropMarkdown(&f.Source)
	}
	for _, f := range append(want.Docs, got.Docs...) {
		model.DropMarkdown(&f.Source)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("restored:\n%+v\nwant:\n%+v", got.Articles, want.Articles)
	}
	for i, a := range got.Articles {
		w := want.Articles[i]
		for _, pair := range [][2]time.Time{{a.Date, w.Date}, {a.Updated, w.Updated}} {
			if g, x := pair[0].Format(time.RFC3339+" MST"), pair[1].Format(time.RFC3339+" MST"); g != x || pair[0].Location().String() != pair[1].Location().String() {
				t.Errorf("%s: time %s (%s), want %s (%s)", a.Path, g, pair[0].Location(), x, pair[1].Location())
			}
		}
	}
	body, err := second.Markdown(ctx, fsys, model.Config{}, "content/articles/a.md")
	if err != nil || string(body) != "Thân bài.\n" {
		t.Errorf("Markdown = %q, %v", body, err)
	}
	fsys["content/articles/a.md"].Data = []byte(strings.Replace(string(fsys["content/articles/a.md"].Data), "Thân bài", "Thân bài mới", 1))
	if _, err := second.Markdown(ctx, fsys, model.Config{}, "content/articles/a.md"); err == nil || !strings.Contains(err.Error(), "changed while the build") {
		t.Errorf("Markdown of a file changed since its load: %v", err)
	}
}

// On disk, a file's stamp includes its status-change time, which no copy
// or touch can set back: a file rewritten to the same size with its old
// modification time put back (cp -p, rsync -t, touch -d) is decoded
// again, not taken back as kept. A file whose status changed just before
// the load is kept untrusted, and read again.
func TestKeptStampCatchesAnEditWithTheOldTime(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "content", "articles", "a.md")
	if err := os.MkdirAll(filepath.Dir(art), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(title string, mtime time.Time) {
		if err := os.WriteFile(art, []byte("---\ntitle: "+title+"\ndate: 2018-08-06\n---\nx\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(art, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	write("Một", old)
	fsys := os.DirFS(dir)
	ctx := context.Background()
	var first Loader
	first.Load(ctx, fsys, model.Config{})

	if k := first.Keep(time.Now()); len(k) != 1 || k[0].Trusted {
		t.Errorf("a file changed just now is kept trusted: %+v", k)
	}
	kept := roundTrip(t, first.Keep(time.Now().Add(time.Minute)))
	if len(kept) != 1 || !kept[0].Trusted {
		t.Fatalf("kept %+v, want one trusted file", kept)
	}
	restore := func() *Loader {
		var l Loader
		if err := l.Restore(kept, model.Config{}); err != nil {
			t.Fatal(err)
		}
		return &l
	}
	l := restore()
	if set, _ := l.Load(ctx, fsys, model.Config{}); l.Decoded() != 0 || set.Articles[0].Title != "Một" {
		t.Fatalf("unchanged file: %d decoded", l.Decoded())
	}

	write("Hai", old) // same size, same modification time
	l = restore()
	set, _ := l.Load(ctx, fsys, model.Config{})
	if l.Decoded() != 1 || set.Articles[0].Title != "Hai" {
		t.Errorf("the edit with the old time put back: %d decoded, title %q; want 1, Hai", l.Decoded(), set.Articles[0].Title)
	}
}
