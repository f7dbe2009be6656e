package assemble

import (
	"fmt"
	"slices"
	"strings"

	"bulletin/internal/model"
)

// pages lists every HTML page of the site, sorted by URL.
func pages(s *model.Site) []*model.Page {
	size := s.Config.PageSize
	if size <= 0 {
		size = 10
	}
	var ps []*model.Page
	add := func(p *model.Page) {
		p.Site = s
		p.Path = pathOf(p.URL)
		ps = append(ps, p)
	}
	for _, p := range paginate("/", s.Articles, size) {
		p.Kind, p.Title = model.KindHome, s.Config.Title
		add(p)
	}
	for i, a := range s.Articles {
		p := &model.Page{Kind: model.KindArticle, URL: a.URL, Title: a.Title, Article: a}
		if i > 0 {
			p.Next = s.Articles[i-1] // newer
		}
		if i+1 < len(s.Articles) {
			p.Prev = s.Articles[i+1] // older
		}
		add(p)
	}
	add(&model.Page{Kind: model.KindProjects, URL: "/projects/", Title: "Đề án, văn bản"})
	for _, pr := range s.Projects {
		for _, p := range paginate(pr.URL, pr.Articles, size) {
			p.Kind, p.Title, p.Project = model.KindProject, pr.Code, pr
			add(p)
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
			add(&model.Page{Kind: model.KindAlias, URL: al.URL, Title: a.Title, Article: a})
		}
	}
	for _, d := range s.Docs {
		add(&model.Page{Kind: model.KindPage, URL: d.URL, Title: d.Title, Doc: d})
	}
	nf := &model.Page{Kind: model.Kind404, URL: "/404.html", Title: "Không tìm thấy trang"}
	nf.Site = s
	nf.Path = "404.html"
	ps = append(ps, nf)
	return byPath(ps)
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

// paginate splits articles into pages of size under base: base, then
// base+"page/2/", ... An empty list still has its first page.
func paginate(base string, as []*model.Article, size int) []*model.Page {
	n := 1 // written so that no huge page_size can overflow
	if len(as) > 0 {
		n = (len(as)-1)/size + 1
	}
	urls := make([]string, n)
	for i := range urls {
		urls[i] = base
		if i > 0 {
			urls[i] = fmt.Sprintf("%spage/%d/", base, i+1)
		}
	}
	out := make([]*model.Page, n)
	for i := range out {
		lo := i * size
		hi := len(as)
		if hi-lo > size {
			hi = lo + size
		}
		pg := &model.Pager{Number: i + 1, Total: n, URLs: urls}
		if i > 0 {
			pg.PrevURL = urls[i-1]
		}
		if i+1 < n {
			pg.NextURL = urls[i+1]
		}
		if i > 1 { // from page 3 on: the first is not the previous
			pg.FirstURL = urls[0]
		}
		if i+2 < n {
			pg.LastURL = urls[n-1]
		}
		out[i] = &model.Page{URL: urls[i], Articles: as[lo:hi], Pager: pg}
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
