package render

import (
	"bytes"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/model"
)

// keyLayouts read a page every way text/template lets a layout read it:
// fields near and far, methods, functions of the page, branches with
// their else, ranges with variables, break and continue, builtins,
// variables assigned, template calls, cached partials, a map.
var keyLayouts = fstest.MapFS{
	"base.html": {Data: []byte(`<title>{{block "title" .}}{{headTitle .}}{{end}}</title>{{block "main" .}}{{end}}` +
		`<footer>{{partialCached "partials/years.html" .Site}}</footer>`)},
	"article.html": {Data: []byte(`{{define "main"}}{{with .Article}}<h1>{{codes .Title}}</h1>
{{if .IsOutcome}}<p>kết luận</p>{{else if eq .Kind "news"}}<p>tin</p>{{else}}<p>{{.Kind}}</p>{{end}}
<time>{{viDate .Date}}</time>{{$lead := .TeamLead}}{{with $lead.Name}}<p>{{.}}{{with $lead.Role}}, {{.}}{{end}}</p>{{end}}
{{range $i, $p := .Projects}}{{if gt $i 0}}, {{end}}<a href="{{relURL $p.URL}}">{{$p.Code}}</a>{{if $p.Issuer}} ({{$p.Issuer}}){{end}}{{end}}
{{range .Tags}}{{if eq . "bỏ qua"}}{{continue}}{{end}}{{if eq . "dừng"}}{{break}}{{end}}<i>{{.}}</i>{{else}}<i>không chủ đề</i>{{end}}
{{$n := 0}}{{range .Documents}}{{$n = add $n 1}}{{end}}<p>{{$n}} văn bản, {{len .Documents}}</p>
{{with index .Documents 0}}<p>{{.Code}}{{if not .Date.IsZero}} ngày {{viDate .Date}}{{end}}</p>{{end}}
{{if and .Unit (not .Draft)}}<p>{{.Unit | printf "đơn vị: %s"}}</p>{{end}}{{or .SummaryField "không tóm tắt"}}
{{.HTML}}{{partialsCached "partials/row.html" .Related}}{{end}}
{{with .Site.Assets}}{{index . "/css/a.css"}}{{range $k, $v := .}}[{{$k}}={{$v}}]{{end}}{{end}}{{template "partials/prev.html" .Prev}}{{end}}`)},
	"partials/years.html": {Data: []byte(`{{range .Years}}<a>{{.Year}}</a>{{end}}`)},
	"partials/row.html":   {Data: []byte(`<li>{{.Title}}{{with .Projects}} — {{(index . 0).Title}}{{end}}</li>`)},
	"partials/prev.html":  {Data: []byte(`{{with .}}<a rel="prev">{{.Title}}</a>{{end}}`)},
}

// keyPage makes a fresh article page (partials are cached per value, so
// each variant gets values of its own) and lets change alter it.
func keyPage(change func(p *model.Page, a *model.Article, pr *model.Project, s *model.Site)) *model.Page {
	hcm := time.FixedZone("ICT", 7*3600)
	s := &model.Site{Config: model.Config{Title: "Tin", BaseURL: "https://kt.example.vn/", Language: "vi"},
		Assets: map[string]string{"/css/a.css": "/css/a.1234.css", "/js/b.js": "/js/b.5678.js"},
		Years:  []*model.Year{{Year: 2018}, {Year: 2019}}}
	pr := &model.Project{Code: "01-ĐA/TU", URL: "/projects/01-da-tu/", Title: "Công tác dân vận", Issuer: "Tỉnh ủy"}
	other := (&model.Article{Projects: []*model.Project{pr}}).SetFile(&model.ArticleFile{Title: "Bài liên quan"})
	a := (&model.Article{Projects: []*model.Project{pr}, URL: "/2018/08/kiem-tra/"}).SetFile(&model.ArticleFile{
		Title: "Kiểm tra Đề án số 01-ĐA/TU", Kind: "news", Date: time.Date(2018, 8, 6, 16, 41, 0, 0, hcm),
		TeamLead: model.Person{Name: "Bùi Hải Tú", Role: "Phó Chủ nhiệm"}, Unit: "Đảng ủy Khối",
		Documents: []model.DocRef{{Code: "01-ĐA/TU", Date: time.Date(2016, 7, 12, 0, 0, 0, 0, hcm)}, {Code: "02-ĐA/TU"}},
		Tags:      []string{"dân vận", "bỏ qua", "cán bộ", "dừng", "sau dừng"},
	})
	a.SetBody(ptr(model.NewBody(model.RawHTML("<p>Thân bài.</p>"), "Thân bài.")))
	a.RelateWith(func(*model.Article) []*model.Article { return []*model.Article{other} })
	prev := (&model.Article{}).SetFile(&model.ArticleFile{Title: "Bài trước"})
	p := &model.Page{Kind: model.KindArticle, URL: a.URL, Title: a.Title, Site: s, Article: a, Prev: prev}
	if change != nil {
		change(p, a, pr, s)
	}
	return p
}

