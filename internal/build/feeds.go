package build

import (
	"strings"

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
// sitemap and robots.txt, unless the site has its own (ownRobots: static/
// then copies it). In the preview, a feed whose articles (the
// newest feed_size of its channel, by their fingerprints) and settings are
// unchanged is not generated again: a save touches one or two of them.
func (c *cache) feeds(s *model.Site, w *writer, r *Result, ownRobots bool) error {
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
	if err := c.sitemaps(s, w, sitemap, next); err != nil {
		return err
	}
	if !ownRobots {
		if err := w.write("robots.txt", feed.Robots(cfg)); err != nil {
			return err
		}
	}
	if c.keep {
		c.feedsOut = next
	}
	return nil
}

// sitemaps writes sitemap.xml, and its parts when the site passes the
// protocol's limits for one file, reusing the last build's when key is
// unchanged. The parts are kept as feeds are, under one key.
func (c *cache) sitemaps(s *model.Site, w *writer, key func() uint64, next map[string]feedEntry) error {
	var k uint64
	if c.fp != nil {
		k = key()
		if old, ok := c.feedsOut["sitemap.xml"]; ok && old.key == k {
			for name, e := range c.feedsOut {
				if name == "sitemap.xml" || sitemapPart(name) {
					next[name] = e
					if err := w.put(name, e.data, e.sum); err != nil {
						return err
					}
				}
			}
			return nil
		}
	}
	files, err := feed.Sitemaps(s, sitemapMax.urls, sitemapMax.bytes)
	if err != nil {
		return err
	}
	for _, f := range files {
		sum := checksum(f.Data)
		if c.fp != nil {
			next[f.Name] = feedEntry{k, sum, f.Data}
		}
		if err := w.put(f.Name, f.Data, sum); err != nil {
			return err
		}
	}
	return nil
}

// sitemapMax holds the protocol's limits for one sitemap file. A test
// lowers them: a site of 50,001 pages takes most of a minute to build
// under the race detector.
var sitemapMax = struct{ urls, bytes int }{feed.MaxSitemapURLs, feed.MaxSitemapBytes}

// sitemapPart reports whether name is a part of a split sitemap.
func sitemapPart(name string) bool {
	n, ok := strings.CutPrefix(name, "sitemap-")
	n, ok2 := strings.CutSuffix(n, ".xml")
	return ok && ok2 && n != "" && strings.Trim(n, "0123456789") == ""
}
