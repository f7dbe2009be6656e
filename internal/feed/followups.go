package feed

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"bulletin/internal/model"
)

// The follow-up tracker's feed: an Atom entry per follow-up deadline, the
// latest change first. An entry keeps its id while its state changes, and
// its updated time is the change (the outcome that set it came out, its
// deadline passed, the outcome that reported came out), so a feed reader
// shows the deadline again each time it moves from open to overdue or to
// done. The times come from the articles and their deadlines, never from
// the clock: the build decides the states as of its clock, and the same
// states give the same bytes.

// FollowUpChannel is the tracker's feed: its title, its page and itself.
type FollowUpChannel struct {
	Title     string
	Link      string // site-relative URL of the tracker's page
	Self      string // site-relative URL of the feed
	FollowUps model.FollowUps
}

// followUpChange is a follow-up with the time of its latest change.
type followUpChange struct {
	f  *model.FollowUp
	at time.Time
}

// FollowUpAtom writes the Atom feed of the newest cfg.FeedSize changes.
func FollowUpAtom(cfg model.Config, c FollowUpChannel) ([]byte, error) {
	var all []followUpChange
	for _, list := range [][]*model.FollowUp{c.FollowUps.Overdue, c.FollowUps.Open, c.FollowUps.Done} {
		for _, f := range list {
			all = append(all, followUpChange{f, changed(f)})
		}
	}
	slices.SortFunc(all, func(a, b followUpChange) int {
		if c := b.at.Compare(a.at); c != 0 {
			return c
		}
		return cmp.Compare(a.f.Article.URL, b.f.Article.URL)
	})
	if n := cfg.FeedSize; n > 0 && len(all) > n {
		all = all[:n]
	}
	updated := epoch
	if len(all) > 0 {
		updated = all[0].at
	}
	f := atomFeed{
		Lang:    cfg.Language,
		Title:   c.Title,
		ID:      Abs(cfg, c.Self),
		Updated: updated.Format(time.RFC3339),
		Links: []atomLink{
			{Href: Abs(cfg, c.Self), Rel: "self", Type: "application/atom+xml"},
			{Href: Abs(cfg, c.Link), Rel: "alternate", Type: "text/html"},
		},
		Author: &atomAuthor{Name: cfg.Title},
	}
	for _, ch := range all {
		a := ch.f.Article
		f.Entries = append(f.Entries, atomEntry{
			Title:     stateLabel(ch.f.State) + ": " + a.Title,
			ID:        Abs(cfg, a.URL) + "#theo-doi-kien-nghi",
			Link:      atomLink{Href: Abs(cfg, a.URL), Rel: "alternate", Type: "text/html"},
			Published: a.Date.Format(time.RFC3339),
			Updated:   ch.at.Format(time.RFC3339),
			Summary:   atomText{Type: "text", Body: followUpSummary(ch.f)},
		})
	}
	return marshal(f)
}

// changed is when a follow-up last changed state: the outcome that
// reported on it came out (done), its deadline passed (overdue), or the
// outcome that set it came out (open, or overdue from the start when it
// came out after its own deadline).
func changed(f *model.FollowUp) time.Time {
	switch {
	case f.Report != nil:
		return f.Report.Date
	case f.State == model.FollowUpOverdue && f.Late.After(f.Article.Date):
		return f.Late
	}
	return f.Article.Date
}

func stateLabel(state string) string {
	switch state {
	case model.FollowUpOverdue:
		return "Quá hạn"
	case model.FollowUpDone:
		return "Đã có kết quả"
	}
	return "Chưa đến hạn"
}

// followUpSummary says in one paragraph what the tracker's entry shows.
func followUpSummary(f *model.FollowUp) string {
	a := f.Article
	var b strings.Builder
	b.WriteString("Hạn báo cáo kết quả khắc phục: " + f.Due.Format("02/01/2006") + ".")
	if a.Unit != "" {
		b.WriteString(" Đơn vị: " + a.Unit + ".")
	}
	var codes []string
	for _, p := range a.Projects {
		if !slices.Contains(codes, p.Code) {
			codes = append(codes, p.Code)
		}
	}
	if len(codes) > 0 {
		b.WriteString(" Đề án, văn bản: " + strings.Join(codes, ", ") + ".")
	}
	if o := a.Outcome; o != nil && len(o.Recommendations) > 0 {
		b.WriteString(" Kiến nghị: " + strings.Join(o.Recommendations, "; ") + ".")
	}
	if r := f.Report; r != nil {
		b.WriteString(" Kết quả: " + r.Title + " (" + r.Date.Format("02/01/2006") + ").")
	}
	return b.String()
}
