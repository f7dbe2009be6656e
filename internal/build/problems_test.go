package build_test

import (
	"bulletin/internal/diag"
	"strings"
	"testing"

	"bulletin/internal/sitetest"
)

// Each bad input stops the build with a message naming the file, the line
// and the field. The cases are built so that the line is known.
func TestBadInputIsReportedWithFileLineAndField(t *testing.T) {
	cases := []struct {
		name, archive string
		want          []string
	}{
		{"broken YAML", "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ntags: [a, b\n---\nx\n",
			[]string{"content/articles/a.md:"}},
		{"broken TOML", "-- content/articles/a.md --\n+++\ntitle = \"A\ndate = 2018-01-01\n+++\nx\n",
			[]string{"content/articles/a.md:"}},
		{"broken JSON", "-- content/articles/a.md --\n{\n\"title\": \"A\",\n\"date\": \n}\nx\n",
			[]string{"content/articles/a.md"}},
		{"missing title", "-- content/articles/a.md --\n---\ndate: 2018-01-01\n---\nx\n",
			[]string{"content/articles/a.md", "title"}},
		{"missing date", "-- content/articles/a.md --\n---\ntitle: A\n---\nx\n",
			[]string{"content/articles/a.md", "date"}},
		{"impossible date", "-- content/articles/a.md --\n---\ntitle: A\ndate: 31/02/2018\n---\nx\n",
			[]string{"content/articles/a.md:3", "date", "31/02/2018"}},
		{"wrong type", "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndraft: [yes]\n---\nx\n",
			[]string{"content/articles/a.md:4", "draft"}},
		{"invalid UTF-8", "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\nbad \xff byte\n",
			[]string{"content/articles/a.md:5", "UTF-8"}},
		{"no frontmatter", "-- content/articles/a.md --\nJust text.\n",
			[]string{"content/articles/a.md", "frontmatter"}},
		{"binary garbage", "-- content/articles/a.md --\n\x00\x01\x02\xfe\xff\n",
			[]string{"content/articles/a.md", "binary"}},
		{"bad site.yaml", "-- site.yaml --\ntitle: X\npage_size: many\n",
			[]string{"site.yaml:2", "page_size"}},
		{"unknown time zone", "-- site.yaml --\ntime_zone: Asia/Hanoi_City\n",
			[]string{"site.yaml:1", "time_zone"}},
		{"layout syntax error", "-- layouts/404.html --\n{{define \"main\"}}\n{{if}}\n{{end}}\n",
			[]string{"layouts/404.html:2", "if"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg := sitetest.Problems(t, c.archive)
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not contain %q", msg, w)
				}
			}
			if strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") {
				t.Errorf("message carries a Go stack trace: %s", msg)
			}
		})
	}
}

func TestAllProblemsAreReportedTogether(t *testing.T) {
	msg := sitetest.Problems(t, `
-- content/articles/a.md --
---
date: 2018-01-01
---
x
-- content/articles/b.md --
---
title: B
date: 2018-02-30
---
x
-- content/articles/c.md --
no frontmatter
`)
	for _, f := range []string{"content/articles/a.md", "content/articles/b.md", "content/articles/c.md"} {
		if !strings.Contains(msg, f) {
			t.Errorf("problems do not name %s:\n%s", f, msg)
		}
	}
}

func TestTwoPagesOnOneURLNameBothFiles(t *testing.T) {
	msg := sitetest.Problems(t, `
-- content/articles/a.md --
---
title: Cùng một tiêu đề
date: 2018-08-06
---
x
-- content/articles/sub/b.md --
---
title: Cùng  một tiêu đề!
date: 2018-08-20
---
y
`)
	for _, w := range []string{"content/articles/a.md", "content/articles/sub/b.md", "/2018/08/cung-mot-tieu-de/"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not contain %q", msg, w)
		}
	}
}

// Three on one URL: every file is named in every problem, the others as
// notes at their own lines.
func TestThreePagesOnOneURLNameAll(t *testing.T) {
	_, err := sitetest.Try(sitetest.Parse(`
-- content/articles/a1.md --
---
title: Trùng
date: 2018-08-06
---
x
-- content/articles/a2.md --
---
title: Trùng
date: 2018-08-07
---
x
-- content/articles/a3.md --
---
title: Khác
slug: trung
date: 2018-08-08
---
x
`), sitetest.Options{})
	list := diag.AsList(err)
	if len(list) != 2 {
		t.Fatalf("want a problem for each page after the first, got:\n%v", err)
	}
	for _, p := range list {
		r := p.Report()
		for _, f := range []string{"a1.md", "a2.md", "a3.md"} {
			if !strings.Contains(r, f) {
				t.Errorf("%q does not name %s", r, f)
			}
		}
		if !strings.Contains(p.Message, "3 pages on one URL /2018/08/trung/") || len(p.Notes) != 2 || p.Code != diag.URLClash {
			t.Errorf("%q", r)
		}
	}
	want := `content/articles/a2.md:2: title: 3 pages on one URL /2018/08/trung/ (change the slug (or title, or date) of all but one of them)
  2 | title: Trùng
    |        ^
  content/articles/a3.md:3: note: also on /2018/08/trung/: this article
  3 | slug: trung
  content/articles/a1.md:2: note: also on /2018/08/trung/: this article
  2 | title: Trùng`
	if got := list[1].Report(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
}

// One layout typo fails alike on every page of its kind: one problem with
// a count, its line quoted with a caret under the failing action, and the
// first page it failed on as a note; not one line per page.
func TestALayoutFailingOnManyPagesIsOneProblemWithACount(t *testing.T) {
	msg := sitetest.Problems(t, `
-- layouts/article.html --
{{define "main"}}{{index .Article.Tags 5}}{{end}}
-- content/articles/a.md --
---
title: A
date: 2018-01-01
---
x
-- content/articles/b.md --
---
title: B
date: 2018-01-02
---
x
-- content/articles/c.md --
---
title: C
date: 2018-01-03
---
x
`)
	want := `layouts/article.html:1:20: executing "main" at <index .Article.Tags 5>: error calling index: index out of range: 5 ×3
  1 | {{define "main"}}{{index .Article.Tags 5}}{{end}}
    |                    ^
  content/articles/a.md: note: on page /2018/01/a/ (layout article.html)`
	if msg != want {
		t.Errorf("problems:\n%s\nwant:\n%s", msg, want)
	}
}

func TestCollisionsAreReportedWithLoadErrors(t *testing.T) {
	msg := sitetest.Problems(t, `
-- content/articles/broken.md --
---
title: [x
---
-- content/articles/a.md --
---
title: Trùng
date: 2018-08-06
---
x
-- content/articles/b.md --
---
title: Trùng
date: 2018-08-07
---
y
`)
	for _, w := range []string{"content/articles/broken.md", "two pages on one URL /2018/08/trung/"} {
		if !strings.Contains(msg, w) {
			t.Errorf("problems lack %q:\n%s", w, msg)
		}
	}
}
