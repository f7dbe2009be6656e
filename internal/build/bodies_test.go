package build_test

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/sitetest"
)

const bodySeed = `
-- site.yaml --
title: Tin kiểm tra
base_url: https://kiemtra.example.vn/
page_size: 5
-- content/articles/a.md --
---
title: Kiểm tra công tác dân vận
date: 2018-08-06 16:41
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents: [01-ĐA/TU]
tags: [dân vận]
---
Đoạn mở đầu cũ.

![Quang cảnh](https://example.vn/anh.jpg)

Thực hiện 01-ĐA/TU.
-- content/articles/b.md --
---
title: Kết luận kiểm tra
date: 2018-09-20 09:00
kind: outcome
team_lead: Bùi Hải Tú
documents: [01-ĐA/TU]
---
Kết luận.
-- content/projects/01.md --
---
code: 01-ĐA/TU
title: Đề án dân vận
date: 2016-07-12
---
Mô tả.
`

// assembled reports whether the last Prepare assembled the site, rather
// than giving the saved articles their new bodies on the site it had.
func (h *editedSite) assembled() bool {
	h.t.Helper()
	if h.snap == nil {
		h.t.Fatal("no snapshot")
	}
	return slices.ContainsFunc(h.snap.Steps, func(s build.Step) bool { return s.Name == "assemble" })
}

func (h *editedSite) page(name string) string {
	h.t.Helper()
	data, ok, err := h.snap.File(name)
	if !ok || err != nil {
		h.t.Fatalf("%s: ok %v, err %v", name, ok, err)
	}
	return string(data)
}

// A save that changes only an article's body is built on the site already
// assembled, and what the preview then serves is what a cold build makes
// (check compares every file); any other save, or one the body alone does
// not decide (a new image), is built whole.
func TestSaveOfABodyAlone(t *testing.T) {
	h := newEditedSite(t, bodySeed)
	h.hints = true
	steps := []struct {
		what      string
		edit      func()
		assembled bool
		shows     map[string]string // page → text it must show
	}{
		{"the first paragraph, shown on the cards", func() {
			h.replace("content/articles/a.md", "Đoạn mở đầu cũ.", "Đoạn mở đầu mới.")
		}, false, map[string]string{"index.html": "Đoạn mở đầu mới.", "2018/08/kiem-tra-cong-tac-dan-van/index.html": "Đoạn mở đầu mới."}},
		{"a link to another article", func() {
			h.replace("content/articles/a.md", "Thực hiện", "Xem [kết luận](b.md). Thực hiện")
		}, false, map[string]string{"2018/08/kiem-tra-cong-tac-dan-van/index.html": `href="/2018/09/ket-luan-kiem-tra/"`}},
		{"two bodies at once", func() {
			h.replace("content/articles/a.md", "Đoạn mở đầu mới.", "Đoạn một.")
			h.replace("content/articles/b.md", "Kết luận.", "Kết luận mới.")
		}, false, map[string]string{"index.html": "Kết luận mới."}},
		{"an image the body did not show", func() {
			h.replace("content/articles/b.md", "Kết luận mới.", "Kết luận mới.\n\n![Ảnh](https://example.vn/khac.jpg)")
		}, true, nil},
		{"the title", func() {
			h.replace("content/articles/a.md", "title: Kiểm tra công tác dân vận", "title: Kiểm tra công tác dân vận năm 2018")
		}, true, map[string]string{"index.html": "Kiểm tra công tác dân vận năm 2018"}},
		{"the body again, after a whole build", func() {
			h.replace("content/articles/a.md", "Đoạn một.", "Đoạn hai.")
		}, false, map[string]string{"index.html": "Đoạn hai."}},
		{"the frontmatter written otherwise, decoding alike", func() {
			h.replace("content/articles/a.md", "documents: [01-ĐA/TU]", "documents: [ 01-ĐA/TU ]")
		}, false, nil},
		{"a project's body", func() {
			h.replace("content/projects/01.md", "Mô tả.", "Mô tả mới.")
		}, true, map[string]string{"projects/01-da-tu/index.html": "Mô tả mới."}},
	}
	for _, st := range steps {
		st.edit()
		if !h.check(st.what) {
			t.Fatalf("%s: the preview's site differs from a cold build", st.what)
		}
		if got := h.assembled(); got != st.assembled {
			t.Errorf("%s: assembled %v, want %v (steps %v)", st.what, got, st.assembled, h.snap.Steps)
		}
		for name, want := range st.shows {
			if !strings.Contains(h.page(name), want) {
				t.Errorf("%s: %s does not show %q", st.what, name, want)
			}
		}
	}
}

