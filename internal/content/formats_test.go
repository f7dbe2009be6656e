package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestFormats loads the same article written in each frontmatter format
// and line-ending style, and expects the same fields, lines and body.
func TestFormats(t *testing.T) {
	tests := []struct{ name, src, fields string }{
		{"YAML", "---\ntitle: Đảng ủy Khối\ndate: 2018-08-06 16:41\ndocuments: [01-ĐA/TU]\n---\nBody\n",
			"title:2 date:3 documents:4"},
		{"YAML BOM CRLF", "\xEF\xBB\xBF---\r\ntitle: Đảng ủy Khối\r\ndate: 2018-08-06 16:41\r\ndocuments: [01-ĐA/TU]\r\n---\r\nBody\r\n",
			"title:2 date:3 documents:4"},
		{"TOML", "+++\ntitle = \"Đảng ủy Khối\"\ndate = \"16:41, 06/08/2018\"\ndocuments = [\"01-ĐA/TU\"]\n+++\nBody\n",
			"title:2 date:3 documents:4"},
		{"TOML datetime", "+++\ntitle = \"Đảng ủy Khối\"\ndate = 2018-08-06T16:41:00+07:00\ndocuments = [\"01-ĐA/TU\"]\n+++\nBody\n",
			"title:2 date:3 documents:4"},
		{"JSON", "{\n  \"title\": \"Đảng ủy Khối\",\n  \"date\": \"2018-08-06T16:41:00+07:00\",\n  \"documents\": [\"01-ĐA/TU\"]\n}\n\nBody\n",
			"title:2 date:3 documents:4"},
		{"JSON CRLF BOM", "\xEF\xBB\xBF{\r\n  \"title\": \"Đảng ủy Khối\",\r\n  \"date\": \"06/08/2018 \",\r\n  \"documents\": [\"01-ĐA/TU\"]\r\n}\r\n\r\nBody\r\n",
			"title:2 date:3 documents:4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, msgs := messages(t, one(art, tt.src))
			if len(msgs) != 0 {
				t.Fatalf("problems: %v", msgs)
			}
			a := set.Articles[0]
			if a.Title != "Đảng ủy Khối" || a.Slug != "dang-uy-khoi" {
				t.Errorf("title %q slug %q", a.Title, a.Slug)
			}
			if y, m, d := a.Date.In(hcm).Date(); y != 2018 || m != time.August || d != 6 {
				t.Errorf("date %v", a.Date)
			}
			if len(a.Documents) != 1 || a.Documents[0].Key != "01-DA/TU" || a.Documents[0].Line != 4 {
				t.Errorf("documents %+v", a.Documents)
			}
			if got := fieldList(a.Fields); got != tt.fields {
				t.Errorf("fields %s, want %s", got, tt.fields)
			}
			if string(a.Markdown) != "Body\n" || a.BodyLine != strings.Count(tt.src[:strings.Index(tt.src, "Body")], "\n")+1 {
				t.Errorf("body %q at line %d", a.Markdown, a.BodyLine)
			}
		})
	}
}

// TestTOMLTables checks that table headers count as the line of their key
// and that [[documents]] entries get their own lines.
func TestTOMLTables(t *testing.T) {
	src := `+++
title = "a"
date = "2018-08-06"

[team_lead]
name = "Bùi Hải Tú"

[[documents]]
code = "01-ĐA/TU"
title = "Đề án 1"

[[documents]]
code = "02-ĐA/TU"
+++
`
	set, msgs := messages(t, one(art, src))
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	a := set.Articles[0]
	if got := fieldList(a.Fields); got != "title:2 date:3 team_lead:5 documents:8" {
		t.Errorf("fields %s", got)
	}
	if a.TeamLead.Name != "Bùi Hải Tú" || a.Title != "a" {
		t.Errorf("team lead %q title %q", a.TeamLead.Name, a.Title)
	}
	if len(a.Documents) != 2 || a.Documents[0].Line != 8 || a.Documents[1].Line != 12 || a.Documents[0].Title != "Đề án 1" {
		t.Errorf("documents %+v", a.Documents)
	}
}

