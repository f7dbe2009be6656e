package assemble

import (
	"time"

	"bulletin/internal/model"
)

// timelines tells each project's story: its articles by year, oldest
// first; the newest outcome that concludes something, shown first; and
// the deadlines its outcomes set. A project's page shows all of it on one
// page, so a reader follows an Đề án from its first visit to its latest
// conclusion without paging through cards.
func timelines(projects []*model.Project, loc *time.Location) {
	for _, p := range projects {
		oldest := make([]*model.Article, len(p.Articles))
		when := make([]time.Time, len(p.Articles))
		for i, a := range p.Articles {
			oldest[len(oldest)-1-i] = a
			when[len(oldest)-1-i] = local(a.Date, loc)
		}
		for _, span := range byYear(when) {
			p.Years = append(p.Years, &model.Year{Year: span.year, URL: yearURL(span.year),
				Articles: oldest[span.lo:span.hi], Outcomes: outcomes(oldest[span.lo:span.hi])})
		}
		for _, a := range oldest {
			if a.FollowUp != nil {
				p.FollowUps = append(p.FollowUps, a.FollowUp)
			}
		}
		for _, a := range p.Articles {
			if o := a.Outcome; a.IsOutcome() && o != nil && (len(o.Findings) > 0 || len(o.Shortcomings) > 0 || len(o.Recommendations) > 0) {
				p.Latest = a
				break
			}
		}
	}
}

// yearSpan is a run of articles of one year: [lo, hi).
type yearSpan struct {
	year   int
	lo, hi int
}

// byYear splits the dates of articles in date order, in the site's zone as
// the articles' URLs read them, into runs of one year each.
func byYear(when []time.Time) []yearSpan {
	var out []yearSpan
	for i, t := range when {
		y := t.Year()
		if n := len(out); n > 0 && out[n-1].year == y {
			out[n-1].hi = i + 1
			continue
		}
		out = append(out, yearSpan{y, i, i + 1})
	}
	return out
}

func outcomes(as []*model.Article) int {
	n := 0
	for _, a := range as {
		if a.IsOutcome() {
			n++
		}
	}
	return n
}

// local is t in the site's zone as its URL reads it (model.Local).
func local(t time.Time, loc *time.Location) time.Time { return model.Local(t, loc) }
