package build

import (
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
// per project, the sitemaps and robots.txt. full makes an article's full
// text for the feeds that carry it.
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
	out = append(out,
		generated{"sitemap.xml", func() ([]byte, error) { return feed.Sitemap(s) }},
		generated{"news-sitemap.xml", func() ([]byte, error) { return feed.NewsSitemap(s) }},
		generated{"robots.txt", func() ([]byte, error) { return feed.Robots(cfg), nil }})
	return out
}

// feedEntry is the layout a feed's full text of an article comes from.
const feedEntry = "partials/feed-entry.html"

// fullText makes an article's full text for the feeds with the site's
// layouts, as its page shows it.
func (s *Snapshot) fullText(a *model.Article) (string, error) {
	return s.rnd.Partial(s.Site.Config.BaseURL, feedEntry, a)
}