// TestSections loads every kind of file from nested folders and checks
// what is skipped: other extensions, hidden files, editor leftovers.
func TestSections(t *testing.T) {
	art := "---\ntitle: A\ndate: 2018-08-06\n---\n"
	fsys := fstest.MapFS{
		"content/articles/2018/08/b.md":    {Data: []byte(art)},
		"content/articles/a.md":            {Data: []byte(art)},
		"content/articles/notes.txt":       {Data: []byte("not markdown")},
		"content/articles/.#a.md":          {Data: []byte("lock")},
		"content/articles/a.md~":           {Data: []byte("backup")},
		"content/articles/.a.md.swp":       {Data: []byte("\x00swap")},
		"content/articles/#a.md#":          {Data: []byte("autosave")},
		"content/articles/.git/x.md":       {Data: []byte("hidden folder")},
		"content/projects/de-an/01.md":     {Data: []byte("---\ncode: \" 01-ĐA/TU \"\ntitle: Đề án\ndate: 12/7/2016\nissuer: BCH\nperiod: 2016 - 2020\n---\nMô tả\n")},
		"content/pages/about.md":           {Data: []byte("---\ntitle: Giới thiệu\n---\nx\n")},
		"content/pages/lien-he/index.md":   {Data: []byte("---\ntitle: Liên hệ\ndate: 2018-01-01\n---\n")},
		"content/pages/Về chúng tôi.md":    {Data: []byte("---\ntitle: V\nslug: Về Chúng Tôi\n---\n")},
		"content/elsewhere/ignored.md":     {Data: []byte("not a section")},
		"content/articles/2018/08/c.MD":    {Data: []byte(art)},
		"content/articles/2018/z-draft.md": {Data: []byte(art + "\n")},
	}
	set, msgs := messages(t, fsys)
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	var paths []string
	for _, a := range set.Articles {
		paths = append(paths, a.Path)
	}
	want := "content/articles/2018/08/b.md content/articles/2018/08/c.MD content/articles/2018/z-draft.md content/articles/a.md"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("articles %s\nwant     %s", got, want)
	}
	p := set.Projects[0]
	if p.Code != "01-ĐA/TU" || p.Key != "01-DA/TU" || p.Slug != "01-da-tu" || p.Issuer != "BCH" ||
		p.Period != "2016 - 2020" || p.Date.Format("2006-01-02") != "2016-07-12" || string(p.Markdown) != "Mô tả\n" {
		t.Errorf("project %+v", p)
	}
	var docs []string
	for _, d := range set.Docs {
		docs = append(docs, d.Path+"="+d.Slug)
	}
	want = "content/pages/Về chúng tôi.md=ve-chung-toi content/pages/about.md=about content/pages/lien-he/index.md=lien-he"
	if got := strings.Join(docs, " "); got != want {
		t.Errorf("docs %s\nwant %s", got, want)
	}
}

// TestCodeVariants checks that the spellings of one code share a key.
func TestCodeVariants(t *testing.T) {
	src := "---\ntitle: a\ndate: 2018-08-06\ndocuments:\n  - 01-ĐA/TU\n  - \" 01-DA/TU \"\n  - code: 01-đa/tu\n  - 01 - ĐA / TU\n---\n"
	set, msgs := messages(t, one(art, src))
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	for i, d := range set.Articles[0].Documents {
		if d.Key != "01-DA/TU" || d.Line != 5+i {
			t.Errorf("documents[%d] = %+v", i, d)
		}
	}
}

func TestNoSections(t *testing.T) {
	set, msgs := messages(t, fstest.MapFS{"site.yaml": {Data: []byte("title: x\n")}})
	if len(msgs) != 0 || len(set.Articles)+len(set.Projects)+len(set.Docs) != 0 {
		t.Errorf("got %v %+v", msgs, set)
	}
}
