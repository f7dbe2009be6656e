package build_test

// Adversarial input that the build already handles right: each gives a
// correct site or a problem naming the file, line and field, never a panic
// and never a partial site. One scenario per test, inline txtar.

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"bulletin/internal/build"
	"bulletin/internal/output"
	"bulletin/internal/sitetest"
)

// wantProblem asserts that the build of archive fails and that its message
// holds every want string and no Go stack trace.
func wantProblem(t *testing.T, archive string, want ...string) string {
	t.Helper()
	msg := sitetest.Problems(t, archive)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("message does not contain %q:\n%s", w, msg)
		}
	}
	if strings.Contains(msg, "goroutine ") || strings.Contains(msg, "panic") {
		t.Errorf("message carries a Go stack trace:\n%s", msg)
	}
	return msg
}

func TestHuntWhitespaceTitleIsEmpty(t *testing.T) {
	for name, title := range map[string]string{
		"spaces":  `"   "`,
		"unicode": `"\t\u00a0\u3000"`,
	} {
		t.Run(name, func(t *testing.T) {
			wantProblem(t, `
-- content/articles/a.md --
---
title: `+title+`
date: 2018-01-01
---
x
`, "content/articles/a.md:2: title: the title is empty")
		})
	}
}

// TestHuntYearsOutsideTheRangeAreErrors: 0001 and 9999 were published
// (9999 as "future", for ever): typos, refused with the years accepted.
func TestHuntYearsOutsideTheRangeAreErrors(t *testing.T) {
	for _, date := range []string{"01/01/0001", "9999-12-31T23:59:59+07:00", "06/08/2108", "1899-12-31"} {
		t.Run(date, func(t *testing.T) {
			wantProblem(t, `
-- content/articles/a.md --
---
title: Xa
date: `+date+`
---
x
`, "content/articles/a.md:3: date:", "the year must be between 1900 and 2100")
		})
	}
}

// TestHuntOldDateHasNoMeanTimeOffset: Vietnam's zone gives dates before
// 1911 the local mean time +07:06:30, which pages and feeds wrote as
// "+07:06" (RFC 3339 has no seconds): another instant. Such a date is
// read at +07:00.
func TestHuntOldDateHasNoMeanTimeOffset(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: Xưa
date: "16:41, 01/01/1900"
---
x
`)
	s.Contains(t, "1900/01/xua/index.html", `datetime="1900-01-01T16:41:00+07:00"`)
	s.Contains(t, "atom.xml", "<published>1900-01-01T16:41:00+07:00</published>")
	for _, name := range []string{"1900/01/xua/index.html", "atom.xml", "sitemap.xml"} {
		s.Lacks(t, name, "+07:06")
	}
}

func TestHuntDatesOutOfRange(t *testing.T) {
	for _, date := range []string{"10000-01-01", "-0001-01-01", "31/12/99999", "00/00/2018"} {
		t.Run(date, func(t *testing.T) {
			wantProblem(t, `
-- content/articles/a.md --
---
title: A
date: `+date+`
---
x
`, "content/articles/a.md:3: date:", date)
		})
	}
}

func TestHuntHugePageSize(t *testing.T) {
	wantProblem(t, "-- site.yaml --\npage_size: 1000000000000\n", "site.yaml:1: page_size: expected a whole number from 1 to 1000")
}

func TestHuntPageSizeBeyondInt(t *testing.T) {
	wantProblem(t, "-- site.yaml --\npage_size: 99999999999999999999\n", "site.yaml:1: page_size:")
}

func TestHuntFeedSizeOne(t *testing.T) {
	s := sitetest.Build(t, `
-- site.yaml --
base_url: https://kiemtra.example.vn/
feed_size: 1
-- content/articles/a.md --
---
title: Tin cũ
date: 2018-01-01
documents: [01-ĐA/TU]
---
x
-- content/articles/b.md --
---
title: Tin mới
date: 2019-01-01
documents: [01-ĐA/TU]
---
x
`)
	for _, f := range []string{"index.xml", "atom.xml", "projects/01-da-tu/index.xml"} {
		s.Contains(t, f, "Tin mới")
		s.Lacks(t, f, "Tin cũ")
	}
	if n := strings.Count(s.File(t, "index.xml"), "<item>"); n != 1 {
		t.Errorf("index.xml has %d items, want 1", n)
	}
	if n := strings.Count(s.File(t, "atom.xml"), "<entry>"); n != 1 {
		t.Errorf("atom.xml has %d entries, want 1", n)
	}
}

func TestHuntFiveHundredTags(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ntags:\n")
	for i := range 500 {
		fmt.Fprintf(&b, "  - chủ đề số %d\n", i)
	}
	b.WriteString("---\nx\n")
	s := sitetest.Build(t, b.String())
	for _, i := range []int{0, 250, 499} {
		s.Contains(t, fmt.Sprintf("tags/chu-de-so-%d/index.html", i), "/2018/01/a/")
	}
	if n := s.Result.Pages["term"]; n != 500 {
		t.Errorf("%d term pages, want 500", n)
	}
}

func TestHuntDuplicateTagsAreOneTerm(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
tags: [Dân vận, dân vận, DÂN VẬN, Dan van, dân  vận, "Da\u0302n va\u0302\u0323n"]
---
x
`)
	s.Contains(t, "tags/dan-van/index.html", "/2018/01/a/")
	if n := s.Result.Pages["term"]; n != 1 {
		t.Errorf("%d term pages, want 1 for six spellings of one tag", n)
	}
	if n := strings.Count(s.File(t, "2018/01/a/index.html"), `href="/tags/dan-van/"`); n != 1 {
		t.Errorf("the article links its tag %d times, want once", n)
	}
}

