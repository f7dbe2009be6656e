package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/scaffold"
)

// importedBulletin is a bulletin as a press office sends it: title, date
// line, paragraphs.
const importedBulletin = "Kiểm tra việc thực hiện Đề án phát triển văn hóa đọc\n\n" +
	"09:15, 14/03/2019\n\n" +
	"Sáng ngày 14-3, Đoàn kiểm tra của Huyện ủy do đồng chí Lê Văn Thành, Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy làm Trưởng đoàn đã kiểm tra việc thực hiện Đề án số 05-ĐA/HU, ngày 3/4/2017 về “Phát triển văn hóa đọc giai đoạn 2017 - 2020” tại Đảng ủy xã Tân Cương.\n\n" +
	"Đoàn ghi nhận nhiều kết quả.\n"

// An article of the same month takes the URL the title would make, from
// another folder (content/articles/luu-tru/) or by its slug: written in a
// file named otherwise: the import gave the new one that URL all the same,
// and the next build stopped on two pages on one URL.
func TestImportTakesAURLNoArticleHas(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	const slug = "kiem-tra-viec-thuc-hien-de-an-phat-trien-van-hoa-doc"
	for name, existing := range map[string]string{
		"content/articles/luu-tru/bai-cu.md": "---\ntitle: Kiểm tra việc thực hiện Đề án phát triển văn hóa đọc\ndate: 2019-03-02\n---\nx\n",
		"content/articles/2019/03/khac.md":   "---\ntitle: Khác\nslug: " + slug + "\ndate: 2019-03-20 10:00\n---\nx\n",
		"content/articles/khac.toml.md":      "+++\ntitle = \"Khác\"\ndate = 2019-03-05\naliases = [\"/2019/03/" + slug + "/\"]\n+++\nx\n",
	} {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(root, name), []byte(existing), 0o644)
		from := filepath.Join(t.TempDir(), "ban-tin.txt")
		os.WriteFile(from, []byte(importedBulletin), 0o644)
		taken, err := build.ReadArticleURLs(t.Context(), root)
		if err != nil {
			t.Fatal(err)
		}
		r, err := scaffold.Import(root, from, loc, taken)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		md, _ := os.ReadFile(r.Path)
		if !strings.Contains(string(md), "\nslug: "+slug+"-2\n") {
			t.Errorf("beside %s: not a slug of its own:\n%s", name, md)
		}
	}
	// Two files imported by one command: the second takes the URL the first was given.
	root := t.TempDir()
	taken, err := build.ReadArticleURLs(t.Context(), root)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{slug, slug + "-2"} {
		from := filepath.Join(t.TempDir(), "ban-tin.txt")
		os.WriteFile(from, []byte(strings.Replace(importedBulletin, "Đoàn ghi nhận", "Lần "+string(rune('a'+i)), 1)), 0o644)
		r, err := scaffold.ImportContext(t.Context(), root, from, loc, 1<<20, taken)
		if err != nil {
			t.Fatal(err)
		}
		if md, _ := os.ReadFile(r.Path); !strings.Contains(string(md), "\nslug: "+want+"\n") {
			t.Errorf("import %d: want slug %s:\n%s", i+1, want, md)
		}
	}
}
