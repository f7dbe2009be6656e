package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"bulletin/internal/model"
)

// Channel is one feed: its title, the page it describes and its articles.
type Channel struct {
	Title       string
	Description string
	Link        string // site-relative URL of the page the feed follows
	Self        string // site-relative URL of the feed itself
	Articles    []*model.Article
}

// Abs joins the site's base URL and a site-relative URL.
func Abs(cfg model.Config, rel string) string {
	base := cfg.BaseURL
	if base == "" {
		base = "/"
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(rel, "/")
}

func limit(as []*model.Article, n int) []*model.Article {
	if n > 0 && len(as) > n {
		return as[:n]
	}
	return as
}

func newest(as []*model.Article) time.Time {
	var t time.Time
	for _, a := range as {
		if a.Date.After(t) {
			t = a.Date
		}
	}
	return t
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
