package build

import (
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

// generatedFiles lists the site's RSS and Atom feeds, an RSS feed per
// project, the follow-up tracker's Atom feed, the sitemap and robots.txt.
func generatedFiles(s *model.Site) []generated {
	cfg := s.Config
	channel := func(ch feed.Channel, gen func(model.Config, feed.Channel) ([]byte, error)) generated {
		return generated{ch.Self[1:], func() ([]byte, error) { return gen(cfg, ch) }}
	}
	site := feed.Channel{Title: cfg.Title, Description: cfg.Description, Link: "/", Self: "/index.xml", Articles: s.Articles}
	out := []generated{channel(site, feed.RSS)}
	site.Self = "/atom.xml"
	out = append(out, channel(site, feed.Atom))
	for _, p := range s.Projects {
		ch := feed.Channel{Title: p.Code + " — " + cfg.Title, Description: p.Title, Link: p.URL, Self: p.URL + "index.xml", Articles: p.Articles}
		out = append(out, channel(ch, feed.RSS))
	}
	tracker := feed.FollowUpChannel{Title: "Theo dõi thực hiện kiến nghị — " + cfg.Title, Link: assemble.FollowUpsURL,
		Self: assemble.FollowUpsURL + "atom.xml", FollowUps: s.FollowUps}
	out = append(out, generated{tracker.Self[1:], func() ([]byte, error) { return feed.FollowUpAtom(cfg, tracker) }})
	out = append(out,
		generated{"sitemap.xml", func() ([]byte, error) { return feed.Sitemap(s) }},
		generated{"robots.txt", func() ([]byte, error) { return feed.Robots(cfg), nil }})
	return out
}
