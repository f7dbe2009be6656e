package feed

import (
	"encoding/xml"
	"time"

	"bulletin/internal/model"
)

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL
}

type sitemapURL struct {
	XMLName xml.Name `xml:"url"`
	Loc     string   `xml:"loc"`
	LastMod string   `xml:"lastmod,omitempty"`
}

// Sitemap lists every page but the 404 page and the redirects, with the
// date of the newest article each shows as its last modification.
func Sitemap(s *model.Site) ([]byte, error) {
	var u urlset
	for _, p := range s.Pages {
		if p.Kind == model.Kind404 || p.Kind == model.KindRedirect {
			continue
		}
		e := sitemapURL{Loc: Abs(s.Config, p.URL)}
		if t := LastMod(p); !t.IsZero() {
			e.LastMod = t.Format(time.RFC3339)
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
		return p.Article.Date
	case p.Doc != nil:
		return p.Doc.Date
	}
	return newest(p.Articles)
}

// Robots allows every crawler and points it at the sitemap.
func Robots(cfg model.Config) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + Abs(cfg, "/sitemap.xml") + "\n")
}
