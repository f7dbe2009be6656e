package assemble

import (
	"slices"
	"sort"
	"time"

	"bulletin/internal/model"
)

// An outcome article may set a deadline (outcome.follow_up_by) by which
// the inspected unit reports on its recommendations. The deadline is done
// once a later outcome article reports about the same project and the
// same unit; otherwise it is open until the day has passed, then overdue.
// The tracker page, each project's timeline, the outcome's own page, the
// tracker's feed and `bulletin check` all read the states decided here,
// once per build.

// reportKey files a published outcome under one of its projects and its
// unit. A nil field stands for any: an outcome that cites no document is
// reported on by any later outcome about its unit, one that names no unit
// by any later outcome on its project.
type reportKey struct {
	project *model.Project
	unit    *model.Term
}

// followUps gives each outcome article that sets a deadline its FollowUp,
// decides its state as of now (zero: no deadline has passed), and returns
// them by state, with the time the next open one becomes overdue (zero:
// none will). articles come newest first.
func followUps(articles []*model.Article, now time.Time) (model.FollowUps, time.Time) {
	reports := map[reportKey][]*model.Article{} // each list oldest first
	var fus []*model.FollowUp                   // newest outcome first
	for i := len(articles) - 1; i >= 0; i-- {
		a := articles[i]
		// A scheduled outcome, or a draft (in the preview and check, which
		// show drafts), has not reported yet: only a published one settles
		// a follow-up, as the built site's tracker says.
		if !a.IsOutcome() || a.Future || a.Draft {
			continue
		}
		units := []*model.Term{nil}
		if a.UnitTerm != nil {
			units = append(units, a.UnitTerm)
		}
		for _, p := range projectsOf(a, true) {
			for _, u := range units {
				k := reportKey{p, u}
				reports[k] = append(reports[k], a)
			}
		}
	}
	for _, a := range articles {
		if a.Outcome == nil || a.Outcome.FollowUpBy.IsZero() {
			continue
		}
		due := a.Outcome.FollowUpBy
		f := &model.FollowUp{Article: a, Due: due, Late: time.Date(due.Year(), due.Month(), due.Day()+1, 0, 0, 0, 0, due.Location())}
		f.Report = firstReport(a, reports)
		a.FollowUp = f
		fus = append(fus, f)
	}
	var out model.FollowUps
	var until time.Time
	for _, f := range fus {
		switch {
		case f.Report != nil:
			f.State = model.FollowUpDone
			out.Done = append(out.Done, f)
		case !now.IsZero() && !now.Before(f.Late):
			f.State = model.FollowUpOverdue
			out.Overdue = append(out.Overdue, f)
		default:
			f.State = model.FollowUpOpen
			out.Open = append(out.Open, f)
			if !now.IsZero() && (until.IsZero() || f.Late.Before(until)) {
				until = f.Late
			}
		}
	}
	latestFirst := func(a, b *model.FollowUp) int { return b.Due.Compare(a.Due) }
	slices.SortStableFunc(out.Overdue, latestFirst)
	slices.SortStableFunc(out.Done, latestFirst)
	slices.SortStableFunc(out.Open, func(a, b *model.FollowUp) int { return a.Due.Compare(b.Due) })
	return out, until
}

// firstReport is the first outcome dated after a about one of a's
// projects and a's unit, or nil.
func firstReport(a *model.Article, reports map[reportKey][]*model.Article) *model.Article {
	var first *model.Article
	for _, p := range projectsOf(a, false) {
		list := reports[reportKey{p, a.UnitTerm}]
		i := sort.Search(len(list), func(i int) bool { return list[i].Date.After(a.Date) })
		if i < len(list) && (first == nil || list[i].Date.Before(first.Date)) {
			first = list[i]
		}
	}
	return first
}

// projectsOf lists a's projects once each; with any, also nil, the key of
// every outcome whatever its projects. An article that cites no document
// has nil alone.
func projectsOf(a *model.Article, any bool) []*model.Project {
	out := make([]*model.Project, 0, len(a.Projects)+1)
	for _, p := range a.Projects {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if any || len(out) == 0 {
		out = append(out, nil)
	}
	return out
}
