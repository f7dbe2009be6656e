package text

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

// nfd spells "Kiểm tra" and "Đề án" decomposed, as a copy from a PDF gives.
const (
	nfdKiem = "Kie\u0302\u0309m tra"
	nfdDeAn = "\u0110e\u0302\u0300 a\u0301n"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Đảng ủy Khối", "Dang uy Khoi"},
		{"đường", "duong"},
		{"ẮẰẲẴẶ ắằẳẵặ", "AAAAA aaaaa"},
		{"Ưu tiên, ưu đãi", "Uu tien, uu dai"},
		{"Ờ Ớ Ở Ỡ Ợ", "O O O O O"},
		{"ỲÝỶỸỴ", "YYYYY"},
		{nfdKiem, "Kiem tra"},
		{nfdDeAn, "De an"},
		{"01-ĐA/TU", "01-DA/TU"},
		{"Crème brûlée", "Creme brulee"},
		{"Ðảng ủy Khối, ðường", "Dang uy Khoi, duong"}, // the Latin look-alike Ð/ð
		{"Bùi\u200bHải\u00adTú\ufeff", "BuiHaiTu"},     // zero-width space, soft hyphen, BOM
		{"日本", "日本"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldAlphabet checks every Vietnamese vowel with every tone, both cases.
func TestFoldAlphabet(t *testing.T) {
	lower := "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
	upper := "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
	// 18 a (a, ă, â × 6 tones), 12 e, 6 i, 18 o, 12 u, 6 y, 1 đ.
	wantL := strings.Repeat("a", 18) + strings.Repeat("e", 12) + strings.Repeat("i", 6) +
		strings.Repeat("o", 18) + strings.Repeat("u", 12) + strings.Repeat("y", 6) + "d"
	wantU := strings.ToUpper(wantL)
	if got := Fold(lower); got != wantL {
		t.Errorf("Fold(lower) = %q, want %q", got, wantL)
	}
	if got := Fold(upper); got != wantU {
		t.Errorf("Fold(upper) = %q, want %q", got, wantU)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kiểm tra thực hiện các đề án về công tác dân vận", "kiem-tra-thuc-hien-cac-de-an-ve-cong-tac-dan-van"},
		{"Đảng ủy Khối", "dang-uy-khoi"},
		{"01-ĐA/TU", "01-da-tu"},
		{"4950/QĐ-UBND", "4950-qd-ubnd"},
		{"  --Xin chào!!  thế giới--  ", "xin-chao-the-gioi"},
		{nfdKiem, "kiem-tra"},
		{"///", ""},
		{"", ""},
		{"Năm 2018", "nam-2018"},
		{"a_b.c", "a-b-c"},
		{"Ðảng ủy Khối", "dang-uy-khoi"},
		{"Kiểm\u200b tra\u2060", "kiem-tra"},
		{"Kiểm\u200btra", "kiemtra"}, // what a reader sees: no space
		{"日本", "u65e5-u672c"},
		{"Москва!", "u41c-u43e-u441-u43a-u432-u430"},
		{"١٢", "u661-u662"}, // Arabic-Indic digits
		{"Hội nghị 日本", "hoi-nghi"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodeKey(t *testing.T) {
	same := [][]string{
		{"01-ĐA/TU", " 01-DA/TU ", "01-đa/tu", "01 - ĐA / TU", "01\u2013ĐA/TU", "01-\u0110A/TU", "01-D\u0335A/TU",
			"01-ÐA/TU", "01-ðA/TU", "01-Đ\u200bA/TU", "\ufeff01-ĐA/TU\u200d"},
		{"4950/QĐ-UBND", "4950/qd-ubnd", "4950/Qđ-UBND"},
		{"Nghị quyết 18", "NGHI QUYET 18"},
	}
	for _, group := range same {
		want := CodeKey(group[0])
		for _, c := range group[1:] {
			if got := CodeKey(c); got != want {
				t.Errorf("CodeKey(%q) = %q, want %q like %q", c, got, want, group[0])
			}
		}
	}
	differ := [][2]string{
		{"123/KH-UBND", "123-KH-UBND"},
		{"01-ĐA/TU", "02-ĐA/TU"},
		{"01-ĐA/TU", "01-ĐA/TW"},
	}
	for _, d := range differ {
		if CodeKey(d[0]) == CodeKey(d[1]) {
			t.Errorf("CodeKey(%q) == CodeKey(%q), want different", d[0], d[1])
		}
	}
	if got := CodeKey(" 01-ĐA/TU "); got != "01-DA/TU" {
		t.Errorf("CodeKey = %q, want 01-DA/TU", got)
	}
	for _, c := range []string{"01-ĐA/TU", "01 - ĐA / TU", "0 1-ÐA/TU", "01-Đ\u200bA/TU"} {
		if got := CodeSlug(c); got != "01-da-tu" {
			t.Errorf("CodeSlug(%q) = %q, want 01-da-tu", c, got)
		}
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"title", "date", "documents", "team_lead", "inspected_unit", "tags"}
	tests := []struct{ in, want string }{
		{"documnets", "documents"},
		{"titel", "title"},
		{"Title", "title"},
		{"DATE", "date"},
		{"DOCUMNETS", "documents"},
		{"teamlead", "team_lead"},
		{"dat", "date"},
		{"author", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := Nearest(tt.in, keys); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSourceLink(t *testing.T) {
	const from = "content/articles/2018/a.md"
	tests := []struct {
		dest, target, tail string
		ok                 bool
	}{
		{"b.md", "content/articles/2018/b.md", "", true},
		{"./b.md", "content/articles/2018/b.md", "", true},
		{"../2019/c.md", "content/articles/2019/c.md", "", true},
		{"../../projects/01-da-tu.md#ket-luan", "content/projects/01-da-tu.md", "#ket-luan", true},
		{"b.md?x=1#muc", "content/articles/2018/b.md", "#muc", true},
		{"b.md?x=1", "content/articles/2018/b.md", "", true},
		{"B.MD", "content/articles/2018/B.MD", "", true},
		{"ph%C3%BA-th%E1%BB%8D.md", "content/articles/2018/phú-thọ.md", "", true},
		{"phú-thọ.md", "content/articles/2018/phú-thọ.md", "", true},
		{"../../../../../etc/x.md", "", "", false},
		{"/content/articles/2018/b.md", "", "", false},
		{"https://example.vn/b.md", "", "", false},
		{"mailto:a@b.md", "", "", false},
		{"b.mdx", "", "", false},
		{"b.html", "", "", false},
		{"#muc", "", "", false},
		{"", "", "", false},
		{`..\b.md`, "", "", false},
	}
	for _, tt := range tests {
		target, tail, ok := SourceLink(from, tt.dest)
		if target != tt.target || tail != tt.tail || ok != tt.ok {
			t.Errorf("SourceLink(%q) = %q, %q, %v; want %q, %q, %v", tt.dest, target, tail, ok, tt.target, tt.tail, tt.ok)
		}
	}
}

func TestCompose(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kie\u0302\u0309m tra", "Kiểm tra"},
		{"\u0110e\u0302\u0300 a\u0301n so\u0302\u0301 01-\u0110A/TU", "Đề án số 01-ĐA/TU"},
		{"Tru\u031bo\u031b\u0309ng \u0111oa\u0300n", "Trưởng đoàn"},
		{"Kiểm tra", "Kiểm tra"},
		{"ascii only", "ascii only"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(Compose([]byte(tt.in))); got != tt.want {
			t.Errorf("Compose(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLongTitlesMakeSlugsAFileSystemTakes(t *testing.T) {
	title := "Kiểm tra việc lãnh đạo, chỉ đạo, tổ chức thực hiện Nghị quyết số 15-NQ/TU ngày 12/7/2016 của Ban Chấp hành Đảng bộ tỉnh về nâng cao chất lượng, hiệu quả công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng giai đoạn 2016 - 2020 tại Đảng ủy Khối các cơ quan tỉnh và các tổ chức đảng trực thuộc"
	s := Slug(title)
	if len(s) > MaxSlug || strings.HasSuffix(s, "-") || !strings.HasPrefix(s, "kiem-tra-viec-lanh-dao-chi-dao") {
		t.Errorf("Slug of a %d-character title = %q (%d bytes)", len([]rune(title)), s, len(s))
	}
	if !strings.HasPrefix(Slug(title+" nữa"), s) {
		t.Error("a longer title does not share the cut slug's words")
	}
	if got := Slug(strings.Repeat("a", 300)); len(got) != MaxSlug {
		t.Errorf("one 300-letter word: %d bytes", len(got))
	}
}

func TestCollateKeyIsVietnameseOrder(t *testing.T) {
	want := []string{"an", "an nam", "anh", "ăn", "ân", "bà", "da", "dân vận", "Doanh nghiệp", "du lịch", "đa", "Đảng ủy", "đất đai",
		"Đoàn Thanh Điệp", "Đỗ Hồng Yến", "o", "ô", "ơ", "u", "ư", "y"}
	// Same letters, tones in the order ngang, huyền, hỏi, ngã, sắc, nặng.
	tonesWant := []string{"ma", "mà", "mả", "mã", "má", "mạ"}
	// Numbers before letters, by value: a ward's number was read as the
	// letter its digit's byte fell on ("Phường 2" among the n's).
	numbersWant := []string{"Phường 1", "Phường 2", "Phường 02a", "Phường 10", "Phường An", "Phường Minh", "Phường Nam", "Phường Ông"}
	for _, list := range [][]string{want, tonesWant, numbersWant} {
		got := append([]string(nil), list...)
		sort.SliceStable(got, func(i, j int) bool { return CollateKey(got[i]) < CollateKey(got[j]) })
		// Shuffle-independent: sorting a reversed copy gives the same order.
		rev := make([]string, len(list))
		for i, s := range list {
			rev[len(list)-1-i] = s
		}
		sort.SliceStable(rev, func(i, j int) bool { return CollateKey(rev[i]) < CollateKey(rev[j]) })
		if !reflect.DeepEqual(got, list) || !reflect.DeepEqual(rev, list) {
			t.Errorf("sorted %q\nwant   %q", rev, list)
		}
	}
}

func TestStaticLink(t *testing.T) {
	const from = "content/articles/2018/a.md"
	tests := []struct {
		dest, name string
		ok         bool
	}{
		{"../../../static/images/a.jpg", "images/a.jpg", true},
		{"../../../static/images/h%E1%BB%99i%20ngh%E1%BB%8B.jpg?v=2#x", "images/hội nghị.jpg", true},
		{"../../../static/images/ho\u0302\u0323i.jpg", "images/hội.jpg", true}, // typed decomposed
		{"../../../static", "", false},
		{"../../../static/", "", false},
		{"/images/a.jpg", "", false},
		{"images/a.jpg", "", false}, // relative to the page, not a static path
		{"https://example.vn/static/a.jpg", "", false},
		{"../../../../static/a.jpg", "", false}, // out of the site
		{"", "", false},
	}
	for _, tt := range tests {
		name, ok := StaticLink(from, tt.dest)
		if name != tt.name || ok != tt.ok {
			t.Errorf("StaticLink(%q) = %q, %v; want %q, %v", tt.dest, name, ok, tt.name, tt.ok)
		}
	}
}
