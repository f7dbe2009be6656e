package check

import (
	"context"
	"strings"
	"testing"

	"bulletin/internal/diag"
	"bulletin/internal/sitetest"

	"golang.org/x/text/unicode/norm"
)

func run(t *testing.T, archive string) diag.List {
	t.Helper()
	found, err := Run(context.Background(), sitetest.Parse(archive), sitetest.Now)
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// Each case triggers one kind of warning; want lists the finding's code and
// pieces of its message, including file:line.
func TestEachWarning(t *testing.T) {
	cases := []struct {
		name, code, archive string
		want                []string
	}{
		{"misspelt key", UnknownField, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documnets: [01-ĐA/TU]
---
x
`, []string{"content/articles/a.md:4", `did you mean "documents"?`}},
		{"one code, two titles", DocumentDiffers, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents:
  - code: 01-ĐA/TU
    title: Nâng cao chất lượng công tác dân vận
---
x
-- content/articles/b.md --
---
title: B
date: 2018-02-01
documents:
  - code: 01-DA/TU
    date: 12/7/2016
    title: Nâng cao hiệu quả công tác dân vận
---
x
`, []string{"content/articles/b.md:7: warning: documents[1].title:", "Nâng cao hiệu quả công tác dân vận", "but its first citation gives",
			"\n  content/articles/a.md:6: note: its first citation gives the title here\n  6 |     title: Nâng cao chất lượng công tác dân vận"}},
		{"one code, two dates", DocumentDiffers, `
-- content/projects/p.md --
---
code: 01-ĐA/TU
title: T
date: 2016-07-12
---
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents:
  - code: 01-ĐA/TU
    date: 21/7/2016
---
x
`, []string{"content/articles/a.md:6: warning: documents[1].date:", "21/07/2016", "but its project file gives 12/07/2016",
			"\n  content/projects/p.md:4: note: its project file gives the date here\n  4 | date: 2016-07-12"}},
		{"one document twice", RepeatedDoc, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents:
  - 01-ĐA/TU
  - " 01-DA/TU "
  - code: 01-đa/tu
    date: 12/7/2016
    title: Dân vận
---
x
`, []string{
			`content/articles/a.md:6: warning: documents[2]: 01-DA/TU is 01-ĐA/TU again (one document); it is listed once (remove one of the two entries)`,
			`content/articles/a.md:7: warning: documents[3]: 01-đa/tu is 01-ĐA/TU again (one document); it is listed once, as the first entry gives it; not used from this one: title "Dân vận", date 12/07/2016 (remove one of the two entries)`}},
		{"names that share a page but differ in marks", NameVariants, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
team_lead: Bùi Hải Tú
documents: [01-ĐA/TU]
tags: [dân vận]
---
x
-- content/articles/b.md --
---
title: B
date: 2018-02-01
team_lead: Bùi Hải Tư
documents: [01-ĐA/TU]
tags: [Dân Vận, dần vận]
---
x
-- content/articles/c.md --
---
title: C
date: 2018-03-01
team_lead: bùi hải  tú
documents: [01-ĐA/TU]
---
x
-- content/articles/d.md --
---
title: D
date: 2018-04-01
team_lead: Bùi Hải Tú
documents: [01-ĐA/TU]
---
x
`, []string{
			`content/articles/b.md:4: warning: team_lead: "Bùi Hải Tư" shares the page /team-leads/bui-hai-tu/ with "Bùi Hải Tú" (so spelt in 3 other articles), from which it differs in its marks`,
			// b.md spells it so itself too, in its other tag: not counted as another.
			`content/articles/b.md:6: warning: tags: "dần vận" shares the page /tags/dan-van/ with "Dân Vận" (so spelt in this article and in 1 other article), from which it differs in its marks`}},
		{"dates a typo would give", UnlikelyDate, `
-- content/articles/a.md --
---
title: A
date: 06/08/2081
documents: [01-ĐA/TU]
---
x
-- content/articles/b.md --
---
title: B
date: 06/08/1918
documents: [01-ĐA/TU]
---
x
`, []string{
			`content/articles/a.md:3: warning: date: the article is dated 06/08/2081, more than a year from today`,
			`content/articles/b.md:3: warning: date: the article is dated 06/08/1918, before 1945 (is the year a typo?)`}},
		{"project nobody cites", UnusedProject, `
-- content/projects/p.md --
---
code: 09-ĐA/TU
title: T
---
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
x
`, []string{"content/projects/p.md:2", "09-ĐA/TU"}},
		{"article citing nothing", NoDocuments, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
---
x
`, []string{"content/articles/a.md:2", "cites no document"}},
		{"follow-up overdue", FollowUpOverdue, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
kind: outcome
documents: [01-ĐA/TU]
outcome:
  findings: [x]
  follow_up_by: 2018-06-30
---
x
-- content/articles/b.md --
---
title: B
date: 2018-09-01
kind: news
documents: [01-ĐA/TU]
---
A visit is not an outcome.
`, []string{"content/articles/a.md:6", "30/06/2018"}},
		{"broken site link", BrokenLink, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
See [the project](/projects/01-da-tu/) and [nothing](/2018/01/khong-co/).
`, []string{"content/articles/a.md:6", "/2018/01/khong-co/"}},
		{"broken .md link", BrokenLink, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
First line.

See [b](b.md) and [c](sub/c.md).
-- content/articles/b.md --
---
title: B
date: 2018-01-02
documents: [01-ĐA/TU]
---
x
`, []string{"content/articles/a.md:8", "content/articles/sub/c.md"}},
		{".md link to a draft", BrokenLink, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
See [the draft](nhap.md).
-- content/articles/nhap.md --
---
title: Nháp
date: 2018-01-02
draft: true
documents: [01-ĐA/TU]
---
x
`, []string{"content/articles/a.md:6", "content/articles/nhap.md, which is a draft"}},
		{"site-absolute link outside the site's path", BrokenLink, `
-- site.yaml --
base_url: https://tinh.example.vn/kiem-tra/
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
See [the projects](/kiem-tra/projects/), [a project](/kiem-tra/projects/01-da-tu) and [the old link](/projects/).
`, []string{"content/articles/a.md:6: warning: the link /projects/ leads out of the site, which lives under /kiem-tra/ (write it as /kiem-tra/projects/)"}},
		{"URL link to a draft", BrokenLink, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
See [the draft](/2018/01/nhap/#muc), [relative](../nhap) and [the other](/2018/01/b/).
-- content/articles/nhap.md --
---
title: Nháp
date: 2018-01-02
draft: true
documents: [01-ĐA/TU]
---
See [A](/2018/01/a/).
-- content/articles/b.md --
---
title: B
date: 2018-01-03
documents: [01-ĐA/TU]
---
x
`, []string{
			"content/articles/a.md:6: warning: the link /2018/01/nhap/#muc leads to content/articles/nhap.md, which is a draft",
			"content/articles/a.md:6: warning: the link ../nhap leads to content/articles/nhap.md"}},
		{"missing image", MissingImage, `
-- static/images/co.png --
png
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
image: /images/khong.jpg
---
![có](/images/co.png) ![không](/images/khong-co.png)
`, []string{"content/articles/a.md:5", "/images/khong.jpg", "content/articles/a.md:7", "/images/khong-co.png"}},
		{"same title, same day", DuplicateTitle, `
-- content/articles/a.md --
---
title: Kiểm tra dân vận
date: 2018-01-01 08:00
documents: [01-ĐA/TU]
---
x
-- content/articles/b.md --
---
title: Kiểm  tra dân vận
date: 2018-01-01 15:00
slug: kiem-tra-dan-van-chieu
documents: [01-ĐA/TU]
---
x
`, []string{"content/articles/b.md:2", "content/articles/a.md"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			found := run(t, c.archive)
			var got []string
			for _, p := range found {
				if p.Code == c.code {
					got = append(got, p.Report())
				}
				if p.Severity != diag.Warning {
					t.Errorf("unexpected error: %v", p)
				}
			}
			msg := strings.Join(got, "\n")
			if msg == "" {
				t.Fatalf("no %s finding; got %v", c.code, found)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("%s findings %q lack %q", c.code, msg, w)
				}
			}
		})
	}
}

