package render

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// theme is a minimal theme: base, two kinds, a partial.
func theme() fstest.MapFS {
	return fstest.MapFS{
		"base.html":          {Data: []byte(`<title>{{block "title" .}}{{.Title}}{{end}}</title>{{block "main" .}}{{end}}`)},
		"home.html":          {Data: []byte(`{{define "main"}}{{range .Articles}}{{template "partials/card.html" .}}{{end}}{{end}}`)},
		"article.html":       {Data: []byte("{{define \"main\"}}\n<h1>{{.Article.Title}}</h1>\n<a href=\"{{absURL .URL}}\">{{relURL .URL}}</a>{{end}}")},
		"partials/card.html": {Data: []byte(`<p class="theme-card">{{.Title}}</p>`)},
		"embed.go":           {Data: []byte("package layouts")}, // not a layout: ignored
	}
}

func site(base string) *model.Site {
	return &model.Site{Config: model.Config{Title: "Tin", BaseURL: base, Language: "vi"}}
}

func mustNew(t *testing.T, th, s fstest.MapFS) *Renderer {
	t.Helper()
	r, probs := New(th, s)
	if len(probs) > 0 {
		t.Fatalf("New: %v", probs)
	}
	return r
}

func render(t *testing.T, r *Renderer, p *model.Page) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.Page(&b, p); err != nil {
		t.Fatalf("Page(%s): %v", p.URL, err)
	}
	return b.String()
}

func homePage() *model.Page {
	return &model.Page{Kind: model.KindHome, URL: "/", Title: "Tin", Site: site("/"),
		Articles: []*model.Article{(&model.Article{}).SetFile(&model.ArticleFile{Title: "Bài một"})}}
}

func TestOverrideBySite(t *testing.T) {
	r := mustNew(t, theme(), nil)
	if got := render(t, r, homePage()); !strings.Contains(got, `<p class="theme-card">Bài một</p>`) {
		t.Fatalf("theme card not used:\n%s", got)
	}

	own := fstest.MapFS{
		"partials/card.html":  {Data: []byte(`<div class="site-card">{{template "partials/extra.html" .}}</div>`)},
		"partials/extra.html": {Data: []byte(`{{.Title}}!`)}, // a partial the theme lacks
		"notes.txt":           {Data: []byte("not a layout")},
	}
	rs := mustNew(t, theme(), own)
	got := render(t, rs, homePage())
	if !strings.Contains(got, `<div class="site-card">Bài một!</div>`) || strings.Contains(got, "theme-card") {
		t.Errorf("site card should replace the theme's:\n%s", got)
	}
	if r.Hash() == rs.Hash() {
		t.Error("Hash is the same with and without the site's layouts")
	}
	if again := mustNew(t, theme(), own); again.Hash() != rs.Hash() {
		t.Error("Hash differs between two loads of the same files")
	}
}

func TestOverrideBase(t *testing.T) {
	own := fstest.MapFS{"base.html": {Data: []byte(`<body data-site>{{block "main" .}}{{end}}</body>`)}}
	got := render(t, mustNew(t, theme(), own), homePage())
	if got != `<body data-site><p class="theme-card">Bài một</p></body>` {
		t.Errorf("got %q", got)
	}
}

// A kind file with content outside {{define}} is a whole page of its own.
func TestWholePageLayout(t *testing.T) {
	own := fstest.MapFS{"home.html": {Data: []byte(`<!DOCTYPE html><p>{{.Title}}</p>`)}}
	if got := render(t, mustNew(t, theme(), own), homePage()); got != `<!DOCTYPE html><p>Tin</p>` {
		t.Errorf("got %q", got)
	}
}

func TestSyntaxErrors(t *testing.T) {
	own := fstest.MapFS{
		"article.html":       {Data: []byte("{{define \"main\"}}\n<h1>{{.Title}}</h1>\n{{if}}\n{{end}}")},
		"partials/card.html": {Data: []byte("<p>\n{{.Title | nosuchfunc}}</p>")},
	}
	r, probs := New(theme(), own)
	if r != nil {
		t.Error("Renderer returned despite errors")
	}
	want := []string{
		`layouts/article.html:3: missing value for if`,
		`layouts/partials/card.html:2: function "nosuchfunc" not defined`,
	}
	if len(probs) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(probs), len(want), probs)
	}
	for i, w := range want {
		if got := probs[i].Error(); got != w {
			t.Errorf("problem %d = %q, want %q", i, got, w)
		}
	}
	if probs[0].File != "layouts/article.html" || probs[0].Line != 3 {
		t.Errorf("problem 0 at %s:%d", probs[0].File, probs[0].Line)
	}
}

// An error in the built-in theme says so, and how to replace the file.
func TestThemeSyntaxError(t *testing.T) {
	th := theme()
	th["home.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}{{end}")}
	_, probs := New(th, nil)
	if len(probs) != 1 || probs[0].File != "layouts/home.html" || !strings.Contains(probs[0].Hint, "built-in theme") {
		t.Errorf("got %v", probs)
	}
}

