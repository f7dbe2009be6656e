package render

import (
	"html/template"
	"strconv"
	"strings"

	"bulletin/internal/model"
)

// The breadcrumbs and the numbered pager are on nearly every page, and
// in a template each is a few dozen calls through reflection: written
// here, they cost one call a page (a 10,000-article site has 17,000
// pages). Their partials (partials/crumbs.html, partials/pager.html) call
// these; a site's own partials may range over Page.Crumbs and
// Pager.Numbers instead.

// navFuncs returns crumbs and pager for a site whose base URL has path.
func navFuncs(path string) template.FuncMap {
	return template.FuncMap{
		"crumbs": func(p *model.Page) template.HTML { return crumbsHTML(path, p) },
		"pager":  func(pg *model.Pager) template.HTML { return pagerHTML(path, pg) },
	}
}

// crumbsHTML writes the trail of p: a link to each step, the page itself
// last, not a link.
func crumbsHTML(path string, p *model.Page) template.HTML {
	if p == nil || len(p.Crumbs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<nav class=\"crumbs\" aria-label=\"Vị trí trang\">\n<ol>\n")
	last := len(p.Crumbs) - 1
	for _, c := range p.Crumbs[:last] {
		b.WriteString(`<li><a href="`)
		b.WriteString(template.HTMLEscapeString(relPath(path, c.URL)))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(c.Name))
		b.WriteString("</a></li>\n")
	}
	b.WriteString(`<li><span aria-current="page">`)
	b.WriteString(template.HTMLEscapeString(p.Crumbs[last].Name))
	b.WriteString("</span></li>\n</ol>\n</nav>")
	return template.HTML(b.String())
}

// pagerHTML writes the numbered pager: ‹ 1 … 14 15 16 … 30 ›, the
// previous and next pages named for screen readers, the words shown on a
// wide screen (.pager-word).
func pagerHTML(path string, pg *model.Pager) template.HTML {
	if pg == nil || pg.Total <= 1 {
		return ""
	}
	var b strings.Builder
	link := func(url string) { b.WriteString(template.HTMLEscapeString(relPath(path, url))) }
	b.WriteString("<nav class=\"pager\" aria-label=\"Phân trang\">\n<ul>\n<li class=\"pager-prev\">")
	if pg.PrevURL != "" {
		b.WriteString(`<a href="`)
		link(pg.PrevURL)
		b.WriteString(`" rel="prev" aria-label="Trang trước"><span aria-hidden="true">‹</span><span class="pager-word"> Trang trước</span></a>`)
	} else {
		b.WriteString(`<span class="pager-off" aria-hidden="true">‹<span class="pager-word"> Trang trước</span></span>`)
	}
	b.WriteString("</li>\n")
	for _, n := range pg.Numbers() {
		if n.Number == 0 {
			b.WriteString("<li class=\"pager-gap\" aria-hidden=\"true\">…</li>\n")
			continue
		}
		b.WriteString(`<li><a href="`)
		link(n.URL)
		b.WriteString(`"`)
		if n.Current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(`><span class="visually-hidden">Trang </span>`)
		b.WriteString(strconv.Itoa(n.Number))
		b.WriteString("</a></li>\n")
	}
	b.WriteString(`<li class="pager-next">`)
	if pg.NextURL != "" {
		b.WriteString(`<a href="`)
		link(pg.NextURL)
		b.WriteString(`" rel="next" aria-label="Trang sau"><span class="pager-word">Trang sau </span><span aria-hidden="true">›</span></a>`)
	} else {
		b.WriteString(`<span class="pager-off" aria-hidden="true"><span class="pager-word">Trang sau </span>›</span>`)
	}
	b.WriteString("</li>\n</ul>\n</nav>")
	return template.HTML(b.String())
}
