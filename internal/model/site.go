package model

import "time"

// Term is one team lead, inspected unit or tag, with its articles.
type Term struct {
	Name     string
	Slug     string
	URL      string
	Role     string     // team leads: the role given with the newest article
	Articles []*Article // newest first
}

// Taxonomy is a way of grouping articles: team leads, units, tags.
type Taxonomy struct {
	Key   string // "team-leads", "units", "tags": also the URL segment
	Title string // Vietnamese label for the whole list
	Label string // Vietnamese label for one term
	URL   string
	Terms []*Term // in Vietnamese alphabetical order of their names
}

// Site is the assembled site: everything a layout may reach.
type Site struct {
	Config     Config
	Articles   []*Article // published (or shown) articles, newest first
	Projects   []*Project // by code, numbers by value (15-NQ/TU before 123/KH-UBND)
	Taxonomies []*Taxonomy
	Docs       []*Doc
	Pages      []*Page // every HTML page, in URL order
	// Until is the first time at which the clock alone changes the site:
	// the date of the next article still in the future (it comes out, or
	// loses its "scheduled" mark). Zero: never.
	Until time.Time
	// News lists the articles that came out in the two days before the
	// build, newest first: the Google News sitemap's. Each leaving that
	// window is a time the clock changes the site (Until).
	News []*Article
	// Assets maps the URL of each stylesheet and script of static/
	// ("/css/bulletin.css") to its fingerprinted URL, when the build
	// fingerprints them (see Asset).
	Assets map[string]string
}

// Taxonomy returns the taxonomy with key, or nil.
func (s *Site) Taxonomy(key string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Key == key {
			return t
		}
	}
	return nil
}

// Page kinds: each names the layout that renders it.
const (
	KindHome     = "home"
	KindArticle  = "article"
	KindProject  = "project"
	KindProjects = "projects" // the list of all projects
	KindTerm     = "term"     // one team lead, unit or tag
	KindTaxonomy = "taxonomy" // the list of terms of one taxonomy
	KindPage     = "page"     // stand-alone page
	Kind404      = "404"
	KindAlias    = "alias" // an old URL of an article, leading to it
)

// Page is one HTML page of the built site.
type Page struct {
	Kind     string
	URL      string // site-relative, e.g. "/2018/08/slug/"
	Path     string // output file, e.g. "2018/08/slug/index.html"
	Title    string
	Site     *Site
	Article  *Article
	Project  *Project
	Term     *Term
	Taxonomy *Taxonomy
	Doc      *Doc
	Articles []*Article // the articles listed on this page (one pager page)
	Pager    *Pager
	Prev     *Article // articles: the neighbours in date order
	Next     *Article
}

// Pager places one page of a paginated list among its siblings.
type Pager struct {
	Number  int // 1-based
	Total   int
	PrevURL string
	NextURL string
	// FirstURL and LastURL are set when they are not the previous or next
	// page: a reader on page 15 of 30 reaches the oldest news in one tap.
	FirstURL string
	LastURL  string
	URLs     []string // URL of every page, index = number-1
}

// Asset is the URL a page links a stylesheet or script of static/ by
// ("/css/bulletin.css"): its fingerprinted name when the build gave it one
// ("/css/bulletin.5f3a9c1e07.css"), which may be cached for ever since
// new bytes get a new name; else the URL as given.
func (s *Site) Asset(u string) string {
	if s == nil {
		return u
	}
	if f, ok := s.Assets[u]; ok {
		return f
	}
	return u
}