func TestACleanSiteHasNoFindings(t *testing.T) {
	found := run(t, `
-- content/projects/p.md --
---
code: 01-ĐA/TU
title: Dân vận
date: 2016-07-12
---
-- content/articles/a.md --
---
title: A
date: 2018-01-01
kind: outcome
documents:
  - code: 01-ĐA/TU
    date: 12/7/2016
    title: Dân vận
outcome:
  follow_up_by: 2018-06-30
---
See [B](/2018/09/b/) and [B by its file](b.md#x).
-- content/articles/b.md --
---
title: B
date: 2018-09-01
kind: outcome
documents: [01-DA/TU]
---
Reported.
-- content/articles/c.md --
---
title: C
date: 2027-11-20
documents: [01-ĐA/TU]
---
Dated within a year of the checks' clock (25/11/2026): scheduled, no typo.
-- content/articles/d.md --
---
title: D
date: 1945-09-02
documents: [01-ĐA/TU]
---
Old, but not implausibly.
`)
	if len(found) != 0 {
		t.Errorf("findings on a clean site: %v", found)
	}
}

func TestErrorsAreFindingsToo(t *testing.T) {
	found := run(t, "-- content/articles/a.md --\n---\ntitle: A\n---\nx\n")
	if len(found.Errors()) != 1 || !strings.Contains(found[0].Error(), "content/articles/a.md") {
		t.Errorf("findings %v", found)
	}
}

