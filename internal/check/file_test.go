package check

import (
	"context"
	"reflect"
	"testing"

	"bulletin/internal/build"
	"bulletin/internal/sitetest"
)

// A site where every rule finds something, in files that share projects,
// team leads, units and tags.
const many = `
-- content/projects/01-da-tu.md --
---
code: 01-ĐA/TU
title: Nâng cao chất lượng công tác dân vận
date: 2016-07-12
---
-- content/projects/09-da-tu.md --
---
code: 09-ĐA/TU
title: Không ai trích dẫn
---
-- content/articles/a.md --
---
title: Kiểm tra dân vận
date: 2018-08-06
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents:
  - code: 01-ĐA/TU
    title: Một tên khác
tags: [dân vận]
documnets: x
---
[hỏng](/khong-co/) và [bài nháp](c.md)
-- content/articles/b.md --
---
title: Kiểm tra dân vận
date: 2018-08-06
team_lead: Bùi Hải Tư
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents: [01-DA/TU]
tags: [dân vân]
kind: outcome
slug: kiem-tra-dan-van-2
outcome:
  follow_up_by: 2019-01-01
---
![ảnh](/khong-co.png)
-- content/articles/c.md --
---
title: Bản nháp
date: 2018-09-01
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
tags: [dân vận]
draft: true
---
x
`

// File finds, for each file, exactly what Snapshot finds on it.
func TestFileFindsWhatTheWholeCheckFindsOnIt(t *testing.T) {
	fsys := sitetest.Parse(many)
	snap, err := new(build.Builder).Prepare(context.Background(),
		build.Options{Source: fsys, Drafts: true, Future: true, Now: sitetest.Now}, build.Everything)
	if err != nil {
		t.Fatal(err)
	}
	all := Snapshot(snap, fsys, sitetest.Now)
	codes := map[string]bool{}
	for _, p := range all {
		codes[p.Code] = true
	}
	for _, code := range []string{UnknownField, DocumentDiffers, UnusedProject, NoDocuments, FollowUpOverdue, BrokenLink, MissingImage, DuplicateTitle, NameVariants} {
		if !codes[code] {
			t.Errorf("the site has no %s finding: %v", code, all)
		}
	}
	for name := range fsys {
		var want []string
		for _, p := range all {
			if p.File == name {
				want = append(want, p.Error())
			}
		}
		var got []string
		for _, p := range File(snap, fsys, sitetest.Now, name) {
			got = append(got, p.Error())
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
}
