package content

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

func TestLoaderCache(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2018-08-06\n---\n")},
		"content/articles/b.md": {Data: []byte("---\ntitle: B\ndate: 2018-08-07\n---\n")},
		"content/pages/p.md":    {Data: []byte("---\ntitle: P\n---\n")},
	}
	var l Loader // the zero Loader works
	first, probs := l.Load(context.Background(), fsys, model.Config{})
	if len(probs) != 0 || len(first.Articles) != 2 || l.Decoded() != 3 {
		t.Fatalf("first load: %v, %d articles, %d decoded", probs, len(first.Articles), l.Decoded())
	}
	second, _ := l.Load(context.Background(), fsys, model.Config{})
	if l.Decoded() != 0 {
		t.Errorf("unchanged files decoded again: %d", l.Decoded())
	}
	if second.Articles[0] != first.Articles[0] {
		t.Errorf("an unchanged file was not handed out as decoded before")
	}

	fsys["content/articles/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B2\ndate: 2018-08-07\n---\n")}
	delete(fsys, "content/pages/p.md")
	third, _ := l.Load(context.Background(), fsys, model.Config{})
	if l.Decoded() != 1 || third.Articles[1].Title != "B2" || third.Articles[0].Title != "A" || len(third.Docs) != 0 {
		t.Errorf("after edit: %d decoded, %+v", l.Decoded(), third.Articles)
	}

	// Another time zone changes what dates mean: everything is decoded.
	fourth, _ := l.Load(context.Background(), fsys, model.Config{Location: time.UTC})
	if l.Decoded() != 2 || fourth.Articles[0].Date.Location() != time.UTC {
		t.Errorf("after zone change: %d decoded, %v", l.Decoded(), fourth.Articles[0].Date)
	}
}

