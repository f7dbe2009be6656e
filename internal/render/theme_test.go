package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/internal/model"
	"bulletin/layouts"
)

// dump writes every page of the theme test to a folder, to look at them in
// a browser or run them through the Nu HTML Checker:
//
//	go test ./internal/render -run TestTheme -dump /tmp/bulletin
var dump = flag.String("dump", "", "write the pages of TestTheme under this folder")

// testSite builds a small assembled site by hand: two projects, three
// articles (one outcome, one with a <script> title), team leads, units,
// tags, a stand-alone page.
func testSite(t *testing.T) *model.Site {
	t.Helper()
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		hcm = time.FixedZone("ICT", 7*3600)
	}
	s := &model.Site{Config: model.Config{
		Title: "Tin kiểm tra tỉnh Thái Nguyên", Description: "Tin tức và kết quả kiểm tra, giám sát",
		BaseURL: "https://kiemtra.example.vn/", Language: "vi", Location: hcm, PageSize: 2, FeedSize: 20,
	}}
	da := &model.Project{
		Code: "01-ĐA/TU", Key: "01-da/tu", Slug: "01-da-tu", URL: "/projects/01-da-tu/",
		Title:  "Nâng cao chất lượng và hiệu quả công tác dân vận của Đảng bộ tỉnh Thái Nguyên giai đoạn 2016 - 2020",
		Date:   time.Date(2016, 7, 12, 0, 0, 0, 0, hcm),
		Issuer: "Ban Chấp hành Đảng bộ tỉnh", Period: "2016 - 2020",
		Body: model.NewBody(model.RawHTML("<p>Đề án gồm 5 nhóm nhiệm vụ.</p>"), ""),
	}
	nq := &model.Project{Code: "02-ĐA/TU", Key: "02-da/tu", Slug: "02-da-tu", URL: "/projects/02-da-tu/",
		Title: "Đề án về công tác cán bộ"}
	lead := &model.Term{Name: "Bùi Hải Tú", Slug: "bui-hai-tu", URL: "/team-leads/bui-hai-tu/",
		Role: "Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy"}
	unit := &model.Term{Name: "Đảng ủy Khối các cơ quan tỉnh", Slug: "dang-uy-khoi-cac-co-quan-tinh", URL: "/units/dang-uy-khoi-cac-co-quan-tinh/"}
	tag := &model.Term{Name: "dân vận", Slug: "dan-van", URL: "/tags/dan-van/"}

	visit := (&model.Article{Photo: &model.Photo{URL: "/images/kiem-tra-2018-08-06.jpg", Width: 1600, Height: 1067, Files: []model.PhotoFile{
		{URL: "/images/kiem-tra-2018-08-06-480w.jpg", Width: 480, Height: 320},
		{URL: "/images/kiem-tra-2018-08-06-960w.jpg", Width: 960, Height: 640},
		{URL: "/images/kiem-tra-2018-08-06.jpg", Width: 1600, Height: 1067}}},
		Thumbnail: &model.PhotoFile{URL: "/images/kiem-tra-2018-08-06-480w.jpg", Width: 480, Height: 320},
		URL:       "/2018/08/kiem-tra-thuc-hien-cac-de-an/", Projects: []*model.Project{da, nq},
		LeadTerm: lead, UnitTerm: unit, TagTerms: []*model.Term{tag},
	}).SetFile(&model.ArticleFile{
		Title: "Kiểm tra thực hiện các đề án về công tác dân vận", Kind: "news",
		Date:     time.Date(2018, 8, 6, 16, 41, 0, 0, hcm),
		TeamLead: model.Person{Name: lead.Name, Role: "Tỉnh ủy viên, Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy"},
		Unit:     unit.Name,
		Documents: []model.DocRef{
			{Code: "01-ĐA/TU", Key: "01-da/tu", Date: da.Date, Title: da.Title},
			{Code: "02-ĐA/TU", Key: "02-da/tu"},
		},
		Tags: []string{"dân vận"},
		Image: model.Image{Src: "/images/kiem-tra-2018-08-06.jpg", Alt: "Đoàn kiểm tra làm việc tại hội trường",
			Caption: "Quang cảnh buổi làm việc", Credit: "Văn phòng Tỉnh ủy"},
	})
	body := model.NewBody(model.RawHTML("<p>Chiều 6/8, Đoàn kiểm tra số 3 làm việc với Đảng ủy Khối.</p>"), "Chiều 6/8, Đoàn kiểm tra số 3 làm việc.")
	visit.SetBody(&body)
	outcome := (&model.Article{LeadTerm: lead, UnitTerm: unit, Projects: []*model.Project{da},
		URL:    "/2018/09/thong-bao-ket-qua/",
		Future: true,
	}).SetFile(&model.ArticleFile{
		Title: "Thông báo kết quả kiểm tra đề án 01", Kind: "outcome",
		Date:     time.Date(2018, 9, 3, 8, 0, 0, 0, hcm),
		TeamLead: model.Person{Name: lead.Name}, Unit: unit.Name,
		Documents: []model.DocRef{{Code: "01-DA/TU", Key: "01-da/tu"}},
		Outcome: &model.Outcome{
			Findings:        []string{"Hầu hết các mục tiêu của đề án được cụ thể hóa"},
			Shortcomings:    []string{"Việc phản biện xã hội chưa nhiều"},
			Recommendations: []string{"Bổ sung, hoàn chỉnh báo cáo"},
			FollowUpBy:      time.Date(2018, 9, 30, 0, 0, 0, 0, hcm),
		},
		Image: model.Image{Src: "https://example.vn/anh.jpg"}, // no alt, no photo of the site
		Draft: true,
	})
	conclusion := model.NewBody(model.RawHTML("<p>Kết luận.</p>"), "")
	outcome.SetBody(&conclusion)
	evil := (&model.Article{URL: "/2018/10/tin-moi/"}).SetFile(&model.ArticleFile{
		Title: `Tin <script>alert("x")</script> mới`, Kind: "news",
		Date:     time.Date(2018, 10, 7, 9, 5, 0, 0, hcm),
		TeamLead: model.Person{Name: "Người chưa có trang"}, Unit: "Huyện ủy Đại Từ",
		SummaryField: `<b>tóm tắt</b>`,
	})
	s.Articles = []*model.Article{evil, outcome, visit}
	da.Articles = []*model.Article{outcome, visit}
	nq.Articles = []*model.Article{visit}
	lead.Articles = []*model.Article{outcome, visit}
	unit.Articles = []*model.Article{outcome, visit}
	tag.Articles = []*model.Article{visit}
	s.Projects = []*model.Project{da, nq}
	s.Taxonomies = []*model.Taxonomy{
		{Key: "team-leads", Title: "Trưởng đoàn kiểm tra", Label: "Trưởng đoàn", URL: "/team-leads/", Terms: []*model.Term{lead}},
		{Key: "units", Title: "Đơn vị được kiểm tra", Label: "Đơn vị được kiểm tra", URL: "/units/", Terms: []*model.Term{unit}},
		{Key: "tags", Title: "Chủ đề", Label: "Chủ đề", URL: "/tags/", Terms: []*model.Term{tag}},
	}
	s.Docs = []*model.Doc{{DocFile: &model.DocFile{Title: "Giới thiệu", Slug: "gioi-thieu"}, URL: "/gioi-thieu/", Body: model.NewBody(model.RawHTML("<p>Trang tin của Ủy ban Kiểm tra.</p>"), "")}}

	// What readers follow: the archives, the outcome's follow-up, the
	// project's timeline, related articles.
	aug := &model.Month{Year: 2018, Month: 8, URL: "/2018/08/", Articles: []*model.Article{visit}}
	sep := &model.Month{Year: 2018, Month: 9, URL: "/2018/09/", Articles: []*model.Article{outcome}, Outcomes: 1, Prev: aug}
	oct := &model.Month{Year: 2018, Month: 10, URL: "/2018/10/", Articles: []*model.Article{evil}, Prev: sep}
	aug.Next, sep.Next = sep, oct
	visit.Month, outcome.Month, evil.Month = aug, sep, oct
	y2018 := &model.Year{Year: 2018, URL: "/2018/", Articles: []*model.Article{visit, outcome, evil}, Outcomes: 1, Months: []*model.Month{aug, sep, oct}}
	s.Years = []*model.Year{y2018}
	fu := &model.FollowUp{Article: outcome, Due: outcome.Outcome.FollowUpBy, Late: outcome.Outcome.FollowUpBy.AddDate(0, 0, 1), State: model.FollowUpOverdue}
	outcome.FollowUp = fu
	s.FollowUps = model.FollowUps{Overdue: []*model.FollowUp{fu}}
	da.Years = []*model.Year{{Year: 2018, URL: "/2018/", Articles: []*model.Article{visit, outcome}, Outcomes: 1}}
	da.Latest, da.FollowUps = outcome, []*model.FollowUp{fu}
	nq.Years = []*model.Year{{Year: 2018, URL: "/2018/", Articles: []*model.Article{visit}}}
	visit.RelateWith(func(*model.Article) []*model.Article { return []*model.Article{outcome, evil} })

	home := []string{"/", "/page/2/"}
	add := func(p *model.Page) { p.Site = s; s.Pages = append(s.Pages, p) }
	add(&model.Page{Kind: model.KindHome, URL: "/", Title: s.Config.Title, Articles: s.Articles[:2],
		Pager: &model.Pager{Number: 1, Total: 2, NextURL: "/page/2/", URLs: home}})
	add(&model.Page{Kind: model.KindHome, URL: "/page/2/", Title: s.Config.Title, Articles: s.Articles[2:],
		Pager: &model.Pager{Number: 2, Total: 2, PrevURL: "/", URLs: home}})
	for i, a := range s.Articles {
		p := &model.Page{Kind: model.KindArticle, URL: a.URL, Title: a.Title, Article: a,
			Crumbs: []model.Crumb{{Name: "Trang chủ", URL: "/"}, {Name: "Đề án", URL: "/projects/"}, {Name: "01-ĐA/TU", URL: "/projects/01-da-tu/"}, {Name: a.Title, URL: a.URL}}}
		if i > 0 {
			p.Next = s.Articles[i-1]
		}
		if i+1 < len(s.Articles) {
			p.Prev = s.Articles[i+1]
		}
		add(p)
	}
	add(&model.Page{Kind: model.KindProjects, URL: "/projects/", Title: "Đề án, văn bản"})
	for _, pr := range s.Projects {
		add(&model.Page{Kind: model.KindProject, URL: pr.URL, Title: pr.Code, Project: pr, Articles: pr.Articles})
	}
	for _, tax := range s.Taxonomies {
		add(&model.Page{Kind: model.KindTaxonomy, URL: tax.URL, Title: tax.Title, Taxonomy: tax})
		for _, term := range tax.Terms {
			add(&model.Page{Kind: model.KindTerm, URL: term.URL, Title: term.Name, Term: term, Taxonomy: tax, Articles: term.Articles,
				Pager: &model.Pager{Number: 1, Total: 1, URLs: []string{term.URL}}})
		}
	}
	add(&model.Page{Kind: model.KindPage, URL: "/gioi-thieu/", Title: "Giới thiệu", Doc: s.Docs[0]})
	add(&model.Page{Kind: model.KindYear, URL: "/2018/", Title: "Năm 2018", Year: y2018, Articles: y2018.Articles})
	for _, m := range y2018.Months {
		add(&model.Page{Kind: model.KindMonth, URL: m.URL, Title: "Tháng", Year: y2018, Month: m, Articles: m.Articles})
	}
	add(&model.Page{Kind: model.KindFollowUps, URL: "/follow-ups/", Title: "Theo dõi thực hiện kiến nghị", Groups: []model.FollowUpGroup{
		{State: model.FollowUpOverdue, Title: "Kiến nghị quá hạn", URL: "/follow-ups/overdue/", All: 1, Shown: s.FollowUps.Overdue},
		{State: model.FollowUpOpen, Title: "Kiến nghị chưa đến hạn", URL: "/follow-ups/open/"},
	}})
	add(&model.Page{Kind: model.KindFollowUpList, URL: "/follow-ups/overdue/", Title: "Kiến nghị quá hạn", State: model.FollowUpOverdue,
		FollowUps: s.FollowUps.Overdue, Pager: &model.Pager{Number: 1, Total: 1, URLs: []string{"/follow-ups/overdue/"}}})
	add(&model.Page{Kind: model.KindRedirect, URL: "/projects/01-da-tu/page/2/", Title: "01-ĐA/TU: Nâng cao", Project: da, Redirect: "/projects/01-da-tu/"})
	add(&model.Page{Kind: model.Kind404, URL: "/404.html", Title: "Không tìm thấy trang"})
	return s
}

