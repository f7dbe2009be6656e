package feed

import (
	"bytes"
	"encoding/json"
	"time"

	"bulletin/internal/model"
)

// JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the feed as news apps
// and readers that prefer JSON take it. Structs give the keys one order,
// so two builds write the same bytes.

type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description,omitempty"`
	Icon        string       `json:"icon,omitempty"`
	Language    string       `json:"language,omitempty"`
	Authors     []jsonAuthor `json:"authors"`
	Items       []jsonItem   `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary,omitempty"`
	Image         string       `json:"image,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Authors       []jsonAuthor `json:"authors"`
	Tags          []string     `json:"tags,omitempty"`
}

// JSONFeed writes a JSON Feed 1.1 of the channel's newest cfg.FeedSize
// articles, with their full text.
func JSONFeed(cfg model.Config, c Channel) ([]byte, error) {
	f := jsonFeed{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       c.Title,
		HomePageURL: Abs(cfg, c.Link),
		FeedURL:     Abs(cfg, c.Self),
		Description: c.Description,
		Language:    cfg.Language,
		Authors:     []jsonAuthor{{Name: cfg.PublisherName()}},
		Items:       []jsonItem{}, // [] rather than null when there is none
	}
	if cfg.Logo != "" {
		f.Icon = Abs(cfg, cfg.Logo)
	}
	for _, a := range limit(c.Articles, cfg.FeedSize) {
		full, err := c.full(a)
		if err != nil {
			return nil, err
		}
		it := jsonItem{
			ID:            Abs(cfg, a.URL),
			URL:           Abs(cfg, a.URL),
			Title:         a.Title,
			ContentHTML:   full,
			Summary:       a.Summary(),
			DatePublished: a.Date.Format(time.RFC3339),
			DateModified:  a.Modified().Format(time.RFC3339),
			Tags:          a.Tags,
		}
		if img := a.LeadImage(); img != "" {
			it.Image = Abs(cfg, img)
		}
		for _, name := range a.Byline {
			it.Authors = append(it.Authors, jsonAuthor{Name: name})
		}
		f.Items = append(f.Items, it)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
