package editor

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"bulletin/internal/check"
	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/sitetest"

	"golang.org/x/text/unicode/norm"
)

// art is the article content/articles/a.md with the frontmatter lines fm
// and the body.
func art(fm, body string) string {
	return "-- content/articles/a.md --\n---\n" + fm + "\n---\n" + body + "\n"
}

const (
	ok    = "title: Kiểm tra dân vận\ndate: 2018-08-06 16:41\ndocuments: [01-ĐA/TU]"
	other = "-- content/articles/b.md --\n---\ntitle: Bài khác\ndate: 2018-09-01 08:00\ndocuments: [01-ĐA/TU]\n---\nx\n"
)

// mistakes are sites whose articles hold one mistake each, every way a
// problem of an article's file is made (each message of the decoder, each
// rule of check, each clash), with the code it makes.
var mistakes = []struct{ name, code, archive string }{
	// Dates.
	{"impossible day", diag.InvalidValue, art("title: A\ndate: 16:41, 31/02/2018\ndocuments: [01-ĐA/TU]", "x")},
	{"month 13", diag.InvalidValue, art("title: A\ndate: 06/13/2018\ndocuments: [01-ĐA/TU]", "x")},
	{"hour 25", diag.InvalidValue, art("title: A\ndate: 25:00, 06/08/2018\ndocuments: [01-ĐA/TU]", "x")},
	{"no date", diag.InvalidValue, art("title: A\ndate: hôm qua\ndocuments: [01-ĐA/TU]", "x")},
	{"wrong weekday", diag.InvalidValue, art("title: A\ndate: Thứ Hai, 07/08/2018\ndocuments: [01-ĐA/TU]", "x")},
	{"weekday then no date", diag.InvalidValue, art("title: A\ndate: Thứ Hai, hôm qua\ndocuments: [01-ĐA/TU]", "x")},
	{"year out of range", diag.InvalidValue, art("title: A\ndate: 06/08/2108\ndocuments: [01-ĐA/TU]", "x")},
	{"date a number", diag.InvalidValue, art("title: A\ndate: 12\ndocuments: [01-ĐA/TU]", "x")},
	{"time of day alone", diag.InvalidValue, "-- content/articles/a.md --\n+++\ntitle = \"A\"\ndate = 16:41:00\ndocuments = [\"01-ĐA/TU\"]\n+++\nx\n"},
	{"follow-up no date", diag.InvalidValue, art(ok+"\nkind: outcome\noutcome:\n  follow_up_by: sớm", "x")},
	{"updated before the date", diag.InvalidValue, art(ok+"\nupdated: 2017-01-01", "x")},
	{"unlikely date", diag.UnlikelyDate, art("title: A\ndate: 06/08/2098\ndocuments: [01-ĐA/TU]", "x")},
	{"too early a date", diag.UnlikelyDate, art("title: A\ndate: 06/08/1918\ndocuments: [01-ĐA/TU]", "x")},
	// Titles, kinds, slugs.
	{"no title", diag.MissingField, art("date: 2018-08-06\ndocuments: [01-ĐA/TU]", "x")},
	{"no date field", diag.MissingField, art("title: A\ndocuments: [01-ĐA/TU]", "x")},
	{"empty title", diag.InvalidValue, art("title: \"\"\ndate: 2018-08-06\ndocuments: [01-ĐA/TU]", "x")},
	{"title true", diag.InvalidValue, art("title: true\ndate: 2018-08-06\ndocuments: [01-ĐA/TU]", "x")},
	{"title a number read otherwise", diag.InvalidValue, art("title: 0123\ndate: 2018-08-06\ndocuments: [01-ĐA/TU]", "x")},
	{"title with a control character", diag.InvalidValue, art("title: \"Kiểm tra\\a\"\ndate: 2018-08-06\ndocuments: [01-ĐA/TU]", "x")},
	{"title without letters", diag.InvalidValue, art("title: \"…\"\ndate: 2018-08-06\ndocuments: [01-ĐA/TU]", "x")},
	{"slug without letters", diag.InvalidValue, art(ok+"\nslug: \"!!!\"", "x")},
	{"unknown kind", diag.InvalidValue, art(ok+"\nkind: phóng sự", "x")},
	{"draft yes", diag.InvalidValue, art(ok+"\ndraft: \"yes\"", "x")},
	{"title twice", diag.DuplicateField, art(ok+"\ntitle: B", "x")},
	{"misspelt key", diag.UnknownField, art(ok+"\ndocumnets: [02-ĐA/TU]", "x")},
	{"key far from any", diag.UnknownField, art(ok+"\nxyz: 1", "x")},
	// Team lead, unit, tags.
	{"role without name", diag.InvalidValue, art(ok+"\nteam_lead:\n  role: Phó Trưởng ban", "x")},
	{"team lead a list", diag.InvalidValue, art(ok+"\nteam_lead: [An, Bình]", "x")},
	{"unit true", diag.InvalidValue, art(ok+"\ninspected_unit: true", "x")},
	{"tags a map", diag.InvalidValue, art(ok+"\ntags: {a: b}", "x")},
	{"a tag a list", diag.InvalidValue, art(ok+"\ntags: [[a]]", "x")},
	{"names differing in marks", diag.NameVariants, art(ok+"\nteam_lead: Bùi Hải Tư\ninspected_unit: Huyện ủy Phú Lương\ntags: [dần vận]", "x") +
		"-- content/articles/b.md --\n---\ntitle: B\ndate: 2018-01-02\ndocuments: [01-ĐA/TU]\nteam_lead: Bùi Hải Tú\ninspected_unit: Huyện ủy Phú Lường\ntags: [dân vận]\n---\nx\n"},
	// Documents.
	{"no document", diag.NoDocuments, art("title: A\ndate: 2018-08-06", "x")},
	{"a document a list", diag.InvalidValue, art("title: A\ndate: 2018-08-06\ndocuments: [[a]]", "x")},
	{"a document without code", diag.InvalidValue, art("title: A\ndate: 2018-08-06\ndocuments:\n  - title: Dân vận", "x")},
	{"a code without letters", diag.InvalidValue, art("title: A\ndate: 2018-08-06\ndocuments: [\"42\"]", "x")},
	{"two codes in one", diag.InvalidValue, art("title: A\ndate: 2018-08-06\ndocuments: [01-ĐA/TU và 02-ĐA/TU]", "x")},
	{"a kind without code", diag.InvalidValue, art("title: A\ndate: 2018-08-06\ndocuments: [Đề án]", "x")},
	{"a document's impossible date", diag.InvalidValue, art("title: A\ndate: 2018-08-06\ndocuments:\n  - code: 01-ĐA/TU\n    date: 31/02/2016", "x")},
	{"a citation's date against date:", diag.InvalidValue, art("title: A\ndate: 2018-08-06\ndocuments:\n  - code: Đề án số 01-ĐA/TU, ngày 12/7/2016\n    date: 2016-07-13", "x")},
	{"a citation's title against title:", diag.InvalidValue, art("title: A\ndate: 2018-08-06\ndocuments:\n  - code: Đề án số 01-ĐA/TU về “Dân vận”\n    title: Kinh tế", "x")},
	{"one document twice", diag.DocRepeated, art("title: A\ndate: 2018-08-06\ndocuments:\n  - 01-ĐA/TU\n  - code: 01-DA/TU\n    title: Dân vận\n    date: 12/7/2016", "x")},
	{"words before the code", diag.CodeWords, art("title: A\ndate: 2018-08-06\ndocuments: [Văn bản số 22-QĐ/TW]", "x")},
	{"words after the code", diag.CodeWords, art("title: A\ndate: 2018-08-06\ndocuments: [15-NQ/TU khóa XIX]", "x")},
	{"a document's title differs from its project's", diag.DocumentDiffers, art("title: A\ndate: 2018-08-06\ndocuments:\n  - code: 01-ĐA/TU\n    title: Kinh tế\n    date: 13/7/2016", "x") +
		"-- content/projects/p.md --\n---\ncode: 01-ĐA/TU\ntitle: Dân vận\ndate: 2016-07-12\n---\n"},
	{"a document's title differs from its first citation", diag.DocumentDiffers, art("title: A\ndate: 2018-08-06\ndocuments:\n  - code: 01-ĐA/TU\n    title: Kinh tế", "x") +
		"-- content/articles/b.md --\n---\ntitle: B\ndate: 2017-01-01\ndocuments:\n  - code: 01-ĐA/TU\n    title: Dân vận\n---\nx\n"},
	// Outcome.
	{"outcome a list", diag.InvalidValue, art(ok+"\nkind: outcome\noutcome: [a]", "x")},
	{"follow-up overdue", diag.FollowUpOverdue, art(ok+"\nkind: outcome\ninspected_unit: Huyện ủy\noutcome:\n  findings: [Tốt]\n  follow_up_by: 2018-09-30", "x")},
	// The lead image.
	{"image no address", diag.InvalidValue, art(ok+"\nimage: \"javascript:alert(1)\"", "x")},
	{"image a list", diag.InvalidValue, art(ok+"\nimage: [a]", "x")},
	{"image without src", diag.InvalidValue, art(ok+"\nimage: {alt: Hội trường}", "x")},
	{"lead image missing", diag.MissingImage, art(ok+"\nimage: {src: /images/khong-co.jpg, alt: Hội trường}", "x")},
	{"lead image without alt", diag.MissingAlt, art(ok+"\nimage: /a.svg", "x") + "-- static/a.svg --\n<svg/>\n"},
	// The body.
	{"body image without alt", diag.MissingAlt, art(ok, "![](/a.svg)") + "-- static/a.svg --\n<svg/>\n"},
	{"body image missing", diag.MissingImage, art(ok, "![Sơ đồ](/images/khong-co.png)")},
	{"body image missing by its static path", diag.MissingImage, art(ok, "![Sơ đồ](../../static/khong-co.png)")},
	{"link to no page", diag.BrokenLink, art(ok, "Xem [bài cũ](/2018/01/khong-co/).")},
	{"link to no file", diag.BrokenLink, art(ok, "Xem [bài](khong-co.md).")},
	{"link to a file that is no page", diag.BrokenLink, art(ok, "Xem [tệp](../ghi-chu.md).") + "-- content/ghi-chu.md --\nx\n"},
	{"link to a draft", diag.BrokenLink, art(ok, "Xem [bài nháp](b.md).") + "-- content/articles/b.md --\n---\ntitle: B\ndate: 2018-09-01\ndraft: true\ndocuments: [01-ĐA/TU]\n---\nx\n"},
	{"link out of the site's path", diag.BrokenLink, "-- site.yaml --\nbase_url: https://tinh.example.vn/kiem-tra/\n" + art(ok, "Xem [đề án](/projects/).")},
	{"nesting too deep", diag.MarkdownDeep, art(ok, strings.Repeat("> ", 40)+"x")},
	// Clashes and whole files.
	{"two articles on one URL", diag.URLClash, art(ok, "x") + "-- content/articles/b.md --\n---\ntitle: Kiểm tra dân vận\ndate: 2018-08-20\ndocuments: [01-ĐA/TU]\n---\nx\n"},
	{"three articles on one URL", diag.URLClash, art(ok, "x") + "-- content/articles/b.md --\n---\ntitle: Kiểm tra dân vận\ndate: 2018-08-20\ndocuments: [01-ĐA/TU]\n---\nx\n" +
		"-- content/articles/c.md --\n---\ntitle: B\nslug: kiem-tra-dan-van\ndate: 2018-08-21\ndocuments: [01-ĐA/TU]\n---\nx\n"},
	{"an old URL that is another's", diag.URLClash, art(ok+"\naliases: [/2018/09/bai-khac/]", "x") + other},
	{"an old URL that is its own", diag.URLClash, art(ok+"\naliases: [/2018/08/kiem-tra-dan-van/]", "x")},
	{"an old URL under a static file", diag.StaticClash, art(ok+"\naliases: [/tai-lieu/cu/]", "x") + "-- static/tai-lieu --\nx\n"},
	{"an old URL that is a full address", diag.InvalidValue, art(ok+"\naliases: [https://tinh.vn/a/]", "x")},
	{"an old URL without its /", diag.InvalidValue, art(ok+"\naliases: [a/b/]", "x")},
	{"an old URL that is the front page", diag.InvalidValue, art(ok+"\naliases: [/]", "x")},
	{"author a map", diag.InvalidValue, art(ok+"\nauthor: {a: b}", "x")},
	{"same title on one day", diag.DuplicateTitle, art(ok, "x") + "-- content/articles/b.md --\n---\ntitle: Kiểm tra dân vận\ndate: 2018-08-06 08:00\nslug: khac\ndocuments: [01-ĐA/TU]\n---\nx\n"},
	{"frontmatter never closed", diag.Frontmatter, "-- content/articles/a.md --\n---\ntitle: A\n"},
	{"frontmatter syntax", diag.Frontmatter, art("title: [A\ndate: 2018-08-06", "x")},
	{"a NUL byte", diag.NotText, "-- content/articles/a.md --\n---\ntitle: A\x00\n---\n"},
	{"not UTF-8", diag.NotText, "-- content/articles/a.md --\n---\ntitle: A\xff\n---\n"},
	{"too large", diag.FileTooLarge, "-- site.yaml --\nmax_file_size: 100\n" + art(ok, strings.Repeat("Nội dung. ", 20))},
}

