package assemble

import (
	"fmt"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// checkCollisions reports pages that would be written to one file, naming
// the sources of all of them, so none silently replaces another. Each page
// after the first on a path gets its own problem, listing the others.
// The pages come sorted by path, so the pages of one path are neighbours.
func checkCollisions(ps []*model.Page, problems *diag.List) {
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].Path == ps[i].Path {
			j++
		}
		group := ps[i:j]
		i = j
		for k, p := range group[1:] {
			var others []string
			for m, o := range group {
				if m != k+1 {
					others = append(others, describe(o))
				}
			}
			file, line, field := origin(p)
			msg := "two pages on one URL " + p.URL + ": this one and " + strings.Join(others, " and ")
			if len(group) > 2 {
				msg = fmt.Sprintf("%d pages on one URL %s: this one and %s", len(group), p.URL, strings.Join(others, ", "))
			}
			hint := "change the slug (or title, or date) of all but one of them"
			if len(group) == 2 {
				hint = "change the slug (or title, or date) of one of them"
			}
			if alias := aliasIn(group, k+1); alias != nil {
				msg = "the old URL " + p.URL + " in aliases: is also the address of " + strings.Join(others, " and ")
				hint = "an old URL leads to one page: remove it from the aliases of all but one, or from the article that has it as its own"
				if alias.Kind == model.KindAlias && len(group) == 2 && group[0].Article == alias.Article {
					msg = "the old URL " + p.URL + " in aliases: is the article's own URL"
					hint = "remove it from aliases:"
				}
			}
			if prev := group[0]; p.Project != nil && prev.Project != nil && p.Project != prev.Project {
				msg = "the codes " + prev.Project.Code + " and " + p.Project.Code + " are different documents but both fold to " + p.URL +
					" (cited in " + describe(prev) + ")"
				hint = "check the codes: if they are one document, write them alike"
			}
			problems.Add(&diag.Problem{File: file, Line: line, Field: field, Message: msg, Hint: hint})
		}
	}
}

// aliasIn returns the alias page among a group on one URL, the one at
// index i first, or nil: the message then speaks of an old URL.
func aliasIn(group []*model.Page, i int) *model.Page {
	if group[i].Kind == model.KindAlias {
		return group[i]
	}
	for _, p := range group {
		if p.Kind == model.KindAlias {
			return p
		}
	}
	return nil
}

// origin names the file, line and field that gave a page its URL.
func origin(p *model.Page) (file string, line int, field string) {
	switch {
	case p.Kind == model.KindAlias:
		for _, al := range p.Article.Aliases {
			if al.URL == p.URL {
				return p.Article.Path, al.Line, "aliases"
			}
		}
		return p.Article.Path, p.Article.Line("aliases"), "aliases"
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
	case p.Project != nil && p.Project.File != nil:
		return p.Project.File.Path, p.Project.File.Line("code"), "code"
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
