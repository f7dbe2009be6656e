package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"bulletin/internal/build"
	"bulletin/internal/output"
	"bulletin/internal/sitetest"

	"golang.org/x/text/unicode/norm"
)

// The seed's shape: one article citing two Đề án, one of them described by a
// project file, the other only by the article.
const seed = `
-- site.yaml --
title: Tin kiểm tra tỉnh Thái Nguyên
base_url: https://kiemtra.example.vn/
page_size: 2
-- content/articles/2018/dan-van.md --
---
title: Kiểm tra thực hiện các đề án về công tác dân vận
date: "16:41, 06/08/2018"
kind: news
team_lead:
  name: Bùi Hải Tú
  role: Tỉnh ủy viên, Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents:
  - code: 01-ĐA/TU
    date: 12/7/2016
    title: Nâng cao chất lượng và hiệu quả công tác dân vận
  - code: 02-ĐA/TU
    date: 2016-10-10
    title: Nâng cao chất lượng, hiệu quả thực hiện dân chủ ở cơ sở
tags: [dân vận, dân chủ ở cơ sở]
---
Đoàn kiểm tra làm việc với Đảng ủy Khối.

## Kết quả kiểm tra

| Chỉ tiêu | Kết quả |
| --- | --- |
| Tổ chức cơ sở đảng | 1.245 |
-- content/articles/2018/ket-luan.md --
---
title: Kết luận kiểm tra Đề án 01
date: 2018-09-20 09:00
kind: outcome
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents: [" 01-DA/TU "]
outcome:
  findings: [Hầu hết mục tiêu được cụ thể hóa]
  shortcomings: [Phản biện xã hội chưa nhiều]
  recommendations: [Bổ sung báo cáo]
  follow_up_by: 2018-12-31
---
Kết luận.
-- content/articles/2019/moi.md --
---
title: Tin mới năm 2019
date: 2019-01-02T08:00:00+07:00
documents: [02-ĐA/TU]
---
Tin.
-- content/projects/01-da-tu.md --
---
code: 01-ĐA/TU
title: Nâng cao chất lượng và hiệu quả công tác dân vận của Đảng bộ tỉnh
date: 2016-07-12
issuer: Ban Chấp hành Đảng bộ tỉnh
---
Mô tả đề án.
-- content/pages/gioi-thieu.md --
---
title: Giới thiệu
---
Trang giới thiệu.
`

func TestURLsFollowTheContract(t *testing.T) {
	s := sitetest.Build(t, seed)
	for _, name := range []string{
		"index.html", "page/2/index.html",
		"2018/08/kiem-tra-thuc-hien-cac-de-an-ve-cong-tac-dan-van/index.html",
		"2018/09/ket-luan-kiem-tra-de-an-01/index.html",
		"projects/index.html", "projects/01-da-tu/index.html", "projects/02-da-tu/index.html",
		"projects/01-da-tu/index.xml",
		"team-leads/index.html", "team-leads/bui-hai-tu/index.html",
		"units/dang-uy-khoi-cac-co-quan-tinh/index.html",
		"tags/dan-van/index.html", "tags/dan-chu-o-co-so/index.html",
		"gioi-thieu/index.html", "404.html",
		"index.xml", "atom.xml", "sitemap.xml", "robots.txt",
		"css/bulletin.css",
	} {
		if !s.Has(name) {
			t.Errorf("missing %s", name)
		}
	}
	if s.Has("projects/01-da-tu-1/index.html") || s.Has("projects/01-da-tu/page/2/index.html") {
		t.Error("the code variants must be one project")
	}
}

func TestArticlePage(t *testing.T) {
	s := sitetest.Build(t, seed)
	s.Contains(t, "2018/08/kiem-tra-thuc-hien-cac-de-an-ve-cong-tac-dan-van/index.html",
		`lang="vi"`,
		`<time datetime="2018-08-06T16:41:00+07:00"`,
		"16:41, 06/08/2018",
		"Bùi Hải Tú", "Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy",
		`href="/team-leads/bui-hai-tu/"`,
		`href="/units/dang-uy-khoi-cac-co-quan-tinh/"`,
		`href="/projects/01-da-tu/"`, `href="/projects/02-da-tu/"`,
		"01-ĐA/TU", "12/07/2016",
		`href="/tags/dan-van/"`,
		`<table>`, `id="ket-qua-kiem-tra"`,
	)
}

