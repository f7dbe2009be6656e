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

// A textWriter takes, in order, what a document's text is made of
// (textParts): the HTML of a body, read as plain text; a field, a sentence
// of its own; more of the field before.
type textWriter interface {
	html(h string)
	field(s string)
	more(s string)
}

// textParts gives w what a document's words are read from besides its
// strong fields, and what snippets are cut from: the body, then the other
// fields. It is the one list of them: text makes the text from it, and
// textKey hashes it, so a rebuild takes a document's words and its result
// file as the last build made them (kept.go) only when all of it is the
// same, without making the text.
func (d *document) textParts(w textWriter) {
	switch {
	case d.article != nil:
		a := d.article
		w.html(string(a.HTML()))
		if o := a.Outcome; o != nil {
			for _, list := range [][]string{o.Findings, o.Shortcomings, o.Recommendations} {
				for _, item := range list {
					w.field(item)
				}
			}
		}
		if lead := a.TeamLead; lead.Name != "" {
			w.field("Trưởng đoàn: " + lead.Name)
			if lead.Role != "" {
				w.more(", " + lead.Role)
			}
		}
		for i, doc := range a.Documents {
			title := doc.Title
			if title == "" && i < len(a.Projects) {
				title = a.Projects[i].Title // a bare code: its project's title
			}
			w.field(doc.Code)
			if title != "" {
				w.more(": " + title)
			}
		}
	case d.project != nil:
		p := d.project
		w.html(string(p.HTML()))
		if p.Issuer != "" {
			w.field("Cơ quan ban hành: " + p.Issuer)
		}
		if p.Period != "" {
			w.field("Giai đoạn: " + p.Period)
		}
	default:
		w.html(string(d.page.HTML()))
	}
}

// text appends the document's text (textParts) to b.
func (d *document) text(b []byte) []byte {
	t := textBytes{b}
	d.textParts(&t)
	return t.b
}

// textBytes makes a text of its parts.
type textBytes struct{ b []byte }

func (t *textBytes) html(h string)  { t.b = plain(t.b, h) }
func (t *textBytes) field(s string) { t.b = field(t.b, s) }
func (t *textBytes) more(s string)  { t.b = append(t.b, s...) }

// both gives each part to two textWriters.
type both [2]textWriter

func (b both) html(h string)  { b[0].html(h); b[1].html(h) }
func (b both) field(s string) { b[0].field(s); b[1].field(s) }
func (b both) more(s string)  { b[0].more(s); b[1].more(s) }

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
