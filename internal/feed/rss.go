package feed

import (
	"encoding/xml"
	"html"
	"time"

	"bulletin/internal/model"
)

// The namespaces the feed's prefixed elements use: atom:link (the feed's
// own address, as RSS Best Practices ask) and dc:creator (the byline, one
// element a name; RSS's own <author> must be an e-mail address).
const (
	nsAtom = "http://www.w3.org/2005/Atom"
	nsDC   = "http://purl.org/dc/elements/1.1/"
)

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          rssSelf   `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

// rssGUID is an item's permanent address: its URL, marked as a permalink.
type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Authors     []string `xml:"dc:creator"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
}

// RSS writes an RSS 2.0 feed of the channel's newest cfg.FeedSize articles.
func RSS(cfg model.Config, c Channel) ([]byte, error) {
	as := limit(c.Articles, cfg.FeedSize)
	ch := rssChannel{
		Title:       c.Title,
		Link:        Abs(cfg, c.Link),
		Description: c.Description,
		Language:    cfg.Language,
		Self:        rssSelf{Href: Abs(cfg, c.Self), Rel: "self", Type: "application/rss+xml"},
	}
	if t := newest(as); !t.IsZero() {
		ch.LastBuildDate = t.Format(time.RFC1123Z)
	}
	for _, a := range as {
		it := rssItem{
			Title:       a.Title,
			Link:        Abs(cfg, a.URL),
			GUID:        rssGUID{IsPermaLink: "true", Value: Abs(cfg, a.URL)},
			PubDate:     a.Date.Format(time.RFC1123Z),
			Authors:     a.Byline,
			Description: html.EscapeString(a.Summary()), // read as HTML; the summary is plain text
		}
		for i, d := range a.Documents {
			code := d.Code
			if i < len(a.Projects) && a.Projects[i] != nil {
				code = a.Projects[i].Code // one spelling in every item
			}
			it.Categories = append(it.Categories, code)
		}
		ch.Items = append(ch.Items, it)
	}
	return marshal(rss{Version: "2.0", Atom: nsAtom, DC: nsDC, Channel: ch})
}
