package feed

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"bulletin/internal/model"
)

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	NSImage string   `xml:"xmlns:image,attr"`
	URLs    []sitemapURL
}

type sitemapURL struct {
	XMLName xml.Name       `xml:"url"`
	Loc     string         `xml:"loc"`
	LastMod string         `xml:"lastmod,omitempty"`
	Images  []sitemapImage `xml:"image:image"`
}

// sitemapImage is the lead image of an article's page, for image search.
type sitemapImage struct {
	Loc string `xml:"image:loc"`
}

type sitemapIndex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []indexEntry
}

type indexEntry struct {
	XMLName xml.Name `xml:"sitemap"`
	Loc     string   `xml:"loc"`
	LastMod string   `xml:"lastmod,omitempty"`
}

// The sitemap protocol's limits for one file: 50,000 URLs and 50 MB
// (52,428,800 bytes) uncompressed. Search engines ignore what is past them.
const (
	MaxSitemapURLs  = 50000
	MaxSitemapBytes = 50 << 20
)

// File is one file the sitemap is written as.
type File struct {
	Name string // "sitemap.xml", "sitemap-1.xml", ...
	Data []byte
}

// Sitemaps is the sitemap as the site publishes it: every page but the
// 404 page and the redirects (old URLs that lead on), with the date of
// the newest article each shows as its last modification, and an
// article's lead image. It is sitemap.xml, or,
// when the pages pass the limits for one file (the protocol's are
// MaxSitemapURLs and MaxSitemapBytes), sitemap.xml as an index of
// sitemap-1.xml, sitemap-2.xml, ... each within them. robots.txt names
// sitemap.xml either way.
func Sitemaps(s *model.Site, maxURLs, maxBytes int) ([]File, error) {
	return splitSitemap(s.Config, sitemapURLs(s), maxURLs, maxBytes)
}

func sitemapURLs(s *model.Site) []sitemapURL {
	var out []sitemapURL
	for _, p := range s.Pages {
		if p.Kind == model.Kind404 || p.Kind == model.KindRedirect {
			continue
		}
		e := sitemapURL{Loc: Abs(s.Config, p.URL)}
		if t := LastMod(p); !t.IsZero() {
			e.LastMod = t.Format(time.RFC3339)
		}
		if p.Kind == model.KindArticle && p.Article.LeadImage() != "" {
			e.Images = []sitemapImage{{Loc: Abs(s.Config, p.Article.LeadImage())}}
		}
		out = append(out, e)
	}
	return out
}

// splitSitemap writes urls as one sitemap when they fit in maxURLs and
// maxBytes, else as parts that do, and an index of them.
func splitSitemap(cfg model.Config, urls []sitemapURL, maxURLs, maxBytes int) ([]File, error) {
	parts := split(len(urls), func(i int) int { return entrySize(urls[i]) }, maxURLs, maxBytes)
	if len(parts) == 1 {
		data, err := marshal(urlset{NSImage: nsImage, URLs: urls})
		return []File{{"sitemap.xml", data}}, err
	}
	files := []File{{Name: "sitemap.xml"}}
	var index sitemapIndex
	for i, pr := range parts {
		part := urls[pr[0]:pr[1]]
		name := partName(i)
		data, err := marshal(urlset{NSImage: nsImage, URLs: part})
		if err != nil {
			return nil, err
		}
		if len(data) > maxBytes { // entrySize errs on the large side: never
			return nil, fmt.Errorf("%s is %d bytes, past the sitemap limit of %d", name, len(data), maxBytes)
		}
		files = append(files, File{name, data})
		index.Sitemaps = append(index.Sitemaps, indexEntry{Loc: Abs(cfg, "/"+name), LastMod: newestMod(part)})
	}
	data, err := marshal(index)
	files[0].Data = data
	return files, err
}

