package build_test

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bulletin/internal/sitetest"
)

// unpublished is a site with a published article beside a draft and an
// article dated after sitetest.Now, each with names, a document and a tag
// of its own, and both citing the published article's project too.
const unpublished = `
-- site.yaml --
title: Tin kiểm tra
base_url: https://kiemtra.example.vn/
-- content/projects/01-da-tu.md --
---
code: 01-ĐA/TU
title: Dân vận
---
-- content/articles/2018/kiem-tra.md --
---
title: Kiểm tra dân vận
date: 2018-08-06
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối
documents: [01-ĐA/TU]
tags: [dân vận]
---
Đoàn làm việc theo Đề án 01-ĐA/TU; Đề án 99-ĐA/TU và Đề án 98-ĐA/TU chưa công bố. [xem](ky-luat-x.md), [sắp](../2027/hen-dang.md)
-- content/articles/2018/ky-luat-x.md --
---
title: Kỷ luật đồng chí Xuân bí mật
date: 2018-09-01
draft: true
team_lead: Nguyễn Văn Bính
inspected_unit: Đảng ủy Bình Minh
documents:
  - 01-ĐA/TU
  - code: 99-ĐA/TU
    title: Đề án kín
tags: [kỷ luật kín]
summary: Tóm tắt NHAPKHONGLO
---
Nội dung NHAPKHONGLO chưa công bố.
-- content/articles/2027/hen-dang.md --
---
title: Thông báo hẹn đăng Quý Một
date: 2027-03-01
team_lead: Trần Hẹn Giờ
inspected_unit: Đảng ủy Tương Lai
documents:
  - 01-ĐA/TU
  - code: 98-ĐA/TU
    title: Đề án sắp tới
tags: [sắp đăng]
---
Nội dung SAPDANGKHONGLO.
`

// Everything by which a reader could learn of the draft or the future
// article: titles, URLs and slugs, names, the pages and links of the codes
// only they cite (the published article mentions the codes as text),
// texts.
var leaks = map[string][]string{
	"draft": {"Kỷ luật đồng chí Xuân bí mật", "ky-luat-dong-chi-xuan-bi-mat", "Nguyễn Văn Bính", "nguyen-van-binh",
		"Đảng ủy Bình Minh", "dang-uy-binh-minh", "99-da-tu", "Đề án kín", "kỷ luật kín", "ky-luat-kin", "NHAPKHONGLO"},
	"future": {"Thông báo hẹn đăng Quý Một", "thong-bao-hen-dang-quy-mot", "Trần Hẹn Giờ", "tran-hen-gio",
		"Đảng ủy Tương Lai", "dang-uy-tuong-lai", "98-da-tu", "Đề án sắp tới", "sắp đăng", "sap-dang", "SAPDANGKHONGLO"},
}

// fileNames are the unpublished articles' files: a published site never
// names them (nor does it when they are published: pages have slugs).
var fileNames = []string{"ky-luat-x.md", "hen-dang.md"}

// Drafts and future articles reach no page, feed, sitemap or link of the
// published site: every output file, whatever it is (a search index or
// any file added later included), is read in every form a reader's
// software could decode it in, and its name too.
func TestUnpublishedArticlesReachNoOutput(t *testing.T) {
	s := sitetest.Build(t, unpublished)
	names := s.Out.Names()
	if len(names) < 10 {
		t.Fatalf("only %d output files", len(names))
	}
	for _, name := range names {
		text := readable(name + "\n" + s.File(t, name))
		for _, f := range fileNames {
			if strings.Contains(text, f) {
				t.Errorf("%s names the file %s", name, f)
			}
		}
		for which, marks := range leaks {
			for _, m := range marks {
				if strings.Contains(text, m) {
					t.Errorf("%s shows the %s article: %q", name, which, m)
				}
			}
		}
	}
	// The published article links its own project, not the codes only the
	// unpublished articles cite (their project pages do not exist).
	s.Contains(t, "2018/08/kiem-tra-dan-van/index.html", `href="/projects/01-da-tu/"`)
}

// The check above can see what it looks for: with drafts and future
// articles published, every mark of each is found in some output file.
func TestUnpublishedMarksAreSeenWhenPublished(t *testing.T) {
	s := sitetest.BuildWith(t, sitetest.Parse(unpublished), sitetest.Options{Drafts: true, Future: true})
	var all strings.Builder
	for _, name := range s.Out.Names() {
		all.WriteString(readable(name + "\n" + s.File(t, name)))
	}
	for which, marks := range leaks {
		for _, m := range marks {
			if !strings.Contains(all.String(), m) {
				t.Errorf("the %s article's %q is nowhere in the site that publishes it: the scan could not see it", which, m)
			}
		}
	}
}

// readable is text as HTML, XML and JSON readers decode it: the text
// itself, with character references decoded, and with \u escapes decoded.
func readable(s string) string {
	return s + "\n" + html.UnescapeString(s) + "\n" + jsonEscape.ReplaceAllStringFunc(s, func(e string) string {
		r, err := strconv.Unquote(`"` + e + `"`)
		if err != nil {
			return e
		}
		return r
	})
}

var jsonEscape = regexp.MustCompile(`(\\u[0-9a-fA-F]{4})+`)
