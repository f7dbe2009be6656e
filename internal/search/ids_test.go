package search_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"bulletin/internal/search"
	"bulletin/internal/sitetest"
)

// TestIndexIdsStayWhenANewerArticleComes pins what lets a rebuild write
// only what changed: an article newer than all others, the usual
// addition, takes the next id, the documents it cites for the first time
// come after it (one with a date of 2015, one without), and every
// document file of the last build (d/N.json) keeps its bytes, the undated
// page's included. A reader still sees every document by its own date.
func TestIndexIdsStayWhenANewerArticleComes(t *testing.T) {
	fsys := sitetest.Parse(searchSite)
	first := sitetest.BuildWith(t, fsys, sitetest.Options{})
	before := readIndex(t, first)

	const newest = "Ban Tuyên giáo sơ kết Đề án số 01-ĐA/TU"
	fsys["content/articles/2022/moi.md"] = &fstest.MapFile{Data: []byte(`---
title: ` + newest + `
date: 2022-09-30 08:00
kind: outcome
documents:
  - 01-ĐA/TU
  - 02-ĐA/TU
  - code: 03-NQ/TU
    date: 2015-05-05
    title: Về công tác tuyên giáo
---
Ban Tuyên giáo báo cáo kết quả.
`)}
	second := sitetest.BuildWith(t, fsys, sitetest.Options{})
	after := readIndex(t, second)

	var chunks []string
	for _, name := range first.Out.Names() {
		if strings.HasPrefix(name, search.Dir+"d/") {
			chunks = append(chunks, name)
		}
	}
	if len(chunks) != before.meta.Docs {
		t.Fatalf("%d document files for %d documents", len(chunks), before.meta.Docs)
	}
	for _, name := range chunks {
		x, _ := first.Out.Get(name)
		if y, ok := second.Out.Get(name); !ok || !bytes.Equal(x, y) {
			t.Errorf("%s changed when a newer article was added:\n%s\n→\n%s", name, x, y)
		}
	}
	next := before.meta.Docs
	if after.meta.Docs != next+3 {
		t.Fatalf("docs %d after an article and two projects more, want %d", after.meta.Docs, next+3)
	}
	// Ties by URL backwards: 03-NQ/TU before 02-ĐA/TU.
	for i, want := range []string{newest, "03-NQ/TU: Về công tác tuyên giáo", "02-ĐA/TU"} {
		if got := after.title(next + i); got != want {
			t.Errorf("document %d is %q, want %q", next+i, got, want)
		}
	}

	// The reader's order: the new article first, the project of 2015
	// after every dated document, the undated one after the page (by URL).
	want := slices.Concat([]string{newest}, before.newestFirst())
	want = slices.Insert(want, after.meta.Dated-1, "03-NQ/TU: Về công tác tuyên giáo")
	want = append(want, "02-ĐA/TU")
	if got := after.newestFirst(); !slices.Equal(got, want) {
		t.Errorf("newest first:\n%q\nwant\n%q", got, want)
	}
	wantYears := [][2]int{{2022, 0}}
	for _, y := range before.meta.YearStarts {
		wantYears = append(wantYears, [2]int{y[0], y[1] + 1})
	}
	wantYears = append(wantYears, [2]int{2015, after.meta.Dated - 1})
	if got := after.meta.YearStarts; !slices.Equal(got, wantYears) {
		t.Errorf("yearStarts %v, want %v", got, wantYears)
	}
	if after.meta.Dated != before.meta.Dated+2 {
		t.Errorf("dated %d, want %d", after.meta.Dated, before.meta.Dated+2)
	}
	// They are found by their words, the article as an outcome.
	if got := after.lookup("tuyen")["tuyên"]; !slices.Equal(got, []string{newest, "03-NQ/TU: Về công tác tuyên giáo"}) {
		t.Errorf("tuyen: %q", got)
	}
	if got := after.lookup("!outcome")[""]; len(got) != 2 || got[1] != newest {
		t.Errorf("outcomes: %q", got)
	}
}

// TestIndexOrderOfOneDay pins the reader's order of articles of one date,
// by URL, as the site lists them, and that meta.json gives it in one run
// however many there are: their ids run the other way.
func TestIndexOrderOfOneDay(t *testing.T) {
	ix := readIndex(t, sitetest.Build(t, `
-- site.yaml --
title: Tin kiểm tra
-- content/articles/b.md --
---
title: Bài B
date: 2020-01-01
---
Chữ.
-- content/articles/a.md --
---
title: Bài A
date: 2020-01-01
---
Chữ.
-- content/articles/c.md --
---
title: Bài C
date: 2020-01-01
---
Chữ.
-- content/articles/d.md --
---
title: Bài D
date: 2019-12-31
---
Chữ.
-- content/pages/gioi-thieu.md --
---
title: Giới thiệu
---
Chữ.
`))
	if got, want := ix.newestFirst(), []string{"Bài A", "Bài B", "Bài C", "Bài D", "Giới thiệu"}; !slices.Equal(got, want) {
		t.Errorf("newest first: %q, want %q", got, want)
	}
	if got, want := ix.meta.Order, [][2]int{{4, 0}}; !slices.Equal(got, want) {
		t.Errorf("order: %v, want %v", got, want)
	}
}
