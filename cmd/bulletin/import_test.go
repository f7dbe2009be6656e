package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The seed's journey: a plain-text bulletin is imported, the site is built,
// and the article is found on both projects' pages and its team lead's page.
func TestImportThenBuild(t *testing.T) {
	site := writeSite(t, map[string]string{"site.yaml": "title: Tin kiểm tra\n"})
	from := filepath.Join("testdata", "ban-tin-tan-cuong.txt")
	before, _ := os.ReadFile(from)

	code, out, errs := bulletin("import", "-source", site, from)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	for _, w := range []string{"Hoàng Minh Đức", "Chủ nhiệm Ủy ban Kiểm tra Thành ủy", "Đảng ủy xã Phúc Xuân", "07-ĐA/TU", "08-ĐA/TU", "content/articles/2019/"} {
		if !strings.Contains(out, w) {
			t.Errorf("import report lacks %q:\n%s", w, out)
		}
	}
	if code, out, _ := bulletin("import", "-source", site, from); code != 0 || !strings.Contains(out, "already imported") {
		t.Errorf("second import: exit %d: %s", code, out)
	}
	if after, _ := os.ReadFile(from); string(after) != string(before) {
		t.Fatal("the source text was changed")
	}

	if code, _, errs := bulletin("build", "-source", site); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	const title = "Kiểm tra việc thực hiện các đề án về phát triển chè và du lịch cộng đồng"
	for _, page := range []string{"projects/07-da-tu/index.html", "projects/08-da-tu/index.html", "team-leads/hoang-minh-duc/index.html", "units/dang-uy-xa-phuc-xuan/index.html"} {
		b, err := os.ReadFile(filepath.Join(site, "public", page))
		if err != nil || !strings.Contains(string(b), title) {
			t.Errorf("%s does not list the imported article (%v)", page, err)
		}
	}
	b, _ := os.ReadFile(filepath.Join(site, "public/projects/08-da-tu/index.html"))
	if !strings.Contains(string(b), "Phát triển du lịch cộng đồng gắn với văn hóa trà") {
		t.Error("the project page is not titled from the cited document")
	}
}

func TestNewThenCheck(t *testing.T) {
	site := writeSite(t, map[string]string{"site.yaml": "title: Tin kiểm tra\n"})
	code, out, errs := bulletin("new", "-source", site, "article", "Kiểm tra Đảng ủy Khối")
	if code != 0 || !strings.Contains(out, "kiem-tra-dang-uy-khoi.md") {
		t.Fatalf("new: exit %d: %s %s", code, out, errs)
	}
	if code, _, errs := bulletin("new", "-source", site, "article", "Kiểm tra Đảng ủy Khối"); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("second new: exit %d: %s", code, errs)
	}
	if code, out, _ := bulletin("new", "-source", site, "project", "01-ĐA/TU", "Dân vận"); code != 0 || !strings.Contains(out, "01-da-tu.md") {
		t.Errorf("new project: exit %d: %s", code, out)
	}
	// The new draft cites nothing yet: a warning, not an error.
	code, out, _ = bulletin("check", "-source", site)
	if code != 0 || !strings.Contains(out, "cites no document") || !strings.Contains(out, "0 errors") {
		t.Errorf("check: exit %d:\n%s", code, out)
	}
	code, out, _ = bulletin("check", "-source", site, "-json")
	if code != 0 || !strings.Contains(out, `"code":"no-documents"`) || !strings.Contains(out, `"severity":"warning"`) {
		t.Errorf("check -json: exit %d:\n%s", code, out)
	}
	os.WriteFile(filepath.Join(site, "content/articles/bad.md"), []byte("---\ntitle: X\n---\n"), 0o644)
	if code, out, _ := bulletin("check", "-source", site); code != 1 || !strings.Contains(out, "content/articles/bad.md") {
		t.Errorf("check with an error: exit %d:\n%s", code, out)
	}
}

// The example site of this repository checks clean.
func TestExampleSiteChecksClean(t *testing.T) {
	code, out, errs := bulletin("check", "-source", "../..")
	if code != 0 || !strings.HasSuffix(out, "0 errors, 0 warnings\n") {
		t.Errorf("check of the example site: exit %d:\n%s%s", code, out, errs)
	}
}