func TestHuntPunctuationProjectCode(t *testing.T) {
	wantProblem(t, `
-- content/projects/p.md --
---
code: "///"
title: X
---
x
`, `content/projects/p.md:2: code: "///" is not a document code: it has no letters`)
}

// Distinct keys, one URL: the build stops and names both files.
func TestHuntSlashAndDashCodesCollide(t *testing.T) {
	t.Run("articles", func(t *testing.T) {
		wantProblem(t, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [123/KH-UBND]
---
x
-- content/articles/b.md --
---
title: B
date: 2018-02-01
documents: [123-KH-UBND]
---
x
`, "content/articles/a.md:4: documents: the codes 123-KH-UBND and 123/KH-UBND are different documents but both fold to /projects/123-kh-ubnd/", "content/articles/b.md")
	})
	t.Run("project files", func(t *testing.T) {
		wantProblem(t, `
-- content/projects/a.md --
---
code: 123/KH-UBND
title: A
---
x
-- content/projects/b.md --
---
code: 123-KH-UBND
title: B
---
x
`, "content/projects/a.md:2: code: the codes 123-KH-UBND and 123/KH-UBND are different documents", "content/projects/b.md")
	})
}

func TestHuntPageOnListURLs(t *testing.T) {
	// search, follow-ups and a year's archive sorted before the page and
	// had the problem put on them, with no file to name ("file": "").
	for _, slug := range []string{"projects", "tags", "team-leads", "units", "search", "follow-ups", "2018"} {
		t.Run(slug, func(t *testing.T) {
			wantProblem(t, `
-- content/articles/a.md --
---
title: A
date: 2018-01-01
---
x
-- content/pages/p.md --
---
title: X
slug: `+slug+`
---
x
`, "content/pages/p.md:3: slug: two pages on one URL /"+slug+"/")
		})
	}
	t.Run("page named projects beside a project coded projects", func(t *testing.T) {
		wantProblem(t, `
-- content/projects/p.md --
---
code: projects
title: P
---
x
-- content/pages/projects.md --
---
title: Projects
---
x
`, "content/pages/projects.md:2", "two pages on one URL /projects/")
	})
}

// A page slugged "page" sits at /page/, beside the front page's /page/2/:
// no file is shared, so both are built.
func TestHuntPageSluggedPage(t *testing.T) {
	s := sitetest.Build(t, `
-- site.yaml --
page_size: 1
-- content/pages/p.md --
---
title: Trang
slug: page
---
Nội dung trang.
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
`)
	s.Contains(t, "page/index.html", "Nội dung trang.")
	s.Contains(t, "page/2/index.html", "/2018/01/a/")
}

func TestHuntNFDTitleSlugsLikeNFC(t *testing.T) {
	wantProblem(t, `
-- content/articles/a.md --
---
title: "Kie\u0302\u0309m tra D\u0301a\u0306\u0301ng"
date: 2018-01-01
---
x
-- content/articles/b.md --
---
title: Kiểm tra Dắng
date: 2018-01-05
---
x
`, "two pages on one URL /2018/01/kiem-tra-dang/", "content/articles/a.md", "content/articles/b.md")
}

func TestHuntCRLFAndBOMWithTOML(t *testing.T) {
	s := sitetest.Build(t, "-- content/articles/a.md --\n\ufeff+++\r\ntitle = \"Kiểm tra\"\r\ndate = 2018-01-01T08:00:00+07:00\r\ntags = [\"dân vận\"]\r\n+++\r\nNội dung.\r\n")
	s.Contains(t, "2018/01/kiem-tra/index.html", "Kiểm tra", "Nội dung.", `datetime="2018-01-01T08:00:00+07:00"`)
	s.Contains(t, "tags/dan-van/index.html", "/2018/01/kiem-tra/")
	if strings.Contains(s.File(t, "2018/01/kiem-tra/index.html"), "\r") {
		t.Error("a CR of the source reached the page")
	}
}

func TestHuntCRLFAndBOMWithBrokenTOMLNamesTheLine(t *testing.T) {
	wantProblem(t, "-- content/articles/a.md --\n\ufeff+++\r\ntitle = \"Kiểm tra\"\r\ndate = 2018-01-01\r\ntags = [\"a\"\r\n+++\r\nx\r\n",
		"content/articles/a.md:4: invalid TOML frontmatter")
}

func TestHuntTenMegabyteArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10 MB article")
	}
	para := "Đoàn kiểm tra đã làm việc với **Đảng ủy** về [kết quả](/x/) thực hiện Đề án.\n\n"
	n := (10<<20 - 100) / len(para) // within the default max_file_size
	body := strings.Repeat(para, n)
	s := sitetest.Build(t, "-- content/articles/a.md --\n---\ntitle: Bài rất dài\ndate: 2018-01-01\n---\n"+body)
	page := s.File(t, "2018/01/bai-rat-dai/index.html")
	if got := strings.Count(page, "<strong>Đảng ủy</strong>"); got != n {
		t.Errorf("the page holds %d paragraphs, want %d", got, n)
	}
	s.Contains(t, "index.html", "/2018/01/bai-rat-dai/")
}

func TestHuntFileNameWithSpacesAndVietnamese(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/2018/Bài viết số 1 về Đảng ủy.md --
---
title: Kiểm tra Đảng ủy Khối
date: 2018-01-01
---
x
`)
	s.Contains(t, "2018/01/kiem-tra-dang-uy-khoi/index.html", "Kiểm tra Đảng ủy Khối")
	wantProblem(t, `
-- content/articles/2018/Bài viết số 1 về Đảng ủy.md --
---
title: A
date: 31/02/2018
---
x
`, "content/articles/2018/Bài viết số 1 về Đảng ủy.md:3: date:")
}

// unreadable wraps a file system so that one file cannot be opened, as a
// file without read permission behaves (root reads those anyway, so the
// test cannot rely on chmod).
type unreadable struct {
	fs.FS
	name string
}

func (u unreadable) Open(name string) (fs.File, error) {
	if name == u.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.FS.Open(name)
}

func TestHuntUnreadableFile(t *testing.T) {
	fsys := sitetest.Parse(`
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
`)
	_, err := sitetest.Try(unreadable{fsys, "content/articles/b.md"}, sitetest.Options{})
	if err == nil {
		t.Fatal("the build ignored a file it cannot read")
	}
	if msg := err.Error(); !strings.Contains(msg, "content/articles/b.md") || !strings.Contains(msg, "cannot read") {
		t.Errorf("message does not name the unreadable file:\n%s", msg)
	}
}

func TestHuntSymlinkLoop(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	dir := t.TempDir()
	arts := filepath.Join(dir, "content", "articles")
	if err := os.MkdirAll(filepath.Join(arts, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(arts, "a.md"), []byte("---\ntitle: A\ndate: 2018-01-01\n---\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A folder that links back to its parent is not followed: the walk
	// ends and the one article is built once.
	if err := os.Symlink("..", filepath.Join(arts, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	s := sitetest.BuildWith(t, os.DirFS(dir), sitetest.Options{})
	s.Contains(t, "2018/01/a/index.html", "<h1")
	if n := s.Result.Pages["article"]; n != 1 {
		t.Errorf("%d article pages, want 1", n)
	}
	// A Markdown file that links to itself cannot be read: a problem
	// naming it, nothing built.
	if err := os.Symlink("self.md", filepath.Join(arts, "self.md")); err != nil {
		t.Fatal(err)
	}
	_, err := sitetest.Try(os.DirFS(dir), sitetest.Options{})
	if err == nil || !strings.Contains(err.Error(), "content/articles/self.md") {
		t.Errorf("a self-linked file gave %v; want a problem naming it", err)
	}
}

// A failed build hands the sink nothing: no partial site. (A layout that
// fails to execute, or a static file over a generated page, is found only
// while writing, when some pages are already in the sink: the CLI's
// staging folder and the server's fresh Memory are discarded then, so no
// reader sees them; not covered here.)
func TestHuntFailedBuildWritesNothing(t *testing.T) {
	for name, archive := range map[string]string{
		"content": "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\nx\n" +
			"-- content/articles/b.md --\n---\ntitle: B\ndate: 2018-02-30\n---\nx\n",
		"site.yaml": "-- site.yaml --\npage_size: 0\n" +
			"-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\nx\n",
		"collision": "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\nx\n" +
			"-- content/articles/b.md --\n---\ntitle: a\ndate: 2018-01-02\n---\nx\n",
	} {
		t.Run(name, func(t *testing.T) {
			mem := output.NewMemory()
			_, err := build.Build(context.Background(), build.Options{Source: sitetest.Parse(archive), Sink: mem, Now: sitetest.Now})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			if mem.Len() != 0 {
				t.Errorf("a failed build wrote %d files: %v", mem.Len(), mem.Names())
			}
		})
	}
}

// TestHuntOldDateFilesUnderItsOwnMonth: the last minutes of 1900, read at
// +07:00, were filed under January 1901 once moved into the zone's local
// mean time (+07:06:30).
func TestHuntOldDateFilesUnderItsOwnMonth(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: Cuối năm
date: "23:59, 31/12/1900"
---
x
`)
	s.Contains(t, "1900/12/cuoi-nam/index.html", `datetime="1900-12-31T23:59:00+07:00"`)
}

// "Quy định số 22-QĐ/TW" and "22-QĐ/TW" are one document: the kind was
// not known, kept its words in the code, and made a second project page,
// each listing one article (found by a hostile review).
func TestHuntEveryKindOfDocumentIsOneProject(t *testing.T) {
	for cited, page := range map[string]string{
		"Quy định số 22-QĐ/TW":        "projects/22-qd-tw/index.html",
		"Nghị định số 123/2020/NĐ-CP": "projects/123-2020-nd-cp/index.html",
		"Hướng dẫn số 02-HD/UBKTTW":   "projects/02-hd-ubkttw/index.html",
	} {
		code := cited[strings.LastIndex(cited, " ")+1:]
		s := sitetest.Build(t, `
-- content/articles/a.md --
---
title: Bài một
date: 2018-01-01
documents: [`+cited+`]
---
x
-- content/articles/b.md --
---
title: Bài hai
date: 2018-02-01
documents: [`+code+`]
---
x
`)
		s.Contains(t, page, "Bài một", "Bài hai")
		var projects []string
		for _, n := range s.Out.Names() {
			if strings.HasPrefix(n, "projects/") && strings.HasSuffix(n, "/index.html") && strings.Count(n, "/") == 2 {
				projects = append(projects, n)
			}
		}
		if len(projects) != 1 {
			t.Errorf("%s: project pages %v, want %s alone", cited, projects, page)
		}
	}
}
