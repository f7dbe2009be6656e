package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/internal/build"
	"bulletin/internal/output"
	"bulletin/internal/sitetest"
)

const lookSite = `
-- content/articles/a.md --
---
title: Kiểm tra dân vận
date: 2018-08-06 16:41
documents: [01-ĐA/TU]
tags: [dân vận]
---
Đoàn kiểm tra làm việc tại Đảng ủy Khối.
-- content/articles/b.md --
---
title: Giám sát kinh tế tập thể
date: 2019-03-12
documents: [01-ĐA/TU]
tags: [dân vận]
---
Xem [bài trước](a.md).
-- content/projects/01-da-tu.md --
---
code: 01-ĐA/TU
title: Nâng cao chất lượng công tác dân vận
date: 2016-07-12
---
`

// A Look shows a form's unsaved text through the real pipeline and
// layouts, and leaves the preview as it was: the files on disk, the
// snapshot being served, and the next build are what they would have
// been without it.
func TestLookLeavesThePreviewAsItWas(t *testing.T) {
	dir := t.TempDir()
	for name, f := range sitetest.Parse(lookSite) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	fsys := os.DirFS(dir)
	opt := build.Options{Source: fsys, Now: sitetest.Now}
	b := build.NewBuilder()
	ctx := context.Background()
	snap, err := b.Prepare(ctx, opt, build.Everything)
	if err != nil {
		t.Fatal(err)
	}
	before := output.NewMemory()
	if _, err := snap.Write(ctx, before); err != nil {
		t.Fatal(err)
	}
	onDisk, _ := os.ReadFile(filepath.Join(dir, "content/articles/a.md"))

	unsaved := strings.Replace(string(onDisk), "Kiểm tra dân vận", "Kiểm tra chưa lưu", 1)
	unsaved = strings.Replace(unsaved, "Đảng ủy Khối", "Huyện ủy Phú Lương", 1)
	lk, err := b.Look(ctx, build.Options{Source: fsys, Now: sitetest.Now, Drafts: true, Future: true}, "content/articles/a.md", []byte(unsaved))
	if err != nil || lk.Snapshot == nil {
		t.Fatalf("Look: %v %v", err, lk.Problems)
	}
	page, _, err := lk.Snapshot.File("2018/08/kiem-tra-chua-luu/index.html")
	if err != nil || !bytes.Contains(page, []byte("Huyện ủy Phú Lương")) {
		t.Fatalf("the unsaved page: %v\n%s", err, page)
	}
	// The other article's link to a.md follows the unsaved title, and the
	// project lists it: the whole site is the site with the unsaved text.
	other, _, _ := lk.Snapshot.File("2019/03/giam-sat-kinh-te-tap-the/index.html")
	project, _, _ := lk.Snapshot.File("projects/01-da-tu/index.html")
	if !bytes.Contains(other, []byte(`href="/2018/08/kiem-tra-chua-luu/"`)) || !bytes.Contains(project, []byte("Kiểm tra chưa lưu")) {
		t.Errorf("the rest of the site does not see the unsaved text")
	}
	// A new file, and text with errors.
	lk, _ = b.Look(ctx, opt, "content/articles/2026/moi.md", []byte("---\ntitle: Bài mới\ndate: 2026-11-20\n---\nx\n"))
	if lk.Snapshot == nil || !lk.Snapshot.Has("2026/11/bai-moi/index.html") {
		t.Errorf("a new file is not in the look: %v", lk.Problems)
	}
	lk, _ = b.Look(ctx, opt, "content/articles/a.md", []byte("---\ntitle: [\n---\n"))
	if lk.Snapshot != nil || len(lk.Problems.Errors()) == 0 || lk.Problems.Errors()[0].File != "content/articles/a.md" {
		t.Errorf("broken text: %v", lk.Problems)
	}

	if now, _ := os.ReadFile(filepath.Join(dir, "content/articles/a.md")); !bytes.Equal(now, onDisk) {
		t.Fatal("Look wrote the file")
	}
	for _, n := range before.Names() {
		want, _ := before.Get(n)
		if got, _, _ := snap.File(n); !bytes.Equal(got, want) {
			t.Errorf("%s of the snapshot being served changed", n)
		}
	}
	// The next build, with nothing changed on disk, is the site as it was
	// and as a cold build makes it.
	next, err := b.Prepare(ctx, opt, build.Changes{})
	if err != nil {
		t.Fatal(err)
	}
	after := output.NewMemory()
	next.Write(ctx, after)
	if strings.Join(after.Names(), "\n") != strings.Join(before.Names(), "\n") {
		t.Fatalf("files after a look:\n%v\nbefore:\n%v", after.Names(), before.Names())
	}
	for _, n := range before.Names() {
		want, _ := before.Get(n)
		if got, _ := after.Get(n); !bytes.Equal(got, want) {
			t.Errorf("%s differs after a look", n)
		}
	}
	sameAsCold(t, sitetest.Parse(lookSite), after)
}
