package model

import (
	"html/template"
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

// Source is what every content file shares: where it came from and its body.
type Source struct {
	Path     string // slash path relative to the site root, e.g. content/articles/2018/a.md
	Hash     uint64 // hash of the file's bytes: a version for caches
	Fields   []Field
	Markdown []byte // the body, after the frontmatter, CRLF normalised
	BodyLine int    // the line of the file the body starts on
	HTML     template.HTML
	Summary  string // plain text
	Links    []Link // links and images in the body, for check
	// Linked is a hash of the page URLs that the body's links to other
	// content files ("b.md") were turned into: the HTML depends on them
	// as much as on the file's own bytes.
	Linked uint64
}

// Link is a link or image destination in a body, with its line in the file.
type Link struct {
	Dest  string
	Line  int
	Image bool
	Alt   string // an image's text alternative, as written
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

// Article is one inspection bulletin.
type Article struct {
	Source
	Title        string
	Date         time.Time
	Kind         string // "news" or "outcome"
	TeamLead     Person
	Unit         string
	Documents    []DocRef
	Outcome      *Outcome
	Tags         []string
	Image        Image // the lead image; empty Src when none
	Draft        bool
	DateOnly     bool   // the date was written without a time of day
	Slug         string // from the slug field or the title
	SummaryField string // the summary field as written
	ExplicitSlug bool

	// Set by assemble.
	URL       string
	Future    bool
	Projects  []*Project // in the order of Documents
	TeamLeadT *Term
	UnitT     *Term
	TagsT     []*Term

	// Set by the build's photo step: the lead image as published in
	// several widths, nil when Image is not a photo of the site the build
	// could resize (none, an http address, a missing file, an SVG).
	Photo *Photo
	// Thumbnail is the narrowest file of Photo when the site shows
	// thumbnails on its cards (site.yaml thumbnails: true), else nil.
	Thumbnail *PhotoFile
}

// IsOutcome reports whether the article reports conclusions.
func (a *Article) IsOutcome() bool { return a.Kind == "outcome" }

// Project is a referenced document (an Đề án, a Nghị quyết, ...) and the
// index of every article that references it.
type Project struct {
	Source          // empty Path when no file describes it
	Code     string // as written in the project file or the first article
	Key      string // normalised code
	Slug     string // URL segment: the code folded to ASCII
	Title    string
	Date     time.Time
	Issuer   string
	Period   string
	URL      string
	Articles []*Article // newest first
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

// Doc is a stand-alone page such as "about" or "contact".
type Doc struct {
	Source
	Title string
	Slug  string
	Date  time.Time // optional
	URL   string
}
