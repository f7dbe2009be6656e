package feed

import (
	"encoding/xml"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/internal/model"
)

// oneSitemap is the sitemap of a site within the limits: sitemap.xml.
func oneSitemap(s *model.Site) ([]byte, error) {
	files, err := Sitemaps(s, MaxSitemapURLs, MaxSitemapBytes)
	if err != nil || len(files) != 1 || files[0].Name != "sitemap.xml" {
		return nil, fmt.Errorf("want sitemap.xml alone, got %d files, %v", len(files), err)
	}
	return files[0].Data, nil
}

// bigSite has n article pages.
func bigSite(n int) *model.Site {
	s := &model.Site{Config: testConfig()}
	day := time.Date(2018, 1, 1, 8, 0, 0, 0, time.FixedZone("", 7*3600))
	for i := range n {
		a := (&model.Article{URL: fmt.Sprintf("/2018/01/bai-%d/", i)}).SetFile(&model.ArticleFile{Date: day.Add(time.Duration(i) * time.Minute)})
		s.Pages = append(s.Pages, &model.Page{Kind: model.KindArticle, URL: a.URL, Article: a})
	}
	return s
}

type parsedSitemap struct {
	Root string
	Locs []string
	Mods []string
}

func parseSitemap(t *testing.T, data []byte) parsedSitemap {
	t.Helper()
	var d struct {
		XMLName xml.Name
		Entries []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:",any"`
	}
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatalf("does not parse: %v", err)
	}
	p := parsedSitemap{Root: d.XMLName.Local}
	for _, e := range d.Entries {
		p.Locs, p.Mods = append(p.Locs, e.Loc), append(p.Mods, e.LastMod)
	}
	return p
}

// Past the protocol's limits, the sitemap is an index of parts within
// them, each URL in one part, in order; below them, one urlset.
func TestSitemapSplitsAtTheLimits(t *testing.T) {
	s := bigSite(11)
	urls := sitemapURLs(s)
	for _, tt := range []struct {
		name              string
		maxURLs, maxBytes int
		parts             []int // URLs per part; nil: one urlset
	}{
		{"fits", 11, MaxSitemapBytes, nil},
		{"by count", 4, MaxSitemapBytes, []int{4, 4, 3}},
		{"by size", 100, urlsetOverhead + 5*entrySize(urls[0]), []int{5, 5, 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files, err := splitSitemap(s.Config, urls, tt.maxURLs, tt.maxBytes)
			if err != nil {
				t.Fatal(err)
			}
			// The preview lists the site's files before it writes any.
			names := SitemapNames(s, tt.maxURLs, tt.maxBytes)
			if len(names) != len(files) {
				t.Fatalf("SitemapNames gives %v for %d files", names, len(files))
			}
			for i, f := range files {
				if names[i] != f.Name {
					t.Errorf("SitemapNames gives %s where Sitemaps writes %s", names[i], f.Name)
				}
			}
			if tt.parts == nil {
				if len(files) != 1 || files[0].Name != "sitemap.xml" || parseSitemap(t, files[0].Data).Root != "urlset" {
					t.Fatalf("want one urlset sitemap.xml, got %d files", len(files))
				}
				return
			}
			index := parseSitemap(t, files[0].Data)
			if files[0].Name != "sitemap.xml" || index.Root != "sitemapindex" || len(files) != len(tt.parts)+1 {
				t.Fatalf("want sitemap.xml as an index of %d parts, got %s (%s) and %d files", len(tt.parts), files[0].Name, index.Root, len(files))
			}
			var all []string
			for i, f := range files[1:] {
				name := fmt.Sprintf("sitemap-%d.xml", i+1)
				part := parseSitemap(t, f.Data)
				if f.Name != name || index.Locs[i] != "https://kiemtra.example.vn/"+name || part.Root != "urlset" || len(part.Locs) != tt.parts[i] || len(f.Data) > tt.maxBytes {
					t.Errorf("part %d: %s listed as %s, %s of %d URLs, %d bytes", i+1, f.Name, index.Locs[i], part.Root, len(part.Locs), len(f.Data))
				}
				// The index gives each part the date of its newest page.
				if index.Mods[i] != part.Mods[len(part.Mods)-1] {
					t.Errorf("part %d: lastmod %s, newest page %s", i+1, index.Mods[i], part.Mods[len(part.Mods)-1])
				}
				all = append(all, part.Locs...)
			}
			want := make([]string, len(urls))
			for i, u := range urls {
				want[i] = u.Loc
			}
			if strings.Join(all, " ") != strings.Join(want, " ") {
				t.Errorf("the parts list\n%v\nwant\n%v", all, want)
			}
		})
	}
}

// 50,001 pages: past the protocol's 50,000 URLs, an index of two parts,
// valid against the protocol's schemas.
func TestSitemapIndexAtFiftyThousandAndOne(t *testing.T) {
	files, err := Sitemaps(bigSite(MaxSitemapURLs+1), MaxSitemapURLs, MaxSitemapBytes)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 || len(parseSitemap(t, files[1].Data).Locs) != MaxSitemapURLs || len(parseSitemap(t, files[2].Data).Locs) != 1 {
		t.Fatalf("%d files", len(files))
	}
	dir := schemas(t)
	xmllint := tool(t, "xmllint")
	run(t, xmllint, "--noout", "--schema", filepath.Join(dir, "siteindex.xsd"), writeTemp(t, "sitemap.xml", files[0].Data, nil))
	for _, f := range files[1:] {
		run(t, xmllint, "--noout", "--schema", filepath.Join(dir, "sitemap.xsd"), writeTemp(t, f.Name, f.Data, nil))
	}
	// 50,000 is one file still.
	if files, _ := Sitemaps(bigSite(MaxSitemapURLs), MaxSitemapURLs, MaxSitemapBytes); len(files) != 1 {
		t.Errorf("50,000 URLs: %d files, want 1", len(files))
	}
}
