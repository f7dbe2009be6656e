package assemble

import (
	"cmp"
	"slices"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// projects joins the project files with the documents the shown articles
// reference. A code with no file still gets a project, titled from the
// oldest article that gives the document's title, as the contract says.
func projects(files []*model.ProjectFile, articles []*model.Article, problems *diag.List) []*model.Project {
	byKey := map[string]*model.Project{}
	var out []*model.Project
	for _, f := range files {
		if prev, ok := byKey[f.Key]; ok {
			prob := diag.New(diag.ProjectTwice, f.Path, f.Line("code"), "code", "project %s is already described by another file", f.Code)
			prob.Hint = "codes that differ only by Đ/D, case or spacing name one project: keep one file"
			problems.Add(prob.Note(prev.Path(), prev.File.Line("code"), "%s is described here", prev.Code))
			continue
		}
		p := &model.Project{File: f, Code: f.Code, Key: f.Key, Title: f.Title, Date: f.Date, Issuer: f.Issuer, Period: f.Period}
		byKey[p.Key] = p
		out = append(out, p)
	}
	// Oldest first, so a code without a file takes its title from the
	// first article that cited it.
	for i := len(articles) - 1; i >= 0; i-- {
		a := articles[i]
		for _, d := range a.Documents {
			p := byKey[d.Key]
			if p == nil {
				p = &model.Project{Code: d.Code, Key: d.Key}
				byKey[d.Key] = p
				out = append(out, p)
			}
			if p.File == nil {
				if p.Title == "" {
					p.Title = d.Title
				}
				if p.Date.IsZero() {
					p.Date = d.Date
				}
			}
		}
	}
	for _, p := range out {
		p.Slug = text.CodeSlug(p.Code)
		if p.Slug == "" {
			p.Slug = slugOf(p.Code)
		}
		p.URL = "/projects/" + p.Slug + "/"
	}
	// Newest first, as the site lists them; each article once per project
	// even when it cites the same code twice.
	for _, a := range articles {
		if len(a.Documents) == 0 {
			continue
		}
		a.Projects = make([]*model.Project, len(a.Documents))
		for i, d := range a.Documents {
			p := byKey[d.Key]
			a.Projects[i] = p
			if !slices.Contains(a.Projects[:i], p) {
				p.Articles = append(p.Articles, a)
			}
		}
	}
	// Codes in the order a reader counts them: 15-NQ/TU before
	// 123/KH-UBND before 4950/QĐ-UBND, numbers by value.
	slices.SortFunc(out, func(a, b *model.Project) int {
		if c := naturalCompare(a.Slug, b.Slug); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

// naturalCompare compares two slugs with runs of digits read as numbers.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return cmp.Compare(len(na), len(nb))
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

// digits is the length of the run of ASCII digits s starts with.
func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
