package assemble

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"bulletin/internal/model"
)

// The archives file each article under the year and month of its URL,
// read in the site's zone; years newest first, months and articles in
// date order; each month knows its neighbours across years.
func TestArchives(t *testing.T) {
	at := func(title string, t time.Time) *model.ArticleFile {
		f := art(title+".md", title, 1)
		f.Date = t
		return f
	}
	files := []*model.ArticleFile{
		at("A", time.Date(2017, 12, 5, 9, 0, 0, 0, ict)),
		at("B", time.Date(2018, 8, 31, 20, 0, 0, 0, time.UTC)), // 03:00 on 1 September in Vietnam
		at("C", time.Date(2018, 8, 6, 16, 41, 0, 0, ict)),
		at("D", time.Date(2018, 8, 2, 8, 0, 0, 0, ict)),
	}
	s, ps := Site(model.Config{PageSize: 10, Location: ict}, Input{Articles: files}, Options{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	var got []string
	for _, y := range s.Years {
		for _, m := range y.Months {
			var titles []string
			for _, a := range m.Articles {
				titles = append(titles, a.Title)
				if a.Month != m {
					t.Errorf("%s is not filed under %s", a.Title, m.URL)
				}
			}
			got = append(got, fmt.Sprintf("%s%s=%s", y.URL, m.URL, strings.Join(titles, "")))
		}
	}
	if want := "/2018//2018/08/=DC /2018//2018/09/=B /2017//2017/12/=A"; strings.Join(got, " ") != want {
		t.Errorf("archives %s\nwant     %s", strings.Join(got, " "), want)
	}
	dec, aug, sep := s.Years[1].Months[0], s.Years[0].Months[0], s.Years[0].Months[1]
	if dec.Next != aug || aug.Prev != dec || aug.Next != sep || sep.Next != nil || dec.Prev != nil {
		t.Error("months do not lead to their neighbours across the year")
	}
	if s.Years[0].Prev != s.Years[1] || s.Years[1].Next != s.Years[0] {
		t.Error("years do not lead to their neighbours")
	}
	pages := map[string]*model.Page{}
	for _, p := range s.Pages {
		pages[p.URL] = p
	}
	for url, kind := range map[string]string{"/2018/": model.KindYear, "/2018/08/": model.KindMonth, "/2017/12/": model.KindMonth} {
		if p := pages[url]; p == nil || p.Kind != kind {
			t.Errorf("no %s page at %s", kind, url)
		}
	}
}

// Breadcrumbs lead from the front page down to the page: an article under
// its first project, or under its month when it cites none.
func TestCrumbs(t *testing.T) {
	a, b := art("a.md", "Kiểm tra A", 6, "01-ĐA/TU"), art("b.md", "Tin B", 7)
	a.Unit = "Đảng ủy Khối"
	s, _ := Site(model.Config{PageSize: 1, Location: ict}, Input{Articles: []*model.ArticleFile{a, b}}, Options{})
	trail := func(url string) string {
		for _, p := range s.Pages {
			if p.URL == url {
				var out []string
				for _, c := range p.Crumbs {
					out = append(out, c.Name+" "+c.URL)
				}
				return strings.Join(out, " › ")
			}
		}
		return "no page " + url
	}
	for url, want := range map[string]string{
		"/":                    "",
		"/page/2/":             "Trang chủ / › Trang 2 /page/2/",
		"/2018/08/kiem-tra-a/": "Trang chủ / › Đề án /projects/ › 01-ĐA/TU /projects/01-da-tu/ › Kiểm tra A /2018/08/kiem-tra-a/",
		"/2018/08/tin-b/":      "Trang chủ / › 2018 /2018/ › Tháng 8/2018 /2018/08/ › Tin B /2018/08/tin-b/",
		"/projects/01-da-tu/":  "Trang chủ / › Đề án /projects/ › 01-ĐA/TU /projects/01-da-tu/",
		"/units/dang-uy-khoi/": "Trang chủ / › Đơn vị /units/ › Đảng ủy Khối /units/dang-uy-khoi/",
		"/units/":              "Trang chủ / › Đơn vị /units/",
		"/2018/08/":            "Trang chủ / › 2018 /2018/ › Tháng 8/2018 /2018/08/",
		"/follow-ups/":         "Trang chủ / › Theo dõi thực hiện kiến nghị /follow-ups/",
		"/follow-ups/overdue/": "Trang chủ / › Theo dõi thực hiện kiến nghị /follow-ups/ › Kiến nghị quá hạn /follow-ups/overdue/",
	} {
		if got := trail(url); got != want {
			t.Errorf("%s: %s\nwant %s", url, got, want)
		}
	}
}