// A page's key is the same only when its bytes are: whatever the layouts
// read changes the key when it changes what they print; and what they do
// not print leaves it, but for what a function of plain values is given.
func TestKeyIsTheSameExactlyWhenThePageIs(t *testing.T) {
	r := mustNew(t, keyLayouts, nil)
	type change = func(p *model.Page, a *model.Article, pr *model.Project, s *model.Site)
	variants := []struct {
		name   string
		change change
	}{
		{"as made", nil},
		{"the title", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Title = "Kiểm tra lại" }},
		{"the kind", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Kind = "outcome" }},
		{"an unknown kind", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Kind = "khác" }},
		{"the time of day, not shown", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.Date = a.Date.Add(time.Hour)
		}},
		{"the day", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.Date = a.Date.AddDate(0, 0, 1)
		}},
		{"the lead's role", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.TeamLead.Role = "" }},
		{"the project's issuer, read through the article", func(_ *model.Page, _ *model.Article, pr *model.Project, _ *model.Site) {
			pr.Issuer = "Ban Tổ chức"
		}},
		{"the project's title, read through a related article's row", func(_ *model.Page, _ *model.Article, pr *model.Project, _ *model.Site) {
			pr.Title = "Công tác cán bộ"
		}},
		{"the project's period, shown nowhere", func(_ *model.Page, _ *model.Article, pr *model.Project, _ *model.Site) {
			pr.Period = "2016 - 2020"
		}},
		{"a tag after the break", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.Tags = append([]string(nil), a.Tags...)
			a.Tags[4] = "khác"
		}},
		{"a tag now skipped by continue", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.Tags = append([]string(nil), a.Tags...)
			a.Tags[2] = "bỏ qua"
		}},
		{"a tag shown", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.Tags = append([]string(nil), a.Tags...)
			a.Tags[2] = "tổ chức"
		}},
		{"no tags", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Tags = nil }},
		{"a document more", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.Documents = append(append([]model.DocRef(nil), a.Documents...), model.DocRef{Code: "03-ĐA/TU"})
		}},
		{"the first document's date", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.Documents = append([]model.DocRef(nil), a.Documents...)
			a.Documents[0].Date = time.Time{}
		}},
		{"a draft", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Draft = true }},
		{"a summary", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.SummaryField = "Tóm tắt" }},
		{"the body", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.SetBody(ptr(model.NewBody(model.RawHTML("<p>Thân bài mới.</p>"), "")))
		}},
		{"the body's lead, shown nowhere", func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
			a.SetBody(ptr(model.NewBody(model.RawHTML("<p>Thân bài.</p>"), "Khác.")))
		}},
		{"an asset's name", func(_ *model.Page, _ *model.Article, _ *model.Project, s *model.Site) {
			s.Assets = map[string]string{"/css/a.css": "/css/a.1234.css", "/js/b.js": "/js/b.9999.js"}
		}},
		{"a year of the archives", func(_ *model.Page, _ *model.Article, _ *model.Project, s *model.Site) {
			s.Years = append(s.Years, &model.Year{Year: 2020})
		}},
		{"the previous article's title", func(p *model.Page, _ *model.Article, _ *model.Project, _ *model.Site) {
			p.Prev.Title = "Bài trước nữa"
		}},
		{"no previous article", func(p *model.Page, _ *model.Article, _ *model.Project, _ *model.Site) { p.Prev = nil }},
		{"the page's own title, shown by headTitle", func(p *model.Page, _ *model.Article, _ *model.Project, _ *model.Site) {
			p.Title = "Tiêu đề khác"
		}},
		{"the base URL, which relURL writes", func(_ *model.Page, _ *model.Article, _ *model.Project, s *model.Site) {
			s.Config.BaseURL = "https://kt.example.vn/tin/"
		}},
	}
	type result struct {
		name string
		key  uint64
		html string
	}
	var results []result
	for _, v := range variants {
		r.Forget() // a new snapshot's values
		p := keyPage(v.change)
		key, ok := r.Key(p)
		if !ok {
			t.Fatalf("%s: no key: the replay should follow every construct of these layouts", v.name)
		}
		var b bytes.Buffer
		if err := r.Page(&b, p); err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		results = append(results, result{v.name, key, b.String()})
	}
	// A function of plain values (viDate .Date) is not called: its key
	// holds the whole value, so a change it does not print (the time of
	// day, on a page that shows the day) still changes the key. The page
	// is then made again for nothing, never kept when it changed.
	coarse := map[string]bool{"the time of day, not shown": true}
	for i, x := range results {
		for _, y := range results[i+1:] {
			if x.key == y.key && x.html != y.html {
				t.Errorf("%q and %q: same key, different pages\n%s\n---\n%s", x.name, y.name, x.html, y.html)
			}
			if x.key != y.key && x.html == y.html && !coarse[x.name] && !coarse[y.name] {
				t.Errorf("%q and %q: the same page, different keys", x.name, y.name)
			}
		}
	}
	// The variants that change nothing printed keep the key; the others
	// change it (checked pairwise above): say which is which, so a
	// layout edit that makes this test vacuous shows.
	var same []string
	for _, x := range results[1:] {
		if x.html == results[0].html {
			same = append(same, x.name)
		}
	}
	if want := []string{"the time of day, not shown", "the project's period, shown nowhere", "a tag after the break", "the body's lead, shown nowhere"}; !slices.Equal(same, want) {
		t.Errorf("the variants that print the page as made are %q, want %q", same, want)
	}
}