// kindSays are codes whose problems on an article are the file as a whole
// that could not be read: the kind's Vietnamese line says it all.
var kindSays = map[string]bool{diag.Read: true, diag.NotRegularFile: true, diag.FileTooLarge: true}

// notOfArticles are the codes no problem of an article's own file has,
// with why: the editor shows them, if at all, as other files' errors, in
// their kind's Vietnamese.
var notOfArticles = map[string]string{
	diag.Read:             "a file the build cannot read is no form (said by its kind)",
	diag.NotRegularFile:   "a pipe or device is no form (said by its kind)",
	diag.Settings:         "site.yaml",
	diag.UnknownSetting:   "site.yaml",
	diag.ProjectTwice:     "project files",
	diag.StaticGzip:       "static/",
	diag.Layout:           "layouts/",
	diag.Internal:         "a bug, which no site makes; said in content/file.go and build/markdown.go",
	diag.Failed:           "the preview's own failure, of no file",
	diag.PhotoBroken:      "a photo in static/",
	diag.SiteImageMissing: "site.yaml",
	diag.RelativeBaseURL:  "site.yaml",
	diag.LayoutUnused:     "layouts/",
	diag.UnusedProject:    "project files",
	diag.PhotoUnreadable:  "a photo in static/",
	diag.PhotoCache:       "the photo cache",
	diag.NotRead:          "a file that is no article",
}