// An article file that is a link may change unseen (what it leads to
// lies outside the watched folders): every Update reads it again, so a
// save of a body on such a site goes the whole way too.
func TestSaveOfABodyBesideALinkedArticle(t *testing.T) {
	h := newEditedSite(t, bodySeed+`-- notes/l.md --
---
title: Bài liên kết
date: 2018-07-01
---
Nội dung liên kết cũ.
`)
	h.fsys["content/articles/l.md"] = &fstest.MapFile{Data: []byte("../../notes/l.md"), Mode: fs.ModeSymlink | 0o777, ModTime: h.clock}
	h.check("a linked article")
	if !strings.Contains(h.page("2018/07/bai-lien-ket/index.html"), "Nội dung liên kết cũ.") {
		t.Fatal("the linked article is not read")
	}
	h.hints = true
	h.replace("notes/l.md", "Nội dung liên kết cũ.", "Nội dung liên kết mới.")
	h.changed = nil // notes/ is no part of a site: the watcher builds nothing
	h.replace("content/articles/a.md", "Đoạn mở đầu cũ.", "Đoạn mở đầu mới.")
	if !h.check("a body saved after the linked file changed") {
		t.Fatalf("the preview's site differs from a cold build (assembled %v)", h.assembled())
	}
}

// A body saved when the clock has passed a time at which the site changes
// by itself (an article scheduled for later comes out) is built whole, so
// the article appears.
func TestSaveOfABodyAfterTheClockChangedTheSite(t *testing.T) {
	fsys := sitetest.Parse(bodySeed + `-- content/articles/c.md --
---
title: Tin hẹn giờ
date: 2026-11-25 13:00
---
Sắp đăng.
`)
	b := build.NewBuilder()
	before := time.Date(2026, 11, 25, 12, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	snap := prepare(t, b, fsys, before, build.Everything)
	if snap.Has("2026/11/tin-hen-gio/index.html") {
		t.Fatal("the scheduled article is out before its time")
	}
	edit(fsys, "content/articles/a.md", "Đoạn mở đầu cũ.", "Đoạn mở đầu mới.")
	var ch build.Changes
	ch.Add("content/articles/a.md")
	snap = prepare(t, b, fsys, before.Add(2*time.Hour), ch)
	if !snap.Has("2026/11/tin-hen-gio/index.html") {
		t.Error("the scheduled article is not out after its time")
	}
}

// Pages of the previous snapshot may still be rendering when a save gives
// its articles new bodies: each reads one body or the other, whole (run
// under the race detector, as .ci/run does).
func TestOldSnapshotRendersWhileABodyIsSaved(t *testing.T) {
	fsys := sitetest.Parse(bodySeed)
	b := build.NewBuilder()
	old := prepare(t, b, fsys, sitetest.Now, build.Everything)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for _, name := range old.Names() {
				if strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".json") {
					if _, _, err := old.File(name); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	edit(fsys, "content/articles/a.md", "Đoạn mở đầu cũ.", "Đoạn mở đầu mới.")
	var ch build.Changes
	ch.Add("content/articles/a.md")
	snap := prepare(t, b, fsys, sitetest.Now, ch)
	wg.Wait()
	if data, _, _ := snap.File("2018/08/kiem-tra-cong-tac-dan-van/index.html"); !strings.Contains(string(data), "Đoạn mở đầu mới.") {
		t.Error("the new snapshot does not show the new body")
	}
}

func prepare(t *testing.T, b *build.Builder, fsys fstest.MapFS, now time.Time, ch build.Changes) *build.Snapshot {
	t.Helper()
	snap, err := b.Prepare(context.Background(), build.Options{Source: fsys, Now: now}, ch)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// edit replaces old by new in a file and moves its time on, as a save does.
func edit(fsys fstest.MapFS, name, old, new string) {
	f := fsys[name]
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
	f.ModTime = f.ModTime.Add(time.Second)
}
