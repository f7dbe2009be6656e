package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bulletin/internal/model"
)

// A meta description is what a search result shows under the title: one
// shared by hundreds of pages tells a reader nothing and is dropped by
// search engines. Lists get their own, made of what they list: a
// project's code, counts and title; a team lead's, unit's or tag's name,
// count and role; which page of the list it is and the days it covers.

// listDescription is the description of a list page, or "" for a page
// that is not one (the site's description then stands in).
func listDescription(p *model.Page) string {
	switch {
	case p.Project != nil:
		pr := p.Project
		n := len(pr.Articles)
		return pr.Code + ": " + count(n-pr.Outcomes(), "tin kiểm tra") + ", " + count(pr.Outcomes(), "kết quả kiểm tra") +
			pageOf(p) + "." + sentence(pr.Title)
	case p.Term != nil:
		label := ""
		if p.Taxonomy != nil {
			label = p.Taxonomy.Label + " "
		}
		return label + p.Term.Name + ": " + count(len(p.Term.Articles), "bài viết") + pageOf(p) + "." + sentence(p.Term.Role)
	case p.Kind == model.KindTaxonomy && p.Taxonomy != nil:
		t := p.Taxonomy
		return t.Title + ": danh sách " + count(len(t.Terms), "mục") + " theo thứ tự chữ cái, mỗi mục với số bài viết."
	case p.Kind == model.KindProjects && p.Site != nil:
		return "Danh sách " + count(len(p.Site.Projects), "đề án, văn bản") +
			" được kiểm tra, giám sát, với số tin và kết quả kiểm tra của mỗi văn bản."
	case p.Kind == model.KindMonth && p.Month != nil:
		m := p.Month
		return "Lưu trữ tháng " + strconv.Itoa(m.Month) + "/" + strconv.Itoa(m.Year) + ": " + count(len(m.Articles)-m.Outcomes, "tin kiểm tra") +
			", " + count(m.Outcomes, "kết quả kiểm tra") + ", theo ngày đăng."
	case p.Kind == model.KindYear && p.Year != nil:
		y := p.Year
		return "Lưu trữ năm " + strconv.Itoa(y.Year) + ": " + count(len(y.Articles)-y.Outcomes, "tin kiểm tra") +
			", " + count(y.Outcomes, "kết quả kiểm tra") + " trong " + count(len(y.Months), "tháng") + "."
	case p.Kind == model.KindFollowUps && p.Site != nil:
		f := &p.Site.FollowUps
		return "Theo dõi thực hiện kiến nghị sau kiểm tra: " + count(len(f.Overdue), "kiến nghị quá hạn") + ", " +
			count(len(f.Open), "chưa đến hạn") + ", " + count(len(f.Done), "đã có kết quả") + "."
	case p.Kind == model.KindFollowUpList && p.Site != nil:
		return "Kiến nghị sau kiểm tra, " + strings.ToLower(p.Title) + ": " + count(len(p.Site.FollowUps.Of(p.State)), "kiến nghị") + pageOf(p) + "."
	case p.Kind == model.KindSearch:
		return "Tìm bài viết, đề án, văn bản trên trang, gõ có dấu hay không dấu đều được."
	case p.Kind == model.Kind404:
		return "Trang bạn tìm không có hoặc đã được chuyển đi: tìm bài trong danh sách tin mới hoặc các đề án, văn bản."
	case p.Kind == model.KindHome && p.Pager != nil && p.Pager.Number > 1 && len(p.Articles) > 0:
		newest, oldest := p.Articles[0].Date, p.Articles[len(p.Articles)-1].Date
		return "Tin mới" + pageOf(p) + ": các bài từ ngày " + viDate(oldest) + " đến ngày " + viDate(newest) + "."
	}
	return ""
}

// pageOf is ", trang 2/5" on the second page of a list, "" on its first.
func pageOf(p *model.Page) string {
	if p.Pager == nil || p.Pager.Number < 2 {
		return ""
	}
	return ", trang " + strconv.Itoa(p.Pager.Number) + "/" + strconv.Itoa(p.Pager.Total)
}

// sentence is s as a sentence after another: " S." with a capital; "" for
// an empty s.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return " " + s
}
