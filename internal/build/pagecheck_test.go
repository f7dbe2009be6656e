package build_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bulletin/internal/build"
	"bulletin/internal/model"
	"bulletin/internal/sitetest"
)

// Every page kind of the default theme, checked as a reader's tools check
// it: the Nu HTML Checker on every page, and axe-core in Chromium, on a
// page of each kind at 360 px (a phone) and 1280 px. The tools come from
// npm (vnu-jar runs on Java); .ci/run installs them and names them in
// BULLETIN_VNU_JAR and BULLETIN_AXE. Where one is missing the test is
// skipped, except in CI (CI=true), where a skip would hide a failure.
//
// everyKindSite has each kind: paginated lists (two cards a page), a long
// project, outcomes whose follow-ups are overdue, open and done, a body
// with a table, codes and footnotes, a stand-alone page; pages with
// photos (a lead photo with its caption and credit, one in a body, card
// thumbnails) and pages without.
const everyKindSite = `
-- site.yaml --
title: Tin kiểm tra tỉnh Thái Nguyên
description: Tin tức và kết quả kiểm tra, giám sát của các đoàn kiểm tra trên địa bàn tỉnh Thái Nguyên
base_url: https://kiemtra.example.vn/
page_size: 2
thumbnails: true
-- content/pages/gioi-thieu.md --
---
title: Giới thiệu
---
Trang tin của Ủy ban Kiểm tra Tỉnh ủy.
-- content/projects/01.md --
---
code: 01-ĐA/TU
title: Nâng cao chất lượng và hiệu quả công tác dân vận của Đảng bộ tỉnh Thái Nguyên giai đoạn 2016 - 2020
date: 2016-07-12
issuer: Ban Chấp hành Đảng bộ tỉnh
period: 2016 - 2020
---
Đề án gồm năm nhóm nhiệm vụ.
-- content/projects/4950.md --
---
code: 4950/QĐ-UBND
title: Kế hoạch cải cách hành chính giai đoạn 2021 - 2025
---
Kế hoạch của Ủy ban nhân dân tỉnh.
` + everyKindArticles

// everyKindArticles: seven articles over three years.
const everyKindArticles = `
-- content/articles/2018/a.md --
---
title: Kiểm tra thực hiện Đề án số 01-ĐA/TU và Quyết định 4950/QĐ-UBND về công tác dân vận tại Đảng ủy Khối các cơ quan tỉnh
date: 16:41, 06/08/2018
team_lead:
  name: Bùi Hải Tú
  role: Tỉnh ủy viên, Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents:
  - code: 01-ĐA/TU
    date: 12/7/2016
    title: Nâng cao chất lượng và hiệu quả công tác dân vận của Đảng bộ tỉnh Thái Nguyên giai đoạn 2016 - 2020
  - 4950/QĐ-UBND
tags: [dân vận, cải cách hành chính]
---
Chiều 6/8/2018, Đoàn kiểm tra của Tỉnh ủy do đồng chí Bùi Hải Tú, Tỉnh ủy viên, Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy làm Trưởng đoàn đã làm việc với Đảng ủy Khối các cơ quan tỉnh về kết quả thực hiện Đề án số 01-ĐA/TU và Quyết định số 4950/QĐ-UBND của Ủy ban nhân dân tỉnh.

### Kết quả

| Chỉ tiêu | Kết quả |
| --- | ---: |
| Đảng viên được quán triệt | 1.245 |

Theo báo cáo[^1], các chỉ tiêu cơ bản đạt.

![Đảng viên dự hội nghị quán triệt tại hội trường Đảng ủy Khối](/images/hoi-nghi.jpg)

[^1]: Báo cáo số 12-BC/ĐU ngày 30/7/2018.
-- content/articles/2018/b.md --
---
title: Kết luận kiểm tra tại Đảng ủy Khối các cơ quan tỉnh
date: 2018-09-14 08:00
kind: outcome
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents: [01-ĐA/TU]
outcome:
  findings: [Hầu hết mục tiêu của đề án được cụ thể hóa trong kế hoạch]
  shortcomings: [Việc phản biện xã hội chưa nhiều]
  recommendations: [Bổ sung, hoàn chỉnh báo cáo theo ý kiến của Đoàn kiểm tra]
  follow_up_by: 2018-12-31
---
Ủy ban Kiểm tra Tỉnh ủy thông báo kết luận[^kl].

[^kl]: Thông báo số 15-TB/UBKTTU.
-- content/articles/2019/c.md --
---
title: Đảng ủy Khối các cơ quan tỉnh khắc phục xong hạn chế
date: 2019-01-20
kind: outcome
team_lead: Lê Thị Hoa
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents: [01-ĐA/TU]
outcome:
  findings: [Đã bổ sung báo cáo]
---
Đảng ủy Khối đã khắc phục các hạn chế.
-- content/articles/2019/d.md --
---
title: Giám sát cải cách hành chính tại Huyện ủy Phú Lương
date: 2019-03-05
team_lead: Lê Thị Hoa
inspected_unit: Huyện ủy Phú Lương
documents: [4950/QĐ-UBND]
tags: [cải cách hành chính]
image:
  src: /images/phu-luong.jpg
  alt: Đoàn giám sát làm việc tại trụ sở Huyện ủy Phú Lương
  caption: Quang cảnh buổi làm việc
  credit: Văn phòng Tỉnh ủy
---
Đoàn giám sát làm việc với Huyện ủy Phú Lương.
-- content/articles/2026/e.md --
---
title: Kết luận giám sát tại Huyện ủy Phú Lương
date: 2026-03-02
kind: outcome
team_lead: Lê Thị Hoa
inspected_unit: Huyện ủy Phú Lương
documents: [4950/QĐ-UBND]
outcome:
  shortcomings: [Thủ tục hành chính còn chậm]
  recommendations: [Rà soát thủ tục trong tháng 6]
  follow_up_by: 2026-06-30
---
Kết luận.
-- content/articles/2026/f.md --
---
title: Kết luận kiểm tra tại Đảng ủy xã Tân Cương
date: 2026-10-01
kind: outcome
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy xã Tân Cương
documents: [01-ĐA/TU]
outcome:
  recommendations: [Báo cáo việc sắp xếp cán bộ]
  follow_up_by: 2026-12-31
---
Kết luận.
-- content/articles/2026/g.md --
---
title: Tin hoạt động tháng 11
date: 2026-11-02
---
Tin ngắn.
`

