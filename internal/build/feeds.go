package build

import (
	"fmt"
	"sync"

	"bulletin/internal/assemble"
	"bulletin/internal/feed"
	"bulletin/internal/model"
)

// generated is a file of the site that no layout renders: a feed, the
// sitemap, robots.txt. make writes it from the assembled site.
type generated struct {
	name string
	make func() ([]byte, error)
}

// generatedFiles lists the site's RSS, Atom and JSON feeds, an RSS feed
// per project, the follow-up tracker's Atom feed, the sitemaps and
// robots.txt. full makes an article's full text for the feeds that carry
// it.
func generatedFiles(s *model.Site, full func(*model.Article) (string, error)) []generated {
	cfg := s.Config
	channel := func(ch feed.Channel, gen func(model.Config, feed.Channel) ([]byte, error)) generated {
		return generated{ch.Self[1:], func() ([]byte, error) { return gen(cfg, ch) }}
	}
	site := feed.Channel{Title: cfg.Title, Description: cfg.Description, Link: "/", Self: "/index.xml", Articles: s.Articles, Full: full}
	out := []generated{channel(site, feed.RSS)}
	site.Self = "/atom.xml"
	out = append(out, channel(site, feed.Atom))
	site.Self = "/feed.json"
	out = append(out, channel(site, feed.JSONFeed))
	for _, p := range s.Projects {
		ch := feed.Channel{Title: p.Code + " — " + cfg.Title, Description: p.Title, Link: p.URL, Self: p.URL + "index.xml", Articles: p.Articles}
		out = append(out, channel(ch, feed.RSS))
	}
	tracker := feed.FollowUpChannel{Title: "Theo dõi thực hiện kiến nghị — " + cfg.Title, Link: assemble.FollowUpsURL,
		Self: assemble.FollowUpsURL + "atom.xml", FollowUps: s.FollowUps}
	out = append(out, generated{tracker.Self[1:], func() ([]byte, error) { return feed.FollowUpAtom(cfg, tracker) }})
	// sitemap.xml, or an index of parts past the protocol's limits: made
	// all at once, the first time one of them is asked for.
	sitemaps := sync.OnceValues(func() (map[string][]byte, error) {
		files, err := feed.Sitemaps(s, sitemapMax.urls, sitemapMax.bytes)
		m := make(map[string][]byte, len(files))
		for _, f := range files {
			m[f.Name] = f.Data
		}
		return m, err
	})
	for _, name := range feed.SitemapNames(s, sitemapMax.urls, sitemapMax.bytes) {
		out = append(out, generated{name, func() ([]byte, error) {
			m, err := sitemaps()
			if _, ok := m[name]; !ok && err == nil {
				err = fmt.Errorf("%s: listed, but not written by the sitemap", name)
			}
			return m[name], err
		}})
	}
	return append(out,
		generated{"news-sitemap.xml", func() ([]byte, error) { return feed.NewsSitemap(s) }},
		generated{"robots.txt", func() ([]byte, error) { return feed.Robots(cfg), nil }})
}

// sitemapMax holds the protocol's limits for one sitemap file. A test
// lowers them: a site of 50,001 pages takes most of a minute to build
// under the race detector.
var sitemapMax = struct{ urls, bytes int }{feed.MaxSitemapURLs, feed.MaxSitemapBytes}

// feedEntry is the layout a feed's full text of an article comes from.
const feedEntry = "partials/feed-entry.html"

// fullText makes an article's full text for the feeds with the site's
// layouts, as its page shows it.
func (s *Snapshot) fullText(a *model.Article) (string, error) {
	return s.rnd.Partial(s.Site.Config.BaseURL, feedEntry, a)
}
