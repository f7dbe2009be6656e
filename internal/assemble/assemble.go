package assemble

import (
	"fmt"
	"sort"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// Options says which articles are shown.
type Options struct {
	Drafts bool      // include draft articles
	Future bool      // include articles dated after Now
	Now    time.Time // the build's clock; articles after it are "future"
}

// Input is the loaded content.
type Input struct {
	Articles []*model.Article
	Projects []*model.Project
	Docs     []*model.Doc
}

// Site assembles the site. It reports every problem it finds (duplicate
// projects, URL collisions) together; the site is nil when any is an error.
func Site(cfg model.Config, in Input, opt Options) (*model.Site, diag.List) {
	var problems diag.List
	s := &model.Site{Config: cfg}
	s.Articles = shown(in.Articles, opt)
	for _, a := range s.Articles {
		resetDerived(a)
		a.URL = articleURL(a, cfg.Location)
	}
	sortNewestFirst(s.Articles)

	s.Projects = projects(in.Projects, s.Articles, &problems)
	s.Taxonomies = taxonomies(s.Articles)
	s.Docs = docs(in.Docs)
	s.Pages = pages(s)
	checkCollisions(s.Pages, &problems)
	problems.Sort()
	if len(problems.Errors()) > 0 {
		return nil, problems
	}
	return s, problems
}

// shown keeps the articles this build publishes and marks the future ones.
func shown(all []*model.Article, opt Options) []*model.Article {
	out := make([]*model.Article, 0, len(all))
	for _, a := range all {
		a.Future = !opt.Now.IsZero() && a.Date.After(opt.Now)
		if a.Draft && !opt.Drafts || a.Future && !opt.Future {
			continue
		}
		out = append(out, a)
	}
	return out
}

// resetDerived clears what a previous assembly set: the loader may hand
// the preview server the same article value twice.
func resetDerived(a *model.Article) {
	a.URL, a.Projects, a.TeamLeadT, a.UnitT, a.TagsT = "", nil, nil, nil, nil
}

// articleURL is /:year/:month/:slug/, year and month read in the site's zone
// so that an article dated 23:30 on the last day of a month in another zone
// still files under the month its readers saw. A date the loader kept at
// the zone's standard offset, because the zone's rules give it a local
// mean time (+07:06:30 before 1911), files where it was read.
func articleURL(a *model.Article, loc *time.Location) string {
	d := a.Date
	if loc != nil {
		if in := d.In(loc); !meanTime(in) {
			d = in
		}
	}
	return fmt.Sprintf("/%04d/%02d/%s/", d.Year(), int(d.Month()), a.Slug)
}

// meanTime reports whether t's offset is a local mean time, not a whole
// number of minutes.
func meanTime(t time.Time) bool {
	_, off := t.Zone()
	return off%60 != 0
}

// sortNewestFirst orders by date, newest first; equal dates by URL so the
// order never depends on the order files were read.
func sortNewestFirst(as []*model.Article) {
	sort.SliceStable(as, func(i, j int) bool {
		if !as[i].Date.Equal(as[j].Date) {
			return as[i].Date.After(as[j].Date)
		}
		return as[i].URL < as[j].URL
	})
}

func docs(in []*model.Doc) []*model.Doc {
	out := append([]*model.Doc(nil), in...)
	for _, d := range out {
		d.URL = "/" + d.Slug + "/"
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
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
