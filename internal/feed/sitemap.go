package feed

import (
	"encoding/xml"
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

// Sitemap lists every page but the 404 page and the old URLs that lead
// on to an article, with the date of the newest article each shows as its
// last modification, and an article's lead image.
func Sitemap(s *model.Site) ([]byte, error) {
	u := urlset{NSImage: nsImage}
	for _, p := range s.Pages {
		if p.Kind == model.Kind404 || p.Kind == model.KindAlias {
			continue
		}
		e := sitemapURL{Loc: Abs(s.Config, p.URL)}
		if t := LastMod(p); !t.IsZero() {
			e.LastMod = t.Format(time.RFC3339)
		}
		if p.Kind == model.KindArticle && p.Article.LeadImage() != "" {
			e.Images = []sitemapImage{{Loc: Abs(s.Config, p.Article.LeadImage())}}
		}
		u.URLs = append(u.URLs, e)
	}
	return marshal(u)
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