// A call of a template that does not exist is caught when loading, by
// html/template's escaper, with its file and line.
func TestUnknownPartial(t *testing.T) {
	own := fstest.MapFS{"home.html": {Data: []byte("{{define \"main\"}}\n\n{{template \"partials/nope.html\" .}}{{end}}")}}
	_, probs := New(theme(), own)
	if len(probs) != 1 {
		t.Fatalf("got %v", probs)
	}
	p := probs[0]
	if p.File != "layouts/home.html" || p.Line != 3 || !strings.Contains(p.Message, `"partials/nope.html"`) {
		t.Errorf("got %q (file %s line %d)", p.Error(), p.File, p.Line)
	}
}

func TestMissingBase(t *testing.T) {
	th := theme()
	delete(th, "base.html")
	_, probs := New(th, nil)
	if probs.Err() == nil || !strings.Contains(probs.Err().Error(), "layouts/base.html") {
		t.Errorf("got %v", probs)
	}
}

func TestUnusedLayoutWarns(t *testing.T) {
	own := fstest.MapFS{"list.html": {Data: []byte(`{{define "main"}}{{end}}`)}}
	r, probs := New(theme(), own)
	if r == nil || probs.Err() != nil || len(probs.Warnings()) != 1 {
		t.Fatalf("got %v", probs)
	}
	if w := probs[0].Error(); !strings.HasPrefix(w, "layouts/list.html: warning: layout list.html matches no page kind") {
		t.Errorf("got %q", w)
	}
}

func TestMissingLayout(t *testing.T) {
	r := mustNew(t, theme(), nil)
	var b bytes.Buffer
	err := r.Page(&b, &model.Page{Kind: model.KindTaxonomy, URL: "/tags/", Site: site("/")})
	if err == nil || err.Error() != `layouts/taxonomy.html: no layout for page kind "taxonomy" (add layouts/taxonomy.html)` {
		t.Errorf("got %v", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// A failed execution writes nothing and names the file, line, layout and
// page.
func TestExecError(t *testing.T) {
	own := fstest.MapFS{"article.html": {Data: []byte("{{define \"main\"}}<h1>x</h1>\n<p>{{.Article.Nope}}</p>{{end}}")}}
	r := mustNew(t, theme(), own)
	var b bytes.Buffer
	p := &model.Page{Kind: model.KindArticle, URL: "/2018/08/a/", Site: site("/"), Article: (&model.Article{}).SetFile(&model.ArticleFile{Title: "A"})}
	err := r.Page(&b, p)
	if err == nil {
		t.Fatal("no error")
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
	var prob *diag.Problem
	if !errors.As(err, &prob) {
		t.Fatalf("%T is not a *diag.Problem", err)
	}
	if prob.File != "layouts/article.html" || prob.Line != 2 {
		t.Errorf("at %s:%d, want layouts/article.html:2", prob.File, prob.Line)
	}
	if !strings.Contains(err.Error(), "Nope") {
		t.Errorf("%q lacks the failing field", err)
	}
	// The page goes in a note, so the same failure on other pages is the
	// same problem.
	if len(prob.Notes) != 1 || prob.Notes[0].Message != "on page /2018/08/a/ (layout article.html)" {
		t.Errorf("notes %+v, want the page and its layout", prob.Notes)
	}
}

func TestEscapes(t *testing.T) {
	r := mustNew(t, theme(), nil)
	p := &model.Page{Kind: model.KindArticle, URL: "/a/", Title: `<script>alert(1)</script>`, Site: site("/"),
		Article: (&model.Article{}).SetFile(&model.ArticleFile{Title: `<script>alert(1)</script>`})}
	got := render(t, r, p)
	if strings.Contains(got, "<script>") || !strings.Contains(got, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>") {
		t.Errorf("not escaped:\n%s", got)
	}
}

// absURL and relURL follow each page's site: one Renderer serves a site
// at two base URLs (a build and a preview).
func TestBaseURLPerSite(t *testing.T) {
	r := mustNew(t, theme(), nil)
	page := func(base string) *model.Page {
		return &model.Page{Kind: model.KindArticle, URL: "/2018/08/a/", Site: site(base), Article: (&model.Article{}).SetFile(&model.ArticleFile{Title: "A"})}
	}
	if got := render(t, r, page("https://kiemtra.example.vn/")); !strings.Contains(got, `<a href="https://kiemtra.example.vn/2018/08/a/">/2018/08/a/</a>`) {
		t.Errorf("production:\n%s", got)
	}
	if got := render(t, r, page("http://localhost:1313/preview/")); !strings.Contains(got, `<a href="http://localhost:1313/preview/2018/08/a/">/preview/2018/08/a/</a>`) {
		t.Errorf("preview:\n%s", got)
	}
}

func TestConcurrentPages(t *testing.T) {
	r := mustNew(t, theme(), nil)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			base := []string{"/", "https://a.vn/"}[i%2]
			var b bytes.Buffer
			p := &model.Page{Kind: model.KindArticle, URL: "/a/", Site: site(base), Article: (&model.Article{}).SetFile(&model.ArticleFile{Title: "A"})}
			if err := r.Page(&b, p); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
