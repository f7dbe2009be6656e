package assemble

import (
	"fmt"
	"strings"

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
		if len(group) == 1 {
			continue
		}
		group = fileFirst(group)
		for k, p := range group[1:] {
			file, line, field := origin(p)
			prob := diag.New(diag.URLClash, file, line, field, "two pages on one URL %s", p.URL)
			prob.Hint = "change the slug (or title, or date) of one of them"
			prob.Vi = clashVi(group, p.URL)
			if len(group) > 2 {
				prob.Message = fmt.Sprintf("%d pages on one URL %s", len(group), p.URL)
				prob.Hint = "change the slug (or title, or date) of all but one of them"
			}
			if alias := aliasIn(group, k+1); alias != nil {
				var others []string
				for m, o := range group {
					if m != k+1 {
						others = append(others, describe(o))
					}
				}
				prob.Message = "the old URL " + p.URL + " in aliases: is also the address of " + strings.Join(others, " and ")
				prob.Hint = "an old URL leads to one page: remove it from the aliases of all but one, or from the article that has it as its own"
				prob.Vi = "Địa chỉ cũ " + p.URL + " (trong danh sách địa chỉ cũ của bài) cũng là địa chỉ của " + pagesVi(group, k+1) +
					": một địa chỉ chỉ dẫn tới một trang, hãy bỏ nó khỏi danh sách địa chỉ cũ (nhờ người quản trị nếu cần)."
				if len(group) == 2 && group[0].Article == alias.Article && !isAlias(group[0]) {
					prob.Message = "the old URL " + p.URL + " in aliases: is the article's own URL"
					prob.Hint = "remove it from aliases:"
					prob.Vi = "Địa chỉ cũ " + p.URL + " (trong danh sách địa chỉ cũ của bài) lại chính là địa chỉ hiện nay của bài: hãy bỏ nó khỏi danh sách địa chỉ cũ."
				}
			}
			if prev := group[0]; p.Project != nil && prev.Project != nil && p.Project != prev.Project {
				prob.Message = "the codes " + prev.Project.Code + " and " + p.Project.Code + " are different documents but both fold to " + p.URL
				prob.Hint = "check the codes: if they are one document, write them alike"
				prob.Vi = "Số hiệu " + prev.Project.Code + " và " + p.Project.Code + " là hai văn bản khác nhau nhưng lại cùng một địa chỉ trang " + p.URL +
					": hãy kiểm tra lại số hiệu; nếu là một văn bản thì hãy viết giống nhau."
			}
			for m, o := range group {
				if m == k+1 {
					continue
				}
				if f, l, field := origin(o); f != "" {
					prob.Note(f, l, "also on %s: %s", p.URL, here(o))
					prob.Notes[len(prob.Notes)-1].Field = field
				} else {
					prob.Note("", 0, "also on %s: %s", p.URL, describe(o))
				}
			}
			problems.Add(prob)
		}
	}
}

// fileFirst orders a group of pages on one URL with the pages made by
// the build alone (a year's archive, the search page) first, so that the
// problems go to the pages of files an editor can change
// (content/pages/search.md), not to a page with no file to name.
func fileFirst(group []*model.Page) []*model.Page {
	out := make([]*model.Page, 0, len(group))
	for _, own := range []bool{false, true} {
		for _, p := range group {
			if f, _, _ := origin(p); (f != "") == own {
				out = append(out, p)
			}
		}
	}
	return out
}

// aliasIn returns the alias page among a group on one URL, the one at
// index i first, or nil: the message then speaks of an old URL.
func aliasIn(group []*model.Page, i int) *model.Page {
	if isAlias(group[i]) {
		return group[i]
	}
	for _, p := range group {
		if isAlias(p) {
			return p
		}
	}
	return nil
}

// isAlias reports whether p stands at an old URL of an article (its
// aliases:), leading to it.
func isAlias(p *model.Page) bool { return p.Kind == model.KindRedirect && p.Article != nil }

// origin names the file, line and field that gave a page its URL.
func origin(p *model.Page) (file string, line int, field string) {
	switch {
	case isAlias(p):
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

// clashVi says, for the editor, which pages would share url and what to
// do, naming every page of the group: it reads the same from each of
// the files concerned (the editor shows it beside the field of either).
func clashVi(group []*model.Page, url string) string {
	n := "Hai"
	if len(group) > 2 {
		n = fmt.Sprint(len(group))
	}
	return n + " trang sẽ có cùng một địa chỉ " + url + ": " + pagesVi(group, -1) +
		". Hãy đổi «Đường dẫn» (hoặc tiêu đề, thời gian đăng) để mỗi bài có một địa chỉ riêng."
}

// pagesVi names the pages of group but the one at skip, in Vietnamese.
func pagesVi(group []*model.Page, skip int) string {
	var out []string
	for i, p := range group {
		if i == skip {
			continue
		}
		switch {
		case p.Article != nil:
			out = append(out, "bài «"+p.Article.Title+"» (tệp "+p.Article.Path+")")
		case p.Project != nil:
			out = append(out, "trang của văn bản "+p.Project.Code)
		case p.Doc != nil:
			out = append(out, "trang «"+p.Doc.Title+"» (tệp "+p.Doc.Path+")")
		case p.Kind == model.KindTerm:
			out = append(out, "trang «"+p.Term.Name+"»")
		case p.Kind == model.KindHome:
			out = append(out, "trang chủ")
		default:
			out = append(out, "một trang do trang web tự tạo")
		}
	}
	if len(out) > 2 {
		return strings.Join(out[:len(out)-1], ", ") + " và " + out[len(out)-1]
	}
	return strings.Join(out, " và ")
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
