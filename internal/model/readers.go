package model

import "time"

// The values behind what readers follow through the site: a project's
// timeline, the follow-up deadlines of outcomes, the archives by year and
// month, breadcrumbs. The assembler makes them once per build; the
// layouts only show them.

// Year is one year of a project's timeline or of the archives.
type Year struct {
	Year     int
	URL      string     // the year's archive page, /2018/
	Articles []*Article // in date order, oldest first
	Outcomes int        // how many of them are outcome articles
	// Archives only: the months that have articles, in order, and the
	// years before and after that have any.
	Months     []*Month
	Prev, Next *Year
}

// Month is one month of the archives: /2018/08/.
type Month struct {
	Year, Month int
	URL         string
	Articles    []*Article // in date order, oldest first
	Outcomes    int
	Prev, Next  *Month // the months before and after that have articles
}

// Follow-up states, as of the build's clock.
const (
	FollowUpOpen    = "open"    // the deadline has not passed
	FollowUpDone    = "done"    // a later outcome article reported on it
	FollowUpOverdue = "overdue" // the deadline passed with no such report
)

// FollowUp is an outcome's deadline for reporting on its recommendations
// (outcome.follow_up_by), and where it stands.
type FollowUp struct {
	Article *Article  // the outcome article that set it
	Due     time.Time // the last day to report, as written
	// Late is when it becomes overdue: the start of the day after Due, in
	// Due's time zone. The whole day of the deadline is still in time.
	Late  time.Time
	State string // FollowUpOpen, FollowUpDone or FollowUpOverdue
	// Report is, once done, the first later outcome article about the
	// same project and the same unit.
	Report *Article
}

// FollowUps are the follow-up deadlines of the site by state. Each list
// puts the deadline nearest to the build first: overdue and done ones
// from the latest deadline back, open ones from the soonest on.
type FollowUps struct {
	Overdue, Open, Done []*FollowUp
}

// Len counts every follow-up.
func (f *FollowUps) Len() int { return len(f.Overdue) + len(f.Open) + len(f.Done) }

// Of returns the follow-ups in state.
func (f *FollowUps) Of(state string) []*FollowUp {
	switch state {
	case FollowUpOverdue:
		return f.Overdue
	case FollowUpOpen:
		return f.Open
	case FollowUpDone:
		return f.Done
	}
	return nil
}

// FollowUpGroup is one state on the tracker's page: its name, its whole
// list's page, how many follow-ups it holds and the first of them.
type FollowUpGroup struct {
	State string
	Title string
	URL   string
	All   int
	Shown []*FollowUp
}

// Crumb is one step of a page's breadcrumbs: from the front page down to
// the page itself, which is the last.
type Crumb struct {
	Name string
	URL  string
}
