package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// A bulletin of our own with the seed's structure.
const bulletin = "Kiểm tra việc thực hiện Đề án phát triển văn hóa đọc\n\n" +
	"09:15, 14/03/2019\n\n" +
	"Sáng ngày 14-3, Đoàn kiểm tra của Huyện ủy do đồng chí Lê Văn Thành, Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy làm Trưởng đoàn đã kiểm tra việc thực hiện Đề án số 05-ĐA/HU, ngày 3/4/2017 về “Phát triển văn hóa đọc giai đoạn 2017 - 2020” tại Đảng ủy xã Tân Cương.\n\n" +
	"Đoàn ghi nhận nhiều kết quả.\n"

func TestImportWritesOnceAndNeverOverwrites(t *testing.T) {
	root := t.TempDir()
	from := filepath.Join(t.TempDir(), "ban-tin.txt")
	os.WriteFile(from, []byte(bulletin), 0o644)
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	urls := monthURLs{} // the site's, as build.ReadArticleURLs gives them: none yet

	r, err := Import(root, from, loc, urls)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, "content/articles/2019/kiem-tra-viec-thuc-hien-de-an-phat-trien-van-hoa-doc.md")
	if r.Path != want || r.Skipped {
		t.Fatalf("report %+v", r)
	}
	md, _ := os.ReadFile(want)
	for _, w := range []string{"# bulletin import: ", "date: 2019-03-14T09:15:00+07:00", "Lê Văn Thành", "05-ĐA/HU", "Đảng ủy xã Tân Cương"} {
		if !strings.Contains(string(md), w) {
			t.Errorf("article lacks %q:\n%s", w, md)
		}
	}
	if strings.Contains(string(md), "draft") {
		t.Error("an imported (published) bulletin was made a draft")
	}

	// The editor finishes the frontmatter; the same text, saved with CRLF, comes again.
	os.WriteFile(want, append(md, []byte("\nĐã biên tập.\n")...), 0o644)
	crlf := filepath.Join(t.TempDir(), "copy.txt")
	os.WriteFile(crlf, []byte(strings.ReplaceAll(bulletin, "\n", "\r\n")), 0o644)
	r, err = Import(root, crlf, loc, urls)
	if err != nil || !r.Skipped || r.Path != want {
		t.Fatalf("re-import: %+v, %v", r, err)
	}
	if got, _ := os.ReadFile(want); !strings.Contains(string(got), "Đã biên tập.") {
		t.Error("the edited article was overwritten")
	}
	// And typed again with decomposed marks: still the same text.
	nfd := filepath.Join(t.TempDir(), "nfd.txt")
	os.WriteFile(nfd, []byte(norm.NFD.String(bulletin)), 0o644)
	if r, err = Import(root, nfd, loc, urls); err != nil || !r.Skipped || r.Path != want {
		t.Fatalf("re-import of the decomposed text: %+v, %v", r, err)
	}

	// Another text with the same title, of the same month: it was refused
	// ("already exists"); it is written beside, with a slug of its own so
	// that its URL is too. One of another month keeps the title's slug
	// (written in, as every import writes it): its URL differs by the
	// month.
	other := filepath.Join(t.TempDir(), "other.txt")
	os.WriteFile(other, []byte(strings.Replace(bulletin, "Đoàn ghi nhận", "Khác hẳn", 1)), 0o644)
	if r, err := Import(root, other, loc, urls); err != nil || r.Path != strings.TrimSuffix(want, ".md")+"-2.md" {
		t.Fatalf("same title, same month: %+v, %v", r, err)
	} else if md, _ := os.ReadFile(r.Path); !strings.Contains(string(md), "\nslug: kiem-tra-viec-thuc-hien-de-an-phat-trien-van-hoa-doc-2\n") {
		t.Errorf("no slug of its own:\n%s", md)
	}
	later := filepath.Join(t.TempDir(), "later.txt")
	os.WriteFile(later, []byte(strings.Replace(strings.Replace(bulletin, "14/03/2019", "20/09/2019", 1), "Đoàn ghi nhận", "Tháng chín", 1)), 0o644)
	if r, err := Import(root, later, loc, urls); err != nil || r.Path != strings.TrimSuffix(want, ".md")+"-3.md" {
		t.Fatalf("same title, another month: %+v, %v", r, err)
	} else if md, _ := os.ReadFile(r.Path); !strings.Contains(string(md), "\nslug: kiem-tra-viec-thuc-hien-de-an-phat-trien-van-hoa-doc\n") {
		t.Errorf("not the title's slug:\n%s", md)
	}
	if got, _ := os.ReadFile(want); !strings.Contains(string(got), "Đã biên tập.") {
		t.Error("the first article was overwritten")
	}
	if src, _ := os.ReadFile(from); string(src) != bulletin {
		t.Error("the source text was changed")
	}
}

