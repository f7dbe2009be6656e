package build_test

import (
	"strconv"
	"testing"

	"bulletin/internal/sitetest"
)

const bodyHTMLSite = `
-- site.yaml --
title: Tin kiểm tra
-- content/articles/a.md --
---
title: Kiểm tra dân vận
date: 2018-08-06 16:41
documents: [01-ĐA/TU, 02-ĐA/TU]
---
Thân *bài*.
-- content/projects/01.md --
---
code: 01-ĐA/TU
title: Đề án dân vận
---
Mô tả *đề án*.
-- content/projects/02.md --
---
code: 02-ĐA/TU
title: Đề án không mô tả
---
-- content/pages/gioi-thieu.md --
---
title: Giới thiệu
---
Trang *giới thiệu*.
-- layouts/partials/body.html --
({{.HTML}})
`

// A site's layout reads a body's HTML however it reaches it: on the
// project, the page or the article, through .Body, with with, if, len
// and eq, from a list, and in a partial given the Body itself (a value
// in the template's hands: partialCached takes it as any).
func TestLayoutsReadABodysHTMLEveryWay(t *testing.T) {
	const (
		project = "<p>Mô tả <em>đề án</em>.</p>\n"
		page    = "<p>Trang <em>giới thiệu</em>.</p>\n"
		article = "<p>Thân <em>bài</em>.</p>\n"
	)
	for _, c := range []struct {
		layout, page, main, want string
	}{
		{"project", "projects/01-da-tu/index.html",
			`{{with .Project}}[{{.HTML}}|{{.Body.HTML}}|{{with .HTML}}{{.}}{{end}}|{{if .HTML}}if{{end}}|{{len .HTML}}|{{if eq .HTML ""}}empty{{else}}full{{end}}]{{end}}`,
			"[" + project + "|" + project + "|" + project + "|if|" + strconv.Itoa(len(project)) + "|full]"},
		{"project", "projects/02-da-tu/index.html",
			`{{with .Project}}[{{.HTML}}|{{with .HTML}}with{{end}}|{{if .HTML}}if{{end}}|{{len .HTML}}|{{if eq .HTML ""}}empty{{end}}]{{end}}`,
			"[|||0|empty]"},
		{"project", "projects/01-da-tu/index.html",
			`{{partialCached "partials/body.html" .Project.Body}}{{template "partials/body.html" .Project.Body}}{{with .Project.Body}}{{.HTML}}{{end}}`,
			"(" + project + ")\n(" + project + ")\n" + project},
		{"page", "gioi-thieu/index.html",
			`{{with .Doc}}[{{.HTML}}|{{.Body.HTML}}]{{end}}{{partialCached "partials/body.html" .Doc.Body}}`,
			"[" + page + "|" + page + "](" + page + ")\n"},
		{"article", "2018/08/kiem-tra-dan-van/index.html",
			`{{with .Article}}[{{.HTML}}|{{.Body.HTML}}]{{end}}{{partialCached "partials/body.html" .Article.Body}}`,
			"[" + article + "|" + article + "](" + article + ")\n"},
		{"home", "index.html",
			`{{range .Site.Projects}}[{{.HTML}}]{{end}}{{range .Site.Docs}}[{{.Body.HTML}}]{{end}}`,
			"[" + project + "][][" + page + "]"},
	} {
		s := sitetest.Build(t, bodyHTMLSite+"-- layouts/"+c.layout+".html --\n"+
			`{{define "main"}}<div id="t">`+c.main+`</div>{{end}}`+"\n")
		s.Contains(t, c.page, `<div id="t">`+c.want+`</div>`)
	}
}
