package assemble

import (
	"strconv"
	"time"

	"bulletin/internal/model"
)

// Breadcrumbs: where a page sits in the site, from the front page down to
// the page itself ("Trang chủ › Đề án › 01-ĐA/TU"). Made once here, so the
// visible trail and any structured data about it say the same.

const (
	homeCrumb     = "Trang chủ"
	projectsCrumb = "Đề án"
)

// crumbs gives p its breadcrumbs. Pages after the first of a list end
// with their number. An article sits under its first project when it
// cites one, else under its month.
func crumbs(p *model.Page, loc *time.Location) []model.Crumb {
	home := model.Crumb{Name: homeCrumb, URL: "/"}
	var trail []model.Crumb
	switch p.Kind {
	case model.KindHome:
		if p.Pager == nil || p.Pager.Number == 1 {
			return nil
		}
		trail = []model.Crumb{home}
	case model.KindArticle:
		a := p.Article
		if len(a.Projects) > 0 {
			pr := a.Projects[0]
			trail = []model.Crumb{home, {Name: projectsCrumb, URL: "/projects/"}, {Name: pr.Code, URL: pr.URL}, {Name: a.Title, URL: a.URL}}
		} else {
			d := local(a.Date, loc)
			y, m := d.Year(), int(d.Month())
			trail = []model.Crumb{home, {Name: strconv.Itoa(y), URL: yearURL(y)}, {Name: monthName(y, m), URL: monthURL(y, m)}, {Name: a.Title, URL: a.URL}}
		}
	case model.KindProjects:
		trail = []model.Crumb{home, {Name: projectsCrumb, URL: p.URL}}
	case model.KindProject:
		trail = []model.Crumb{home, {Name: projectsCrumb, URL: "/projects/"}, {Name: p.Project.Code, URL: p.URL}}
	case model.KindTaxonomy:
		trail = []model.Crumb{home, {Name: p.Taxonomy.Label, URL: p.URL}}
	case model.KindTerm:
		trail = []model.Crumb{home, {Name: p.Taxonomy.Label, URL: p.Taxonomy.URL}, {Name: p.Term.Name, URL: p.Term.URL}}
	case model.KindYear:
		trail = []model.Crumb{home, {Name: strconv.Itoa(p.Year.Year), URL: p.URL}}
	case model.KindMonth:
		trail = []model.Crumb{home, {Name: strconv.Itoa(p.Year.Year), URL: p.Year.URL}, {Name: monthName(p.Month.Year, p.Month.Month), URL: p.URL}}
	case model.KindFollowUps, model.KindPage:
		trail = []model.Crumb{home, {Name: p.Title, URL: p.URL}}
	case model.KindFollowUpList:
		trail = []model.Crumb{home, {Name: followUpsTitle, URL: FollowUpsURL}, {Name: p.Title, URL: p.Pager.URLs[0]}}
	default:
		return nil
	}
	if p.Pager != nil && p.Pager.Number > 1 {
		trail = append(trail, model.Crumb{Name: "Trang " + strconv.Itoa(p.Pager.Number), URL: p.URL})
	}
	return trail
}
