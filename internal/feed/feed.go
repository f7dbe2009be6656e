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
	// Full is an article's full text as its page shows it (team lead,
	// unit, documents, body, conclusions), for Atom and JSON Feed; nil:
	// the body alone.
	Full func(*model.Article) (string, error)
}

// full is the channel's full text of a, without what only a screen
// reader was meant to hear (feed readers show the page without its
// stylesheet).
func (c Channel) full(a *model.Article) (string, error) {
	if c.Full == nil {
		return withoutHidden(string(a.HTML())), nil
	}
	s, err := c.Full(a)
	return withoutHidden(s), err
}

// hiddenOpen starts the text a page hides from the eye but gives a screen
// reader (the theme's visually-hidden class: the label of a footnote's
// link back).
const hiddenOpen = `<span class="visually-hidden">`

// withoutHidden drops every visually-hidden span, which a feed reader
// would show as text. The spans hold text only.
func withoutHidden(s string) string {
	if !strings.Contains(s, hiddenOpen) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, hiddenOpen)
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "</span>")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+j+len("</span>"):]
	}
	b.WriteString(s)
	return b.String()
}

// newestModified is the latest change among the articles: a correction
// or a date.
func newestModified(as []*model.Article) time.Time {
	var t time.Time
	for _, a := range as {
		if m := a.Modified(); m.After(t) {
			t = m
		}
	}
	return t
}

// Abs joins the site's base URL and a site-relative URL, escaped as a
// URL; an absolute one (a lead picture on another server) is kept, escaped
// (model.AbsURL). It was joined to the base as well.
func Abs(cfg model.Config, rel string) string { return model.AbsURL(cfg.BaseURL, rel) }

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
