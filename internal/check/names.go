package check

import (
	"fmt"
	"slices"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// names warns where articles spell a team lead, a unit or a tag in ways
// that share one page (its URL folds away the marks) but differ in more
// than case and spacing: "Bùi Hải Tú" and "Bùi Hải Tư" may be a typo, or
// two people the site now shows as one. The article whose spelling is
// not the page's is the one warned about.
func (c *checker) names(found *diag.List) {
	for _, tax := range c.site.Taxonomies {
		field, spelt := taxonomyField(tax.Key)
		if field == "" {
			continue
		}
		for _, t := range tax.Terms {
			if !c.concerns("", t.Articles) {
				continue
			}
			page := sameName(t.Name)
			alike := 0 // articles that spell it as the page does
			for _, a := range t.Articles {
				for _, name := range spelt(a) {
					if sameName(name) == page {
						alike++
						break
					}
				}
			}
			for i := len(t.Articles) - 1; i >= 0; i-- { // oldest first
				a := t.Articles[i]
				names := spelt(a)
				self := slices.ContainsFunc(names, func(n string) bool { return sameName(n) == page })
				for _, name := range names {
					if text.Slug(name) != t.Slug || sameName(name) == page {
						continue // another tag of the article, or the page's own spelling
					}
					found.Add(warn(NameVariants, a.Path, a.Line(field), field,
						fmt.Sprintf("%q shares the page %s with %q (%s), from which it differs in its marks", name, t.URL, t.Name, whereSpelt(alike, self)),
						"if they are one, spell them alike; if they are not, the site cannot tell them apart: add a word to one (a middle name, a place)",
						fmt.Sprintf("«%s» và «%s» (%s) chỉ khác nhau ở dấu, nên chung một trang %s. Nếu là một thì hãy viết giống nhau; "+
							"nếu là hai thì trang không phân biệt được: hãy thêm một chữ cho một bên (tên đệm, địa danh).", name, t.Name, whereSpeltVi(alike, self), t.URL)))
				}
			}
		}
	}
}

// taxonomyField names the frontmatter field a taxonomy is read from, and
// how an article spells its terms there.
func taxonomyField(key string) (string, func(*model.Article) []string) {
	switch key {
	case "team-leads":
		return "team_lead", func(a *model.Article) []string { return []string{a.TeamLead.Name} }
	case "units":
		return "inspected_unit", func(a *model.Article) []string { return []string{a.Unit} }
	case "tags":
		return "tags", func(a *model.Article) []string { return a.Tags }
	}
	return "", nil
}

// sameName is the form names compare in: case, spacing and look-alike
// letters (Ð for Đ) do not count.
func sameName(s string) string { return text.NameKey(s) }

// whereSpelt says where the page's spelling is found: in alike articles, one
// of which may be the warned one itself (two tags of one article).
func whereSpelt(alike int, self bool) string {
	others := alike
	if self {
		others--
	}
	switch {
	case others == 0:
		return "so spelt in this article"
	case self:
		return "so spelt in this article and in " + count(others, "other article")
	}
	return "so spelt in " + count(others, "other article")
}

// whereSpeltVi is whereSpelt in Vietnamese.
func whereSpeltVi(alike int, self bool) string {
	others := alike
	if self {
		others--
	}
	switch {
	case others == 0:
		return "cách viết có ở chính bài này"
	case self:
		return fmt.Sprintf("cách viết có ở bài này và %d bài khác", others)
	}
	return fmt.Sprintf("cách viết có ở %d bài khác", others)
}

func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