func TestProjectPageListsEveryArticleNewestFirst(t *testing.T) {
	s := sitetest.Build(t, seed)
	page := s.File(t, "projects/01-da-tu/index.html")
	s.Contains(t, "projects/01-da-tu/index.html", "Mô tả đề án.", "Ban Chấp hành Đảng bộ tỉnh")
	newer := strings.Index(page, "Kết luận kiểm tra Đề án 01")
	older := strings.Index(page, "Kiểm tra thực hiện các đề án về công tác dân vận")
	if newer < 0 || older < 0 || newer > older {
		t.Errorf("want both articles, the outcome (newer) first; positions %d, %d", newer, older)
	}
	// A code with no project file is titled from the article that cites it.
	s.Contains(t, "projects/02-da-tu/index.html", "Nâng cao chất lượng, hiệu quả thực hiện dân chủ ở cơ sở")
}

func TestOutcomeIsShown(t *testing.T) {
	s := sitetest.Build(t, seed)
	s.Contains(t, "2018/09/ket-luan-kiem-tra-de-an-01/index.html",
		"Hầu hết mục tiêu được cụ thể hóa", "Phản biện xã hội chưa nhiều", "Bổ sung báo cáo", "31/12/2018")
}

func TestFrontPageIsPaginatedNewestFirst(t *testing.T) {
	s := sitetest.Build(t, seed)
	s.Contains(t, "index.html", "Tin mới năm 2019", "Kết luận kiểm tra Đề án 01", `href="/page/2/"`)
	s.Lacks(t, "index.html", "Kiểm tra thực hiện các đề án về công tác dân vận</a>")
	s.Contains(t, "page/2/index.html", "Kiểm tra thực hiện các đề án về công tác dân vận")
}

func TestFeedsAndSitemap(t *testing.T) {
	s := sitetest.Build(t, seed)
	s.Contains(t, "index.xml", `<rss version="2.0"`, "<link>https://kiemtra.example.vn/2019/01/tin-moi-nam-2019/</link>")
	s.Contains(t, "atom.xml", `<feed xmlns="http://www.w3.org/2005/Atom"`, "<updated>2019-01-02T08:00:00+07:00</updated>")
	s.Contains(t, "projects/01-da-tu/index.xml", "Kết luận kiểm tra Đề án 01")
	s.Lacks(t, "projects/01-da-tu/index.xml", "Tin mới năm 2019")
	s.Contains(t, "sitemap.xml", "<loc>https://kiemtra.example.vn/projects/01-da-tu/</loc>", "<loc>https://kiemtra.example.vn/gioi-thieu/</loc>")
	s.Lacks(t, "sitemap.xml", "404")
	s.Contains(t, "robots.txt", "Sitemap: https://kiemtra.example.vn/sitemap.xml")
}

// Feed readers show an entry's full text away from the site: its links
// resolve against the article's page, and codes are spelt as the project
// spells them.
func TestFeedEntriesReadAwayFromTheSite(t *testing.T) {
	s := sitetest.Build(t, `
-- site.yaml --
base_url: https://kiemtra.example.vn/
-- content/projects/p.md --
---
code: 01-ĐA/TU
title: Dân vận
---
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-DA/TU]
---
Theo Đề án 01-ĐA/TU[^1].

[^1]: Ghi chú.
`)
	s.Contains(t, "atom.xml", `<content type="html" xml:base="https://kiemtra.example.vn/2018/01/a/">`, "href=&#34;/projects/01-da-tu/&#34;")
	s.Contains(t, "index.xml", "<category>01-ĐA/TU</category>")
	s.Lacks(t, "index.xml", "<category>01-DA/TU</category>")
	s.Contains(t, "2018/01/a/index.html", `<a class="doc-code" href="/projects/01-da-tu/">01-ĐA/TU</a>`)
}

func TestTwoBuildsAreByteIdentical(t *testing.T) {
	a := sitetest.Build(t, seed)
	b := sitetest.Build(t, seed)
	na, nb := a.Out.Names(), b.Out.Names()
	if strings.Join(na, "\n") != strings.Join(nb, "\n") {
		t.Fatalf("file lists differ")
	}
	for _, n := range na {
		x, _ := a.Out.Get(n)
		y, _ := b.Out.Get(n)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", n)
		}
	}
}

