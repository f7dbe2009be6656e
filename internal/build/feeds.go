package build

import (
	"bulletin/internal/feed"
	"bulletin/internal/model"
)

// feeds writes the site's RSS and Atom feeds, an RSS feed per project, the
// sitemap and robots.txt.
func feeds(s *model.Site, w *writer, r *Result) error {
	c := s.Config
	site := feed.Channel{Title: c.Title, Description: c.Description, Link: "/", Self: "/index.xml", Articles: s.Articles}
	rss, err := feed.RSS(c, site)
	if err != nil {
		return err
	}
	site.Self = "/atom.xml"
	atom, err := feed.Atom(c, site)
	if err != nil {
		return err
	}
	files := []file{{"index.xml", rss}, {"atom.xml", atom}}
	for _, p := range s.Projects {
		ch := feed.Channel{Title: p.Code + " — " + c.Title, Description: p.Title, Link: p.URL, Self: p.URL + "index.xml", Articles: p.Articles}
		data, err := feed.RSS(c, ch)
		if err != nil {
			return err
		}
		files = append(files, file{ch.Self[1:], data})
	}
	r.Feeds = len(files)
	sm, err := feed.Sitemap(s)
	if err != nil {
		return err
	}
	files = append(files, file{"sitemap.xml", sm}, file{"robots.txt", feed.Robots(c)})
	for _, f := range files {
		if err := w.write(f.name, f.data); err != nil {
			return err
		}
	}
	return nil
}

type file struct {
	name string
	data []byte
}