// An editor typing with decomposed marks names files and links alike;
// the link finds the file, and check agrees.
func TestDecomposedNamesAreFound(t *testing.T) {
	d := norm.NFD.String
	found := run(t, `
-- `+d("static/ảnh-đoàn.svg")+` --
<svg/>
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
image: {src: `+d("/ảnh-đoàn.svg")+`, alt: Đoàn}
---
`+d("![ảnh](/ảnh-đoàn.svg) [bài hai](bài-hai.md)")+`
-- `+d("content/articles/bài-hai.md")+` --
---
title: B
date: 2018-01-02
documents: [01-ĐA/TU]
---
x
`)
	if len(found) != 0 {
		t.Errorf("findings: %v", found)
	}
}

// A title typed with decomposed marks is the same title: citing it so is
// not citing the document differently.
func TestDecomposedTitleIsTheSameTitle(t *testing.T) {
	article := func(name, date, title string) string {
		return "-- content/articles/" + name + " --\n---\ntitle: " + name + "\ndate: " + date +
			"\ndocuments:\n  - code: 01-ĐA/TU\n    title: " + title + "\n---\nx\n"
	}
	const title = "Về tăng cường công tác dân vận"
	found := run(t, article("a.md", "2018-01-01", title)+article("b.md", "2018-02-01", norm.NFD.String(title)))
	for _, p := range found {
		if p.Code == DocumentDiffers {
			t.Errorf("decomposed title reported as different: %v", p)
		}
	}
}

// TestLookAlikeEthIsOneName: the Latin Ð (U+00D0), which text that went
// through Latin-1 or VNI carries for Đ, makes no page of its own (it was
// "ang-uy-khoi") and no warning: a reader cannot tell the two apart.
func TestLookAlikeEthIsOneName(t *testing.T) {
	const archive = `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
inspected_unit: Đảng ủy Khối
documents: [01-ĐA/TU]
---
x
-- content/articles/b.md --
---
title: B
date: 2018-02-01
inspected_unit: Ðảng ủy Khối
documents: [01-ÐA/TU]
---
x
`
	for _, p := range run(t, archive) {
		t.Errorf("unexpected finding: %v", p)
	}
	site := sitetest.Build(t, archive)
	if site.Has("units/ang-uy-khoi/index.html") || site.Has("projects/01-a-tu/index.html") {
		t.Error("Ð dropped from a slug")
	}
	site.Contains(t, "units/dang-uy-khoi/index.html", "/2018/01/a/", "/2018/02/b/")
	site.Contains(t, "projects/01-da-tu/index.html", "/2018/01/a/", "/2018/02/b/")
}
