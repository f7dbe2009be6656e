package build_test

import (
	"fmt"
	"strings"
	"testing"

	"bulletin/internal/sitetest"
)

// timelineSite is a project told over two years: a visit and an outcome
// in 2017, a visit and an outcome in 2018, newest file first.
const timelineSite = `
-- site.yaml --
title: Tin kiểm tra
page_size: 2
-- content/projects/01.md --
---
code: 01-ĐA/TU
title: Nâng cao chất lượng công tác dân vận
---
Mô tả.
-- content/articles/d.md --
---
title: Kết luận lần hai
date: 2018-09-03
kind: outcome
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối
documents: [01-ĐA/TU]
outcome:
  findings: [Đã khắc phục phần lớn hạn chế]
  recommendations: [Tiếp tục rà soát quy chế]
  follow_up_by: 2026-12-31
---
x
-- content/articles/c.md --
---
title: Kiểm tra lần hai
date: 2018-08-06
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối
documents: [01-ĐA/TU]
---
x
-- content/articles/b.md --
---
title: Kết luận lần một
date: 2017-05-02
kind: outcome
team_lead: Lê Thị Hoa
inspected_unit: Đảng ủy Khối
documents: [01-ĐA/TU]
outcome:
  findings: [Mục tiêu được cụ thể hóa]
  shortcomings: [Phản biện xã hội chưa nhiều]
  recommendations: [Bổ sung báo cáo]
  follow_up_by: 2017-12-31
---
x
-- content/articles/a.md --
---
title: Kiểm tra lần một
date: 2017-04-10
team_lead: Lê Thị Hoa
inspected_unit: Đảng ủy Khối
documents: [01-ĐA/TU]
---
x
`

// inOrder fails unless each string occurs in page after the one before.
func inOrder(t *testing.T, name, page string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(page[at:], w)
		if i < 0 {
			t.Errorf("%s: %q missing, or not after %q", name, w, page[:at][max(0, at-60):])
			return
		}
		at += i + len(w)
	}
}

// A project's page tells its story: the latest conclusion first, then
// every visit and outcome by year, in date order, each with its unit,
// team lead and follow-up state, all on one page.
func TestProjectTimeline(t *testing.T) {
	s := sitetest.Build(t, timelineSite)
	page := s.File(t, "projects/01-da-tu/index.html")
	inOrder(t, "project page", page,
		`<h2 id="latest-title">Kết luận gần nhất</h2>`, "Kết luận lần hai", "Đã khắc phục phần lớn hạn chế", "Tiếp tục rà soát quy chế",
		`<h2 id="timeline-title"`,
		`<details class="timeline-year" id="timeline-2017" open>`,
		"Kiểm tra lần một", "Đảng ủy Khối", "Lê Thị Hoa",
		"Kết luận lần một", `Hạn báo cáo <time datetime="2017-12-31">31/12/2017</time>: <span class="state state-done">Đã có kết quả</span>`,
		`<details class="timeline-year" id="timeline-2018" open>`,
		"Kiểm tra lần hai", "Bùi Hải Tú",
		"Kết luận lần hai", `<span class="state state-open">Chưa đến hạn</span>`)
	if strings.Count(page, `<details class="timeline-year"`) != 2 {
		t.Error("want one group per year")
	}
	s.Lacks(t, "projects/01-da-tu/index.html", `class="pager"`, `class="card`)
	// Named after the project, not only its code.
	s.Contains(t, "projects/01-da-tu/index.html",
		`<title>01-ĐA/TU: Nâng cao chất lượng công tác dân vận – Tin kiểm tra</title>`,
		`<meta property="og:title" content="01-ĐA/TU: Nâng cao chất lượng công tác dân vận – Tin kiểm tra">`)
}

// The old pages of a project's list of cards (four articles at two a page
// made /page/2/) lead to the project's page.
func TestProjectOldPagesRedirect(t *testing.T) {
	s := sitetest.Build(t, timelineSite)
	s.Contains(t, "projects/01-da-tu/page/2/index.html",
		`<meta http-equiv="refresh" content="0; url=/projects/01-da-tu/">`,
		`<link rel="canonical" href="/projects/01-da-tu/">`,
		`<meta name="robots" content="noindex">`,
		`<a href="/projects/01-da-tu/">01-ĐA/TU: Nâng cao chất lượng công tác dân vận</a>`)
	if s.Has("projects/01-da-tu/page/3/index.html") {
		t.Error("a redirect for a page the list never had")
	}
	s.Lacks(t, "sitemap.xml", "projects/01-da-tu/page/2")
}

// A long project folds all but its latest year, so a phone shows a list
// of years rather than a wall of rows.
func TestLongProjectFoldsItsEarlierYears(t *testing.T) {
	var b strings.Builder
	for i := range 41 {
		fmt.Fprintf(&b, "-- content/articles/a%d.md --\n---\ntitle: Bài %d\ndate: %d-03-%02d\ndocuments: [01-ĐA/TU]\n---\nx\n", i, i, 2016+i%3, 1+i/3)
	}
	s := sitetest.Build(t, b.String())
	page := s.File(t, "projects/01-da-tu/index.html")
	for _, want := range []string{
		`<details class="timeline-year" id="timeline-2016">`,
		`<details class="timeline-year" id="timeline-2017">`,
		`<details class="timeline-year" id="timeline-2018" open>`,
		"<summary><h3>2016</h3> <span class=\"count\">(14\u00a0bài)</span></summary>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("project page lacks %s", want)
		}
	}
}
