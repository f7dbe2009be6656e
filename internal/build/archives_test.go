package build_test

import (
	"testing"

	"bulletin/internal/sitetest"
)

// Every article URL passes through its year and month: both are pages,
// reached from the footer and from an article's date.
func TestArchivePages(t *testing.T) {
	s := sitetest.Build(t, timelineSite)
	s.Contains(t, "2017/index.html",
		"<title>Năm 2017 – Tin kiểm tra</title>", "<h1>Năm 2017</h1>",
		"<p class=\"counts\">2\u00a0bài viết · 1\u00a0kết quả kiểm tra</p>",
		`<li><a href="/2017/04/">Tháng 4</a> <span class="count">(1`+"\u00a0"+`bài)</span></li>`,
		`<li><a href="/2017/05/">Tháng 5</a>`,
		`<a href="/2018/" rel="next">Năm 2018</a>`)
	page := s.File(t, "2018/index.html")
	inOrder(t, "2018", page, `href="/2018/08/"`, `href="/2018/09/"`, `<a href="/2017/" rel="prev">Năm 2017</a>`)
	s.Contains(t, "2017/05/index.html",
		"<h1>Tháng 5/2017</h1>",
		`<li class="row row-outcome"><a class="row-title" href="/2017/05/ket-luan-lan-mot/">Kết luận lần một</a>`,
		`<a href="/2017/04/" rel="prev">Tháng 4/2017</a>`, `<a href="/2018/08/" rel="next">Tháng 8/2018</a>`)
	// From every page's footer, newest year first; from an article's date.
	inOrder(t, "footer", s.File(t, "index.html"), `<nav class="archive-links" aria-label="Lưu trữ theo năm">`, `href="/2018/"`, `href="/2017/"`)
	s.Contains(t, "2017/05/ket-luan-lan-mot/index.html", `<a href="/2017/05/" title="Các bài tháng 5/2017"><time datetime="2017-05-02T00:00:00+07:00">02/05/2017</time></a>`)
	s.Contains(t, "sitemap.xml", "<loc>/2017/</loc>", "<loc>/2017/05/</loc>")
}

// Breadcrumbs, from the front page down: an article sits under its
// project, a list under its kind.
func TestBreadcrumbs(t *testing.T) {
	s := sitetest.Build(t, timelineSite)
	s.Contains(t, "2018/08/kiem-tra-lan-hai/index.html", "<nav class=\"crumbs\" aria-label=\"Vị trí trang\">\n<ol>\n"+
		"<li><a href=\"/\">Trang chủ</a></li>\n<li><a href=\"/projects/\">Đề án</a></li>\n"+
		"<li><a href=\"/projects/01-da-tu/\">01-ĐA/TU</a></li>\n"+
		"<li><span aria-current=\"page\">Kiểm tra lần hai</span></li>\n</ol>\n</nav>")
	s.Contains(t, "units/dang-uy-khoi/index.html", `<li><a href="/units/">Đơn vị</a></li>`, `<li><span aria-current="page">Đảng ủy Khối</span></li>`)
	s.Contains(t, "page/2/index.html", `<li><span aria-current="page">Trang 2</span></li>`)
	s.Lacks(t, "index.html", `class="crumbs"`)
}

// Each article offers others to read next: here, the rest of its
// project, the nearest in date first.
func TestRelatedArticlesOnThePage(t *testing.T) {
	s := sitetest.Build(t, timelineSite)
	page := s.File(t, "2018/08/kiem-tra-lan-hai/index.html")
	inOrder(t, "related", page, `<h2 id="related-title">Bài liên quan</h2>`,
		`href="/2018/09/ket-luan-lan-hai/"`, `href="/2017/05/ket-luan-lan-mot/"`, `href="/2017/04/kiem-tra-lan-mot/"`)
}

// Before 1906 Vietnam's zone gives local mean time (+07:06:30), and a
// date is read at +07:00: 23:58 on 31/12/1905 stays that, and its URL is
// /1905/12/. The month and year it is listed under, its project's year,
// its crumbs and the search index's day go by the same reading, not by
// 00:04:30 on 01/01/1906.
func TestArchivesOfADateBeforeZoneTime(t *testing.T) {
	s := sitetest.Build(t, `
-- site.yaml --
title: Tin kiểm tra
-- content/articles/a.md --
---
title: Tin cũ
date: 1905-12-31 23:58
---
x
-- content/articles/b.md --
---
title: Tin cũ hai
date: 1905-12-31 23:58
documents: [01-ĐA/TU]
---
x
`)
	s.Contains(t, "1905/12/tin-cu/index.html", `<time datetime="1905-12-31T23:58:00+07:00">`,
		`<li><a href="/1905/">1905</a></li>`, `<li><a href="/1905/12/">Tháng 12/1905</a></li>`,
		`<a href="/1905/12/" title="Các bài tháng 12/1905">`)
	if s.Has("1906/index.html") || s.Has("1906/01/index.html") {
		t.Error("the articles of 31/12/1905 are listed under January 1906")
	}
	s.Contains(t, "1905/12/index.html", `href="/1905/12/tin-cu/"`, `href="/1905/12/tin-cu-hai/"`)
	s.Contains(t, "1905/index.html", `<a href="/1905/12/">Tháng 12</a>`)
	s.Contains(t, "projects/01-da-tu/index.html", `id="timeline-1905"`)
	s.Lacks(t, "projects/01-da-tu/index.html", "1906")
	s.Contains(t, "search/meta.json", `"yearStarts":[[1905,`)
	s.Lacks(t, "search/d/0.json", "1906")
}