// TestLoaderProblemsCached checks that a cached bad file still reports.
func TestLoaderProblemsCached(t *testing.T) {
	fsys := fstest.MapFS{"content/articles/a.md": {Data: []byte("---\ntitle: A\n---\n")}}
	var l Loader
	for i := range 2 {
		_, probs := l.Load(context.Background(), fsys, model.Config{})
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

// countFS counts the files opened for reading. The loader reads files
// from several goroutines, so the count is guarded.
type countFS struct {
	fstest.MapFS
	mu     sync.Mutex
	opened map[string]int
}

func (c *countFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.MapFS.Open(name)
}

// The preview rebuilds after every save: a file whose size and
// modification time are unchanged is not even read again.
func TestLoaderSkipsFilesWhoseStampIsUnchanged(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	md := func(title string) []byte { return []byte("---\ntitle: " + title + "\ndate: 2018-08-06\n---\nx\n") }
	fsys := &countFS{MapFS: fstest.MapFS{
		"content/articles/a.md": {Data: md("A"), ModTime: t0},
		"content/articles/b.md": {Data: md("B"), ModTime: t0},
	}, opened: map[string]int{}}
	var l Loader
	l.Load(context.Background(), fsys, model.Config{})
	l.Load(context.Background(), fsys, model.Config{})
	if n := fsys.opened["content/articles/a.md"]; n != 1 {
		t.Errorf("an unchanged file was read %d times over two loads, want 1", n)
	}
	fsys.MapFS["content/articles/b.md"] = &fstest.MapFile{Data: md("B2"), ModTime: t0.Add(time.Second)}
	set, _ := l.Load(context.Background(), fsys, model.Config{})
	if fsys.opened["content/articles/b.md"] != 2 || set.Articles[1].Title != "B2" {
		t.Errorf("an edited file: read %d times, title %q", fsys.opened["content/articles/b.md"], set.Articles[1].Title)
	}
	// Same time, other size (a save within the clock's tick): read again.
	fsys.MapFS["content/articles/b.md"] = &fstest.MapFile{Data: md("B333"), ModTime: t0.Add(time.Second)}
	set, _ = l.Load(context.Background(), fsys, model.Config{})
	if set.Articles[1].Title != "B333" {
		t.Errorf("a same-time edit of another size was missed: %q", set.Articles[1].Title)
	}
}

// Told what changed, the loader looks at those paths only; where it cannot
// be sure (a folder come or gone) it walks everything again.
func TestUpdate(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	md := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2018-08-06\n---\nx\n"), ModTime: t0}
	}
	titles := func(s *Set) string {
		var out []string
		for _, a := range s.Articles {
			out = append(out, a.Title)
		}
		return strings.Join(out, " ")
	}
	fsys := fstest.MapFS{"content/articles/2018/a.md": md("A"), "content/articles/2018/b.md": md("B")}
	var l Loader
	l.Load(context.Background(), fsys, model.Config{})

	// Unlisted changes are not looked at: what the watcher did not report
	// is as it was. (A real save always reports.)
	fsys["content/articles/2018/c.md"] = md("C")
	if set, _ := l.Update(context.Background(), fsys, model.Config{}, nil); titles(set) != "A B" {
		t.Errorf("nothing reported: %s", titles(set))
	}
	steps := []struct {
		name    string
		edit    func()
		changed []string
		want    string
	}{
		{"a new file", func() {}, []string{"content/articles/2018/c.md"}, "A B C"},
		{"an edit", func() {
			fsys["content/articles/2018/a.md"] = md("A2")
			fsys["content/articles/2018/a.md"].ModTime = t0.Add(time.Second)
		},
			[]string{"content/articles/2018/a.md"}, "A2 B C"},
		{"a deletion", func() { delete(fsys, "content/articles/2018/b.md") }, []string{"content/articles/2018/b.md"}, "A2 C"},
		{"hidden and leftover files", func() { fsys["content/articles/2018/.x.md"] = md("X"); fsys["content/articles/.git/y.md"] = md("Y") },
			[]string{"content/articles/2018/.x.md", "content/articles/.git/y.md", "layouts/base.html"}, "A2 C"},
		{"a new folder", func() { fsys["content/articles/2019/d.md"] = md("D") }, []string{"content/articles/2019"}, "A2 C D"},
		{"a folder gone", func() { delete(fsys, "content/articles/2019/d.md") }, []string{"content/articles/2019"}, "A2 C"},
	}
	for _, s := range steps {
		s.edit()
		set, probs := l.Update(context.Background(), fsys, model.Config{}, s.changed)
		if len(probs) != 0 || titles(set) != s.want {
			t.Errorf("%s: %q, %v; want %q", s.name, titles(set), probs, s.want)
		}
	}
	// What the watcher lost is found by a Load: everything again.
	fsys["content/articles/2018/e.md"] = md("E")
	if set, _ := l.Load(context.Background(), fsys, model.Config{}); titles(set) != "A2 C E" {
		t.Errorf("a load after lost events: %s", titles(set))
	}
}

// The warnings of files not read hold across the preview's rebuilds, which
// look at the changed paths only: a file not read stays warned of until
// it is renamed or removed, and one that appears is warned of at once.
func TestLoadChangedKeepsNotReadWarnings(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), ModTime: t0} }
	art := "---\ntitle: A\ndate: 2018-08-06\n---\nx\n"
	fsys := fstest.MapFS{"content/articles/a.md": file(art), "content/articles/b.markdown": file(art)}
	var l Loader
	warned := func(probs diag.List) string {
		var out []string
		for _, p := range probs {
			out = append(out, p.File)
		}
		return strings.Join(out, " ")
	}
	if _, probs := l.Load(context.Background(), fsys, model.Config{}); warned(probs) != "content/articles/b.markdown" {
		t.Fatalf("first load: %v", probs)
	}
	steps := []struct {
		name    string
		edit    func()
		changed []string
		want    string
	}{
		{"another file saved", func() { fsys["content/articles/a.md"].ModTime = t0.Add(time.Second) }, []string{"content/articles/a.md"}, "content/articles/b.markdown"},
		{"a text file appears", func() { fsys["content/articles/c.md.txt"] = file(art) }, []string{"content/articles/c.md.txt"}, "content/articles/b.markdown content/articles/c.md.txt"},
		{"renamed .md", func() {
			fsys["content/articles/b.md"] = fsys["content/articles/b.markdown"]
			delete(fsys, "content/articles/b.markdown")
		},
			[]string{"content/articles/b.markdown", "content/articles/b.md"}, "content/articles/c.md.txt"},
		{"an editor's leftover", func() { fsys["content/articles/b.md~"] = file(art) }, []string{"content/articles/b.md~"}, "content/articles/c.md.txt"},
	}
	for _, s := range steps {
		s.edit()
		set, probs := l.Update(context.Background(), fsys, model.Config{}, s.changed)
		if warned(probs) != s.want {
			t.Errorf("%s: warned of %q, want %q", s.name, warned(probs), s.want)
		}
		if s.name == "renamed .md" && len(set.Articles) != 2 {
			t.Errorf("%s: %d articles", s.name, len(set.Articles))
		}
	}
}

// The preview's watcher follows a link to a folder made in a section while
// it runs, and reports the files in it: they are not read, as a build does
// not read them, and the link is named as a linked folder. The preview
// published them (found by a hostile review).
func TestUpdateReadsNothingThroughALinkedFolder(t *testing.T) {
	site, elsewhere := t.TempDir(), t.TempDir()
	art := "---\ntitle: A\ndate: 2018-08-06\n---\nx\n"
	os.MkdirAll(filepath.Join(site, "content/articles"), 0o755)
	os.WriteFile(filepath.Join(site, "content/articles/a.md"), []byte(art), 0o644)
	os.WriteFile(filepath.Join(elsewhere, "y.md"), []byte(strings.Replace(art, "title: A", "title: Y", 1)), 0o644)
	fsys := os.DirFS(site)
	var l Loader
	l.Load(context.Background(), fsys, model.Config{})
	if err := os.Symlink(elsewhere, filepath.Join(site, "content/articles/ngoai")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, changed := range [][]string{{"content/articles/ngoai"}, {"content/articles/ngoai/y.md"}} {
		set, probs := l.Update(context.Background(), fsys, model.Config{}, changed)
		if len(set.Articles) != 1 || set.Articles[0].Title != "A" {
			t.Errorf("after %v: %d articles", changed, len(set.Articles))
		}
		if len(probs) != 1 || !strings.Contains(probs[0].Error(), "content/articles/ngoai: warning: not read: a link to a folder") {
			t.Errorf("after %v: problems %v", changed, probs)
		}
	}
}
