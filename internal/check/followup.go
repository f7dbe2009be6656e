package check

import (
	"fmt"

	"bulletin/internal/diag"
)

// followUps warns of an outcome whose follow-up date has passed with no
// later outcome article on any of its projects: the office promised to
// report on it.
func (c *checker) followUps(found *diag.List) {
	for _, a := range c.site.Articles {
		o := a.Outcome
		if o == nil || !c.mine(a.Path) || o.FollowUpBy.IsZero() || !o.FollowUpBy.Before(c.now) {
			continue
		}
		reported := false
		for _, p := range a.Projects {
			for _, b := range p.Articles {
				if b != a && b.IsOutcome() && b.Date.After(a.Date) {
					reported = true
				}
			}
		}
		if !reported {
			line := a.Line("outcome")
			found.Add(warn(FollowUpOverdue, a.Path, line, "outcome.follow_up_by",
				fmt.Sprintf("the follow-up date %s has passed and no later outcome article reports on its projects", o.FollowUpBy.Format("02/01/2006")),
				"publish the follow-up outcome (kind: outcome) citing the same documents"))
		}
	}
}
