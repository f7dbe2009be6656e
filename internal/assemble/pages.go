package assemble

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"bulletin/internal/model"
	"bulletin/internal/par"
)

// pages lists every HTML page of the site, sorted by URL.
func pages(s *model.Site) []*model.Page {
	size := s.Config.PageSize
	if size <= 0 {
		size = 10
	}
	var ps []*model.Page
	add := func(p *model.Page) {
		place(s, p)
		ps = append(ps, p)
	}
	for _, p := range paginate("/", s.Articles, size) {
		p.Kind, p.Title = model.KindHome, s.Config.Title
		add(p)
	}
	// The articles' pages, most of the site's, are made on a second core
	// while this one makes the lists; they go in their place after the
	// front page's.
	var articles []*model.Page
	var wg par.Group
	wg.Go(func() { articles = articlePages(s) })
	home := ps
	ps = nil
	add(&model.Page{Kind: model.KindProjects, URL: "/projects/", Title: "Đề án, văn bản"})
	for _, pr := range s.Projects {
		add(&model.Page{Kind: model.KindProject, URL: pr.URL, Title: projectTitle(pr), Project: pr, Articles: pr.Articles})
		for _, url := range oldProjectPages(pr, size) {
			add(&model.Page{Kind: model.KindRedirect, URL: url, Title: projectTitle(pr), Project: pr, Redirect: pr.URL})
		}
	}
	for _, tax := range s.Taxonomies {
		add(&model.Page{Kind: model.KindTaxonomy, URL: tax.URL, Title: tax.Title, Taxonomy: tax})
		for _, t := range tax.Terms {
			for _, p := range paginate(t.URL, t.Articles, size) {
				p.Kind, p.Title, p.Term, p.Taxonomy = model.KindTerm, t.Name, t, tax
				add(p)
			}
		}
	}
	for _, a := range s.Articles {
		for _, al := range a.Aliases {
			add(&model.Page{Kind: model.KindRedirect, URL: al.URL, Title: a.Title, Article: a, Redirect: a.URL})
		}
	}
	for _, d := range s.Docs {
		add(&model.Page{Kind: model.KindPage, URL: d.URL, Title: d.Title, Doc: d})
	}
	for _, y := range s.Years {
		add(&model.Page{Kind: model.KindYear, URL: y.URL, Title: "Năm " + strconv.Itoa(y.Year), Year: y, Articles: y.Articles})
		for _, m := range y.Months {
			add(&model.Page{Kind: model.KindMonth, URL: m.URL, Title: monthName(m.Year, m.Month), Year: y, Month: m, Articles: m.Articles})
		}
	}
	tracker := &model.Page{Kind: model.KindFollowUps, URL: FollowUpsURL, Title: followUpsTitle}
	for _, state := range []string{model.FollowUpOverdue, model.FollowUpOpen, model.FollowUpDone} {
		list := s.FollowUps.Of(state)
		url := FollowUpsURL + state + "/"
		tracker.Groups = append(tracker.Groups, model.FollowUpGroup{State: state, Title: followUpStates[state], URL: url,
			All: len(list), Shown: list[:min(len(list), size)]})
		for _, p := range paginateFollowUps(url, list, size) {
			p.Kind, p.Title, p.State = model.KindFollowUpList, followUpStates[state], state
			add(p)
		}
	}
	add(tracker)
	add(&model.Page{Kind: model.KindSearch, URL: "/search/", Title: "Tìm kiếm"})
	nf := &model.Page{Kind: model.Kind404, URL: "/404.html", Title: "Không tìm thấy trang"}
	nf.Site = s
	nf.Path = "404.html"
	ps = append(ps, nf)
	wg.Wait()
	return byPath(slices.Concat(home, articles, ps))
}

// articlePages makes the page of each article, linked to the next newer
// and older.
func articlePages(s *model.Site) []*model.Page {
	all := make([]model.Page, len(s.Articles)) // one allocation for the lot
	out := make([]*model.Page, len(s.Articles))
	for i, a := range s.Articles {
		p := &all[i]
		p.Kind, p.URL, p.Title, p.Article = model.KindArticle, a.URL, a.Title, a
		if i > 0 {
			p.Next = s.Articles[i-1] // newer
		}
		if i+1 < len(s.Articles) {
			p.Prev = s.Articles[i+1] // older
		}
		place(s, p)
		out[i] = p
	}
	return out
}

