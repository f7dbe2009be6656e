package build

import (
	"bulletin/internal/feed"
	"bulletin/internal/model"
)

// feedEntry is a feed written by the last build, with the hash of all it
// shows: the same hash, the same bytes.
type feedEntry struct {
	key, sum uint64
	data     []byte
}

// feeds writes the site's RSS and Atom feeds, an RSS feed per project, the
// sitemap and robots.txt. In the preview, a feed whose articles (the
// newest feed_size of its channel, by their fingerprints) and settings are
// unchanged is not generated again: a save touches one or two of them.
func (c *cache) feeds(s *model.Site, w *writer, r *Result) error {
	cfg := s.Config
	fp := c.fp // nil: nothing is reused
	next := map[string]feedEntry{}
	emit := func(name string, key func() uint64, generate func() ([]byte, error)) error {
		var k uint64
		if fp != nil {
			k = key()
			if old, ok := c.feedsOut[name]; ok && old.key == k {
				next[name] = old
				return w.put(name, old.data, old.sum)
			}
		}
		data, err := generate()
		if err != nil {
			return err
		}
		sum := checksum(data)
		if fp != nil {
			next[name] = feedEntry{k, sum, data}
		}
		return w.put(name, data, sum)
	}
	channel := func(name, kind string, ch feed.Channel, gen func(model.Config, feed.Channel) ([]byte, error)) error {
		key := func() uint64 {
			h := newHasher().u64(fp.global).int(cfg.FeedSize).str(kind).str(ch.Title).str(ch.Description).str(ch.Link).str(ch.Self)
			as := ch.Articles
			if cfg.FeedSize > 0 && len(as) > cfg.FeedSize {
				as = as[:cfg.FeedSize]
			}
			for _, a := range as {
				h.u64(fp.articles[a])
			}
			return h.sum()
		}
		r.Feeds++
		return emit(name, key, func() ([]byte, error) { return gen(cfg, ch) })
	}

	site := feed.Channel{Title: cfg.Title, Description: cfg.Description, Link: "/", Self: "/index.xml", Articles: s.Articles}
	if err := channel("index.xml", "rss", site, feed.RSS); err != nil {
		return err
	}
	site.Self = "/atom.xml"
	if err := channel("atom.xml", "atom", site, feed.Atom); err != nil {
		return err
	}
	for _, p := range s.Projects {
		ch := feed.Channel{Title: p.Code + " — " + cfg.Title, Description: p.Title, Link: p.URL, Self: p.URL + "index.xml", Articles: p.Articles}
		if err := channel(ch.Self[1:], "rss", ch, feed.RSS); err != nil {
			return err
		}
	}
	sitemap := func() uint64 {
		h := newHasher().str(cfg.BaseURL)
		for _, p := range s.Pages {
			h.str(p.Kind).str(p.URL).time(feed.LastMod(p))
		}
		return h.sum()
	}
	if err := emit("sitemap.xml", sitemap, func() ([]byte, error) { return feed.Sitemap(s) }); err != nil {
		return err
	}
	if err := w.write("robots.txt", feed.Robots(cfg)); err != nil {
		return err
	}
	if c.keep {
		c.feedsOut = next
	}
	return nil
}
