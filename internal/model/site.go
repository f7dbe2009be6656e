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
	// Hidden are the articles this build leaves out: drafts (unless it
	// publishes them), and those dated after its clock (unless it
	// publishes them), oldest first. Links to their files lose their link.
	Hidden []*ArticleFile
	// Years are the archives: every year that has articles, newest
	// first, with its months.
	Years []*Year
	// FollowUps are the follow-up deadlines of the outcome articles, by
	// their state as of the build's clock.
	FollowUps FollowUps
	// Until is the first time at which the clock alone changes the site:
	// the date of the next article still in the future (it comes out, or
	// loses its "scheduled" mark), or the next follow-up deadline to pass
	// (it becomes overdue). Zero: never.
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
	KindSearch   = "search"   // the search page, /search/, beside its index
	KindYear     = "year"     // the archive of one year, /2018/
	KindMonth    = "month"    // the archive of one month, /2018/08/
	// KindFollowUps is the follow-up tracker, /follow-ups/: every state
	// and its nearest deadlines; KindFollowUpList one state's whole
	// list, page by page: /follow-ups/overdue/, /follow-ups/open/,
	// /follow-ups/done/.
	KindFollowUps    = "follow-ups"
	KindFollowUpList = "follow-up-list"
	// KindRedirect stands at a URL the site no longer uses and sends the
	// reader on to Redirect: an article's old URL (its aliases:, the page
	// has its Article), the second page of a project's old list.
	KindRedirect = "redirect"
	Kind404      = "404"
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
	Year     *Year  // year archives
	Month    *Month // month archives
	Redirect string // redirects: where the page has gone, site-relative
	// FollowUps are the follow-ups a follow-up list shows on this page,
	// all of State; Groups the tracker's page shows, one per state.
	FollowUps []*FollowUp
	State     string
	Groups    []FollowUpGroup
	// Crumbs lead from the front page to this page (the last crumb);
	// nil on the front page and the 404 page.
	Crumbs []Crumb
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

// PagerLink is one entry of a numbered pager: a page, or a gap (Number
// 0) standing for the pages left out.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
}

// Numbers lists the pages a numbered pager shows: the first, the last,
// the current one and its neighbours, with a gap (Number 0) wherever pages
// are left out: 1 … 14 15 16 … 30. A gap that would stand for one page is
// that page, so a reader never sees "…" where a number fits, and the row
// never holds more than seven entries, whatever the number of pages.
func (p *Pager) Numbers() []PagerLink {
	if p == nil || p.Total <= 1 || len(p.URLs) < p.Total {
		return nil
	}
	shown := make([]int, 0, 5)
	shown = append(shown, 1)
	for n := max(2, p.Number-1); n <= min(p.Total-1, p.Number+1); n++ {
		shown = append(shown, n)
	}
	shown = append(shown, p.Total)
	out := make([]PagerLink, 0, 7)
	link := func(n int) PagerLink { return PagerLink{Number: n, URL: p.URLs[n-1], Current: n == p.Number} }
	for i, n := range shown {
		if i > 0 {
			switch gap := n - shown[i-1]; {
			case gap == 2:
				out = append(out, link(n-1))
			case gap > 2:
				out = append(out, PagerLink{})
			}
		}
		out = append(out, link(n))
	}
	return out
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