// place gives a page its site, its output file and its breadcrumbs.
func place(s *model.Site, p *model.Page) {
	p.Site = s
	p.Path = pathOf(p.URL)
	p.Crumbs = crumbs(p, s.Config.Location)
}

// followUpsTitle names the tracker; followUpStates each list of it.
const followUpsTitle = "Theo dõi thực hiện kiến nghị"

var followUpStates = map[string]string{
	model.FollowUpOverdue: "Kiến nghị quá hạn",
	model.FollowUpOpen:    "Kiến nghị chưa đến hạn",
	model.FollowUpDone:    "Kiến nghị đã có kết quả",
}

// FollowUpsURL is the follow-up tracker's page; its Atom feed is
// FollowUpsURL + "atom.xml".
const FollowUpsURL = "/follow-ups/"

// projectTitle names a project page after its code and its name, so a
// browser tab, a bookmark and a shared link say which Đề án it is.
func projectTitle(pr *model.Project) string {
	if pr.Title == "" {
		return pr.Code
	}
	return pr.Code + ": " + pr.Title
}

// oldProjectPages are the URLs of the pages after the first that a
// project's list of cards had before the timeline replaced it
// (/projects/01-da-tu/page/2/, ...), as many as its articles filled at
// size a page: links to them, shared or bookmarked, still lead to the
// project.
func oldProjectPages(pr *model.Project, size int) []string {
	var out []string
	for n := 2; (n-1)*size < len(pr.Articles); n++ {
		out = append(out, pr.URL+"page/"+strconv.Itoa(n)+"/")
	}
	return out
}

// byPath sorts pages by output path, pages of one path (a collision) in
// the order they came: pdqsort over the indexes, which is faster than a
// stable sort of 17,000 pages and as deterministic.
func byPath(ps []*model.Page) []*model.Page {
	idx := make([]int32, len(ps))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int {
		if c := strings.Compare(ps[a].Path, ps[b].Path); c != 0 {
			return c
		}
		return int(a - b)
	})
	out := make([]*model.Page, len(ps))
	for i, j := range idx {
		out[i] = ps[j]
	}
	return out
}

// paginateFollowUps splits a follow-up list into pages as paginate does
// articles.
func paginateFollowUps(base string, fus []*model.FollowUp, size int) []*model.Page {
	ps := pagers(base, len(fus), size)
	for i, p := range ps {
		p.FollowUps = fus[i*size : min(len(fus), (i+1)*size)]
	}
	return ps
}

// paginate splits articles into pages of size under base: base, then
// base+"page/2/", ... An empty list still has its first page.
func paginate(base string, as []*model.Article, size int) []*model.Page {
	ps := pagers(base, len(as), size)
	for i, p := range ps {
		p.Articles = as[i*size : min(len(as), (i+1)*size)]
	}
	return ps
}

// pagers makes the pages of a list of n items, size a page, each with
// its Pager, and nothing on them yet.
func pagers(base string, n, size int) []*model.Page {
	total := 1 // written so that no huge page_size can overflow
	if n > 0 {
		total = (n-1)/size + 1
	}
	urls := make([]string, total)
	for i := range urls {
		urls[i] = base
		if i > 0 {
			urls[i] = fmt.Sprintf("%spage/%d/", base, i+1)
		}
	}
	out := make([]*model.Page, total)
	for i := range out {
		pg := &model.Pager{Number: i + 1, Total: total, URLs: urls}
		if i > 0 {
			pg.PrevURL = urls[i-1]
		}
		if i+1 < total {
			pg.NextURL = urls[i+1]
		}
		if i > 1 { // from page 3 on: the first is not the previous
			pg.FirstURL = urls[0]
		}
		if i+2 < total {
			pg.LastURL = urls[total-1]
		}
		out[i] = &model.Page{URL: urls[i], Pager: pg}
	}
	return out
}

// pathOf maps a page URL to its output file: every page is an index.html
// in its folder, but for an old URL that named its file (an alias
// "/tin/bai-cu.html").
func pathOf(url string) string {
	if strings.HasSuffix(url, ".html") || strings.HasSuffix(url, ".htm") {
		return strings.TrimPrefix(url, "/")
	}
	return strings.TrimPrefix(url, "/") + "index.html"
}
