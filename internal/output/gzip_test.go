package output

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func gzipBuild(t *testing.T, target string, files map[string]string) *Dir {
	t.Helper()
	d, err := NewDir(target, nil)
	if err != nil {
		t.Fatal(err)
	}
	d.Gzip, d.GzipSkip = true, []string{"search/d/"}
	for n, body := range files {
		if err := d.Write(n, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// A text file gets a gzip copy beside it for nginx's gzip_static: the
// same bytes once decompressed, no time or name in its header, so two
// builds write it alike; small files, pictures and copies that would not
// be smaller get none, nor the files of a folder the build says a server
// compresses as it sends them (the search index's documents). The copies
// are in the manifest, so the next build
// takes them for its own.
func TestGzipCopiesBesideTextFiles(t *testing.T) {
	page := strings.Repeat("<p>Đoàn kiểm tra làm việc với Đảng ủy Khối các cơ quan tỉnh.</p>\n", 40)
	files := map[string]string{"index.html": page, "css/site.css": page, "feed.json": page, "small.html": "<p>x</p>",
		"images/a.png": page, "sitemap.xml": page, "search/d/3.json": page, "search/w/0.json": page}
	target := filepath.Join(t.TempDir(), "public")
	gzipBuild(t, target, files)
	for _, name := range []string{"index.html", "css/site.css", "feed.json", "sitemap.xml", "search/w/0.json"} {
		z, err := os.ReadFile(filepath.Join(target, name+".gz"))
		if err != nil {
			t.Fatalf("no %s.gz: %v", name, err)
		}
		r, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if string(got) != page {
			t.Errorf("%s.gz does not hold %s", name, name)
		}
		if !r.ModTime.IsZero() || r.Name != "" || z[4]|z[5]|z[6]|z[7] != 0 {
			t.Errorf("%s.gz carries a time or a name: %v %q", name, r.ModTime, r.Name)
		}
		if len(z) >= len(page) {
			t.Errorf("%s.gz is not smaller", name)
		}
	}
	for _, name := range []string{"small.html.gz", "images/a.png.gz", "search/d/3.json.gz"} {
		if _, err := os.Stat(filepath.Join(target, name)); err == nil {
			t.Errorf("%s was written", name)
		}
	}
	if m := read(t, filepath.Join(target, Marker)); !strings.Contains(m, " index.html.gz\n") {
		t.Errorf("the manifest does not list index.html.gz:\n%s", m)
	}

	// The next build: an unchanged page keeps its copy (linked, same
	// inode); a changed one gets a new copy.
	before, cssBefore := inode(t, filepath.Join(target, "index.html.gz")), read(t, filepath.Join(target, "css/site.css.gz"))
	files["css/site.css"] = page + "/* mới */\n"
	d := gzipBuild(t, target, files)
	if inode(t, filepath.Join(target, "index.html.gz")) != before {
		t.Error("the unchanged page's gzip copy was written again")
	}
	if read(t, filepath.Join(target, "css/site.css.gz")) == cssBefore {
		t.Error("the changed stylesheet kept its old gzip copy")
	}
	if files, unchanged := d.Counts(); files != 13 || unchanged != 11 {
		t.Errorf("counts: %d files, %d unchanged; want 13, 11", files, unchanged)
	}
}

// Two builds of the same files into two folders write the same copies.
func TestGzipIsDeterministic(t *testing.T) {
	page := strings.Repeat("<li>Tin kiểm tra</li>\n", 100)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	gzipBuild(t, a, map[string]string{"index.html": page})
	gzipBuild(t, b, map[string]string{"index.html": page})
	if read(t, filepath.Join(a, "index.html.gz")) != read(t, filepath.Join(b, "index.html.gz")) {
		t.Error("two builds wrote different gzip copies")
	}
}
