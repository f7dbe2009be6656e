package assemble

import (
	"sort"

	"bulletin/internal/model"
)

// taxonomies groups the articles by team lead, inspected unit and tag.
// Articles arrive newest first, so each term lists them newest first and
// takes its spelling (and a team lead's role) from its newest article.
func taxonomies(articles []*model.Article) []*model.Taxonomy {
	leads := newGroup("team-leads", "Trưởng đoàn kiểm tra", "Trưởng đoàn")
	units := newGroup("units", "Đơn vị được kiểm tra", "Đơn vị")
	tags := newGroup("tags", "Chủ đề", "Chủ đề")
	for _, a := range articles {
		if a.TeamLead.Name != "" {
			t := leads.add(a.TeamLead.Name, a)
			if t.Role == "" {
				t.Role = a.TeamLead.Role
			}
			a.TeamLeadT = t
		}
		if a.Unit != "" {
			a.UnitT = units.add(a.Unit, a)
		}
		seen := map[*model.Term]bool{}
		for _, tag := range a.Tags {
			t := tags.add(tag, a)
			if !seen[t] {
				seen[t] = true
				a.TagsT = append(a.TagsT, t)
			}
		}
	}
	return []*model.Taxonomy{leads.done(), units.done(), tags.done()}
}

type group struct {
	tax    *model.Taxonomy
	bySlug map[string]*model.Term
}

func newGroup(key, title, label string) *group {
	return &group{
		tax:    &model.Taxonomy{Key: key, Title: title, Label: label, URL: "/" + key + "/"},
		bySlug: map[string]*model.Term{},
	}
}

// add files a under name. Names that fold to one slug ("Đảng ủy Khối" and
// "Đảng uỷ khối") are one term.
func (g *group) add(name string, a *model.Article) *model.Term {
	slug := slugOf(name)
	t := g.bySlug[slug]
	if t == nil {
		t = &model.Term{Name: name, Slug: slug, URL: g.tax.URL + slug + "/"}
		g.bySlug[slug] = t
		g.tax.Terms = append(g.tax.Terms, t)
	}
	if n := len(t.Articles); n == 0 || t.Articles[n-1] != a {
		t.Articles = append(t.Articles, a)
	}
	return t
}

func (g *group) done() *model.Taxonomy {
	sort.Slice(g.tax.Terms, func(i, j int) bool { return g.tax.Terms[i].Slug < g.tax.Terms[j].Slug })
	return g.tax
}
