package build_test

import (
	"fmt"
	"strings"
	"testing"

	"bulletin/internal/sitetest"
)

// Every frontmatter format, date form and field shape of the contract, in
// nested folders, lands where the contract says.
func TestEveryFormOfTheContract(t *testing.T) {
	crlf := strings.ReplaceAll("\ufeff---\ntitle: BOM và CRLF\ndate: 06/08/2018\ndocuments: [01-đa/tu]\n---\nThân bài.\n", "\n", "\r\n")
	s := sitetest.Build(t, `
-- content/articles/2018/08/rfc3339.md --
---
title: Có múi giờ
date: 2018-08-06T16:41:00+07:00
team_lead: Bùi Hải Tú
documents: [01-ĐA/TU]
---
x
-- content/articles/2018/khong-mui-gio.md --
---
title: Không múi giờ
date: 2018-08-07 09:05
team_lead:
  name: Bùi Hải Tú
  role: Phó Chủ nhiệm
documents:
  - code: 01-ĐA/TU
    date: 12/7/2016
    title: Dân vận
---
x
-- content/articles/chi-ngay.md --
---
title: Chỉ có ngày
date: 2018-08-08
---
x
-- content/articles/viet.md --
---
title: Kiểu Việt Nam
date: "23:30, 31/08/2018"
---
x
-- content/articles/toml.md --
+++
title = "Viết bằng TOML"
date = "2018-08-09 10:00"
tags = ["dân vận"]
+++
x
-- content/articles/json.md --
{
  "title": "Viết bằng JSON",
  "date": "2018-08-10",
  "inspected_unit": "Đảng ủy Khối"
}

x
-- content/articles/crlf.md --
`+crlf+`
`)
	for _, c := range []struct{ file, datetime string }{
		{"2018/08/co-mui-gio/index.html", "2018-08-06T16:41:00+07:00"},
		{"2018/08/khong-mui-gio/index.html", "2018-08-07T09:05:00+07:00"},
		{"2018/08/chi-co-ngay/index.html", "2018-08-08T00:00:00+07:00"},
		{"2018/08/kieu-viet-nam/index.html", "2018-08-31T23:30:00+07:00"},
		{"2018/08/viet-bang-toml/index.html", "2018-08-09T10:00:00+07:00"},
		{"2018/08/viet-bang-json/index.html", "2018-08-10T00:00:00+07:00"},
		{"2018/08/bom-va-crlf/index.html", "2018-08-06T00:00:00+07:00"},
	} {
		s.Contains(t, c.file, `datetime="`+c.datetime+`"`)
	}
	s.Contains(t, "2018/08/khong-mui-gio/index.html", "Phó Chủ nhiệm")
	s.Contains(t, "2018/08/bom-va-crlf/index.html", "Thân bài.")
	s.Lacks(t, "2018/08/bom-va-crlf/index.html", "\r")
	s.Contains(t, "team-leads/bui-hai-tu/index.html", "Có múi giờ", "Không múi giờ")
	s.Contains(t, "tags/dan-van/index.html", "Viết bằng TOML")
	s.Contains(t, "units/dang-uy-khoi/index.html", "Viết bằng JSON")
	// 01-ĐA/TU, its object form and the lower-case 01-đa/tu are one project.
	s.Contains(t, "projects/01-da-tu/index.html", "Có múi giờ", "Không múi giờ", "BOM và CRLF")
}

func TestMarkdownFeatures(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
---
## Kết quả kiểm tra

| Chỉ tiêu | Kết quả |
| --- | ---: |
| Đảng viên | 1.245 |

~~bỏ~~ và https://kiemtra.example.vn/ và chú thích[^1].

[^1]: Theo báo cáo.
`)
	s.Contains(t, "2018/01/a/index.html",
		`<h2 id="ket-qua-kiem-tra">`, "<table>", `<td style="text-align:right">1.245</td>`,
		"<del>bỏ</del>", `<a href="https://kiemtra.example.vn/">https://kiemtra.example.vn/</a>`,
		`href="#fn:1"`, "Theo báo cáo.")
}

func TestPaginatedListsOfTermsAndProjects(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.yaml --\npage_size: 2\n")
	for _, day := range []string{"01", "02", "03"} {
		b.WriteString("-- content/articles/" + day + ".md --\n---\ntitle: Bài " + day + "\ndate: 2018-03-" + day +
			"\nteam_lead: Bùi Hải Tú\ninspected_unit: Đảng ủy Khối\ntags: [dân vận]\ndocuments: [01-ĐA/TU]\n---\nx\n")
	}
	s := sitetest.Build(t, b.String())
	for _, base := range []string{"team-leads/bui-hai-tu/", "units/dang-uy-khoi/", "tags/dan-van/", ""} {
		s.Contains(t, base+"index.html", "Bài 03", "Bài 02", `href="/`+base+`page/2/"`)
		s.Contains(t, base+"page/2/index.html", "Bài 01")
		s.Lacks(t, base+"page/2/index.html", ">Bài 03<")
	}
	// A project's page is its whole timeline: its old second page sends
	// the reader there.
	s.Contains(t, "projects/01-da-tu/index.html", "Bài 01", "Bài 02", "Bài 03")
	s.Contains(t, "projects/01-da-tu/page/2/index.html", `<meta http-equiv="refresh" content="0; url=/projects/01-da-tu/">`)
	s.Contains(t, "projects/index.html", `href="/projects/01-da-tu/"`)
	s.Contains(t, "team-leads/index.html", `href="/team-leads/bui-hai-tu/"`)
	s.Contains(t, "units/index.html", `href="/units/dang-uy-khoi/"`)
	s.Contains(t, "tags/index.html", `href="/tags/dan-van/"`)
}

