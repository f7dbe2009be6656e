package model

import (
	"html/template"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Person is an inspection team lead: a name and, often, the role they hold.
type Person struct {
	Name string
	Role string
}

// DocRef is one document an article references. Code is as the editor wrote
// it (trimmed); Key is the normalised code that names the project.
type DocRef struct {
	Code  string
	Key   string
	Date  time.Time // zero when not given
	Title string    // empty when not given
	Line  int       // frontmatter line of this entry, for messages

	DateLine, TitleLine int // lines of the entry's date and title, or Line
}

// Outcome is the conclusion of an inspection: what it found, what fell
// short, what it asks for, and by when.
type Outcome struct {
	Findings        []string
	Shortcomings    []string
	Recommendations []string
	FollowUpBy      time.Time // zero when not given
}

// Field records a frontmatter key as written and the line it stands on, so
// later stages (check, assemble) can point an editor at it.
type Field struct {
	Name string
	Line int
}

// Source is what every content file shares: where it came from and its
// body as written.
type Source struct {
	Path     string // slash path relative to the site root, e.g. content/articles/2018/a.md
	Fields   []Field
	BodyLine int // the line of the file the body starts on

	// markdown is the body, after the frontmatter, CRLF normalised. No
	// layout can show it: it is unexported, read with Markdown (a
	// function, not a method), and held through a pointer, which even
	// {{printf "%v" .ArticleFile}} prints as an address. A page shows the
	// body converted (Article.Body). A one-off build drops the text once
	// converted, and a preview's save of a body alone leaves the article
	// the file decoded before (bodies.go in build): the file's new
	// source is converted, the article's own is never read again.
	markdown *sourceText
}

type sourceText struct{ text []byte }

// NewSource is the Source of the file at path.
func NewSource(path string, fields []Field, markdown []byte, bodyLine int) Source {
	return Source{Path: path, Fields: fields, markdown: &sourceText{markdown}, BodyLine: bodyLine}
}

// Markdown is the source's body as written.
func Markdown(s *Source) []byte {
	if s.markdown == nil {
		return nil
	}
	return s.markdown.text
}

// DropMarkdown lets the source's body go, once converted.
func DropMarkdown(s *Source) { s.markdown = nil }

// Dropped reports whether the source has no body text: dropped once
// converted, or taken back from another process's load without it
// (content.Kept), which the markdown stage then reads again.
func Dropped(s *Source) bool { return s.markdown == nil }

// SetMarkdown gives a source without its body text (Dropped) the text
// read again from its file.
func SetMarkdown(s *Source, markdown []byte) { s.markdown = &sourceText{markdown} }

// SameFrontmatter reports whether two decodings of an article's file are
// equal in all but the body's text: all the assembler reads of a file,
// and all a layout can read of it.
func SameFrontmatter(a, b *ArticleFile) bool {
	x, y := *a, *b
	x.markdown, y.markdown = nil, nil
	return reflect.DeepEqual(x, y)
}

// Line returns the line of frontmatter key name, or 0.
func (s *Source) Line(name string) int {
	for _, f := range s.Fields {
		if f.Name == name {
			return f.Line
		}
	}
	return 0
}

// Body is a Markdown body converted: derived from a Source by the markdown
// stage, and never changed after.
type Body struct {
	html HTMLText // read with HTML
	Lead string   // the first paragraph, as plain text
	// Links are the links and images in the body, with their lines in
	// the file, for check.
	Links []Link
	// Linked is a hash of the page URLs that the body's links to other
	// content files ("b.md") were turned into: the HTML depends on them
	// as much as on the file's own bytes.
	Linked uint64
}

// NewBody is a body of html, whose first paragraph is lead.
func NewBody(html HTMLText, lead string) Body { return Body{html: html, Lead: lead} }

// HTML is the body as HTML: {{.HTML}} in a layout. Each call may make
// the text anew (see HTMLText): a caller reading it twice keeps it. On
// the value, not the pointer, as the field it replaced: a layout that
// hands a Body to a partial (partialCached takes it as any) holds a
// value whose pointer methods it cannot call.
func (b Body) HTML() template.HTML {
	if b.html == nil {
		return ""
	}
	return b.html.HTML()
}

// Text is the body's HTML as the markdown stage keeps it (NewBody's html),
// for the build's store; nil when it has none.
func (b Body) Text() HTMLText { return b.html }

// HTMLText holds a body's HTML. The markdown stage keeps it compressed:
// a site's bodies are held from their conversion until the search index
// has read them, after every page, and on 10,000 articles they were 50 MB
// of a build's largest live heap of 140 MB. Pages read them once or
// twice (the article's page, the search index, a feed).
type HTMLText interface{ HTML() template.HTML }

// RawHTML is HTML kept as it is.
type RawHTML template.HTML

// HTML returns h.
func (h RawHTML) HTML() template.HTML { return template.HTML(h) }

// Link is a link or image destination in a body, with its line in the file.
type Link struct {
	Dest  string
	Line  int
	Image bool
	Alt   string // an image's text alternative, as written
}

// ArticleFile is an article's file as the loader decoded it. The loader
// keeps it between builds and hands the same value to each: nothing after
// the loader changes it.
type ArticleFile struct {
	Source
	Title     string
	Date      time.Time
	Kind      string // "news" or "outcome"
	TeamLead  Person
	Unit      string
	Documents []DocRef
	Outcome   *Outcome
	Tags      []string
	Image     Image // the lead image; empty Src when none
	Draft     bool
	DateOnly  bool // the date was written without a time of day
	// UpdatedDateOnly: updated: was written without a time of day.
	UpdatedDateOnly bool
	Slug            string // from the slug field or the title
	SummaryField    string // the summary field as written
	ExplicitSlug    bool
	// Authors is the byline as the author field gives it: the reporter or
	// desk who wrote the article (not the team lead, who led the
	// inspection). Empty when not given: see Article.Byline.
	Authors []string
	Updated time.Time // a correction after publishing; zero when none
	Aliases []Alias   // old URLs of the article, each leading here
}

// Alias is an old URL of an article ("/2018/08/ten-cu/"), which a small
// page at that address leads on from, and the frontmatter line giving it.
type Alias struct {
	URL  string
	Line int
}

// Article is one inspection bulletin as the site shows it: its file, and
// what the assembler and the markdown stage derived from it for one build.
type Article struct {
	*ArticleFile
	// The fields of the file the layouts show most, copied by SetFile.
	// text/template finds a field of an embedded struct (.Title of the
	// ArticleFile) through reflect's FieldByNameFunc, which allocates on
	// every lookup: 183 MB of the 1.84 GB a cold build of 10,000 articles
	// allocated, and 0.8 s of its CPU. A field of the struct's own is
	// found by a loop over its fields. They hold the file's values: Go
	// code reading a.Title reads the copy, as a layout does, and nothing
	// changes a file once decoded. Only these four: the preview makes
	// every Article again on a save of a date or a project, and nine
	// copies (168 bytes, 1.7 MB for 10,000 articles) added 7% to what such
	// a save allocates for 0.2 s less of a cold build's 27 s of CPU than
	// these four (0.44 s left in FieldByNameFunc, of 0.82 s).
	Title string
	Date  time.Time
	Kind  string
	Unit  string
	// body is the converted body, read through Body, HTML and Lead. It
	// is the one value of an article a preview Builder changes in place:
	// a save that changes only the body gives the article of the site
	// already assembled its new conversion (see SetBody).
	body     atomic.Pointer[Body]
	URL      string
	Future   bool       // dated after the build's clock
	Projects []*Project // in the order of Documents
	LeadTerm *Term      // the team lead's page
	UnitTerm *Term      // the inspected unit's page
	TagTerms []*Term    // each tag's page, once

	// Set by the build's photo step: the lead image as published in
	// several widths, nil when Image is not a photo of the site the build
	// could resize (none, an http address, a missing file, an SVG).
	Photo *Photo
	// Thumbnail is the narrowest file of Photo when the site shows
	// thumbnails on its cards (site.yaml thumbnails: true), else nil.
	Thumbnail *PhotoFile
	Month     *Month // the month it is filed under in the archives
	// FollowUp is the deadline an outcome sets for reporting on its
	// recommendations, with its state; nil when it sets none.
	FollowUp *FollowUp
	// related are at most five other articles to read next: see Related.
	related lazyArticles
	// Byline names who wrote the article: its authors, or else the
	// site's publisher. Feeds and structured data name them.
	Byline []string
}

// SetFile makes f the article's file, with its copies of f's fields, and
// returns a. Every Article is given its file so (assemble).
func (a *Article) SetFile(f *ArticleFile) *Article {
	a.ArticleFile = f
	a.Title, a.Date, a.Kind, a.Unit = f.Title, f.Date, f.Kind, f.Unit
	return a
}

// lazyArticles is a list of articles chosen when first asked for.
type lazyArticles struct {
	once   sync.Once
	choose func(*Article) []*Article
	list   []*Article
}

// Related are at most five other articles to read next: those sharing a
// project, then the unit, then the team lead (related.go in assemble says
// how they are chosen). They are chosen when a page first asks, not when
// the site is assembled: the preview assembles the whole site on every
// save but renders only the pages a browser asks for, and choosing them
// for 10,000 articles was a quarter of that assembly. The choice reads
// only what the assembler made, so when it is made does not change it.
// Asked before the assembler has said how to choose (RelateWith), there
// are none, and the next question asks again.
func (a *Article) Related() []*Article {
	if a.related.choose == nil {
		return nil
	}
	a.related.once.Do(func() { a.related.list = a.related.choose(a) })
	return a.related.list
}

// RelateWith sets how the article's related articles are chosen, once,
// before any page is rendered: the assembler's choice, or a test's list.
func (a *Article) RelateWith(choose func(*Article) []*Article) { a.related.choose = choose }

// Body is the article's converted body; empty before the markdown step.
func (a *Article) Body() *Body {
	if b := a.body.Load(); b != nil {
		return b
	}
	return &noBody
}

var noBody Body

// HTML is the body as HTML: {{.HTML}} in a layout.
func (a *Article) HTML() template.HTML { return a.Body().HTML() }

// Lead is the body's first paragraph, as plain text.
func (a *Article) Lead() string { return a.Body().Lead }

// SetBody gives the article its converted body. The markdown step sets
// it once per build. A preview Builder sets it again when a save changed
// nothing of an article but its body, on the site it assembled before:
// the swap is atomic, so a page of that site rendering meanwhile reads
// the old body or the new one whole, never a mix. Nothing changes *b
// after: builds share one conversion between them.
func (a *Article) SetBody(b *Body) { a.body.Store(b) }

// Modified is when the article last changed: its correction, else its
// date (dateModified, Atom's updated).
func (a *Article) Modified() time.Time {
	// A correction written as a day alone may be the article's own day,
	// read as its first minute: never before the date.
	if a.Updated.After(a.Date) {
		return a.Updated
	}
	return a.Date
}

// LeadImage is the article's lead image, a site path or an http(s)
// address, or "": the one place that reads the image field for the
// share tags, structured data, feeds and sitemap.
func (a *ArticleFile) LeadImage() string { return a.Image.Src }

// IsOutcome reports whether the article reports conclusions.
func (a *Article) IsOutcome() bool { return a.Kind == "outcome" }

// Summary is the summary field as written, else the body's first
// paragraph: the one place that chooses, for cards, feeds and the meta
// description alike.
func (a *Article) Summary() string {
	if s := strings.TrimSpace(a.SummaryField); s != "" {
		return s
	}
	return strings.TrimSpace(a.Lead())
}

// ProjectFile is a project's file as the loader decoded it, never changed
// after.
type ProjectFile struct {
	Source
	Code   string // as written
	Key    string // normalised code
	Slug   string // URL segment: the code folded to ASCII
	Title  string
	Date   time.Time
	Issuer string
	Period string
}

// Project is a referenced document (an Đề án, a Nghị quyết, ...) and the
// index of every article that references it.
type Project struct {
	File *ProjectFile // nil when no file describes it
	Body
	Code     string // as written in the project file or the first article
	Key      string // normalised code
	Slug     string // URL segment: the code folded to ASCII
	Title    string
	Date     time.Time
	Issuer   string
	Period   string
	URL      string
	Articles []*Article // newest first
	// Years is the project's timeline: its articles by year, oldest
	// first, each year's articles in date order.
	Years []*Year
	// Latest is the newest outcome article that reports findings,
	// shortcomings or recommendations; nil when none does.
	Latest *Article
	// FollowUps are the deadlines its outcome articles set, in date
	// order of the outcomes.
	FollowUps []*FollowUp
}

// Path is the project's file, or "" when no file describes it.
func (p *Project) Path() string {
	if p.File == nil {
		return ""
	}
	return p.File.Path
}

// FollowUpsIn counts the project's follow-ups in state.
func (p *Project) FollowUpsIn(state string) int {
	n := 0
	for _, f := range p.FollowUps {
		if f.State == state {
			n++
		}
	}
	return n
}

// Outcomes counts the project's outcome articles.
func (p *Project) Outcomes() int {
	n := 0
	for _, a := range p.Articles {
		if a.IsOutcome() {
			n++
		}
	}
	return n
}

// DocFile is a stand-alone page's file as the loader decoded it, never
// changed after.
type DocFile struct {
	Source
	Title string
	Slug  string
	Date  time.Time // optional
}

// Doc is a stand-alone page such as "about" or "contact", as the site
// shows it.
type Doc struct {
	*DocFile
	Body
	URL string
}