const draftAndFuture = `
-- content/articles/nhap.md --
---
title: Bài nháp
date: 2018-01-01
draft: true
documents: [09-ĐA/TU]
---
Nháp.
-- content/articles/sau.md --
---
title: Bài hẹn đăng
date: 2030-01-01
---
Sau.
-- content/articles/nay.md --
---
title: Bài đã đăng
date: 2018-01-02
---
Nay.
`

func TestDraftsAndFutureAreLeftOut(t *testing.T) {
	s := sitetest.Build(t, draftAndFuture)
	if s.Has("2018/01/bai-nhap/index.html") || s.Has("2030/01/bai-hen-dang/index.html") {
		t.Error("draft or future article published")
	}
	if s.Has("projects/09-da-tu/index.html") {
		t.Error("a project cited only by a draft got a page")
	}
	s.Lacks(t, "index.html", "Bài nháp", "Bài hẹn đăng")
	s.Lacks(t, "index.xml", "Bài nháp", "Bài hẹn đăng")
	s.Lacks(t, "sitemap.xml", "bai-nhap", "bai-hen-dang")

	all := sitetest.BuildWith(t, sitetest.Parse(draftAndFuture), build.Options{Drafts: true, Future: true})
	all.Contains(t, "2018/01/bai-nhap/index.html", "Bài nháp")
	all.Contains(t, "2030/01/bai-hen-dang/index.html", "Bài hẹn đăng")
	all.Contains(t, "projects/09-da-tu/index.html", "Bài nháp")
}

func TestRawHTMLIsDroppedUnlessTheSiteAllowsIt(t *testing.T) {
	const body = `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
---
Trước <span class="x">giữa</span> sau.

<script>alert(1)</script>
`
	s := sitetest.Build(t, body)
	s.Lacks(t, "2018/01/a/index.html", "<script>alert(1)</script>", `<span class="x">`)
	u := sitetest.Build(t, "-- site.yaml --\nunsafe_html: true\n"+body)
	u.Contains(t, "2018/01/a/index.html", `<span class="x">`)
}

