package feed

import (
	"encoding/xml"
	"strings"
	"time"

	"bulletin/internal/model"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  *atomAuthor `xml:"author,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string       `xml:"title"`
	ID        string       `xml:"id"`
	Link      atomLink     `xml:"link"`
	Published string       `xml:"published"`
	Updated   string       `xml:"updated"`
	Authors   []atomAuthor `xml:"author"`
	Summary   atomText     `xml:"summary"`
	Content   *atomText    `xml:"content,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Base string `xml:"xml:base,attr,omitempty"`
	Body string `xml:",chardata"`
}

// epoch stands for "updated" when a feed has no article: Atom requires the
// element and a build must not read the clock.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Atom writes an Atom 1.0 feed of the channel's newest cfg.FeedSize
// articles, with their full text, each updated when it was last corrected.
func Atom(cfg model.Config, c Channel) ([]byte, error) {
	as := limit(c.Articles, cfg.FeedSize)
	updated := newestModified(as)
	if updated.IsZero() {
		updated = epoch
	}
	f := atomFeed{
		Lang:    cfg.Language,
		Title:   c.Title,
		ID:      Abs(cfg, c.Self),
		Updated: updated.Format(time.RFC3339),
		Links: []atomLink{
			{Href: Abs(cfg, c.Self), Rel: "self", Type: "application/atom+xml"},
			{Href: Abs(cfg, c.Link), Rel: "alternate", Type: "text/html"},
		},
		// Atom requires an author for every entry: the publisher stands
		// in for an entry without its own.
		Author: &atomAuthor{Name: cfg.PublisherName()},
	}
	for _, a := range as {
		e := atomEntry{
			Title:     a.Title,
			ID:        Abs(cfg, a.URL),
			Link:      atomLink{Href: Abs(cfg, a.URL), Rel: "alternate", Type: "text/html"},
			Published: a.Date.Format(time.RFC3339),
			Updated:   a.Modified().Format(time.RFC3339),
			Summary:   atomText{Type: "text", Body: a.Summary()},
		}
		for _, name := range a.Byline {
			e.Authors = append(e.Authors, atomAuthor{Name: name})
		}
		full, err := c.full(a)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(full) != "" {
			// The links are root-relative ("/projects/01-da-tu/") or
			// fragments ("#fn:1"): xml:base resolves them against the
			// article's page, as a reader leaving the feed finds them.
			e.Content = &atomText{Type: "html", Base: Abs(cfg, a.URL), Body: full}
		}
		f.Entries = append(f.Entries, e)
	}
	return marshal(f)
}
