package search

import (
	"strings"
	"time"
	"unicode/utf8"

	"bulletin/internal/model"
)

// The kinds of document a reader can search and filter by, as the results
// name them.
const (
	KindNews    = "news"
	KindOutcome = "outcome"
	KindProject = "project"
	KindPage    = "page"
)

var kinds = []string{KindNews, KindOutcome, KindProject, KindPage}

// document is one result a search can give: an article, a project or a
// stand-alone page, with what its words are taken from.
type document struct {
	URL   string
	Title string
	Kind  string
	Date  time.Time // zero: undated
	Unit  string    // the unit an article reports on, shown under its title

	// since is when the document came to the site, as far as the site
	// tells: an article's or a page's date, a project's first citation
	// (its own date when nothing cites it). Ids follow it (order.go).
	since time.Time

	article *model.Article // one of these three
	project *model.Project
	page    *model.Doc
}

// documents lists what the site publishes, in the order of their ids:
// a document's number in this list is its id in the index, and the order
// in which documents came to the site, as well as the site tells it
// (order.go). Only what the site holds is listed: drafts and future
// articles are in it only when the build publishes them.
func documents(s *model.Site) []*document {
	docs := make([]*document, 0, len(s.Articles)+len(s.Projects)+len(s.Docs))
	for _, a := range s.Articles {
		d := &document{URL: a.URL, Title: a.Title, Kind: KindNews, Date: a.Date, since: a.Date, Unit: a.Unit, article: a}
		if a.IsOutcome() {
			d.Kind = KindOutcome
		}
		docs = append(docs, d)
	}
	for _, p := range s.Projects {
		d := &document{URL: p.URL, Title: p.Code, Kind: KindProject, Date: p.Date, since: firstCited(p), project: p}
		if p.Title != "" {
			d.Title = p.Code + ": " + p.Title
		}
		docs = append(docs, d)
	}
	for _, page := range s.Docs {
		docs = append(docs, &document{URL: page.URL, Title: page.Title, Kind: KindPage, Date: page.Date, since: page.Date, page: page})
	}
	byArrival(docs)
	return docs
}

// strong appends the fields whose words rank a document above those that
// have them only in their text: title, unit, team lead, codes, tags.
func (d *document) strong(fields []string) []string {
	switch {
	case d.article != nil:
		a := d.article
		fields = append(fields, a.Title, a.Unit, a.TeamLead.Name)
		for _, doc := range a.Documents {
			fields = append(fields, doc.Code)
		}
		return append(fields, a.Tags...)
	case d.project != nil:
		return append(fields, d.project.Code, d.project.Title)
	}
	return append(fields, d.Title)
}

// text appends what a document's words are read from besides its strong
// fields, and what snippets are cut from: the body, then the other fields.
func (d *document) text(b []byte) []byte {
	switch {
	case d.article != nil:
		a := d.article
		b = plain(b, string(a.HTML()))
		if o := a.Outcome; o != nil {
			for _, list := range [][]string{o.Findings, o.Shortcomings, o.Recommendations} {
				for _, item := range list {
					b = field(b, item)
				}
			}
		}
		if lead := a.TeamLead; lead.Name != "" {
			b = field(b, "Trưởng đoàn: "+lead.Name)
			if lead.Role != "" {
				b = append(b, ", "+lead.Role...)
			}
		}
		for i, doc := range a.Documents {
			title := doc.Title
			if title == "" && i < len(a.Projects) {
				title = a.Projects[i].Title // a bare code: its project's title
			}
			b = field(b, doc.Code)
			if title != "" {
				b = append(b, ": "+title...)
			}
		}
		return b
	case d.project != nil:
		p := d.project
		b = plain(b, string(p.HTML()))
		if p.Issuer != "" {
			b = field(b, "Cơ quan ban hành: "+p.Issuer)
		}
		if p.Period != "" {
			b = field(b, "Giai đoạn: "+p.Period)
		}
		return b
	}
	return plain(b, string(d.page.HTML()))
}

// field appends one more field to a text, as a sentence of its own.
func field(b []byte, s string) []byte {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return b
	}
	if len(b) > 0 {
		if last, _ := utf8.DecodeLastRune(b); !strings.ContainsRune(".!?…:;", last) {
			b = append(b, '.')
		}
		b = append(b, ' ')
	}
	return append(b, s...)
}
