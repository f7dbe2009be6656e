package content

import (
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/model"
)

func TestLoaderCache(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2018-08-06\n---\n")},
		"content/articles/b.md": {Data: []byte("---\ntitle: B\ndate: 2018-08-07\n---\n")},
		"content/pages/p.md":    {Data: []byte("---\ntitle: P\n---\n")},
	}
	var l Loader // the zero Loader works
	first, probs := l.Load(fsys, model.Config{})
	if len(probs) != 0 || len(first.Articles) != 2 || l.Decoded() != 3 {
		t.Fatalf("first load: %v, %d articles, %d decoded", probs, len(first.Articles), l.Decoded())
	}
	first.Articles[0].URL = "/set-by-assemble/"
	first.Docs[0].URL = "/p/"

	second, _ := l.Load(fsys, model.Config{})
	if l.Decoded() != 0 {
		t.Errorf("unchanged files decoded again: %d", l.Decoded())
	}
	if second.Articles[0] == first.Articles[0] || second.Articles[0].URL != "" || second.Docs[0].URL != "" {
		t.Errorf("cached struct shared or changed: %+v", second.Articles[0])
	}

	fsys["content/articles/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B2\ndate: 2018-08-07\n---\n")}
	delete(fsys, "content/pages/p.md")
	third, _ := l.Load(fsys, model.Config{})
	if l.Decoded() != 1 || third.Articles[1].Title != "B2" || third.Articles[0].Title != "A" || len(third.Docs) != 0 {
		t.Errorf("after edit: %d decoded, %+v", l.Decoded(), third.Articles)
	}

	// Another time zone changes what dates mean: everything is decoded.
	fourth, _ := l.Load(fsys, model.Config{Location: time.UTC})
	if l.Decoded() != 2 || fourth.Articles[0].Date.Location() != time.UTC {
		t.Errorf("after zone change: %d decoded, %v", l.Decoded(), fourth.Articles[0].Date)
	}
}

// TestLoaderProblemsCached checks that a cached bad file still reports.
func TestLoaderProblemsCached(t *testing.T) {
	fsys := fstest.MapFS{"content/articles/a.md": {Data: []byte("---\ntitle: A\n---\n")}}
	var l Loader
	for i := range 2 {
		_, probs := l.Load(fsys, model.Config{})
		if len(probs) != 1 {
			t.Errorf("load %d: %v", i, probs)
		}
		probs[0].Message = "changed by a caller"
	}
}

func BenchmarkLoad(b *testing.B) {
	fsys := fstest.MapFS{}
	for i := range 500 {
		fsys["content/articles/"+itoa(i)+".md"] = &fstest.MapFile{Data: []byte(
			"---\ntitle: Kiểm tra thực hiện các đề án\ndate: 2018-08-06T16:41:00+07:00\ntags: [dân vận]\ndocuments: [01-ĐA/TU]\n---\nBody\n")}
	}
	for b.Loop() {
		Load(fsys, model.Config{})
	}
}