// Every field an editor writes reaches pages and feeds escaped: a title,
// unit, team lead, tag or document title holding markup shows as text.
func TestFieldsAreEscaped(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: "<script>alert(1)</script> Tin"
date: 2018-01-01
summary: "<img src=x onerror=alert(2)>"
team_lead:
  name: "<b>Trưởng</b>"
  role: "<i>vai</i>"
inspected_unit: "<b>Đơn vị</b>"
tags: ["<u>thẻ</u>"]
documents:
  - code: 01-ĐA/TU
    title: "<em>Đề án</em>"
---
x
`)
	pages := []string{
		"2018/01/script-alert-1-script-tin/index.html", "index.html", "projects/01-da-tu/index.html",
		"team-leads/b-truong-b/index.html", "units/b-don-vi-b/index.html", "tags/u-the-u/index.html",
		"projects/index.html", "team-leads/index.html",
	}
	for _, p := range pages {
		s.Lacks(t, p, "<script>alert(1)</script>", "<img src=x", "<b>Trưởng</b>", "<i>vai</i>", "<b>Đơn vị</b>", "<u>thẻ</u>", "<em>Đề án</em>")
	}
	s.Contains(t, pages[0], "&lt;script&gt;alert(1)&lt;/script&gt; Tin", "&lt;b&gt;Đơn vị&lt;/b&gt;")
	for _, f := range []string{"index.xml", "atom.xml", "projects/01-da-tu/index.xml"} {
		s.Lacks(t, f, "<script>", "<img src=x")
	}
}

func TestSiteLayoutOverridesTheTheme(t *testing.T) {
	s := sitetest.Build(t, `
-- layouts/404.html --
{{define "main"}}<p>Trang riêng của tòa soạn</p>{{end}}
-- content/articles/a.md --
---
title: A
date: 2018-01-01
---
x
`)
	s.Contains(t, "404.html", "Trang riêng của tòa soạn", `lang="vi"`)
}

func TestStaticIsCopiedAndOverridesTheTheme(t *testing.T) {
	s := sitetest.Build(t, `
-- static/images/logo.svg --
<svg/>
-- static/css/bulletin.css --
body{color:red}
-- static/.well-known/security.txt --
Contact: mailto:vanphong@example.vn
-- static/css/.bulletin.css.swo --
swap
-- static/css/4913 --
-- static/images/logo.svg~ --
-- static/.DS_Store --
`)
	s.Contains(t, "images/logo.svg", "<svg/>")
	s.Contains(t, "css/bulletin.css", "body{color:red}")
	s.Contains(t, ".well-known/security.txt", "Contact:")
	if s.Has("embed.go") || s.Has("css/embed.go") {
		t.Error("a Go file was published")
	}
	for _, name := range []string{"css/.bulletin.css.swo", "css/4913", "images/logo.svg~", ".DS_Store"} {
		if s.Has(name) {
			t.Errorf("the editor's leftover %s was published", name)
		}
	}
}

// A body edit, told to the Builder as the watcher tells it, gives the
// site a cold build gives, and reads the edited file only.
func TestIncrementalBuildMatchesColdBuild(t *testing.T) {
	fsys := sitetest.Parse(seed)
	run := rebuilder(t, fsys)
	run(build.Everything)
	f := fsys["content/articles/2019/moi.md"]
	f.Data = bytes.Replace(f.Data, []byte("Tin."), []byte("Tin đã sửa."), 1)
	mem, _ := run(build.Changes{Content: []string{"content/articles/2019/moi.md"}})
	sameAsCold(t, fsys, mem)
}

func TestDocumentCodesInBodiesLinkToTheirProjects(t *testing.T) {
	const site = `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
Theo Đề án số 01-ĐA/TU và Quyết định 999/QĐ-UBND (chưa có trên trang).
`
	s := sitetest.Build(t, site)
	s.Contains(t, "2018/01/a/index.html", `<a href="/projects/01-da-tu/">Đề án số <span class="code">01-ĐA/TU</span></a>`)
	s.Lacks(t, "2018/01/a/index.html", `/projects/999-qd-ubnd/`)
	off := sitetest.Build(t, "-- site.yaml --\nlink_codes: false\n"+site)
	off.Lacks(t, "2018/01/a/index.html", `<a href="/projects/01-da-tu/">Đề án số <span class="code">01-ĐA/TU</span></a>`)
}

func TestStaticFileMayNotReplaceAGeneratedFile(t *testing.T) {
	for _, name := range []string{"index.html", "index.xml", "sitemap.xml", "search/index.html", "search/meta.json", "search/w/0.json", "follow-ups/index.html"} {
		msg := sitetest.Problems(t, "-- static/"+name+" --\nx\n")
		if !strings.Contains(msg, "static/"+name+": this file would replace the generated "+name) {
			t.Errorf("%s: %s", name, msg)
		}
	}
}

// A static file whose name is a folder of the site's pages ("projects",
// where the projects' page is projects/index.html), or lies in a folder
// named as a file of the site's, is refused, naming it, before anything
// is written; it used to fail the build as it wrote, with the file
// system's words, naming the staging folder.
func TestStaticFileMayNotBeAFolderOfTheSite(t *testing.T) {
	for name, other := range map[string]string{"projects": "projects/index.html", "search": "search/index.html",
		"2018/01/a": "2018/01/a/index.html", "index.xml/x.css": "index.xml", "2018/01/a/index.html/x.txt": "2018/01/a/index.html",
		"search/w": "search/w/0.json", "search/d": "search/d/0.json"} {
		msg := sitetest.Problems(t, "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\nx\n-- static/"+name+" --\nx\n")
		if !strings.Contains(msg, "static/"+name+": this file and the site's "+other+" would make one name both a file and a folder") {
			t.Errorf("%s: %s", name, msg)
		}
	}
}

// An old URL under a static file's name (aliases: [/favicon.svg/x/]) is
// the article's problem, on its aliases: line: it failed while writing,
// naming the staging folder. A static file named as the build's list of
// written files is refused, naming it.
func TestAnAliasUnderAStaticFileIsTheArticlesProblem(t *testing.T) {
	msg := sitetest.Problems(t, "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\naliases:\n  - /favicon.svg/x/\n---\nx\n-- static/favicon.svg --\n<svg/>\n")
	if !strings.Contains(msg, "content/articles/a.md:5: aliases: the old URL /favicon.svg/x/ lies under /favicon.svg, a file of static/") {
		t.Error(msg)
	}
	msg = sitetest.Problems(t, "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\nx\n-- static/.bulletin-output --\nx\n")
	if !strings.Contains(msg, "static/.bulletin-output: this file would replace the list of the files the build writes") {
		t.Error(msg)
	}
}

// The preview follows whatever a site's layout shows, without a restart:
// a footer listing every article's title on every page, and an article
// page showing the issuer of each project it cites, which the default
// theme never shows there.
func TestPreviewFollowsWhatAnyLayoutShows(t *testing.T) {
	fsys := sitetest.Parse(seed + `
-- layouts/partials/footer.html --
<footer>{{range .Site.Articles}}<a href="{{.URL}}">{{.Title}}</a>{{end}}{{with .Article}}{{range .Projects}}<p>Ban hành: {{.Issuer}}</p>{{end}}{{end}}</footer>
`)
	run := rebuilder(t, fsys)
	run(build.Everything)
	page := "2018/08/kiem-tra-thuc-hien-cac-de-an-ve-cong-tac-dan-van/index.html"
	for _, edit := range []struct{ file, old, new, want string }{
		{"content/articles/2019/moi.md", "title: Tin mới năm 2019", "title: Tin mới đã đổi tên", "Tin mới đã đổi tên"},
		{"content/projects/01-da-tu.md", "issuer: Ban Chấp hành Đảng bộ tỉnh", "issuer: Tỉnh ủy Thái Nguyên", "Ban hành: Tỉnh ủy Thái Nguyên"},
	} {
		f := fsys[edit.file]
		f.Data = bytes.Replace(f.Data, []byte(edit.old), []byte(edit.new), 1)
		mem, snap := run(build.Changes{Content: []string{edit.file}})
		got, _, err := snap.File(page)
		if err != nil || !bytes.Contains(got, []byte(edit.want)) {
			t.Errorf("after editing %s, an unchanged article's page lacks %q (%v)", edit.file, edit.want, err)
		}
		sameAsCold(t, fsys, mem)
	}
}

// Layouts are parsed again, and static files read again, only when the
// changes name them: what a build is not told of is taken as it was.
func TestChangesSayWhatIsReadAgain(t *testing.T) {
	fsys := sitetest.Parse(seed + `
-- layouts/partials/footer.html --
<footer>chân trang 1</footer>
-- static/css/them.css --
a{}
`)
	run := rebuilder(t, fsys)
	run(build.Everything)
	fsys["layouts/partials/footer.html"].Data = []byte("<footer>chân trang 2</footer>")
	fsys["static/css/them.css"].Data = []byte("b{}")
	_, snap := run(build.Changes{Content: []string{"content/articles/2019/moi.md"}})
	if got, _, _ := snap.File("index.html"); !bytes.Contains(got, []byte("chân trang 1")) {
		t.Error("layouts were parsed again though no layout was reported changed")
	}
	if got, _, _ := snap.File("css/them.css"); string(got) != "a{}\n" || len(snap.Static) != 0 {
		t.Errorf("a static file was read again though not reported: %q, changed %v", got, snap.Static)
	}
	mem, snap := run(build.Changes{Layouts: []string{"layouts/partials/footer.html"}, Static: []string{"static/css/them.css"}})
	if got, _, _ := snap.File("index.html"); !bytes.Contains(got, []byte("chân trang 2")) {
		t.Error("a reported layout change was not followed")
	}
	if !slices.Equal(snap.Static, []string{"css/them.css"}) {
		t.Errorf("changed static files %v, want [css/them.css]", snap.Static)
	}
	sameAsCold(t, fsys, mem)
	// The site's own stylesheet gone, the theme's shows again.
	delete(fsys, "static/css/them.css")
	fsys["static/css/bulletin.css"] = &fstest.MapFile{Data: []byte("mine{}")}
	run(build.Changes{Static: []string{"static/css/bulletin.css"}})
	delete(fsys, "static/css/bulletin.css")
	mem, snap = run(build.Changes{Static: []string{"static/css/them.css", "static/css/bulletin.css"}})
	if got, _, _ := snap.File("css/bulletin.css"); bytes.Equal(got, []byte("mine{}")) || len(got) == 0 {
		t.Error("the theme's stylesheet did not come back when the site's was deleted")
	}
	if snap.Has("css/them.css") {
		t.Error("a deleted static file is still published")
	}
	sameAsCold(t, fsys, mem)
}

// A new article that cites a code makes that code a project: an unchanged
// article whose body mentions the code gains a link on the next rebuild.
func TestIncrementalBuildFollowsTheLinkTable(t *testing.T) {
	fsys := sitetest.Parse(`
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
Theo Quyết định 999/QĐ-UBND của tỉnh.
`)
	run := rebuilder(t, fsys)
	run(build.Everything)
	fsys["content/articles/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\ndate: 2018-02-01\ndocuments: [999/QĐ-UBND]\n---\nx\n")}
	mem, _ := run(build.Changes{Content: []string{"content/articles/b.md"}})
	got, _ := mem.Get("2018/01/a/index.html")
	if !bytes.Contains(got, []byte(`<a href="/projects/999-qd-ubnd/">Quyết định <span class="code">999/QĐ-UBND</span></a>`)) {
		t.Errorf("the unchanged article did not gain the link:\n%s", got)
	}
}

// Editors link bulletins to each other by file name, as their editor shows
// them; readers get the page. When the linked article is renamed, the
// unchanged article that links to it follows on the next rebuild.
func TestLinksToContentFilesLeadToTheirPages(t *testing.T) {
	fsys := sitetest.Parse(`
-- content/articles/2018/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
Xem [bài B](b.md), [kết luận của B](./b.md#ket-luan), [đề án](../../projects/01.md) và [bản nháp](nhap.md).
-- content/articles/2018/b.md --
---
title: Bài B
date: 2018-02-01
documents: [01-ĐA/TU]
---
## Kết luận
-- content/articles/2018/giua.md --
---
title: Giữa
date: 2018-01-15
---
Bài đứng giữa A và B, để trang A không kề trang B.
-- content/articles/2018/nhap.md --
---
title: Nháp
date: 2018-03-01
draft: true
---
x
-- content/projects/01.md --
---
code: 01-ĐA/TU
title: Đề án một
---
`)
	run := rebuilder(t, fsys)
	mem, _ := run(build.Everything)
	got, _ := mem.Get("2018/01/a/index.html")
	for _, want := range []string{
		`<a href="/2018/02/bai-b/">bài B</a>`,
		`<a href="/2018/02/bai-b/#ket-luan">kết luận của B</a>`,
		`<a href="/projects/01-da-tu/">đề án</a>`,
		`đề án</a> và bản nháp.</p>`, // a draft: its text, not its file name (check reports the link)
	} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("article A lacks %s", want)
		}
	}

	f := fsys["content/articles/2018/b.md"]
	f.Data = bytes.Replace(f.Data, []byte("title: Bài B"), []byte("title: Bài B mới"), 1)
	mem, _ = run(build.Changes{Content: []string{"content/articles/2018/b.md"}})
	got, _ = mem.Get("2018/01/a/index.html")
	if !bytes.Contains(got, []byte(`<a href="/2018/02/bai-b-moi/">bài B</a>`)) {
		t.Errorf("after B was renamed, A still links to the old page:\n%s", got)
	}
	sameAsCold(t, fsys, mem)
}

// One editor types with decomposed marks (Unikey's "Unicode tổ hợp"),
// another with precomposed letters: the site reads both as one text. The
// team lead is one person, the document one project with one title, the
// mention in the body a link, and the page shows precomposed letters.
func TestDecomposedVietnameseReadsAsPrecomposed(t *testing.T) {
	nfc := `---
title: Kiểm tra đề án dân vận
date: 2018-01-01
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents:
  - code: 01-ĐA/TU
    title: Về tăng cường công tác dân vận
---
Theo Đề án số 01-ĐA/TU của Tỉnh ủy.
`
	nfd := strings.ReplaceAll(norm.NFD.String(nfc), "2018-01-01", "2018-02-01")
	nfd = strings.ReplaceAll(nfd, norm.NFD.String("Kiểm tra đề án dân vận"), norm.NFD.String("Kết luận kiểm tra"))
	if nfd == nfc || !strings.Contains(nfd, "e\u0302\u0301") {
		t.Fatal("the second file is not decomposed")
	}
	s := sitetest.Build(t, "-- content/articles/a.md --\n"+nfc+"-- content/articles/b.md --\n"+nfd)
	page := "2018/02/ket-luan-kiem-tra/index.html"
	s.Contains(t, page, "<h1>Kết luận kiểm tra</h1>")
	s.Contains(t, page, `<a href="/projects/01-da-tu/">Đề án số <span class="code">01-ĐA/TU</span></a>`)
	s.Contains(t, "team-leads/bui-hai-tu/index.html", "/2018/01/kiem-tra-de-an-dan-van/", "/2018/02/ket-luan-kiem-tra/")
	s.Contains(t, "team-leads/index.html", "Bùi Hải Tú")
	s.Contains(t, "units/dang-uy-khoi-cac-co-quan-tinh/index.html", "/2018/02/ket-luan-kiem-tra/")
	for _, name := range s.Out.Names() {
		data, _ := s.Out.Get(name)
		if bytes.Contains(data, []byte("\u0302")) || bytes.Contains(data, []byte("\u0301")) {
			t.Errorf("%s holds a combining mark", name)
		}
	}
}

// A site served under a path links there from bodies too: links to other
// files and document-code links carry the path, as the theme's links do.
func TestBodyLinksUnderASubPath(t *testing.T) {
	s := sitetest.Build(t, `
-- site.yaml --
base_url: https://tinh.example.vn/kiem-tra/
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
Xem [bài B](b.md#ket-luan) theo Đề án số 01-ĐA/TU.
-- content/articles/b.md --
---
title: B
date: 2018-02-01
---
x
`)
	s.Contains(t, "2018/01/a/index.html",
		`<a href="/kiem-tra/2018/02/b/#ket-luan">bài B</a>`,
		`<a href="/kiem-tra/projects/01-da-tu/">Đề án số <span class="code">01-ĐA/TU</span></a>`)
	s.Contains(t, "atom.xml", `/kiem-tra/2018/02/b/#ket-luan`)
}

// File names typed with decomposed marks: the static file is published
// under its precomposed name, which is what the (precomposed) body links
// to, and a link to a content file so named finds its page.
func TestDecomposedFileNamesAreLinked(t *testing.T) {
	d := norm.NFD.String
	s := sitetest.Build(t, `
-- `+d("static/ảnh-đoàn.png")+` --
png
-- content/articles/a.md --
---
title: A
date: 2018-01-01
---
`+d("![ảnh](/ảnh-đoàn.png) [bài hai](bài-hai.md)")+`
-- `+d("content/articles/bài-hai.md")+` --
---
title: B
date: 2018-01-02
---
x
`)
	if !s.Has("ảnh-đoàn.png") {
		t.Errorf("the static file is not published under its precomposed name: %v", s.Out.Names())
	}
	s.Contains(t, "2018/01/a/index.html", `src="/%E1%BA%A3nh-%C4%91o%C3%A0n.png"`, `<a href="/2018/01/b/">bài hai</a>`)
}

// sameAsCold asserts that an incremental build's output mem holds every
// file of a cold build of fsys, byte for byte.
func sameAsCold(t *testing.T, fsys fs.FS, mem *output.Memory) {
	t.Helper()
	cold := sitetest.BuildWith(t, fsys, build.Options{})
	for _, n := range cold.Out.Names() {
		x, _ := cold.Out.Get(n)
		if y, ok := mem.Get(n); !ok || !bytes.Equal(x, y) {
			t.Errorf("%s differs from a cold build", n)
		}
	}
}

// rebuilder returns a function that builds fsys again with one preview
// Builder, told what changed as the preview's watcher tells it, and
// writes every file of the snapshot.
func rebuilder(t *testing.T, fsys fs.FS) func(build.Changes) (*output.Memory, *build.Snapshot) {
	b := build.NewBuilder()
	return func(ch build.Changes) (*output.Memory, *build.Snapshot) {
		t.Helper()
		snap, err := b.Prepare(context.Background(), build.Options{Source: fsys, Now: sitetest.Now}, ch)
		if err != nil {
			t.Fatal(err)
		}
		mem := output.NewMemory()
		if _, err := snap.Write(context.Background(), mem); err != nil {
			t.Fatal(err)
		}
		return mem, snap
	}
}

// A build tells how many bytes of content it loaded, before making pages:
// the command line sizes its memory limit by it.
func TestLoadedReportsTheContentSize(t *testing.T) {
	fsys := sitetest.Parse(seed)
	var want int64
	for name, f := range fsys {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") {
			want += int64(len(f.Data))
			f.ModTime = sitetest.Now // a stamp, as files on disk have
		}
	}
	var got int64 = -1
	sitetest.BuildWith(t, fsys, build.Options{Loaded: func(n int64) { got = n }})
	if got != want {
		t.Errorf("Loaded(%d), want the %d bytes of content files", got, want)
	}
}
