package build_test

import (
	"strings"
	"testing"

	"bulletin/internal/sitetest"
)

// projectPages lists the project pages of a built site.
func projectPages(s *sitetest.Site) []string {
	var out []string
	for _, n := range s.Out.Names() {
		if strings.HasPrefix(n, "projects/") && strings.HasSuffix(n, "/index.html") && strings.Count(n, "/") == 2 {
			out = append(out, n)
		}
	}
	return out
}

// A document pasted as the bulletin's text cites it, "Đề án số 01-ĐA/TU,
// ngày 12/7/2016 về “…”", is project 01-ĐA/TU, issued on that day, with
// that title. The date was read as a code of its own (a project
// "ngày 12/7/2016" at /projects/ngay-12-7-2016/), and a title after the
// code made it a project at /projects/01-da-tuve-nangcao…/, unwarned.
func TestACitationPastedWholeIsItsCodeWithItsDateAndTitle(t *testing.T) {
	for _, cited := range []string{
		`Đề án số 01-ĐA/TU, ngày 12/7/2016`,
		`Đề án số 01-ĐA/TU ngày 12 tháng 7 năm 2016 về “Dân vận, dân chủ”`,
		`"Đề án số 01-ĐA/TU, ngày 12/7/2016 của BCH Đảng bộ tỉnh về “Dân vận, dân chủ”"`,
		"\n    code: Đề án số 01-ĐA/TU, ngày 12/7/2016\n    title: Dân vận, dân chủ",
	} {
		s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: Bài một
date: 2018-08-06
documents:
  - `+cited+`
---
x
`)
		if got := projectPages(s); len(got) != 1 || got[0] != "projects/01-da-tu/index.html" {
			t.Errorf("%s: project pages %v, want projects/01-da-tu/index.html alone", cited, got)
			continue
		}
		s.Contains(t, "2018/08/bai-mot/index.html", `<time datetime="2016-07-12">12/07/2016</time>`)
		if strings.Contains(cited, "Dân vận") {
			s.Contains(t, "projects/01-da-tu/index.html", "Dân vận, dân chủ")
		}
		if len(s.Result.Warnings) > 0 {
			t.Errorf("%s: warnings %v", cited, s.Result.Warnings)
		}
	}
}

// Several citations in one text are cut at the commas between them, not
// at those inside a citation.
func TestCitationsInOneTextAreCutBetweenThem(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: Bài một
date: 2018-08-06
documents: Đề án số 01-ĐA/TU, ngày 12/7/2016, Đề án số 02-ĐA/TU, ngày 10/10/2016
---
x
`)
	if got := projectPages(s); len(got) != 2 {
		t.Errorf("project pages %v, want 01-da-tu and 02-da-tu", got)
	}
	s.Contains(t, "2018/08/bai-mot/index.html", `<time datetime="2016-07-12">`, `<time datetime="2016-10-10">`)
}

// A date or title in the code that contradicts the entry's own date: or
// title: is an error: one of the two is wrong.
func TestACitationThatContradictsItsEntryIsAnError(t *testing.T) {
	msg := sitetest.Problems(t, `
-- content/articles/a.md --
---
title: Bài một
date: 2018-08-06
documents:
  - code: Đề án số 01-ĐA/TU, ngày 12/7/2016
    date: 13/7/2016
---
x
`)
	want := `content/articles/a.md:5: documents[1].code: "Đề án số 01-ĐA/TU, ngày 12/7/2016" gives the date 12/07/2016, and date: gives 13/07/2016`
	if !strings.Contains(msg, want) {
		t.Errorf("got:\n%s\nwant %s", msg, want)
	}
}

// Words after a code that are neither its date nor its title are kept in
// the code, which makes a project of its own: a warning says so, as it
// does of words before the number.
func TestWordsAfterACodeAreWarnedOf(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: Bài một
date: 2018-08-06
documents: [Nghị quyết 15-NQ/TU khóa XIX]
---
x
`)
	var got []string
	for _, p := range s.Result.Warnings {
		got = append(got, p.Report())
	}
	want := `content/articles/a.md:4: warning: documents[1]: "15-NQ/TU khóa XIX": the words "khóa XIX" after the code are read as part of it, and make it a document of its own`
	if !strings.Contains(strings.Join(got, "\n"), want) {
		t.Errorf("warnings:\n%s\nwant %s", strings.Join(got, "\n"), want)
	}
}

// A project file's code may be pasted whole too.
func TestAProjectCodePastedWholeGivesItsDateAndTitle(t *testing.T) {
	s := sitetest.Build(t, `
-- content/projects/01.md --
---
code: Đề án số 01-ĐA/TU, ngày 12/7/2016 về “Dân vận, dân chủ”
---
Mô tả.
-- content/articles/a.md --
---
title: Bài một
date: 2018-08-06
documents: [01-ĐA/TU]
---
x
`)
	if got := projectPages(s); len(got) != 1 || got[0] != "projects/01-da-tu/index.html" {
		t.Errorf("project pages %v, want projects/01-da-tu/index.html alone", got)
	}
	s.Contains(t, "projects/01-da-tu/index.html", "Dân vận, dân chủ", `<time datetime="2016-07-12">`)
}

// A code in brackets or ending a sentence, "(01-ĐA/TU)", "01-ĐA/TU.", is
// the code: the marks around it were kept in it, and it clashed with the
// project's own page ("different documents but both fold to
// /projects/01-da-tu/").
func TestACodeInBracketsOrBeforeAFullStopIsTheCode(t *testing.T) {
	s := sitetest.Build(t, `
-- content/projects/01.md --
---
code: 01-ĐA/TU
title: Dân vận
---
x
-- content/articles/a.md --
---
title: Bài một
date: 2018-08-06
documents: ["(01-ĐA/TU)"]
---
x
-- content/articles/b.md --
---
title: Bài hai
date: 2018-08-07
documents: [Đề án số 01-ĐA/TU.]
---
x
`)
	if got := projectPages(s); len(got) != 1 {
		t.Errorf("project pages %v, want projects/01-da-tu/index.html alone", got)
	}
	s.Contains(t, "projects/01-da-tu/index.html", "Bài một", "Bài hai")
}
