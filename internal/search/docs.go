package search

import (
	"sort"
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

	// strong fields rank a document above those that have the word only
	// in their text: title, unit, team lead, codes, tags.
	strong []string
	// text is what the words are read from besides the strong fields, and
	// what snippets are cut from: the body, then the other fields.
	text string

	// fill sets strong and text; it reads the whole body, so the workers
	// that read the words call it, in parallel.
	fill func(*document)
}

// documents lists what the site publishes, newest first, undated last:
// a document's number in this list is its id in the index, so the ids
// of one year are one range, and "newest first" is "lowest id first".
// Only what the site holds is listed: drafts and future articles are in
// it only when the build publishes them.
func documents(s *model.Site) []*document {
	docs := make([]*document, 0, len(s.Articles)+len(s.Projects)+len(s.Docs))
	for _, a := range s.Articles {
		d := &document{URL: a.URL, Title: a.Title, Kind: KindNews, Date: a.Date, Unit: a.Unit}
		if a.IsOutcome() {
			d.Kind = KindOutcome
		}
		d.fill = func(d *document) { article(d, a) }
		docs = append(docs, d)
	}
	for _, p := range s.Projects {
		d := &document{URL: p.URL, Title: p.Code, Kind: KindProject, Date: p.Date}
		if p.Title != "" {
			d.Title = p.Code + ": " + p.Title
		}
		d.fill = func(d *document) { project(d, p) }
		docs = append(docs, d)
	}
	for _, page := range s.Docs {
		d := &document{URL: page.URL, Title: page.Title, Kind: KindPage, Date: page.Date}
		d.fill = func(d *document) {
			var b strings.Builder
			plain(&b, string(page.HTML))
			d.strong, d.text = []string{page.Title}, b.String()
		}
		docs = append(docs, d)
	}
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := docs[i], docs[j]
		if a.Date.IsZero() != b.Date.IsZero() {
			return b.Date.IsZero()
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.URL < b.URL
	})
	return docs
}

func article(d *document, a *model.Article) {
	d.strong = append(d.strong, a.Title, a.Unit, a.TeamLead.Name)
	for _, doc := range a.Documents {
		d.strong = append(d.strong, doc.Code)
	}
	d.strong = append(d.strong, a.Tags...)

	var b strings.Builder
	plain(&b, string(a.HTML))
	if o := a.Outcome; o != nil {
		for _, list := range [][]string{o.Findings, o.Shortcomings, o.Recommendations} {
			for _, item := range list {
				field(&b, item)
			}
		}
	}
	if lead := a.TeamLead; lead.Name != "" {
		field(&b, "Trưởng đoàn: "+lead.Name)
		if lead.Role != "" {
			b.WriteString(", " + lead.Role)
		}
	}
	for i, doc := range a.Documents {
		title := doc.Title
		if title == "" && i < len(a.Projects) {
			title = a.Projects[i].Title // a bare code: its project's title
		}
		field(&b, doc.Code)
		if title != "" {
			b.WriteString(": " + title)
		}
	}
	d.text = b.String()
}

func project(d *document, p *model.Project) {
	d.strong = []string{p.Code, p.Title}
	var b strings.Builder
	plain(&b, string(p.HTML))
	if p.Issuer != "" {
		field(&b, "Cơ quan ban hành: "+p.Issuer)
	}
	if p.Period != "" {
		field(&b, "Giai đoạn: "+p.Period)
	}
	d.text = b.String()
}

// field appends one more field to a text, as a sentence of its own.
func field(b *strings.Builder, s string) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return
	}
	if b.Len() > 0 {
		if last, _ := utf8.DecodeLastRuneInString(b.String()); !strings.ContainsRune(".!?…:;", last) {
			b.WriteByte('.')
		}
		b.WriteByte(' ')
	}
	b.WriteString(s)
}