// SitemapNames lists the files Sitemaps writes, without writing them:
// "sitemap.xml", and its parts when there are any. A site that fits one
// file by a bound on each entry's size (nearly every site) costs a pass
// over the pages' URLs; a larger one is split exactly as Sitemaps splits
// it.
func SitemapNames(s *model.Site, maxURLs, maxBytes int) []string {
	const tags = len("  <url>\n    <loc></loc>\n    <lastmod></lastmod>\n  </url>\n")
	// An escaped byte is at most five ("&amp;", "&#34;"): bounding each
	// URL by five times its length spares reading it (the preview lists
	// the files on every save).
	base := xmlLen(Abs(s.Config, "/"))
	n, total := 0, urlsetOverhead
	for _, p := range s.Pages {
		if p.Kind != model.Kind404 && p.Kind != model.KindRedirect {
			n++
			total += tags + len("2006-01-02T15:04:05+07:00") + base + 5*len(p.URL) // at least entrySize
			if p.Kind == model.KindArticle && p.Article.LeadImage() != "" {
				total += imageTags + base + 5*len(p.Article.LeadImage())
			}
		}
	}
	names := []string{"sitemap.xml"}
	if n <= maxURLs && total <= maxBytes {
		return names
	}
	urls := sitemapURLs(s)
	parts := split(len(urls), func(i int) int { return entrySize(urls[i]) }, maxURLs, maxBytes)
	if len(parts) > 1 {
		for i := range parts {
			names = append(names, partName(i))
		}
	}
	return names
}

func partName(i int) string { return fmt.Sprintf("sitemap-%d.xml", i+1) }

// split cuts n entries of the given sizes into runs of at most maxURLs
// entries and maxBytes bytes, as [start, end) pairs.
func split(n int, size func(int) int, maxURLs, maxBytes int) [][2]int {
	var parts [][2]int
	total := urlsetOverhead
	start := 0
	for i := range n {
		e := size(i)
		if i > start && (i-start == maxURLs || total+e > maxBytes) {
			parts = append(parts, [2]int{start, i})
			start, total = i, urlsetOverhead
		}
		total += e
	}
	return append(parts, [2]int{start, n})
}

// xmlLen is the length of s as XML text, counted without writing it.
func xmlLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			n += 4
		case '<', '>':
			n += 3
		case '"', '\'':
			n += 4
		}
	}
	return n
}

// urlsetOverhead bounds the bytes of a urlset's header and root element;
// entrySize those of one entry, indented as marshal writes it.
const urlsetOverhead = 256

func entrySize(u sitemapURL) int {
	const tags = len("  <url>\n    <loc></loc>\n    <lastmod></lastmod>\n  </url>\n")
	n := tags + escapedLen(u.Loc) + len(u.LastMod)
	for _, img := range u.Images {
		n += imageTags + escapedLen(img.Loc)
	}
	return n
}

// imageTags is the length of an image entry's tags, indented.
const imageTags = len("    <image:image>\n      <image:loc></image:loc>\n    </image:image>\n")

// escapedLen is the length of s as XML text.
func escapedLen(s string) int {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.Len()
}

// newestMod is the latest lastmod of urls (RFC 3339 in one zone compares
// as text only within it: compare as times).
func newestMod(urls []sitemapURL) string {
	var newest time.Time
	out := ""
	for _, u := range urls {
		if t, err := time.Parse(time.RFC3339, u.LastMod); err == nil && t.After(newest) {
			newest, out = t, u.LastMod
		}
	}
	return out
}

// LastMod is the date the sitemap gives a page: its article's or its
// page's, or for a list the newest of its articles.
func LastMod(p *model.Page) time.Time {
	switch {
	case p.Article != nil:
		return p.Article.Modified()
	case p.Doc != nil:
		return p.Doc.Date
	}
	return newest(p.Articles)
}

// Robots allows every crawler and points it at the sitemaps.
func Robots(cfg model.Config) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + Abs(cfg, "/sitemap.xml") + "\nSitemap: " + Abs(cfg, "/news-sitemap.xml") + "\n")
}
