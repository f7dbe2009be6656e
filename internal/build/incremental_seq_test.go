package build_test

// Edit sequences after which the preview's snapshot must still equal a
// cold build, byte for byte: every field of every kind of file, settings,
// layouts, static files, links between files. The snapshot's pages are
// made from it, so they cannot be stale; what these tests pin is what the
// Builder keeps between builds (decoded files, conversions, layouts,
// static files) and what Changes makes it read again. Each save advances
// the file's modification time, as an editor's does (the loader skips
// files whose size and time are unchanged; a save that keeps both is not
// seen, which is the accepted cost of not reading 10,000 files on every
// save).
//
// At each step a one-off build also writes the site over the output of the
// step before, as bulletin build does, linking in the pages it made from
// the same keys (reuse.go) and taking back from its store the files it decoded and converted (store.go): that folder must
// hold the cold build's files too.

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/output"
	"bulletin/internal/sitetest"

	"golang.org/x/text/unicode/norm"
)

type editedSite struct {
	t     *testing.T
	fsys  fstest.MapFS
	b     *build.Builder
	clock time.Time
	opt   build.Options
	fails int

	// hints passes the builder the paths changed since the last build,
	// as the preview's watcher does; without, it is told Everything.
	hints   bool
	changed []string
	snap    *build.Snapshot // the last snapshot the Builder made

	// out is an output folder that a one-off build writes again at each
	// step, as bulletin build does, linking in the pages whose keys it
	// made before (output.Dir.Reuse); reused counts them.
	out      string
	reused   int
	restored int // files taken back from out's store
}

