package assemble

import (
	"slices"
	"sort"

	"bulletin/internal/model"
	"bulletin/internal/text"
)

// taxonomies groups the articles by team lead, inspected unit and tag.
// Articles arrive newest first, so each term lists them newest first and
// takes a team lead's role from the newest article. A term is spelt as
// most of its articles spell it (the newest of equals), so one typo in
// the latest article does not rename the page.
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
			a.LeadTerm = t
		}
		if a.Unit != "" {
			a.UnitTerm = units.add(a.Unit, a)
		}
		for _, tag := range a.Tags {
			if t := tags.add(tag, a); !slices.Contains(a.TagTerms, t) {
				a.TagTerms = append(a.TagTerms, t)
			}
		}
	}
	return []*model.Taxonomy{leads.done(), units.done(), tags.done()}
}

type group struct {
	tax    *model.Taxonomy
	bySlug map[string]*tally
	byName map[string]*tally // as written: the same names recur in thousands of articles
	terms  []*tally          // in order of first use
}

// tally is a term being gathered, with the spellings its articles give.
type tally struct {
	term      *model.Term
	spellings []spelling // in order of first use
}

type spelling struct {
	name string
	n    int
}

func newGroup(key, title, label string) *group {
	return &group{
		tax:    &model.Taxonomy{Key: key, Title: title, Label: label, URL: "/" + key + "/"},
		bySlug: map[string]*tally{},
		byName: map[string]*tally{},
	}
}

// add files a under name. Names that fold to one slug ("Đảng ủy Khối" and
// "Đảng uỷ khối") are one term.
func (g *group) add(name string, a *model.Article) *model.Term {
	tl := g.byName[name]
	if tl == nil {
		slug := slugOf(name)
		if tl = g.bySlug[slug]; tl == nil {
			tl = &tally{term: &model.Term{Name: name, Slug: slug, URL: g.tax.URL + slug + "/"}}
			g.bySlug[slug] = tl
			g.terms = append(g.terms, tl)
			g.tax.Terms = append(g.tax.Terms, tl.term)
		}
		g.byName[name] = tl
	}
	t := tl.term
	if n := len(t.Articles); n == 0 || t.Articles[n-1] != a {
		t.Articles = append(t.Articles, a)
		i := 0
		for i < len(tl.spellings) && tl.spellings[i].name != name {
			i++
		}
		if i == len(tl.spellings) {
			tl.spellings = append(tl.spellings, spelling{name: name})
		}
		tl.spellings[i].n++
	}
	return t
}

func (g *group) done() *model.Taxonomy {
	for _, tl := range g.terms {
		tl.term.Name = commonest(tl.spellings)
	}
	// In Vietnamese alphabetical order (d before đ, o before ô before ơ),
	// as a reader looks a name up; the slug breaks ties.
	keys := make(map[*model.Term]string, len(g.tax.Terms))
	for _, t := range g.tax.Terms {
		keys[t] = text.CollateKey(t.Name)
	}
	sort.Slice(g.tax.Terms, func(i, j int) bool {
		a, b := g.tax.Terms[i], g.tax.Terms[j]
		if keys[a] != keys[b] {
			return keys[a] < keys[b]
		}
		return a.Slug < b.Slug
	})
	return g.tax
}

// commonest picks the spelling to show: first the form most articles
// write when case and spacing do not count ("Bùi Hải Tú" and "bùi hải
// tú" are one form, "Bùi Hải Tư" another), then, within it, the exact
// spelling most write. Ties go to the spelling seen first: the newest.
// (Look-alike letters, Ð for Đ, are one form too.)
func commonest(sp []spelling) string {
	form := text.NameKey
	total := map[string]int{}
	for _, s := range sp {
		total[form(s.name)] += s.n
	}
	best := sp[0]
	for _, s := range sp[1:] {
		fs, fb := form(s.name), form(best.name)
		if total[fs] > total[fb] || fs == fb && s.n > best.n {
			best = s
		}
	}
	return best.name
}