// A layout the replay cannot follow gives no key: the page is rendered.
func TestKeyOfALayoutTheReplayCannotFollow(t *testing.T) {
	for _, main := range []string{
		`{{slice .Title 1}}`,                          // a builtin the replay does not compute
		`{{len (partialCached "partials/p.html" .)}}`, // a cached partial's bytes used, not printed
		`{{.Article.Title}}`,                          // nil pointer: fails when rendered too
	} {
		th := fstest.MapFS{
			"base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
			"page.html":       {Data: []byte(`{{define "main"}}` + main + `{{end}}`)},
			"partials/p.html": {Data: []byte(`<p>{{.Title}}</p>`)},
		}
		r := mustNew(t, th, nil)
		if key, ok := r.Key(&model.Page{Kind: model.KindPage, Title: "Giới thiệu", Site: site("/")}); ok {
			t.Errorf("%s: key %x, want none", main, key)
		}
	}
}

// Keys are the same from one process to the next: a build compares them
// with the keys the last build wrote down.
func TestKeyIsStable(t *testing.T) {
	r1, r2 := mustNew(t, keyLayouts, nil), mustNew(t, keyLayouts, nil)
	k1, ok1 := r1.Key(keyPage(nil))
	k2, ok2 := r2.Key(keyPage(nil))
	if !ok1 || !ok2 || k1 != k2 {
		t.Errorf("two renderers of one theme: keys %x (%t) and %x (%t)", k1, ok1, k2, ok2)
	}
	if k1 == 0 {
		t.Error("key 0, which a build takes for no key")
	}
}

func ptr[T any](v T) *T { return &v }

// One place in a layout reads a member of values of several types: a
// field of the page, the article's own, a project's; a method of the
// article's pointer and one a project has from the body it embeds. What
// the replay keeps of each place (memberAt) is for the type it last read
// there: every page's key is the one a renderer that never read that
// place before gives it, and pages that print alike, and only those,
// share one.
func TestKeyOfOnePlaceReadOnManyTypes(t *testing.T) {
	layouts := fstest.MapFS{
		"base.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
		"article.html": {Data: []byte(`{{define "main"}}{{template "partials/t.html" .}}{{template "partials/t.html" .Article}}` +
			`{{range .Article.Projects}}{{template "partials/t.html" .}}{{template "partials/h.html" .}}{{end}}{{template "partials/h.html" .Article}}{{end}}`)},
		"partials/t.html": {Data: []byte(`<b>{{.Title}}</b>`)},
		"partials/h.html": {Data: []byte(`<div>{{.HTML}}</div>`)},
	}
	pages := []*model.Page{
		keyPage(nil),
		keyPage(func(p *model.Page, _ *model.Article, _ *model.Project, _ *model.Site) { p.Title = "Trang khác" }),
		keyPage(func(_ *model.Page, _ *model.Article, pr *model.Project, _ *model.Site) { pr.Title = "Đề án khác" }),
		keyPage(func(_ *model.Page, _ *model.Article, pr *model.Project, _ *model.Site) {
			pr.Body = model.NewBody(model.RawHTML("<p>Đề án.</p>"), "")
		}),
		keyPage(func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Title = "Bài khác" }),
		keyPage(nil),
	}
	warm := mustNew(t, layouts, nil)
	keys := make([]uint64, len(pages))
	for i, p := range pages {
		k, ok := warm.Key(p)
		fresh, okFresh := mustNew(t, layouts, nil).Key(p)
		if !ok || !okFresh || k != fresh {
			t.Errorf("page %d: key %x (%t) where a new renderer gives %x (%t)", i, k, ok, fresh, okFresh)
		}
		keys[i] = k
	}
	for i := range pages {
		for j := range i {
			var a, b bytes.Buffer
			if err := warm.Page(&a, pages[i]); err != nil {
				t.Fatal(err)
			}
			if err := warm.Page(&b, pages[j]); err != nil {
				t.Fatal(err)
			}
			if same := bytes.Equal(a.Bytes(), b.Bytes()); same != (keys[i] == keys[j]) {
				t.Errorf("pages %d and %d: bytes the same %t, keys the same %t", j, i, same, keys[i] == keys[j])
			}
		}
	}
}
