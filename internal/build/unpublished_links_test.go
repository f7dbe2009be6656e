package build_test

import (
	"testing"

	"bulletin/internal/sitetest"
)

// A published article links to a draft and to an article dated in the
// future by their files. Left as written, the links showed the
// unpublished files' names in the page and the feeds ("ky-luat-x.md")
// and led nowhere; the link goes, its text stays.
const linksToUnpublished = `
-- site.yaml --
base_url: https://kiemtra.example.vn/
-- content/articles/a.md --
---
title: Bài đã đăng
date: 2018-08-06
---
Xem [bài kỷ luật](ky-luat-x.md) và [*bài sau*](2027/sau.md#muc), cùng [bài cũ](cu.md).
-- content/articles/ky-luat-x.md --
---
title: Kỷ luật đồng chí X
date: 2018-08-01
draft: true
---
Nháp.
-- content/articles/2027/sau.md --
---
title: Bài sau
date: 2027-01-01
---
Hẹn đăng.
-- content/articles/cu.md --
---
title: Bài cũ
date: 2018-01-01
---
Cũ.
`

func TestLinksToUnpublishedFilesKeepOnlyTheirText(t *testing.T) {
	s := sitetest.Build(t, linksToUnpublished)
	const page = "2018/08/bai-da-dang/index.html"
	for _, name := range []string{page, "atom.xml", "index.xml"} {
		s.Lacks(t, name, "ky-luat-x", "sau.md", "Kỷ luật đồng chí X")
	}
	s.Contains(t, page, `<p>Xem bài kỷ luật và <em>bài sau</em>, cùng <a href="/2018/01/bai-cu/">bài cũ</a>.</p>`)
	s.Contains(t, "atom.xml", `Xem bài kỷ luật và &lt;em&gt;bài sau&lt;/em&gt;, cùng &lt;a href=&#34;/2018/01/bai-cu/&#34;&gt;bài cũ&lt;/a&gt;.`)

	// Published with them, the links lead to their pages.
	s = sitetest.BuildWith(t, sitetest.Parse(linksToUnpublished), sitetest.Options{Drafts: true, Future: true})
	s.Contains(t, page, `<a href="/2018/08/ky-luat-dong-chi-x/">bài kỷ luật</a>`, `<a href="/2027/01/bai-sau/#muc"><em>bài sau</em></a>`)
}

// The preview's incremental build follows a draft being published and
// withdrawn, and its file deleted, as a cold build does.
func TestIncrementalLinkToADraft(t *testing.T) {
	h := newEditedSite(t, linksToUnpublished)
	h.replace("content/articles/ky-luat-x.md", "draft: true", "draft: false")
	h.check("draft published")
	h.replace("content/articles/ky-luat-x.md", "draft: false", "draft: true")
	h.check("withdrawn again")
	h.del("content/articles/ky-luat-x.md")
	h.check("draft deleted")
	h.replace("content/articles/2027/sau.md", "date: 2027-01-01", "date: 2018-09-01")
	h.check("future article's date brought forward")
}
