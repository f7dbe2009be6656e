package assemble

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/par"
	"bulletin/internal/text"
)

// Options says which articles are shown.
type Options struct {
	Drafts bool      // include draft articles
	Future bool      // include articles dated after Now
	Now    time.Time // the build's clock; articles after it are "future"
	// URLs keeps the articles' URLs for the next assembly (a preview's
	// Builder); nil makes each one.
	URLs *URLs
}

// Input is the loaded content, as decoded: assemble reads it and never
// changes it, making the site's own values from it.
type Input struct {
	Articles []*model.ArticleFile
	Projects []*model.ProjectFile
	Docs     []*model.DocFile
}

// Site assembles the site. It reports every problem it finds (duplicate
// projects, URL collisions) together; the site is nil when any is an error.
func Site(cfg model.Config, in Input, opt Options) (*model.Site, diag.List) {
	var problems diag.List
	s := &model.Site{Config: cfg}
	s.Articles, s.Hidden, s.Until = shown(in.Articles, opt, cfg)
	sortNewestFirst(s.Articles)
	s.News, s.Until = news(s.Articles, opt.Now, s.Until)

	// Projects, terms and archives each set their own fields of the
	// articles and read none another sets: made side by side, they cost
	// the preview the longest of the three on each save, not the sum.
	var wg par.Group
	wg.Go(func() { s.Projects = projects(in.Projects, s.Articles, &problems) })
	wg.Go(func() { s.Taxonomies = taxonomies(s.Articles) })
	s.Years = archives(s.Articles, cfg.Location)
	s.Docs = docs(in.Docs)
	wg.Wait()
	var late time.Time
	s.FollowUps, late = followUps(s.Articles, opt.Now)
	if !late.IsZero() && (s.Until.IsZero() || late.Before(s.Until)) {
		s.Until = late
	}
	// The pages read none of what the timelines and the relater set:
	// made beside them, as the groups are above.
	wg.Go(func() { timelines(s.Projects, cfg.Location) })
	wg.Go(func() { related(s.Articles) })
	s.Pages = pages(s)
	wg.Wait()
	checkCollisions(s.Pages, &problems)
	problems.Sort()
	if len(problems.Errors()) > 0 {
		return nil, problems
	}
	return s, problems
}

// shown makes the article of each file this build publishes, with its URL
// and whether it is in the future; hidden are the files it leaves out,
// oldest first. until is the date of the first future article, when the
// site changes by itself.
func shown(files []*model.ArticleFile, opt Options, cfg model.Config) (out []*model.Article, hidden []*model.ArticleFile, until time.Time) {
	all := make([]model.Article, len(files)) // one allocation for the lot
	out = make([]*model.Article, 0, len(files))
	// The URLs, most of the cost, are made on two cores.
	urls := make([]string, len(files))
	url := func(i int) string {
		if u, ok := opt.URLs.lookup(files[i], cfg.Location); ok {
			return u
		}
		return articleURL(files[i], cfg.Location)
	}
	var wg par.Group
	half := len(files) / 2
	wg.Go(func() {
		for i := half; i < len(files); i++ {
			urls[i] = url(i)
		}
	})
	for i := range half {
		urls[i] = url(i)
	}
	wg.Wait()
	opt.URLs.keep(files, urls, cfg.Location)
	publisher := []string{cfg.PublisherName()} // one byline shared by every article without authors
	for i, f := range files {
		future := !opt.Now.IsZero() && f.Date.After(opt.Now)
		if future && (until.IsZero() || f.Date.Before(until)) {
			until = f.Date
		}
		if f.Draft && !opt.Drafts || future && !opt.Future {
			hidden = append(hidden, f)
			continue
		}
		a := &all[i]
		a.SetFile(f)
		a.Future, a.URL = future, urls[i]
		a.Byline = f.Authors
		if len(a.Byline) == 0 {
			a.Byline = publisher
		}
		out = append(out, a)
	}
	slices.SortFunc(hidden, func(a, b *model.ArticleFile) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	return out, hidden, until
}

// NewsWindow is how long an article stays in the Google News sitemap:
// the two days before the build.
const NewsWindow = 48 * time.Hour

// news picks the published articles (as, newest first) dated in the
// NewsWindow before now, and moves until to the first time one of them
// leaves it: from then on the news sitemap is another file.
func news(as []*model.Article, now, until time.Time) ([]*model.Article, time.Time) {
	if now.IsZero() {
		return nil, until
	}
	var out []*model.Article
	for _, a := range as {
		if a.Future || a.Draft {
			continue
		}
		if !a.Date.After(now.Add(-NewsWindow)) {
			break // newest first: the rest are older still
		}
		out = append(out, a)
		if leaves := a.Date.Add(NewsWindow); until.IsZero() || leaves.Before(until) {
			until = leaves
		}
	}
	return out, until
}

// ArticleURL is the URL the build gives an article file in a site whose
// zone is loc (articleURL): for a tool writing a new file, to find one
// that no other article takes.
func ArticleURL(f *model.ArticleFile, loc *time.Location) string { return articleURL(f, loc) }

// articleURL is /:year/:month/:slug/, year and month read in the site's zone
// so that an article dated 23:30 on the last day of a month in another zone
// still files under the month its readers saw. A date the loader kept at
// the zone's standard offset, because the zone's rules give it a local
// mean time (+07:06:30 before 1911), files where it was read.
func articleURL(f *model.ArticleFile, loc *time.Location) string {
	d := model.Local(f.Date, loc)
	b := make([]byte, 0, 10+len(f.Slug))
	b = append(b, '/')
	b = appendPadded(b, d.Year(), 4)
	b = append(b, '/')
	b = appendPadded(b, int(d.Month()), 2)
	b = append(b, '/')
	b = append(b, f.Slug...)
	b = append(b, '/')
	return string(b)
}

// appendPadded appends n in decimal, zero-padded to width.
func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// sortNewestFirst orders by date, newest first; equal dates by URL, and
// equal URLs (a collision, reported) by path, so the order never depends
// on the order files were read.
func sortNewestFirst(as []*model.Article) {
	// Sorted by keys side by side in one array rather than through the
	// articles' pointers, whose dates are each in another cache line.
	type key struct {
		sec  int64
		nsec int
		a    *model.Article
	}
	keys := make([]key, len(as))
	for i, a := range as {
		keys[i] = key{a.Date.Unix(), a.Date.Nanosecond(), a}
	}
	slices.SortFunc(keys, func(x, y key) int {
		if c := cmp.Compare(y.sec, x.sec); c != 0 {
			return c
		}
		if c := cmp.Compare(y.nsec, x.nsec); c != 0 {
			return c
		}
		if c := strings.Compare(x.a.URL, y.a.URL); c != 0 {
			return c
		}
		return strings.Compare(x.a.Path, y.a.Path)
	})
	for i, k := range keys {
		as[i] = k.a
	}
}

func docs(files []*model.DocFile) []*model.Doc {
	out := make([]*model.Doc, len(files))
	for i, f := range files {
		out[i] = &model.Doc{DocFile: f, URL: "/" + f.Slug + "/"}
	}
	slices.SortFunc(out, func(a, b *model.Doc) int { return strings.Compare(a.URL, b.URL) })
	return out
}

// slugOf is text.Slug with a fallback for names made only of marks or
// punctuation, which would otherwise all share the empty slug.
func slugOf(name string) string {
	if s := text.Slug(name); s != "" {
		return s
	}
	return fmt.Sprintf("x%x", fnv(name))
}

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
