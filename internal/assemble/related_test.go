package assemble

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"bulletin/internal/model"
)

// relatedTitles lists the titles of the related articles of the article
// titled title.
func relatedTitles(s *model.Site, title string) string {
	for _, a := range s.Articles {
		if a.Title == title {
			var out []string
			for _, r := range a.Related() {
				out = append(out, r.Title)
			}
			return strings.Join(out, " ")
		}
	}
	return "no such article"
}

// Related articles: those sharing a project first, then the unit, then
// the team lead; among equals the nearest in date; at most five; never
// the article itself.
func TestRelatedArticles(t *testing.T) {
	mk := func(title string, day int, unit, lead string, codes ...string) *model.ArticleFile {
		f := art(title+".md", title, day, codes...)
		f.Unit, f.TeamLead.Name = unit, lead
		return f
	}
	files := []*model.ArticleFile{
		mk("A", 10, "Xã A", "Lê Văn B", "01-ĐA/TU"), // the article
		mk("P1", 1, "Xã Z", "Ai đó", "01-ĐA/TU"),    // project, far in time
		mk("P2", 12, "Xã Z", "Ai đó", "01-ĐA/TU"),   // project, near
		mk("PU", 2, "Xã A", "Ai đó", "01-ĐA/TU"),    // project and unit: first
		mk("U1", 11, "Xã A", "Ai đó"),               // unit only
		mk("L1", 9, "Xã Y", "Lê Văn B"),             // team lead only
		mk("UL", 20, "Xã A", "Lê Văn B"),            // unit and team lead: before unit alone
		mk("X", 10, "Xã X", "Người khác", "02-ĐA/TU"),
	}
	s, _ := Site(model.Config{PageSize: 10, Location: ict}, Input{Articles: files}, Options{})
	if got, want := relatedTitles(s, "A"), "PU P2 P1 UL U1"; got != want {
		t.Errorf("related to A: %s, want %s", got, want)
	}
	if got := relatedTitles(s, "X"); got != "" {
		t.Errorf("X shares nothing, yet has related %s", got)
	}
	// Deterministic: the same input, the same lists.
	again, _ := Site(model.Config{PageSize: 10, Location: ict}, Input{Articles: files}, Options{})
	for _, a := range s.Articles {
		if relatedTitles(s, a.Title) != relatedTitles(again, a.Title) {
			t.Errorf("%s: related differ between two builds", a.Title)
		}
	}
}

// bigSite is n articles over 200 projects, 150 units and 60 team leads,
// one a day, as the shared generator's sites are shaped.
func bigSite(n int) []*model.ArticleFile {
	files := make([]*model.ArticleFile, n)
	start := time.Date(2015, 1, 1, 9, 0, 0, 0, ict)
	for i := range files {
		code := fmt.Sprintf("%d-ĐA/TU", i%200)
		if i%3 == 0 {
			code = "1-ĐA/TU" // one project with a third of the site
		}
		f := art(fmt.Sprintf("a%d.md", i), fmt.Sprintf("Bài %d", i), 1, code)
		f.Date = start.Add(time.Duration(i) * 7 * time.Hour)
		f.Unit, f.TeamLead.Name = fmt.Sprintf("Đơn vị %d", i%150), fmt.Sprintf("Trưởng đoàn %d", i%60)
		files[i] = f
	}
	return files
}

// The related articles cost the same per article however long the lists
// of a project or a unit: compare ns/article at 10,000 and 40,000.
func BenchmarkRelated(b *testing.B) {
	for _, n := range []int{10000, 40000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s, _ := Site(model.Config{PageSize: 10, Location: ict}, Input{Articles: bigSite(n)}, Options{})
			b.ResetTimer()
			r := newRelater(s.Articles)
			for b.Loop() {
				for _, a := range s.Articles {
					r.choose(a)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/article")
		})
	}
}