// checkTools returns the path of the named tool from the environment, or
// skips (fails in CI).
func checkTool(t *testing.T, env, what string) string {
	t.Helper()
	p := os.Getenv(env)
	if p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s: set %s (.ci/run installs it)", what, env)
	}
	t.Skipf("%s is not installed: set %s (see .ci/run)", what, env)
	return ""
}

// written builds the site and writes it to a folder.
func written(t *testing.T, archive string) (*sitetest.Site, string) {
	t.Helper()
	s := sitetest.BuildWith(t, withFiles(archive, map[string][]byte{
		"static/images/hoi-nghi.jpg":  photoJPEG(t, 1800, 1200),
		"static/images/phu-luong.jpg": photoJPEG(t, 1200, 800),
	}), build.Options{PhotoCache: t.TempDir()})
	if s.Result.Photos.Photos != 2 {
		t.Fatalf("photos: %+v, want both", s.Result.Photos)
	}
	dir := t.TempDir()
	for _, name := range s.Out.Names() {
		data, _ := s.Out.Get(name)
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return s, dir
}

// TestEveryPageValidates runs the Nu HTML Checker over every page.
func TestEveryPageValidates(t *testing.T) {
	jar := checkTool(t, "BULLETIN_VNU_JAR", "the Nu HTML Checker (npm vnu-jar)")
	java, err := exec.LookPath("java")
	if err != nil {
		checkTool(t, "BULLETIN_JAVA", "java")
	}
	s, dir := written(t, everyKindSite)
	kinds := map[string]bool{}
	for _, p := range s.Result.Site.Pages {
		kinds[p.Kind] = true
	}
	if len(kinds) < 13 {
		t.Errorf("the site has %d page kinds, want every one: %v", len(kinds), kinds)
	}
	out, err := exec.Command(java, "-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu", dir).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("the Nu HTML Checker: %v\n%s", err, strings.ReplaceAll(string(out), dir, ""))
	}
}