func newEditedSite(t *testing.T, archive string) *editedSite {
	h := &editedSite{t: t, fsys: sitetest.Parse(archive), b: build.NewBuilder(),
		clock: time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
	for _, f := range h.fsys {
		f.ModTime = h.clock
	}
	h.check("initial")
	return h
}

// touch stamps a file as an editor's save does: a new mtime, a second later.
func (h *editedSite) touch(name string) {
	h.changed = append(h.changed, name)
	h.clock = h.clock.Add(1500 * time.Millisecond)
	if f := h.fsys[name]; f != nil {
		f.ModTime = h.clock
	}
}

func (h *editedSite) set(name, data string) {
	f := h.fsys[name]
	if f == nil {
		f = &fstest.MapFile{Mode: 0o644}
		h.fsys[name] = f
	}
	f.Data = []byte(data)
	h.touch(name)
}

func (h *editedSite) del(name string) {
	h.changed = append(h.changed, name)
	delete(h.fsys, name)
}

func (h *editedSite) replace(name, old, new string) {
	f := h.fsys[name]
	if f == nil {
		h.t.Fatalf("no file %s", name)
	}
	if !bytes.Contains(f.Data, []byte(old)) {
		h.t.Fatalf("%s does not contain %q", name, old)
	}
	f.Data = bytes.Replace(f.Data, []byte(old), []byte(new), 1)
	h.touch(name)
}

func (h *editedSite) check(step string) bool {
	h.t.Helper()
	mem := output.NewMemory()
	opt := h.opt
	opt.Source, opt.Now = h.fsys, sitetest.Now
	ch := build.Everything
	if h.hints && step != "initial" {
		ch = build.Changes{}
		for _, p := range h.changed {
			ch.Add(p)
		}
	}
	h.changed = nil
	snap, ierr := h.b.Prepare(context.Background(), opt, ch)
	h.snap = snap
	if ierr == nil {
		_, ierr = snap.Write(context.Background(), mem)
	}
	cold, cerr := sitetest.Try(h.fsys, h.opt)
	if (ierr == nil) != (cerr == nil) {
		h.t.Errorf("[%s] incremental err %v, cold err %v", step, ierr, cerr)
		h.fails++
		return false
	}
	if cerr != nil {
		h.t.Logf("[%s] both fail: %v", step, cerr)
		return true
	}
	ok := h.checkReuse(step, cold.Out)
	names := map[string]bool{}
	for _, n := range cold.Out.Names() {
		names[n] = true
		x, _ := cold.Out.Get(n)
		y, has := mem.Get(n)
		if !has {
			h.t.Errorf("[%s] %s missing from incremental", step, n)
			ok = false
		} else if !bytes.Equal(x, y) {
			h.t.Errorf("[%s] %s differs:\n%s", step, n, firstDiff(string(x), string(y)))
			ok = false
		}
	}
	for _, n := range mem.Names() {
		if !names[n] {
			h.t.Errorf("[%s] %s only in incremental", step, n)
			ok = false
		}
	}
	if !ok {
		h.fails++
	}
	return ok
}

// checkReuse builds the site into h.out, over what the last step built
// there, and compares the folder with the cold build's files.
func (h *editedSite) checkReuse(step string, cold *output.Memory) bool {
	h.t.Helper()
	if h.out == "" {
		h.out = filepath.Join(h.t.TempDir(), "public")
	}
	d, err := output.NewDir(h.out, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	opt := h.opt
	opt.Source, opt.Now, opt.Sink, opt.Store = h.fsys, sitetest.Now, d, h.out+".store"
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		d.Abort()
		h.t.Errorf("[%s] a build into the last output failed: %v", step, err)
		return false
	}
	if res.StoreErr != nil {
		h.t.Errorf("[%s] store: %v", step, res.StoreErr)
	}
	h.restored += res.Restored
	if err := d.Commit(); err != nil {
		h.t.Fatal(err)
	}
	h.reused += d.Reused()
	ok := true
	on := map[string]bool{}
	for _, n := range cold.Names() {
		on[n] = true
		want, _ := cold.Get(n)
		got, err := os.ReadFile(filepath.Join(h.out, n))
		if err != nil || !bytes.Equal(got, want) {
			h.t.Errorf("[%s] %s differs in the output built over the last (%v):\n%s", step, n, err, firstDiff(string(want), string(got)))
			ok = false
		}
	}
	filepath.WalkDir(h.out, func(p string, e fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(h.out, p)
		if err == nil && !e.IsDir() && rel != ".bulletin-output" && !on[filepath.ToSlash(rel)] {
			h.t.Errorf("[%s] %s only in the output built over the last", step, rel)
			ok = false
		}
		return nil
	})
	return ok
}

func firstDiff(cold, inc string) string {
	cl, il := strings.Split(cold, "\n"), strings.Split(inc, "\n")
	for i := 0; i < len(cl) || i < len(il); i++ {
		var c, n string
		if i < len(cl) {
			c = cl[i]
		}
		if i < len(il) {
			n = il[i]
		}
		if c != n {
			return fmt.Sprintf("  line %d\n  cold: %s\n  inc:  %s", i+1, c, n)
		}
	}
	return "(same lines?)"
}

const editSeed = `
-- site.yaml --
title: Tin kiểm tra tỉnh Thái Nguyên
description: Tin tức kiểm tra
base_url: https://kiemtra.example.vn/
page_size: 2
feed_size: 2
-- content/articles/2018/dan-van.md --
---
title: Kiểm tra thực hiện các đề án về công tác dân vận
date: "16:41, 06/08/2018"
kind: news
team_lead:
  name: Bùi Hải Tú
  role: Tỉnh ủy viên
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents:
  - code: 01-ĐA/TU
    date: 12/7/2016
    title: Nâng cao chất lượng công tác dân vận
  - code: 02-ĐA/TU
    date: 2016-10-10
    title: Dân chủ ở cơ sở
tags: [dân vận, dân chủ ở cơ sở]
---
Đoàn kiểm tra làm việc với Đảng ủy Khối. Xem 03-ĐA/TU.
-- content/articles/2018/ket-luan.md --
---
title: Kết luận kiểm tra Đề án 01
date: 2018-09-20 09:00
kind: outcome
team_lead: Bùi Hải Tú
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents: [" 01-DA/TU ", 03-ĐA/TU]
outcome:
  findings: [Hầu hết mục tiêu được cụ thể hóa]
  shortcomings: [Phản biện xã hội chưa nhiều]
  recommendations: [Bổ sung báo cáo]
  follow_up_by: 2018-12-31
tags: [Dân vận]
---
Kết luận. Xem [bài trước](dan-van.md#ket-qua) và [đề án](../../projects/03.md).
-- content/articles/2019/moi.md --
---
title: Tin mới năm 2019
date: 2019-01-02T08:00:00+07:00
documents: [02-ĐA/TU]
tags: dân vận, mới
---
Tin. Xem [kết luận](../2018/ket-luan.md).
-- content/articles/2019/hai.md --
---
title: Tin thứ hai năm 2019
date: 2019-03-02
summary: Tóm tắt riêng
team_lead:
  name: Nguyễn Văn A
  role: Ủy viên
documents:
  - 03-ĐA/TU
---
Hai.
-- content/projects/01-da-tu.md --
---
code: 01-ĐA/TU
title: Nâng cao chất lượng và hiệu quả công tác dân vận của Đảng bộ tỉnh
date: 2016-07-12
issuer: Ban Chấp hành Đảng bộ tỉnh
---
Mô tả đề án.
-- content/projects/03.md --
---
code: 03-ĐA/TU
title: Đề án ba
date: 2017-03-03
issuer: Tỉnh ủy
period: 2017-2020
---
Mô tả đề án ba, xem [tin](../articles/2019/hai.md).
-- content/pages/gioi-thieu.md --
---
title: Giới thiệu
---
Trang giới thiệu. [Tin mới](../articles/2019/moi.md)
-- static/img/a.png --
PNG
`

func TestIncrementalProjectDateFallback(t *testing.T) {
	h := newEditedSite(t, editSeed)
	// hai.md cites 03-ĐA/TU by bare code: its page shows the project's date.
	h.replace("content/projects/03.md", "date: 2017-03-03", "date: 2017-04-04")
	h.check("project file date")
}

func TestIncrementalProjectDateFromOldestArticle(t *testing.T) {
	h := newEditedSite(t, editSeed)
	// 02-ĐA/TU has no file: its date comes from the oldest article giving one.
	// moi.md cites it bare, so shows that date.
	h.replace("content/articles/2018/dan-van.md", "date: 2016-10-10", "date: 2016-11-11")
	h.check("doc date in oldest article")
}

func TestIncrementalMany(t *testing.T) {
	for _, hints := range []bool{false, true} {
		t.Run(fmt.Sprintf("told what changed=%v", hints), func(t *testing.T) { manyEdits(t, hints) })
	}
}

func manyEdits(t *testing.T, hints bool) {
	h := newEditedSite(t, editSeed)
	h.hints = hints
	a := "content/articles/2018/dan-van.md"
	k := "content/articles/2018/ket-luan.md"
	m := "content/articles/2019/moi.md"
	two := "content/articles/2019/hai.md"
	p1 := "content/projects/01-da-tu.md"
	p3 := "content/projects/03.md"
	pg := "content/pages/gioi-thieu.md"
	steps := []struct {
		name string
		f    func()
	}{
		{"title", func() { h.replace(a, "title: Kiểm tra thực hiện", "title: Kiểm tra việc thực hiện") }},
		{"date", func() { h.replace(a, `"16:41, 06/08/2018"`, `"16:41, 07/08/2018"`) }},
		{"date month", func() { h.replace(a, `"16:41, 07/08/2018"`, `"16:41, 07/10/2018"`) }},
		{"slug", func() { h.replace(m, "title: Tin mới năm 2019\n", "title: Tin mới năm 2019\nslug: tin-moi\n") }},
		{"summary add", func() {
			h.replace(m, "title: Tin mới năm 2019\n", "title: Tin mới năm 2019\nsummary: Tóm tắt mới\n")
		}},
		{"summary edit", func() { h.replace(two, "summary: Tóm tắt riêng", "summary: Tóm tắt khác") }},
		{"draft", func() { h.replace(two, "summary:", "draft: true\nsummary:") }},
		{"undraft", func() { h.replace(two, "draft: true\n", "") }},
		{"kind", func() { h.replace(a, "kind: news", "kind: outcome") }},
		{"team lead string", func() { h.replace(k, "team_lead: Bùi Hải Tú", "team_lead: Bùi Hải Tư") }},
		{"team lead role", func() { h.replace(a, "role: Tỉnh ủy viên", "role: Phó Chủ nhiệm") }},
		{"team lead back", func() { h.replace(k, "team_lead: Bùi Hải Tư", "team_lead: bùi hải tú") }},
		{"unit", func() {
			h.replace(k, "inspected_unit: Đảng ủy Khối các cơ quan tỉnh", "inspected_unit: Đảng uỷ khối các cơ quan tỉnh")
		}},
		{"tags", func() { h.replace(m, "tags: dân vận, mới", "tags: Dân vận, mới, thêm") }},
		{"doc code variant", func() { h.replace(a, "code: 01-ĐA/TU", "code: 01-DA/TU") }},
		{"doc title", func() { h.replace(a, "title: Dân chủ ở cơ sở", "title: Dân chủ cơ sở") }},
		{"doc date", func() { h.replace(a, "date: 2016-10-10", "date: 2016-10-11") }},
		{"outcome", func() {
			h.replace(k, "recommendations: [Bổ sung báo cáo]", "recommendations: [Bổ sung báo cáo, Khắc phục]")
		}},
		{"image", func() { h.replace(m, "tags:", "image: /img/a.png\ntags:") }},
		{"project title", func() { h.replace(p3, "title: Đề án ba", "title: Đề án số ba") }},
		{"project code spelling", func() { h.replace(p1, "code: 01-ĐA/TU", "code: 01-ĐA/TU ") }},
		{"project issuer", func() { h.replace(p3, "issuer: Tỉnh ủy", "issuer: Tỉnh ủy Thái Nguyên") }},
		{"project period", func() { h.replace(p3, "period: 2017-2020", "period: 2017-2025") }},
		{"project desc", func() { h.replace(p3, "Mô tả đề án ba", "Mô tả đề án số ba") }},
		{"project remove", func() { h.del(p1) }},
		{"project add", func() {
			h.set("content/projects/02.md", "---\ncode: 02-DA/TU\ntitle: Đề án hai\ndate: 2016-02-02\n---\nHai.\n")
		}},
		{"page edit", func() { h.replace(pg, "title: Giới thiệu", "title: Giới thiệu chung") }},
		{"page add", func() { h.set("content/pages/lien-he.md", "---\ntitle: Liên hệ\n---\nLiên hệ.\n") }},
		{"article add newest", func() {
			h.set("content/articles/2020/ba.md", "---\ntitle: Bài ba\ndate: 2020-01-01\ndocuments: [01-ĐA/TU]\ntags: [mới]\n---\nBa.\n")
		}},
		{"article delete", func() { h.del("content/articles/2020/ba.md") }},
		{"rename linked", func() {
			f := h.fsys[k]
			h.del(k)
			h.fsys["content/articles/2018/ket-luan-2.md"] = f // a rename: the watcher sees both names
			h.changed = append(h.changed, "content/articles/2018/ket-luan-2.md")
		}},
		{"rename back", func() {
			f := h.fsys["content/articles/2018/ket-luan-2.md"]
			h.del("content/articles/2018/ket-luan-2.md")
			h.fsys[k] = f
			h.changed = append(h.changed, k)
		}},
		{"site title", func() { h.replace("site.yaml", "title: Tin kiểm tra tỉnh Thái Nguyên", "title: Tin kiểm tra") }},
		{"site desc", func() { h.replace("site.yaml", "description: Tin tức kiểm tra", "description: Tin tức") }},
		{"base path", func() {
			h.replace("site.yaml", "base_url: https://kiemtra.example.vn/", "base_url: https://example.vn/kiem-tra/")
		}},
		{"page size", func() { h.replace("site.yaml", "page_size: 2", "page_size: 1") }},
		{"feed size", func() { h.replace("site.yaml", "feed_size: 2", "feed_size: 1") }},
		{"link codes off", func() { h.replace("site.yaml", "feed_size: 1", "feed_size: 1\nlink_codes: false") }},
		{"link codes on", func() { h.replace("site.yaml", "link_codes: false", "link_codes: true") }},
		{"unsafe", func() { h.replace("site.yaml", "feed_size: 1", "feed_size: 1\nunsafe_html: true") }},
		{"time zone", func() { h.replace("site.yaml", "feed_size: 1", "feed_size: 1\ntime_zone: Asia/Tokyo") }},
		{"layout override", func() {
			h.set("layouts/partials/footer.html", `<footer>{{.Site.Config.Title}} {{template "partials/extra.html" .}}</footer>`)
			h.set("layouts/partials/extra.html", `<p>extra</p>`)
		}},
		{"partial edit", func() { h.set("layouts/partials/extra.html", `<p>extra 2</p>`) }},
		{"static", func() { h.set("static/img/a.png", "PNG2") }},
		{"nfd title", func() {
			h.replace(m, "title: Tin mới năm 2019", "title: "+norm.NFD.String("Tin mới năm 2019 đã sửa"))
		}},
	}
	for _, s := range steps {
		s.f()
		h.check(s.name)
	}
}

// A site layout shows each stand-alone page's summary on every page.
func TestIncrementalSiteDocsSummary(t *testing.T) {
	h := newEditedSite(t, editSeed+`
-- layouts/partials/footer.html --
<footer>{{range .Site.Docs}}<p>{{.Title}}: {{.Summary}} {{.Date}}</p>{{end}}</footer>
`)
	h.replace("content/pages/gioi-thieu.md", "Trang giới thiệu.", "Trang giới thiệu mới.")
	h.check("doc body shown on every page")
}

// A site layout shows a setting the default theme never shows.
func TestIncrementalSiteConfigFeedSize(t *testing.T) {
	h := newEditedSite(t, editSeed+`
-- layouts/partials/footer.html --
<footer>RSS: {{.Site.Config.FeedSize}} tin mới nhất</footer>
`)
	h.replace("site.yaml", "feed_size: 2", "feed_size: 3")
	h.check("feed_size shown in footer")
}

func TestIncrementalLinksAppearAndMove(t *testing.T) {
	h := newEditedSite(t, `
-- site.yaml --
base_url: https://kiemtra.example.vn/
link_codes: false
-- content/articles/a.md --
---
title: Bài A
date: 2018-01-01
---
Xem [B](sub/b.md#x), [Đ](`+norm.NFD.String("đề-án.md")+`) và [P](../projects/p.md).
`)
	h.set("content/articles/sub/b.md", "---\ntitle: Bài B\ndate: 2018-02-01\n---\nB.\n")
	h.check("linked file appears")
	h.set("content/articles/đề-án.md", "---\ntitle: Đề án\ndate: 2018-03-01\n---\nĐ.\n")
	h.check("NFC file appears for NFD link")
	h.set("content/projects/p.md", "---\ncode: 09-ĐA/TU\ntitle: P\n---\nP.\n")
	h.check("project file appears")
	h.replace("content/articles/sub/b.md", "date: 2018-02-01", "date: 2018-04-01")
	h.check("linked article moves month")
	h.replace("site.yaml", "base_url: https://kiemtra.example.vn/", "base_url: https://example.vn/kt/")
	h.check("base path")
	h.replace("content/projects/p.md", "code: 09-ĐA/TU", "code: 10-ĐA/TU")
	h.check("project URL changes")
	h.del("content/articles/sub/b.md")
	h.check("linked file gone")
}

// An article citing a project by bare code shows the project's date:
// editing only the project file's date changes the article's page.
func TestIncrementalMinimalProjectDate(t *testing.T) {
	h := newEditedSite(t, `
-- content/articles/a.md --
---
title: Bài A
date: 2018-01-01
documents: [01-ĐA/TU]
---
A.
-- content/projects/p.md --
---
code: 01-ĐA/TU
title: Đề án một
date: 2016-07-12
---
P.
`)
	h.replace("content/projects/p.md", "date: 2016-07-12", "date: 2016-08-12")
	h.check("project date")
}
