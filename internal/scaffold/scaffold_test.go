package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestArticleSkeleton(t *testing.T) {
	root := t.TempDir()
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	now := time.Date(2026, 11, 25, 20, 30, 15, 0, time.UTC) // 03:30 on the 26th in Vietnam
	p, err := Article(root, "Kiểm tra: Đảng ủy Khối", now, loc)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "content/articles/2026/kiem-tra-dang-uy-khoi.md"); p != want {
		t.Errorf("path %s, want %s", p, want)
	}
	b, _ := os.ReadFile(p)
	for _, w := range []string{`title: "Kiểm tra: Đảng ủy Khối"`, "date: 2026-11-26T03:30:00+07:00", "kind: news", "draft: true", "documents: []", "inspected_unit: \"\""} {
		if !strings.Contains(string(b), w) {
			t.Errorf("skeleton lacks %q:\n%s", w, b)
		}
	}
	if _, err := Article(root, "Kiểm tra: Đảng ủy Khối", now, loc); err == nil || !strings.Contains(err.Error(), "kiem-tra-dang-uy-khoi.md already exists") {
		t.Errorf("second write: %v", err)
	}
}

func TestProjectSkeleton(t *testing.T) {
	root := t.TempDir()
	p, err := Project(root, "01-ĐA/TU", "Nâng cao chất lượng công tác dân vận", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if !strings.HasSuffix(p, "content/projects/01-da-tu.md") || !strings.Contains(string(b), `code: "01-ĐA/TU"`) {
		t.Errorf("%s:\n%s", p, b)
	}
	if _, err := Project(root, "01-ĐA/TU", "x", time.Now(), time.UTC); err == nil {
		t.Error("overwrote a project file")
	}
}

// A project already described by a file of another name is not described
// twice: the build would stop on the pair.
func TestProjectAlreadyDescribed(t *testing.T) {
	for _, front := range []string{
		"---\ntitle: Dân vận\ncode: 01-DA/TU\n---\n",
		"---\ncode: \"01-đa/tu\" # mã\n---\n",
		"+++\ncode = '01-ĐA/TU'\n+++\n",
		"{\n  \"code\": \"01-ĐA/TU\",\n  \"title\": \"x\"\n}\n\n",
	} {
		root := t.TempDir()
		other := filepath.Join(root, "content/projects/de-an-dan-van.md")
		os.MkdirAll(filepath.Dir(other), 0o755)
		os.WriteFile(other, []byte(front), 0o644)
		_, err := Project(root, "01-ĐA/TU", "Nâng cao", time.Now(), time.UTC)
		if err == nil || !strings.Contains(err.Error(), other+" already describes the project 01-ĐA/TU") {
			t.Errorf("%q: %v", front, err)
		}
	}
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content/projects"), 0o755)
	os.WriteFile(filepath.Join(root, "content/projects/khac.md"), []byte("---\ncode: 02-ĐA/TU\n---\n"), 0o644)
	if _, err := Project(root, "01-ĐA/TU", "Nâng cao", time.Now(), time.UTC); err != nil {
		t.Errorf("another code: %v", err)
	}
}

// What the command line gives is one line of UTF-8.
func TestTitlesFromTheCommandLine(t *testing.T) {
	root := t.TempDir()
	if _, err := Article(root, "Ti\xeau đề", time.Now(), time.UTC); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	p, err := Article(root, "Hai\ndòng  tiêu đề", time.Now(), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), `title: "Hai dòng tiêu đề"`) {
		t.Errorf("a title on two lines:\n%s", b)
	}
}

// A control character typed or pasted into a title (ESC from a terminal)
// was written, and then stopped every build of the site.
func TestControlCharactersAreRefused(t *testing.T) {
	root := t.TempDir()
	for _, title := range []string{"Kiểm tra \x1b[31mđỏ", "Tiêu đề\x7f", "Tiêu\u0085\u009b đề", "x\ufffe"} {
		if _, err := Article(root, title, time.Now(), time.UTC); err == nil || !strings.Contains(err.Error(), "which web pages may not contain: nothing was written") {
			t.Errorf("%q: %v", title, err)
		}
	}
	if _, err := Project(root, "01-ĐA/TU", "Tên\x01", time.Now(), time.UTC); err == nil {
		t.Error("a project title with a control character was written")
	}
	if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
		t.Error("a file was written")
	}
}

// A code the build would refuse is refused before a file is written; a
// citation is read as its code.
func TestProjectCodeAsTheBuildReadsIt(t *testing.T) {
	root := t.TempDir()
	for _, code := range []string{"42", "01-ĐA/TU, 02-ĐA/TU", "Đề án"} {
		if _, err := Project(root, code, "x", time.Now(), time.UTC); err == nil || !strings.Contains(err.Error(), "a code is the document's number") {
			t.Errorf("%q: %v", code, err)
		}
	}
	p, err := Project(root, "Đề án số 03-Đ\u200bA/TU", "x", time.Now(), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); !strings.HasSuffix(p, "content/projects/03-da-tu.md") || !strings.Contains(string(b), `code: "03-ĐA/TU"`) {
		t.Errorf("%s:\n%s", p, b)
	}
}
