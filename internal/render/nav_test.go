package render

import (
	"strings"
	"testing"

	"bulletin/internal/model"
)

// The crumbs escape what editors wrote, and lead under the site's path.
func TestCrumbsHTML(t *testing.T) {
	p := &model.Page{Crumbs: []model.Crumb{{Name: "Trang chủ", URL: "/"}, {Name: `Đề án <b>"01"</b>`, URL: "/projects/01-da-tu/"}, {Name: "Tin <i>", URL: "/2018/08/a/"}}}
	got := string(crumbsHTML("/kiem-tra/", p))
	for _, want := range []string{
		`<li><a href="/kiem-tra/">Trang chủ</a></li>`,
		`<li><a href="/kiem-tra/projects/01-da-tu/">Đề án &lt;b&gt;&#34;01&#34;&lt;/b&gt;</a></li>`,
		`<li><span aria-current="page">Tin &lt;i&gt;</span></li>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("crumbs lack %s:\n%s", want, got)
		}
	}
	if crumbsHTML("/", &model.Page{}) != "" || pagerHTML("/", &model.Pager{Total: 1}) != "" || pagerHTML("/", nil) != "" {
		t.Error("no crumbs or pager, yet markup")
	}
}
