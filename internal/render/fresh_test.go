package render

import (
	"testing"
	"testing/fstest"

	"bulletin/internal/model"
)

// A Fresh Renderer renders as its parent does, and its cached partials
// stay its own: the parent's cache holds nothing of what it rendered.
func TestFreshKeepsItsPartialsApart(t *testing.T) {
	th := theme()
	th["home.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{range .Articles}}{{partialCached "partials/card.html" .}}{{end}}{{end}}`)}
	r := mustNew(t, th, nil)
	f := r.Fresh()
	p := homePage()
	if got, want := render(t, f, p), render(t, r, homePage()); got != want {
		t.Fatalf("fresh renders\n%s\nwant\n%s", got, want)
	}
	count := func(r *Renderer) int {
		m := r.memo.Load()
		m.mu.Lock()
		defer m.mu.Unlock()
		return len(m.m)
	}
	if count(f) != 1 || count(r) != 1 {
		t.Fatalf("cached partials: fresh %d, parent %d; want one each", count(f), count(r))
	}
	p.Articles = append(p.Articles, (&model.Article{}).SetFile(&model.ArticleFile{Title: "Chưa lưu"}))
	render(t, f, p)
	if count(r) != 1 {
		t.Errorf("the parent's cache took the fresh renderer's partials: %d", count(r))
	}
}