// Two bulletins with one title in one month: the second was refused
// ("already exists"); both are imported, and the site builds with both
// at their own URLs. A date line without a time is a date alone.
func TestImportSameTitleTwiceThenBuild(t *testing.T) {
	site := writeSite(t, map[string]string{"site.yaml": "title: Tin kiểm tra\n"})
	texts := t.TempDir()
	for i, body := range []string{"Đoàn làm việc buổi sáng.", "Đoàn làm việc buổi chiều."} {
		from := filepath.Join(texts, fmt.Sprintf("%d.txt", i))
		os.WriteFile(from, []byte("Kiểm tra công tác dân vận\n06/08/2018\n\n"+body+"\n"), 0o644)
		code, out, errs := bulletin("import", "-source", site, from)
		if code != 0 || !strings.Contains(out, "date            06/08/2018\n") {
			t.Fatalf("import %d: exit %d\n%s%s", i, code, out, errs)
		}
	}
	if code, _, errs := bulletin("build", "-source", site); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	for _, page := range []string{"2018/08/kiem-tra-cong-tac-dan-van/index.html", "2018/08/kiem-tra-cong-tac-dan-van-2/index.html"} {
		b, err := os.ReadFile(filepath.Join(site, "public", page))
		if err != nil || strings.Contains(string(b), "00:00, 06/08/2018") {
			t.Errorf("%s: %v, or a made-up 00:00", page, err)
		}
	}
}

// A Word document is imported and built: its table reaches the page.
func TestImportDocxThenBuild(t *testing.T) {
	site := writeSite(t, map[string]string{"site.yaml": "title: Tin kiểm tra\n"})
	from := filepath.Join("..", "..", "internal", "importer", "testdata", "ban-tin.docx")
	code, out, errs := bulletin("import", "-source", site, from)
	if code != 0 || !strings.Contains(out, "Hoàng Minh Đức") || !strings.Contains(out, "07-ĐA/TU") {
		t.Fatalf("import: exit %d: %s %s", code, out, errs)
	}
	if code, _, errs := bulletin("build", "-source", site); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(filepath.Join(site, "public/2019/03/kiem-tra-cong-tac-dan-van-tai-dang-uy-xa-phuc-xuan/index.html"))
	if err != nil || !strings.Contains(string(b), "<td>Hộ tham gia</td>") || !strings.Contains(string(b), "<strong>Kết quả bước đầu khả quan.</strong>") {
		t.Errorf("the page does not show the document's table and bold text (%v):\n%s", err, b)
	}
}

// new and import write the slug into the file, so an editor correcting a
// title after publishing does not move the page: every link already
// shared keeps working.
func TestACorrectedTitleKeepsItsURL(t *testing.T) {
	site := writeSite(t, map[string]string{"site.yaml": "title: Tin kiểm tra\n"})
	_, out, errs := bulletin("new", "-source", site, "article", "Kiểm tra Đảng ủy Khối")
	newFile := strings.TrimSpace(out)
	if _, err := os.Stat(newFile); err != nil {
		t.Fatalf("new: %s %s", out, errs)
	}
	if code, _, errs := bulletin("import", "-source", site, filepath.Join("testdata", "ban-tin-tan-cuong.txt")); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	imported := filepath.Join(site, "content/articles/2019/kiem-tra-viec-thuc-hien-cac-de-an-ve-phat-trien-che-va-du-lich-cong-dong.md")
	correct := func(file, from, to string) {
		t.Helper()
		b, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(b), from) {
			t.Fatalf("%s lacks %q (%v)", file, from, err)
		}
		fixed := strings.Replace(string(b), from, to, 1)
		fixed = strings.Replace(fixed, "draft: true", "draft: false", 1)
		os.WriteFile(file, []byte(fixed), 0o644)
	}
	correct(newFile, `title: "Kiểm tra Đảng ủy Khối"`, `title: "Kiểm tra Đảng ủy Khối các cơ quan tỉnh"`)
	correct(imported, "phát triển chè", "phát triển cây chè")
	if code, _, errs := bulletin("build", "-source", site); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	year := filepath.Base(filepath.Dir(newFile))
	for _, page := range []string{
		"2019/03/kiem-tra-viec-thuc-hien-cac-de-an-ve-phat-trien-che-va-du-lich-cong-dong/index.html",
	} {
		if b, err := os.ReadFile(filepath.Join(site, "public", page)); err != nil || !strings.Contains(string(b), "phát triển cây chè") {
			t.Errorf("the imported article, its title corrected, is not at %s (%v)", page, err)
		}
	}
	matches, _ := filepath.Glob(filepath.Join(site, "public", year, "*", "kiem-tra-dang-uy-khoi", "index.html"))
	if len(matches) != 1 {
		t.Fatalf("the new article, its title corrected, is not at /%s/MM/kiem-tra-dang-uy-khoi/: %v", year, matches)
	}
	if b, _ := os.ReadFile(matches[0]); !strings.Contains(string(b), "Kiểm tra Đảng ủy Khối các cơ quan tỉnh") {
		t.Errorf("%s does not show the corrected title", matches[0])
	}
}