// A date written without a time of day shows the day alone; a date with
// its own zone shows the hour in the site's zone, which the URL goes by.
func TestDatelineFollowsWhatWasWritten(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: Chỉ có ngày
date: 14/09/2018
---
x
-- content/articles/b.md --
---
title: Giờ quốc tế
date: 2018-08-31T20:00:00Z
---
x
-- content/articles/c.md --
---
title: Có giờ
date: "16:41, 06/08/2018"
---
x
`)
	s.Contains(t, "2018/09/chi-co-ngay/index.html", `Thứ Sáu, <a href="/2018/09/" title="Các bài tháng 9/2018"><time datetime="2018-09-14T00:00:00+07:00">14/09/2018</time></a>`)
	s.Lacks(t, "2018/09/chi-co-ngay/index.html", "00:00, 14/09/2018")
	// The date links to the month's archive, in the site's zone too.
	s.Contains(t, "2018/09/gio-quoc-te/index.html", `Thứ Bảy, <a href="/2018/09/" title="Các bài tháng 9/2018"><time datetime="2018-09-01T03:00:00+07:00">03:00, 01/09/2018</time></a>`)
	s.Contains(t, "2018/08/co-gio/index.html", `Thứ Hai, <a href="/2018/08/" title="Các bài tháng 8/2018"><time datetime="2018-08-06T16:41:00+07:00">16:41, 06/08/2018</time></a>`)
	msg := sitetest.Problems(t, "-- content/articles/a.md --\n---\ntitle: A\ndate: 2100-12-31T23:00:00-05:00\n---\n")
	if !strings.Contains(msg, "content/articles/a.md:3: date:") || !strings.Contains(msg, "the year must be between 1900 and 2100") {
		t.Errorf("a date past 2100 in the site's zone: %s", msg)
	}
}

// An official title of 300 characters makes a page: its folder name is
// cut at a word, below what file systems allow.
func TestLongTitleBuilds(t *testing.T) {
	title := strings.Repeat("Kiểm tra việc thực hiện Nghị quyết về công tác dân vận ", 6)
	s := sitetest.Build(t, "-- content/articles/a.md --\n---\ntitle: "+title+"\ndate: 2018-08-06\n---\nx\n")
	for _, n := range s.Out.Names() {
		if strings.HasPrefix(n, "2018/08/") {
			if dir := strings.Split(n, "/")[2]; len(dir) > 200 {
				t.Errorf("folder of %d bytes: %s", len(dir), dir)
			}
			return
		}
	}
	t.Error("no article page")
}

// A long list's pager numbers its pages: the first, the current one and
// its neighbours, the last, with a gap for the pages left out, and the
// previous and next page on either side.
func TestNumberedPager(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.yaml --\npage_size: 1\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "-- content/articles/a%d.md --\n---\ntitle: Bài %d\ndate: 2018-01-%02d\n---\nx\n", i, i, i)
	}
	s := sitetest.Build(t, b.String())
	numbers := func(name string) string {
		page := s.File(t, name)
		nav := page[strings.Index(page, `<nav class="pager"`):]
		nav = nav[:strings.Index(nav, "</nav>")]
		var out []string
		for _, li := range strings.Split(nav, "<li")[1:] {
			switch {
			case strings.Contains(li, `class="pager-gap"`):
				out = append(out, "…")
			case strings.Contains(li, `aria-current="page"`):
				out = append(out, "["+li[strings.LastIndex(li, "</span>")+7:strings.Index(li, "</a>")]+"]")
			case strings.Contains(li, `class="pager-prev"`), strings.Contains(li, `class="pager-next"`):
			default:
				out = append(out, li[strings.LastIndex(li, "</span>")+7:strings.Index(li, "</a>")])
			}
		}
		return strings.Join(out, " ")
	}
	for name, want := range map[string]string{
		"index.html":         "[1] 2 … 12",
		"page/4/index.html":  "1 2 3 [4] 5 … 12",
		"page/6/index.html":  "1 … 5 [6] 7 … 12",
		"page/12/index.html": "1 … 11 [12]",
	} {
		if got := numbers(name); got != want {
			t.Errorf("%s: pager %q, want %q", name, got, want)
		}
	}
	s.Contains(t, "page/6/index.html",
		`<a href="/page/5/" rel="prev" aria-label="Trang trước"><span aria-hidden="true">‹</span><span class="pager-word"> Trang trước</span></a>`,
		`<a href="/page/7/" rel="next" aria-label="Trang sau"><span class="pager-word">Trang sau </span><span aria-hidden="true">›</span></a>`,
		`<a href="/page/12/"><span class="visually-hidden">Trang </span>12</a>`)
	s.Contains(t, "index.html", `<span class="pager-off" aria-hidden="true">‹<span class="pager-word"> Trang trước</span></span>`)
}

// On a phone a list of ten cards must stay a list: a card shows the
// start of the first paragraph, cut at a word; the article shows it all.
func TestCardSummariesAreShort(t *testing.T) {
	para := strings.Repeat("Đoàn kiểm tra đã làm việc với Ban Thường vụ Đảng ủy về kết quả thực hiện các đề án. ", 8)
	s := sitetest.Build(t, "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\n"+para+"\n")
	home := s.File(t, "index.html")
	i := strings.Index(home, `<p class="card-summary">`)
	if i < 0 {
		t.Fatal("no card summary")
	}
	card := home[i+len(`<p class="card-summary">`):]
	card = card[:strings.Index(card, "</p>")]
	if n := len([]rune(card)); n > 240 || !strings.HasSuffix(card, "…") {
		t.Errorf("card summary of %d characters: %q", n, card)
	}
	s.Contains(t, "2018/01/a/index.html", strings.TrimSpace(para))
}
