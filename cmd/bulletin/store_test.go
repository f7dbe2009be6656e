package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The store goes beside the output folder however -out names it: with a
// trailing slash, as a shell's completion writes a folder, too. Put
// inside the old output, it would be swapped away with it at every build
// (never taken back), and a build that failed to swap would leave every
// file's frontmatter, drafts' included, in the published folder.
func TestStoreBesideAnOutputNamedWithASlash(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.yaml":             "title: T\nbase_url: https://kiemtra.example.vn/\n",
		"content/articles/a.md": article,
		"content/articles/b.md": second,
	})
	out := filepath.Join(dir, "public") + string(filepath.Separator)
	if code, _, errs := bulletin("build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	if _, err := os.Stat(filepath.Join(dir, ".bulletin-store-public")); err != nil {
		t.Errorf("no store beside the output: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "content/articles/c.md"),
		[]byte("---\ntitle: Bài mới nhất\ndate: 2019-05-01\n---\nMới.\n"), 0o644)
	code, stdout, errs := bulletin("build", "-source", dir, "-out", out, "-v")
	if code != 0 {
		t.Fatalf("second build: %s", errs)
	}
	if !strings.Contains(stdout, "store           2 content files taken back") {
		t.Errorf("the second build took nothing back from the store:\n%s", stdout)
	}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(e.Name(), ".bulletin-store-") && filepath.Dir(p) != dir {
			t.Errorf("a store away from the site folder: %s", p)
		}
		return nil
	})
}