// axeViolation is what axe-core reports of one rule.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// TestEveryPageKindIsAccessible runs axe-core on a page of each kind (and
// a second page of a list) at 360 and 1280 px: no serious or critical
// violation.
func TestEveryPageKindIsAccessible(t *testing.T) {
	axe := checkTool(t, "BULLETIN_AXE", "axe-core (npm axe-core)")
	script, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	s, dir := written(t, everyKindSite)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := browser(t)
	for _, width := range []int64{360, 1280} {
		for _, url := range pagesOfEachKind(s.Result.Site.Pages) {
			err := chromedp.Do(tab, chromedp.EmulateViewport(width, 800), chromedp.Navigate(srv.URL+url),
				chromedp.Evaluate[chromedp.Void](string(script)))
			if err != nil {
				t.Fatalf("%s at %d px: %v", url, width, err)
			}
			found, err := chromedp.Run(tab, chromedp.Evaluate[[]axeViolation](
				`axe.run(document, {resultTypes: ["violations"], runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s at %d px: axe: %v", url, width, err)
			}
			for _, v := range found {
				if v.Impact == "serious" || v.Impact == "critical" {
					where, _ := json.Marshal(v.Nodes)
					t.Errorf("%s at %d px: %s (%s): %s\n%s", url, width, v.ID, v.Impact, v.Help, where)
				}
			}
		}
	}
}

// pagesOfEachKind lists a page of each kind, and the second page of each
// kind that has one. Not the redirects: they leave for their target as
// soon as they load (the Nu HTML Checker reads them).
func pagesOfEachKind(pages []*model.Page) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range pages {
		key := p.Kind
		if p.Pager != nil && p.Pager.Number > 1 {
			key += " page 2+"
		}
		if !seen[key] && p.Kind != model.Kind404 && p.Kind != model.KindRedirect {
			seen[key] = true
			out = append(out, p.URL)
		}
	}
	sort.Strings(out)
	return append(out, "/404.html")
}

// browser is a Chromium tab (sitetest.Browser) the checks may use for at
// most five minutes.
func browser(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(sitetest.Browser(t), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// On a 360×800 phone: an article's first screen holds its title, its
// date and the start of its text; an outcome's conclusion comes before
// its footnotes; no document code breaks inside unless it alone is wider
// than the line, no count is split from its word; a pager is one row,
// even 120 pages long.
func TestReadingOnAPhone(t *testing.T) {
	var b strings.Builder
	b.WriteString(everyKindSite)
	for i := 1; i <= 120; i++ {
		fmt.Fprintf(&b, "-- content/articles/2020/tin-%d.md --\n---\ntitle: Tin số %d về Kế hoạch 288/KH-UBND\ndate: 2020-01-01 %02d:%02d\n---\nx\n", i, i, i/60, i%60)
	}
	_, dir := written(t, strings.Replace(b.String(), "page_size: 2", "page_size: 1", 1))
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := browser(t)
	check := func(url, what, expr string) {
		t.Helper()
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](expr))
		if err != nil || !ok {
			var shown string
			shown, _ = chromedp.Run(tab, chromedp.Evaluate[string](`document.body.innerText.slice(0, 400)`))
			t.Errorf("%s: %s (%v)\n%s", url, what, err, shown)
		}
	}
	open := func(url string) {
		t.Helper()
		if err := chromedp.Do(tab, chromedp.EmulateViewport(360, 800), chromedp.Navigate(srv.URL+url)); err != nil {
			t.Fatal(err)
		}
	}
	// lineOf is the line height of an element, in px.
	const lineOf = `function lineOf(e) { const s = getComputedStyle(e); return parseFloat(s.lineHeight) || 1.2 * parseFloat(s.fontSize); }`
	whole := lineOf + `
		[...document.querySelectorAll(".code, .doc-code, .count")].every(e => {
			const r = e.getBoundingClientRect(), box = e.parentElement.getBoundingClientRect();
			return r.height < 1.5 * lineOf(e) || r.width >= box.width - 1;
		})`

	article := "/2018/08/kiem-tra-thuc-hien-de-an-so-01-da-tu-va-quyet-dinh-4950-qd-ubnd-ve-cong-tac-dan-van-tai-dang-uy-khoi-cac-co-quan-tinh/"
	open(article)
	check(article, "the title, the date and a line of text in the first screen", lineOf+`
		const text = document.querySelector(".body p");
		document.querySelector("h1").getBoundingClientRect().top >= 0 &&
		document.querySelector(".dateline").getBoundingClientRect().bottom < 800 &&
		text.getBoundingClientRect().top + 2 * lineOf(text) <= 800`)
	outcome := "/2018/09/ket-luan-kiem-tra-tai-dang-uy-khoi-cac-co-quan-tinh/"
	open(outcome)
	check(outcome, "the conclusion before the footnotes", `
		!!(document.querySelector(".outcome").compareDocumentPosition(document.querySelector(".footnotes")) & Node.DOCUMENT_POSITION_FOLLOWING)`)
	// Phones from 320 to 400 px wide: lines end everywhere in the titles,
	// and never inside a code or a count.
	for _, url := range []string{article, "/", "/projects/", "/projects/01-da-tu/", "/units/", "/follow-ups/"} {
		open(url)
		for w := int64(320); w <= 400; w += 4 {
			if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 800)); err != nil {
				t.Fatal(err)
			}
			check(fmt.Sprintf("%s at %d px", url, w), "a code broken inside, or a count split", whole)
		}
	}
	open("/page/60/")
	check("/page/60/", "a pager on one row, within the page", `
		const ul = document.querySelector(".pager ul"), items = [...ul.children];
		const middle = li => { const r = li.getBoundingClientRect(); return (r.top + r.bottom) / 2; };
		items.length === 9 && items.every(li => Math.abs(middle(li) - middle(items[0])) < 2) &&
		ul.scrollWidth <= ul.clientWidth && ul.getBoundingClientRect().right <= 360`)
}
