package render

import (
	"encoding/binary"
	"strings"
	"testing"
	"testing/fstest"

	"bulletin/internal/model"
)

// keyLE is n as the key's hasher writes a number: eight bytes, the
// least significant first.
func keyLE(n int) string {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	return string(b[:])
}

// Each pair of pages below prints different bytes through one layout (a
// whole page, article.html); a key the two shared would have a build link
// in the first page's file for the second. The first cases are where the
// replay once parted from text/template and html/template; the last, where
// it must keep following them. keyed says the replay follows the layout
// (both pages have keys); otherwise the layout may simply have no key,
// and its pages are rendered.
func TestKeyTellsApartPagesThatDiffer(t *testing.T) {
	type change = func(p *model.Page, a *model.Article, pr *model.Project, s *model.Site)
	// Two pages whose hashes were one byte stream while a string's
	// length followed its bytes: a prints a 276-byte title, takes the if
	// and prints the unit ","; b's title is a's followed by what a hashes
	// next (the title's length, the if's mark, a print's mark and type),
	// 300 bytes, and b skips the if. 300 is written 0x2C 0x01 0 0 0 0 0 0:
	// "," then the unit's length, 1, whose last 0 is b's mark.
	short := strings.Repeat("a", 276)
	printed := "\x06string" + keyLE(6) // a print's mark and type
	long := short + keyLE(len(short)) + "\x01" + printed
	prev := &model.Month{Year: 2018, Month: 7, URL: "/2018/07/"}
	month := &model.Month{Year: 2018, Month: 8, URL: "/2018/08/", Prev: prev}
	cases := []struct {
		name   string
		layout string
		a, b   change
		keyed  bool
	}{
		{
			name:   "a break in an inner range's else ends that range, not the outer one",
			layout: `{{range .Article.Documents}}{{range $.Article.Tags}}{{.}}{{else}}{{break}}{{end}}[{{.Code}}]{{end}}`,
			a:      func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Tags = nil },
			b: func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
				a.Tags = nil
				a.Documents = append([]model.DocRef(nil), a.Documents...)
				a.Documents[1].Code = "03-ĐA/TU"
			},
			keyed: true,
		},
		{
			name:   "a variable declared in parentheses holds until the end of its scope",
			layout: `{{$t := "cố định"}}{{$n := len ($t := .Article.Title)}}<h1>{{$t}}</h1>`,
			b:      func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Title = "Kiểm tra lại" },
			keyed:  true,
		},
		{
			name:   "a list printed in a script is JSON, which fmt's text does not settle",
			layout: `<p>{{.Article.Title}}</p><script>var tags = {{.Article.Tags}};</script>`,
			a: func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
				a.Tags = []string{"dân vận", "cán bộ"}
			},
			b: func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
				a.Tags = []string{"dân", "vận cán bộ"}
			},
		},
		{
			name:   "a pointer printed in a script is the JSON of what it reaches, not fmt's addresses",
			layout: `<script>var month = {{.Article.Month}};</script>`,
			a:      func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Month = month },
			b: func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
				prev.URL = "/2018/07/thang-bay/"
				a.Month = month
			},
		},
		{
			name:   "a string's bytes cannot pass for the hash of what follows it",
			layout: `{{.Article.Title}}{{if .Article.Unit}}{{.Article.Unit}}{{end}}`,
			a: func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
				a.Title, a.Unit = short, ","
			},
			b: func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
				a.Title, a.Unit = long, ""
			},
			keyed: true,
		},
		{
			name:   "html given nothing prints <nil> as html/template rewrites it, where the builtin prints <no value>",
			layout: `<p>{{html .Site.Assets.logo}}</p>`,
			b: func(_ *model.Page, _ *model.Article, _ *model.Project, s *model.Site) {
				s.Assets = map[string]string{"logo": "<no value>"}
			},
		},
		{
			name: "a continue in an inner range's else goes on with the outer range",
			layout: `{{$n := 0}}{{range .Article.Documents}}{{range $.Article.Tags}}{{.}}{{else}}{{continue}}{{end}}` +
				`{{$n = add $n 1}}{{end}}{{if eq $n 0}}<h1>{{.Article.Title}}</h1>{{end}}`,
			a: func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Tags = nil },
			b: func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) {
				a.Tags = nil
				a.Title = "Kiểm tra lại"
			},
			keyed: true,
		},
		{
			name:   "eq with several arguments compares the first with each",
			layout: `{{if eq .Article.Kind "khác" "news"}}tin{{else}}không{{end}}`,
			b:      func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Kind = "outcome" },
			keyed:  true,
		},
		{
			name:   "partialCached runs the partials' own definition, not the kind's define of that name",
			layout: `{{define "partials/p.html"}}<b>bản của trang</b>{{end}}{{partialCached "partials/p.html" .Article}}`,
			b:      func(_ *model.Page, a *model.Article, _ *model.Project, _ *model.Site) { a.Title = "Kiểm tra lại" },
			keyed:  true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := mustNew(t, fstest.MapFS{
				"base.html":       {Data: []byte(`{{block "main" .}}{{end}}`)},
				"article.html":    {Data: []byte(c.layout)},
				"partials/p.html": {Data: []byte(`<i>{{.Title}}</i>`)},
			}, nil)
			// One page, then the other: b may edit in place what a
			// showed, as the next build's fresh process, laying out its
			// heap alike, may put an edited value where the last one was.
			pa := keyPage(c.a)
			ha := render(t, r, pa)
			ka, oka := r.Key(pa)
			pb := keyPage(c.b)
			hb := render(t, r, pb)
			kb, okb := r.Key(pb)
			if ha == hb {
				t.Fatalf("both pages print %q: the case tells nothing apart", ha)
			}
			if c.keyed && (!oka || !okb) {
				t.Errorf("keys: %t and %t, want both: the replay should follow this layout", oka, okb)
			}
			if oka && okb && ka == kb {
				t.Errorf("one key %x for different pages:\n%q\n%q", ka, ha, hb)
			}
		})
	}
}
