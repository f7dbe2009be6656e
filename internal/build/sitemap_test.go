package build

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/output"
)

// Past the sitemap protocol's limits (lowered here), the build
// writes sitemap.xml as an index of sitemap-1.xml, ... and robots.txt
// names the index; the preview's builder reuses the parts while no page
// changes, and drops a part no longer needed.
func TestBuildWritesASitemapIndexPastTheLimits(t *testing.T) {
	saved := sitemapMax
	defer func() { sitemapMax = saved }()

	fsys := fstest.MapFS{"site.yaml": {Data: []byte("base_url: https://kiemtra.example.vn/\npage_size: 100\n")}}
	for i := range 6 {
		fsys[fmt.Sprintf("content/articles/a%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Bài %d\ndate: 2018-01-0%d\n---\nx\n", i, i+1))}
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	b := NewBuilder()
	build := func() *output.Memory {
		mem := output.NewMemory()
		snap, err := b.Prepare(context.Background(), Options{Source: fsys, Now: now}, Everything)
		if err == nil {
			_, err = snap.Write(context.Background(), mem)
		}
		if err != nil {
			t.Fatal(err)
		}
		return mem
	}
	get := func(mem *output.Memory, name string) string {
		data, ok := mem.Get(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(data)
	}
	// The limit one URL short of the site's pages: two parts.
	n := bytes.Count([]byte(get(build(), "sitemap.xml")), []byte("<url>"))
	sitemapMax.urls = n - 1
	b = NewBuilder()
	mem := build()
	index := get(mem, "sitemap.xml")
	for _, want := range []string{"<sitemapindex", "<loc>https://kiemtra.example.vn/sitemap-1.xml</loc>", "<loc>https://kiemtra.example.vn/sitemap-2.xml</loc>"} {
		if !bytes.Contains([]byte(index), []byte(want)) {
			t.Errorf("sitemap.xml lacks %s:\n%s", want, index)
		}
	}
	if got := bytes.Count([]byte(get(mem, "sitemap-1.xml")), []byte("<url>")); got != n-1 {
		t.Errorf("sitemap-1.xml has %d URLs, want %d", got, n-1)
	}
	if got := bytes.Count([]byte(get(mem, "sitemap-2.xml")), []byte("<url>")); got != 1 {
		t.Errorf("sitemap-2.xml has %d URLs, want 1", got)
	}
	if r := get(mem, "robots.txt"); !bytes.Contains([]byte(r), []byte("Sitemap: https://kiemtra.example.vn/sitemap.xml\n")) {
		t.Errorf("robots.txt:\n%s", r)
	}

	again := build()
	for _, name := range []string{"sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"} {
		if get(again, name) != get(mem, name) {
			t.Errorf("%s differs on a rebuild with nothing changed", name)
		}
	}
	delete(fsys, "content/articles/a5.md")
	fewer := build()
	if _, ok := fewer.Get("sitemap-1.xml"); ok {
		t.Error("sitemap-1.xml is still written for a site within the limits")
	}
	if s := get(fewer, "sitemap.xml"); !bytes.Contains([]byte(s), []byte("<urlset")) {
		t.Errorf("sitemap.xml is not a urlset:\n%s", s)
	}
}