func TestImportRefusesATextWithoutDate(t *testing.T) {
	root := t.TempDir()
	from := filepath.Join(t.TempDir(), "khong-ngay.txt")
	os.WriteFile(from, []byte("Tiêu đề\n\nĐoạn văn không có dòng ngày.\n"), 0o644)
	_, err := Import(root, from, time.UTC, nil)
	if err == nil || !strings.Contains(err.Error(), "no date line") || !strings.Contains(err.Error(), from) {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
		t.Error("a file was written")
	}
}

// A Word document is imported as a text would be, its body keeping its
// formatting; imported again, it is recognised.
func TestImportDocx(t *testing.T) {
	root := t.TempDir()
	data, err := os.ReadFile("../importer/testdata/ban-tin.docx")
	if err != nil {
		t.Fatal(err)
	}
	loc := time.FixedZone("ICT", 7*3600)
	r, err := ImportData(root, "ban-tin.docx", data, loc, nil)
	if err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(r.Path)
	for _, want := range []string{"title: Kiểm tra công tác dân vận tại Đảng ủy xã Phúc Xuân\n", "date: 2019-03-21T08:30:00+07:00\n",
		"  name: Hoàng Minh Đức\n", "inspected_unit: Đảng ủy xã Phúc Xuân\n", "code: \"07-ĐA/TU\"\n",
		"**Kết quả bước đầu khả quan.**\n\n# Kết quả kiểm tra\n", "| Hộ tham gia | 95% |\n"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("missing %q in\n%s", want, md)
		}
	}
	if again, err := ImportData(root, "ban-tin.docx", data, loc, nil); err != nil || !again.Skipped || again.Path != r.Path {
		t.Errorf("imported twice: %+v %v", again, err)
	}
}

// A file that is neither a text nor a .docx (a Word 97-2003 .doc, as
// offices still save, a PDF, an RTF, a zip of something else) is refused
// with its name, what it is, and what import reads; nothing is written.
func TestImportRefusesOtherFormats(t *testing.T) {
	emptyZip := []byte("PK\x05\x06" + strings.Repeat("\x00", 18))
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"ban-tin.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00\x3e\x00"), "ban-tin.doc: a Word 97-2003 document (.doc)"},
		{"ban-tin.pdf", []byte("%PDF-1.4\nKiểm tra\n21/03/2019\n"), "ban-tin.pdf: a PDF"},
		{"ban-tin.rtf", []byte("{\\rtf1\\ansi Kiểm tra\n21/03/2019\n}"), "ban-tin.rtf: a Rich Text document (.rtf)"},
		{"ban-tin.docx", emptyZip, "ban-tin.docx: not a Word document (.docx)"},
		{"ban-tin.docx", []byte("PK\x03\x04 cut short"), "ban-tin.docx: not a Word document (.docx)"},
	} {
		root := t.TempDir()
		_, err := ImportData(root, c.name, c.data, nil, nil)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || !strings.Contains(err.Error(), "reads a Word document (.docx) or a plain text (.txt)") {
			t.Errorf("%s: %v, want %q… saying what is read", c.name, err, c.want)
		}
		if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
			t.Errorf("%s: a file was written", c.name)
		}
	}
}

// monthURLs stands for the site's URLs (build.ArticleURLs): a slug is
// taken in a month.
type monthURLs map[string]bool

func (m monthURLs) Taken(d time.Time, slug string) bool { return m[d.Format("2006-01")+"/"+slug] }
func (m monthURLs) Take(d time.Time, slug string)       { m[d.Format("2006-01")+"/"+slug] = true }
