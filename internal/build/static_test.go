package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/internal/build"
	"bulletin/internal/diag"
	"bulletin/internal/sitetest"
)

// diskSite writes files under a new folder and returns it.
func diskSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

const oneArticle = "---\ntitle: A\ndate: 2018-01-01\n---\nx\n"

// A folder linked into static/ (uploads kept elsewhere) failed the build
// with "is a directory"; it is copied, wherever it leads, as a linked
// file is.
func TestStaticFollowsLinkedFolders(t *testing.T) {
	shared := diskSite(t, map[string]string{"bien-ban.pdf": "%PDF", "2018/anh.jpg": "JPEG"})
	site := diskSite(t, map[string]string{"content/articles/a.md": oneArticle, "static/css/x.css": "body{}"})
	symlink(t, shared, filepath.Join(site, "static", "uploads"))
	symlink(t, filepath.Join(shared, "bien-ban.pdf"), filepath.Join(site, "static", "bien-ban.pdf"))
	s := sitetest.BuildWith(t, os.DirFS(site), sitetest.Options{})
	for name, want := range map[string]string{"uploads/bien-ban.pdf": "%PDF", "uploads/2018/anh.jpg": "JPEG", "bien-ban.pdf": "%PDF", "css/x.css": "body{}"} {
		if got := s.File(t, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// static/ kept in a repository of its own (or as a submodule, whose .git
// is a file) published its whole history: version control's files are
// left out, as Go source and editors' leftovers are. Other dotfiles
// (.well-known) are published.
func TestStaticLeavesVersionControlOut(t *testing.T) {
	site := diskSite(t, map[string]string{"content/articles/a.md": oneArticle,
		"static/.git/config": "[core]", "static/.git/objects/ab/cdef": "blob", "static/.gitignore": "*.tmp",
		"static/uploads/.git": "gitdir: ../.git/modules/uploads", "static/uploads/.hg/store": "x",
		"static/uploads/bien-ban.pdf": "%PDF", "static/.well-known/security.txt": "Contact: x",
		"static/css/x.css": "body{}"})
	s := sitetest.BuildWith(t, os.DirFS(site), sitetest.Options{})
	for _, name := range s.Out.Names() {
		if strings.Contains(name, ".git") || strings.Contains(name, ".hg") {
			t.Errorf("published %s", name)
		}
	}
	for name, want := range map[string]string{"uploads/bien-ban.pdf": "%PDF", ".well-known/security.txt": "Contact: x", "css/x.css": "body{}"} {
		if got := s.File(t, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// What cannot be published is a problem that names the file: a link to
// a folder above it (copying would never end), a link to nothing, a name
// that is not UTF-8 (it failed with "invalid argument").
func TestStaticProblemsNameTheFile(t *testing.T) {
	site := diskSite(t, map[string]string{"content/articles/a.md": oneArticle, "static/css/x.css": "body{}"})
	static := filepath.Join(site, "static")
	symlink(t, "..", filepath.Join(static, "css", "vong"))
	symlink(t, "khong-co.png", filepath.Join(static, "chet.png"))
	if err := os.WriteFile(filepath.Join(static, "caf\xe9.png"), []byte("PNG"), 0o644); err != nil {
		t.Skipf("this file system refuses a name that is not UTF-8: %v", err)
	}
	_, err := sitetest.Try(os.DirFS(site), sitetest.Options{})
	list := diag.AsList(err)
	if list == nil {
		t.Fatalf("want problems, got %v", err)
	}
	got := err.Error()
	for _, want := range []string{
		"static/css/vong: a link to a folder that holds it: copying it would never end (link to the files or folders to publish, not to a folder above the link)",
		"static/chet.png: a link that leads nowhere: no such file or directory (link it to a file or folder that exists, or remove the link)",
		`static/caf` + "\uFFFD" + `.png: the file name "caf\xe9.png" is not UTF-8 text, so no address can name it (rename it;`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// A site's own static/robots.txt replaces the generated one (it was
// refused as replacing a generated file): a site may have to keep
// crawlers out of a part of it.
func TestSiteRobotsTxtReplacesTheGenerated(t *testing.T) {
	s := sitetest.Build(t, `
-- content/articles/a.md --
`+oneArticle+`
-- static/robots.txt --
User-agent: *
Disallow: /ban-nhap/
`)
	if got := s.File(t, "robots.txt"); got != "User-agent: *\nDisallow: /ban-nhap/\n" {
		t.Errorf("robots.txt = %q", got)
	}
	s = sitetest.Build(t, "-- content/articles/a.md --\n"+oneArticle)
	s.Contains(t, "robots.txt", "Sitemap: /sitemap.xml")
}

// A link that leads nowhere, added to static/ while the preview runs, is
// the error a build gives: the preview's update of the changed path saw no
// file there (its tree of static/ had no Lstat) and went on without a word.
func TestPreviewReportsALinkToNothingAddedToStatic(t *testing.T) {
	site := diskSite(t, map[string]string{"content/articles/a.md": oneArticle, "static/css/x.css": "body{}"})
	b := build.NewBuilder()
	opt := build.Options{Source: os.DirFS(site), Now: sitetest.Now}
	if _, err := b.Prepare(context.Background(), opt, build.Everything); err != nil {
		t.Fatal(err)
	}
	symlink(t, "/nonexistent", filepath.Join(site, "static", "dangle"))
	_, err := b.Prepare(context.Background(), opt, build.Changes{Static: []string{"static/dangle"}})
	if err == nil || !strings.Contains(err.Error(), "static/dangle") || !strings.Contains(err.Error(), "a link that leads nowhere") {
		t.Errorf("Prepare after a link to nothing was added: %v", err)
	}
}
