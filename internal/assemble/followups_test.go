package assemble

import (
	"testing"
	"time"

	"bulletin/internal/model"
)

// outcomeAt is an outcome file about unit on code, dated day/month/2026,
// due on due (YYYY-MM-DD, in ICT) when due is not "".
func outcomeAt(path string, month, day int, unit, code, due string) *model.ArticleFile {
	f := art(path, path, 1, code)
	f.Date = time.Date(2026, time.Month(month), day, 9, 0, 0, 0, ict)
	f.Kind, f.Unit = "outcome", unit
	f.Outcome = &model.Outcome{Recommendations: []string{"Báo cáo kết quả khắc phục"}}
	if due != "" {
		d, err := time.ParseInLocation("2006-01-02", due, ict)
		if err != nil {
			panic(err)
		}
		f.Outcome.FollowUpBy = d
	}
	return f
}

// The state of a follow-up as of the build's clock: done once a later
// outcome about the same project and unit is out; otherwise open through
// the whole day of the deadline, overdue from the next.
func TestFollowUpStates(t *testing.T) {
	noon := func(m, d int) time.Time { return time.Date(2026, time.Month(m), d, 12, 0, 0, 0, ict) }
	cases := []struct {
		name  string
		files []*model.ArticleFile
		now   time.Time
		state string
		until time.Time // the site's Until: when the state changes by itself
	}{
		{"open before the deadline", []*model.ArticleFile{outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30")},
			noon(6, 29), model.FollowUpOpen, time.Date(2026, 7, 1, 0, 0, 0, 0, ict)},
		{"open on the deadline's last minute", []*model.ArticleFile{outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30")},
			time.Date(2026, 6, 30, 23, 59, 59, 0, ict), model.FollowUpOpen, time.Date(2026, 7, 1, 0, 0, 0, 0, ict)},
		{"overdue from the next day", []*model.ArticleFile{outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30")},
			time.Date(2026, 7, 1, 0, 0, 0, 0, ict), model.FollowUpOverdue, time.Time{}},
		{"done by a later outcome on the project and unit", []*model.ArticleFile{
			outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30"), outcomeAt("b", 8, 1, "Xã A", "01-ĐA/TU", "")},
			noon(9, 1), model.FollowUpDone, time.Time{}},
		{"done even before the deadline", []*model.ArticleFile{
			outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30"), outcomeAt("b", 6, 20, "Xã A", "01-ĐA/TU", "")},
			noon(6, 25), model.FollowUpDone, time.Time{}}, // b is past the news sitemap's two days: nothing changes by the clock
		{"not done by another unit", []*model.ArticleFile{
			outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30"), outcomeAt("b", 8, 1, "Xã B", "01-ĐA/TU", "")},
			noon(9, 1), model.FollowUpOverdue, time.Time{}},
		{"not done by another project", []*model.ArticleFile{
			outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30"), outcomeAt("b", 8, 1, "Xã A", "02-ĐA/TU", "")},
			noon(9, 1), model.FollowUpOverdue, time.Time{}},
		{"not done by an earlier outcome", []*model.ArticleFile{
			outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30"), outcomeAt("b", 5, 1, "Xã A", "01-ĐA/TU", "")},
			noon(9, 1), model.FollowUpOverdue, time.Time{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ps := Site(model.Config{PageSize: 10, Location: ict}, Input{Articles: c.files}, Options{Now: c.now})
			if len(ps) > 0 {
				t.Fatal(ps)
			}
			if s.FollowUps.Len() != 1 {
				t.Fatalf("%d follow-ups, want 1", s.FollowUps.Len())
			}
			f := s.FollowUps.Of(c.state)
			if len(f) != 1 || f[0].State != c.state || f[0].Article.Path != "a" {
				t.Fatalf("want a's follow-up %s; overdue %d, open %d, done %d", c.state, len(s.FollowUps.Overdue), len(s.FollowUps.Open), len(s.FollowUps.Done))
			}
			if (f[0].Report != nil) != (c.state == model.FollowUpDone) || f[0].Report != nil && f[0].Report.Path != "b" {
				t.Errorf("report %v", f[0].Report)
			}
			if !s.Until.Equal(c.until) {
				t.Errorf("Until %v, want %v", s.Until, c.until)
			}
			if f[0].Article.FollowUp != f[0] {
				t.Error("the outcome does not know its follow-up")
			}
		})
	}
}

// A scheduled outcome (shown in the preview) has not reported yet; the
// site changes when it comes out.
func TestFollowUpNotDoneByAScheduledOutcome(t *testing.T) {
	files := []*model.ArticleFile{outcomeAt("a", 6, 1, "Xã A", "01-ĐA/TU", "2026-06-30"), outcomeAt("b", 12, 1, "Xã A", "01-ĐA/TU", "")}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, ict)
	s, _ := Site(model.Config{PageSize: 10, Location: ict}, Input{Articles: files}, Options{Now: now, Future: true})
	if len(s.FollowUps.Overdue) != 1 {
		t.Errorf("overdue %d, want 1", len(s.FollowUps.Overdue))
	}
	if want := files[1].Date; !s.Until.Equal(want) {
		t.Errorf("Until %v, want the scheduled outcome's date %v", s.Until, want)
	}
}

// The tracker lists each state nearest the build first: overdue and done
// from the latest deadline back, open from the soonest on.
func TestFollowUpOrder(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, ict)
	files := []*model.ArticleFile{
		outcomeAt("o1", 1, 1, "Xã A", "01-ĐA/TU", "2026-02-01"),
		outcomeAt("o2", 3, 1, "Xã B", "01-ĐA/TU", "2026-04-01"),
		outcomeAt("n1", 10, 1, "Xã C", "01-ĐA/TU", "2027-01-01"),
		outcomeAt("n2", 10, 2, "Xã D", "01-ĐA/TU", "2026-12-01"),
	}
	s, _ := Site(model.Config{PageSize: 10, Location: ict}, Input{Articles: files}, Options{Now: now})
	order := func(fs []*model.FollowUp) (out string) {
		for _, f := range fs {
			out += f.Article.Path + " "
		}
		return out
	}
	if got := order(s.FollowUps.Overdue); got != "o2 o1 " {
		t.Errorf("overdue %s", got)
	}
	if got := order(s.FollowUps.Open); got != "n2 n1 " {
		t.Errorf("open %s", got)
	}
	if want := time.Date(2026, 12, 2, 0, 0, 0, 0, ict); !s.Until.Equal(want) {
		t.Errorf("Until %v, want %v: the soonest open deadline passes", s.Until, want)
	}
}