// renderAll renders every page of s with the built-in theme, by URL.
func renderAll(t *testing.T, s *model.Site) map[string]string {
	t.Helper()
	r, probs := New(layouts.FS, nil)
	if probs.Err() != nil || len(probs) > 0 {
		t.Fatalf("New: %v", probs)
	}
	out := map[string]string{}
	for _, p := range s.Pages {
		var b bytes.Buffer
		if err := r.Page(&b, p); err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		out[p.URL] = b.String()
		if *dump != "" {
			path := filepath.Join(*dump, strings.TrimPrefix(p.URL, "/"))
			if !strings.HasSuffix(path, ".html") {
				path = filepath.Join(path, "index.html")
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

func TestTheme(t *testing.T) {
	pages := renderAll(t, testSite(t))
	tests := []struct {
		url  string
		want []string
		not  []string
	}{
		{"/", []string{
			`<html lang="vi">`,
			`<meta charset="utf-8">`,
			`<meta name="viewport" content="width=device-width, initial-scale=1">`,
			`<title>Tin kiểm tra tỉnh Thái Nguyên</title>`,
			`<link rel="canonical" href="https://kiemtra.example.vn/">`,
			`<link rel="alternate" type="application/rss+xml" title="Tin kiểm tra tỉnh Thái Nguyên (RSS)" href="/index.xml">`,
			`<link rel="alternate" type="application/atom+xml" title="Tin kiểm tra tỉnh Thái Nguyên (Atom)" href="/atom.xml">`,
			`<link rel="stylesheet" href="/css/bulletin.css">`,
			`<a class="skip-link" href="#main">`,
			`<main id="main" tabindex="-1">`,
			`<h1 class="brand"><a href="/" aria-current="page">Tin kiểm tra tỉnh Thái Nguyên</a></h1>`,
			`<nav class="site-nav" aria-label="Điều hướng chính">`,
			`<a href="/gioi-thieu/">Giới thiệu</a>`,
			`<a href="/2018/09/thong-bao-ket-qua/">Thông báo kết quả kiểm tra đề án 01</a>`,
			`<article class="card card-outcome">`,
			`<span class="kind kind-outcome">Kết quả kiểm tra</span> <span class="badge badge-draft">Bài nháp</span> <span class="badge badge-future">Hẹn đăng</span>`,
			`<time datetime="2018-09-03T08:00:00+07:00">03/09/2018</time>`,
			`<p class="card-summary">&lt;b&gt;tóm tắt&lt;/b&gt;</p>`,
			`<li><a href="/" aria-current="page"><span class="visually-hidden">Trang </span>1</a></li>`,
			`<li><a href="/page/2/"><span class="visually-hidden">Trang </span>2</a></li>`,
			`<a href="/page/2/" rel="next" aria-label="Trang sau"><span class="pager-word">Trang sau </span><span aria-hidden="true">›</span></a>`,
			`<footer class="site-footer">`,
		}, []string{"<script>", `rel="prev"`}},
		{"/page/2/", []string{
			`<title>Trang 2 – Tin kiểm tra tỉnh Thái Nguyên</title>`,
			`<a href="/" rel="prev" aria-label="Trang trước"><span aria-hidden="true">‹</span><span class="pager-word"> Trang trước</span></a>`,
			`<a href="/page/2/" aria-current="page"><span class="visually-hidden">Trang </span>2</a>`,
			`<span class="kind kind-news">Tin tức</span>`,
			`<p class="card-summary">Chiều 6/8, Đoàn kiểm tra số 3 làm việc.</p>`,
			`<article class="card">
<img class="card-image" src="/images/kiem-tra-2018-08-06-480w.jpg" width="480" height="320" alt="" loading="lazy" decoding="async">
<h2 class="card-title">`,
		}, []string{`rel="next"`}},
		{"/2018/08/kiem-tra-thuc-hien-cac-de-an/", []string{
			`<title>Kiểm tra thực hiện các đề án về công tác dân vận – Tin kiểm tra tỉnh Thái Nguyên</title>`,
			`<meta name="description" content="Chiều 6/8, Đoàn kiểm tra số 3 làm việc.">`,
			`<link rel="canonical" href="https://kiemtra.example.vn/2018/08/kiem-tra-thuc-hien-cac-de-an/">`,
			`<meta property="og:image" content="https://kiemtra.example.vn/images/kiem-tra-2018-08-06.jpg">`,
			`<h1>Kiểm tra thực hiện các đề án về công tác dân vận</h1>`,
			`Thứ Hai, <a href="/2018/08/" title="Các bài tháng 8/2018"><time datetime="2018-08-06T16:41:00+07:00">16:41, 06/08/2018</time></a>`,
			"<nav class=\"crumbs\" aria-label=\"Vị trí trang\">\n<ol>\n<li><a href=\"/\">Trang chủ</a></li>\n<li><a href=\"/projects/\">Đề án</a></li>\n<li><a href=\"/projects/01-da-tu/\">01-ĐA/TU</a></li>\n<li><span aria-current=\"page\">Kiểm tra thực hiện các đề án về công tác dân vận</span></li>\n</ol>\n</nav>",
			`<h2 id="related-title">Bài liên quan</h2>`,
			`<li><a href="/2018/09/thong-bao-ket-qua/">Thông báo kết quả kiểm tra đề án 01</a> <time datetime="2018-09-03T08:00:00+07:00">03/09/2018</time></li>`,
			`<dt>Trưởng đoàn</dt>`,
			`<a href="/team-leads/bui-hai-tu/">Bùi Hải Tú</a>, <span class="role">Tỉnh ủy viên, Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy</span>`,
			`<dt>Đơn vị được kiểm tra</dt>`,
			`<a href="/units/dang-uy-khoi-cac-co-quan-tinh/">Đảng ủy Khối các cơ quan tỉnh</a>`,
			`<figure class="lead-image">
<img src="/images/kiem-tra-2018-08-06.jpg" srcset="/images/kiem-tra-2018-08-06-480w.jpg 480w, /images/kiem-tra-2018-08-06-960w.jpg 960w, /images/kiem-tra-2018-08-06.jpg 1600w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)" width="1600" height="1067" alt="Đoàn kiểm tra làm việc tại hội trường" fetchpriority="high">
<figcaption><span class="caption">Quang cảnh buổi làm việc</span> <span class="credit">Ảnh: Văn phòng Tỉnh ủy</span></figcaption>
</figure>`,
			`<h2 id="documents-title">Đề án, văn bản</h2>`,
			`<a class="doc-code" href="/projects/01-da-tu/">01-ĐA/TU</a>, ngày <time datetime="2016-07-12">12/07/2016</time>: <span class="doc-title">Nâng cao chất lượng`,
			// the second document has no title of its own: the project's is shown
			`<a class="doc-code" href="/projects/02-da-tu/">02-ĐA/TU</a>: <span class="doc-title">Đề án về công tác cán bộ</span>`,
			`<p>Chiều 6/8, Đoàn kiểm tra số 3 làm việc với Đảng ủy Khối.</p>`,
			`<a href="/tags/dan-van/">dân vận</a>`,
			`<span class="neighbour-label">Bài sau</span> <a href="/2018/09/thong-bao-ket-qua/" rel="next">`,
		}, []string{`class="outcome"`, `Bài trước`, `Tin tức</span> <span class="badge badge-draft">`}},
		{"/2018/09/thong-bao-ket-qua/", []string{
			`<section class="outcome" aria-labelledby="outcome-title">`,
			"<h3 class=\"outcome-findings\">Kết quả</h3>\n<ul>\n<li>Hầu hết các mục tiêu của đề án được cụ thể hóa</li>\n</ul>",
			"<h3 class=\"outcome-shortcomings\">Hạn chế</h3>\n<ul>\n<li>Việc phản biện xã hội chưa nhiều</li>",
			"<h3 class=\"outcome-recommendations\">Kiến nghị</h3>\n<ul>\n<li>Bổ sung, hoàn chỉnh báo cáo</li>",
			`<strong>Hạn báo cáo kết quả khắc phục:</strong> <time datetime="2018-09-30">30/09/2018</time>`,
			`<span class="badge badge-draft">Bài nháp</span>`,
			`<span class="badge badge-future">Hẹn đăng</span>`,
			`Thứ Hai, <a href="/2018/09/" title="Các bài tháng 9/2018"><time datetime="2018-09-03T08:00:00+07:00">08:00, 03/09/2018</time></a>`,
			`<time datetime="2018-09-30">30/09/2018</time> <span class="state state-overdue">Quá hạn</span></p>`,
			// a document written without the diacritic still links to its project
			`<a class="doc-code" href="/projects/01-da-tu/">01-ĐA/TU</a>, ngày <time datetime="2016-07-12">12/07/2016</time>`,
			`rel="prev"`, `rel="next"`,
			// an image given without alt has an empty one, not the title again
			"<figure class=\"lead-image\">\n<img src=\"https://example.vn/anh.jpg\" alt=\"\">\n</figure>",
		}, []string{"<figcaption", "srcset"}},
		{"/2018/10/tin-moi/", []string{
			`<title>Tin &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; mới – Tin kiểm tra tỉnh Thái Nguyên</title>`,
			`<h1>Tin &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; mới</h1>`,
			`<meta name="description" content="&lt;b&gt;tóm tắt&lt;/b&gt;">`,
			`Chủ Nhật, <a href="/2018/10/" title="Các bài tháng 10/2018"><time datetime="2018-10-07T09:05:00+07:00">09:05, 07/10/2018</time></a>`,
			`<dd>Người chưa có trang</dd>`, // no term page: no link
			`<dd>Huyện ủy Đại Từ</dd>`,
		}, []string{"<script>", `class="documents"`, `class="tags"`, `<img`}},
		{"/projects/", []string{
			`<title>Đề án, văn bản – Tin kiểm tra tỉnh Thái Nguyên</title>`,
			`<h1>Đề án, văn bản</h1>`,
			`<a href="/projects/" aria-current="page">Đề án</a>`,
			`<td data-label="Số, ký hiệu"><a class="doc-code" href="/projects/01-da-tu/">01-ĐA/TU</a></td>`,
			`<td data-label="Bài viết" class="num">2</td>`,
			`<td data-label="Kết quả kiểm tra" class="num">1</td>`,
		}, nil},
		{"/projects/01-da-tu/", []string{
			`<link rel="alternate" type="application/rss+xml" title="01-ĐA/TU (RSS)" href="/projects/01-da-tu/index.xml">`,
			`<a href="/projects/" aria-current="true">Đề án</a>`,
			`<h1><span class="doc-code">01-ĐA/TU</span> <span class="project-title">Nâng cao chất lượng`,
			`<dt>Ngày ban hành</dt><dd><time datetime="2016-07-12">12/07/2016</time></dd>`,
			`<dd>Ban Chấp hành Đảng bộ tỉnh</dd>`,
			`<dd>2016 - 2020</dd>`,
			"<p class=\"counts\">1\u00a0tin kiểm tra · 1\u00a0kết quả kiểm tra</p>",
			`<p>Đề án gồm 5 nhóm nhiệm vụ.</p>`,
			`<h2 id="latest-title">Kết luận gần nhất</h2>`,
			`<li class="row row-outcome"><a class="row-title" href="/2018/09/thong-bao-ket-qua/">Thông báo kết quả kiểm tra đề án 01</a>`,
			`<span class="row-deadline">Hạn báo cáo <time datetime="2018-09-30">30/09/2018</time>: <span class="state state-overdue">Quá hạn</span></span>`,
			`<a href="/projects/01-da-tu/index.xml">Theo dõi đề án này (RSS)</a>`,
		}, []string{`class="pager"`}},
		{"/team-leads/", []string{
			`<h1>Trưởng đoàn kiểm tra</h1>`,
			"<a href=\"/team-leads/bui-hai-tu/\">Bùi Hải Tú</a> <span class=\"count\">(2\u00a0bài)</span><br><span class=\"role\">Phó Chủ nhiệm",
		}, nil},
		{"/team-leads/bui-hai-tu/", []string{
			`<p class="kicker"><a href="/team-leads/">Trưởng đoàn</a></p>`,
			`<h1>Bùi Hải Tú</h1>`,
			`<p class="role">Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy</p>`,
			"<p class=\"counts\">2\u00a0bài viết</p>",
		}, nil},
		{"/units/dang-uy-khoi-cac-co-quan-tinh/", []string{
			`<a href="/units/">Đơn vị được kiểm tra</a>`,
			`<h1>Đảng ủy Khối các cơ quan tỉnh</h1>`,
		}, []string{`class="role"`}},
		{"/gioi-thieu/", []string{
			`<a href="/gioi-thieu/" aria-current="page">Giới thiệu</a>`,
			`<h1>Giới thiệu</h1>`,
			`<p>Trang tin của Ủy ban Kiểm tra.</p>`,
		}, nil},
		{"/404.html", []string{
			`<title>Không tìm thấy trang – Tin kiểm tra tỉnh Thái Nguyên</title>`,
			`<h1>Không tìm thấy trang</h1>`,
		}, []string{`rel="canonical"`}},
	}
	for _, tt := range tests {
		got, ok := pages[tt.url]
		if !ok {
			t.Errorf("%s: not rendered", tt.url)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: missing\n\t%s", tt.url, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: should not contain\n\t%s", tt.url, n)
			}
		}
	}
	for url, got := range pages {
		if strings.Contains(url, "/page/") && strings.HasPrefix(url, "/projects/") {
			continue // the redirect: a page of its own, no header or footer
		}
		if n := strings.Count(got, "<h1"); n != 1 {
			t.Errorf("%s: %d <h1> elements, want 1", url, n)
		}
		for _, landmark := range []string{"<header", "<nav", "<main", "<footer"} {
			if !strings.Contains(got, landmark) {
				t.Errorf("%s: no %s>", url, landmark)
			}
		}
	}
}

// The output depends on nothing but the page: two renders are identical.
func TestThemeDeterministic(t *testing.T) {
	a, b := renderAll(t, testSite(t)), renderAll(t, testSite(t))
	for url := range a {
		if a[url] != b[url] {
			t.Errorf("%s: two renders differ", url)
		}
	}
}