// yamlish finds the file's syntax in a clerk's message: a key and its
// colon, a map's braces.
var yamlish = regexp.MustCompile(`\b(title|date|kind|team_lead|name|role|inspected_unit|documents|code|outcome|findings|shortcomings|recommendations|follow_up_by|tags|summary|image|src|alt|caption|credit|draft|slug|author|updated|aliases):|[{}]|frontmatter|YAML|true/false`)

// TestEveryProblemOfAnArticleIsSaidInVietnamese: every problem check
// reports on an article's own file (all the editor shows beside a field
// or above the form) has Vietnamese of its own, composed, a sentence,
// with none of the file's syntax; and every code of the registry is made
// on an article by one of the sites above, or is listed as never about an
// article's file. A new problem, or a new code, without Vietnamese fails.
func TestEveryProblemOfAnArticleIsSaidInVietnamese(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range mistakes {
		t.Run(m.name, func(t *testing.T) {
			fsys := sitetest.Parse(m.archive)
			if _, ok := fsys["site.yaml"]; !ok {
				fsys["site.yaml"] = &fstest.MapFile{Data: []byte("base_url: https://kiemtra.example.vn/\n")}
			}
			t.Setenv("BULLETIN_CACHE_DIR", t.TempDir())
			found, err := check.Run(context.Background(), fsys, sitetest.Now)
			if err != nil {
				t.Fatal(err)
			}
			made := false
			for _, p := range found {
				if !strings.HasPrefix(p.File, "content/articles/") {
					continue
				}
				seen[p.Code] = true
				made = made || p.Code == m.code
				if p.Vi == "" && kindSays[p.Code] {
					continue
				}
				if testing.Verbose() {
					t.Logf("%s\n  %s", p.Error(), p.Vi)
				}
				if msg := viProblem(p.Vi); msg != "" {
					t.Errorf("%s: %s\n  %s", msg, p.Error(), p.Vi)
				}
			}
			if !made {
				t.Errorf("the site makes no %s on an article; it makes:\n%v", m.code, found)
			}
		})
	}
	for _, k := range diag.Kinds {
		if _, exempt := notOfArticles[k.Code]; !exempt && !seen[k.Code] {
			t.Errorf("no site above makes %s on an article: add one (with its Vietnamese), or list it in notOfArticles", k.Code)
		}
	}
}

// viProblem says what is wrong with vi as a clerk's message, or "".
func viProblem(vi string) string {
	r, _ := utf8.DecodeRuneInString(vi)
	switch {
	case vi == "":
		return "no Vietnamese"
	case !norm.NFC.IsNormalString(vi):
		return "not composed (NFC)"
	case !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '«':
		return "not a sentence (no capital)"
	case !strings.HasSuffix(vi, ".") && !strings.HasSuffix(vi, "?"):
		return "not a sentence (no full stop)"
	case yamlish.MatchString(vi):
		return "file syntax " + yamlish.FindString(vi)
	}
	return ""
}

// Every field of the form has a label, the one its problems name it by.
func TestEveryFieldHasALabel(t *testing.T) {
	for _, f := range fieldOrder {
		if model.Label(f) == "" {
			t.Errorf("field %s has no label in model.Label", f)
		}
	}
}
