package build_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/model"
	"bulletin/internal/sitetest"
)

// A body's HTML depends on the document codes it mentions, not on the
// whole table of the site's projects: when a project comes in, only the
// bodies that mention its code are converted again (and now link it);
// the others keep the conversion they had. Before, any project added,
// gone or moved converted all 10,000 bodies of the generator's site
// again, in the preview and, through the store, in bulletin build.
func TestNewProjectConvertsOnlyTheBodiesThatMentionItsCode(t *testing.T) {
	fsys := sitetest.Parse(`
-- site.yaml --
title: Bản tin
-- content/articles/a.md --
---
title: Kiểm tra Đảng ủy xã
date: 2018-08-06
---
Thực hiện Kế hoạch số 07-KH/TU của Tỉnh ủy.
-- content/articles/b.md --
---
title: Làm việc với Huyện ủy
date: 2018-08-07
documents: [01-ĐA/TU]
---
Theo Đề án số 01-ĐA/TU.
-- content/articles/c.md --
---
title: Tin ngắn
date: 2018-08-08
---
Không nhắc văn bản nào.
`)
	t0 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	for _, f := range fsys {
		f.ModTime = t0
	}
	b := build.NewBuilder()
	opt := build.Options{Source: fsys, Now: sitetest.Now}
	bodies := func(snap *build.Snapshot) map[string]*model.Body {
		out := map[string]*model.Body{}
		for _, a := range snap.Site.Articles {
			out[a.Path] = a.Body()
		}
		return out
	}
	snap, err := b.Prepare(context.Background(), opt, build.Everything)
	if err != nil {
		t.Fatal(err)
	}
	before := bodies(snap)
	if strings.Contains(string(before["content/articles/a.md"].HTML()), "<a ") {
		t.Fatalf("a.md links a code no project has:\n%s", before["content/articles/a.md"].HTML())
	}

	fsys["content/articles/d.md"] = sitetest.Parse("-- d --\n---\ntitle: Kế hoạch mới\ndate: 2018-08-09\ndocuments: [07-KH/TU]\n---\nx\n")["d"]
	fsys["content/articles/d.md"].ModTime = t0.Add(time.Minute)
	snap, err = b.Prepare(context.Background(), opt, build.Changes{Content: []string{"content/articles/d.md"}})
	if err != nil {
		t.Fatal(err)
	}
	after := bodies(snap)
	if html := string(after["content/articles/a.md"].HTML()); !strings.Contains(html, `<a href="/projects/07-kh-tu/">Kế hoạch số <span class="code">07-KH/TU</span></a>`) {
		t.Errorf("a.md does not link the new project:\n%s", html)
	}
	if after["content/articles/a.md"] == before["content/articles/a.md"] {
		t.Error("a.md, which mentions the new project's code, kept its old conversion")
	}
	for _, p := range []string{"content/articles/b.md", "content/articles/c.md"} {
		if after[p] != before[p] {
			t.Errorf("%s, which does not mention the new code, was converted again", p)
		}
	}
}
