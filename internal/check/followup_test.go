package check

import (
	"strings"
	"testing"
)

// followUpSite is an outcome about Đảng ủy xã Phúc Xuân due on due and,
// unless unit is "", a later outcome on the same project about unit.
func followUpSite(due, unit string) string {
	site := `
-- content/articles/a.md --
---
title: A
date: 2026-06-01
kind: outcome
inspected_unit: Đảng ủy xã Phúc Xuân
documents: [01-ĐA/TU]
outcome:
  recommendations: [Báo cáo kết quả khắc phục]
  follow_up_by: ` + due + `
---
x
`
	if unit == "" {
		return site
	}
	return site + `
-- content/articles/b.md --
---
title: B
date: 2026-07-01
kind: outcome
inspected_unit: ` + unit + `
documents: [01-ĐA/TU]
---
y
`
}

func overdueIn(t *testing.T, archive string) string {
	t.Helper()
	var out []string
	for _, f := range run(t, archive) {
		if f.Code == FollowUpOverdue {
			out = append(out, f.Error())
		}
	}
	return strings.Join(out, "\n")
}

// The deadline's own day is still in time (the check runs at noon on
// 25/11/2026): the warning comes from the day after.
func TestFollowUpOverdueFromTheDayAfterTheDeadline(t *testing.T) {
	for _, c := range []struct {
		due  string
		want bool
	}{
		{"2026-11-24", true},
		{"2026-11-25", false},
		{"2026-11-26", false},
	} {
		got := overdueIn(t, followUpSite(c.due, ""))
		if (got != "") != c.want {
			t.Errorf("due %s: overdue warning %q, want one: %v", c.due, got, c.want)
		}
		if c.want && !strings.Contains(got, "content/articles/a.md:7") {
			t.Errorf("due %s: warning %q does not point at the outcome", c.due, got)
		}
	}
}

// A later outcome on the project settles the follow-up only when it is
// about the same unit.
func TestFollowUpSettledByTheSameUnitOnly(t *testing.T) {
	if got := overdueIn(t, followUpSite("2026-06-30", "Đảng ủy xã Tân Cương")); got == "" {
		t.Error("a later outcome about another unit settled the follow-up")
	}
	if got := overdueIn(t, followUpSite("2026-06-30", "Đảng ủy xã Phúc Xuân")); got != "" {
		t.Errorf("a later outcome about the same unit did not settle it: %s", got)
	}
}

// A later outcome that is still a draft, or dated in the future, has not
// reported yet: the built site's tracker shows the follow-up overdue, and
// check, which reads drafts and future articles too, says so as well.
func TestFollowUpNotSettledByAnUnpublishedOutcome(t *testing.T) {
	for _, extra := range []string{"draft: true", "date: 2027-01-05"} {
		site := strings.Replace(followUpSite("2026-06-30", "Đảng ủy xã Phúc Xuân"),
			"kind: outcome\ninspected_unit: Đảng ủy xã Phúc Xuân\ndocuments: [01-ĐA/TU]\n---\ny",
			"kind: outcome\ninspected_unit: Đảng ủy xã Phúc Xuân\ndocuments: [01-ĐA/TU]\n"+extra+"\n---\ny", 1)
		if strings.HasPrefix(extra, "date:") {
			site = strings.Replace(site, "date: 2026-07-01\n", "", 1)
		}
		if !strings.Contains(site, extra) {
			t.Fatal("the case did not apply")
		}
		if got := overdueIn(t, site); got == "" {
			t.Errorf("%s: a later outcome not yet published settled the follow-up", extra)
		}
	}
}
