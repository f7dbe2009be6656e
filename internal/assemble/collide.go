package assemble

import (
	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// checkCollisions reports two pages that would be written to one file,
// naming the source of both, so neither silently replaces the other.
func checkCollisions(ps []*model.Page, problems *diag.List) {
	byPath := map[string]*model.Page{}
	for _, p := range ps {
		prev, ok := byPath[p.Path]
		if !ok {
			byPath[p.Path] = p
			continue
		}
		file, line, field := origin(p)
		msg, hint := "two pages on one URL "+p.URL+": this one and "+describe(prev), "change the slug (or title, or date) of one of them"
		if p.Project != nil && prev.Project != nil && p.Project != prev.Project {
			msg = "the codes " + prev.Project.Code + " and " + p.Project.Code + " are different documents but both fold to " + p.URL +
				" (cited in " + describe(prev) + ")"
			hint = "check the codes: if they are one document, write them alike"
		}
		problems.Add(&diag.Problem{File: file, Line: line, Field: field, Message: msg, Hint: hint})
	}
}

// origin names the file, line and field that gave a page its URL.
func origin(p *model.Page) (file string, line int, field string) {
	switch {
	case p.Article != nil:
		if p.Article.ExplicitSlug {
			return p.Article.Path, p.Article.Line("slug"), "slug"
		}
		return p.Article.Path, p.Article.Line("title"), "title"
	case p.Doc != nil:
		if l := p.Doc.Line("slug"); l > 0 {
			return p.Doc.Path, l, "slug"
		}
		return p.Doc.Path, p.Doc.Line("title"), ""
	case p.Project != nil && p.Project.Path != "":
		return p.Project.Path, p.Project.Line("code"), "code"
	case p.Project != nil && len(p.Project.Articles) > 0:
		a := p.Project.Articles[len(p.Project.Articles)-1]
		for _, d := range a.Documents {
			if d.Key == p.Project.Key && d.Line > 0 {
				return a.Path, d.Line, "documents"
			}
		}
		return a.Path, a.Line("documents"), "documents"
	}
	return "", 0, ""
}

func describe(p *model.Page) string {
	if file, _, _ := origin(p); file != "" {
		return file
	}
	switch p.Kind {
	case model.KindTerm:
		return "the page of " + p.Term.Name
	case model.KindHome:
		return "the front page"
	}
	return "the " + p.Kind + " page"
}
