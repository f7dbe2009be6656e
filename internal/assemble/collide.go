package assemble

import (
	"fmt"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// checkCollisions reports pages that would be written to one file, naming
// the sources of all of them, so none silently replaces another. Each page
// after the first on a path gets its own problem, with the others as
// notes: an editor's terminal opens each file from its own location.
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
			file, line, field := origin(p)
			prob := diag.New(diag.URLClash, file, line, field, "two pages on one URL %s", p.URL)
			prob.Hint = "change the slug (or title, or date) of one of them"
			if len(group) > 2 {
				prob.Message = fmt.Sprintf("%d pages on one URL %s", len(group), p.URL)
				prob.Hint = "change the slug (or title, or date) of all but one of them"
			}
			if prev := group[0]; p.Project != nil && prev.Project != nil && p.Project != prev.Project {
				prob.Message = "the codes " + prev.Project.Code + " and " + p.Project.Code + " are different documents but both fold to " + p.URL
				prob.Hint = "check the codes: if they are one document, write them alike"
			}
			for m, o := range group {
				if m == k+1 {
					continue
				}
				if f, l, _ := origin(o); f != "" {
					prob.Note(f, l, "also on %s: %s", p.URL, here(o))
				} else {
					prob.Note("", 0, "also on %s: %s", p.URL, describe(o))
				}
			}
			problems.Add(prob)
		}
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

// here says what page a file gives, for a note at its origin.
func here(p *model.Page) string {
	switch {
	case p.Article != nil:
		return "this article"
	case p.Project != nil && p.Project.File != nil:
		return "the project " + p.Project.Code
	case p.Project != nil:
		return "the project of " + p.Project.Code + ", cited here"
	}
	return "this page"
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
