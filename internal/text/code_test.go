package text

import (
	"errors"
	"testing"
)

func TestParseCode(t *testing.T) {
	tests := []struct {
		in, code, kind string
		err            error
	}{
		{"01-ĐA/TU", "01-ĐA/TU", "", nil},
		{"  4950/QĐ-UBND ", "4950/QĐ-UBND", "", nil},
		{"Đề án số 01-ĐA/TU", "01-ĐA/TU", "Đề án", nil},
		{"đề  án 01-ĐA/TU", "01-ĐA/TU", "Đề án", nil},
		{"Quyết định 4950/QĐ-UBND", "4950/QĐ-UBND", "Quyết định", nil},
		{"Chương trình hành động số 12-CTr/TU", "12-CTr/TU", "Chương trình", nil},
		{"Số: 01-ĐA/TU", "01-ĐA/TU", "", nil},
		{"Đề án số “01-ĐA/TU”", "01-ĐA/TU", "Đề án", nil},
		{"\"01-ĐA/TU\"", "01-ĐA/TU", "", nil},
		{"01-Đ\u200bA/TU\ufeff", "01-ĐA/TU", "", nil},
		{"01 - ĐA / TU", "01 - ĐA / TU", "", nil},
		{"24/2018/NĐ-CP", "24/2018/NĐ-CP", "", nil},
		{"(01-ĐA/TU)", "01-ĐA/TU", "", nil},
		{"Đề án số 01-ĐA/TU.", "01-ĐA/TU", "Đề án", nil},
		{"[Đề án “01-ĐA/TU”].", "01-ĐA/TU", "Đề án", nil},
		{"15-NQ/TU (khóa XIX)", "15-NQ/TU (khóa XIX)", "", nil},
		// Kinds that kept their words in the code, a project apart.
		{"Quy định số 22-QĐ/TW", "22-QĐ/TW", "Quy định", nil},
		{"Nghị định số 123/2020/NĐ-CP", "123/2020/NĐ-CP", "Nghị định", nil},
		{"Hướng dẫn số 02-HD/UBKTTW", "02-HD/UBKTTW", "Hướng dẫn", nil},
		{"Luật số 25/2018/QH14", "25/2018/QH14", "Luật", nil},
		{"Báo cáo 15-BC/UBKT", "15-BC/UBKT", "Báo cáo", nil},
		{"Thông tư số 03/2019/TT-BNV", "03/2019/TT-BNV", "Thông tư", nil},
		{"Đề án", "", "Đề án", ErrNoCode},
		{"Đề án số", "", "Đề án", ErrNoCode},
		{"42", "", "", ErrCodeLetter},
		{"Nghị quyết 18", "", "Nghị quyết", ErrCodeLetter},
		{"01-ĐA/TU, 02-ĐA/TU", "", "", ErrCodeMany},
		{"01-ĐA/TU và 02-ĐA/TU", "", "", ErrCodeMany},
		{"Đề án số 01-ĐA/TU và số 02-ĐA/TU", "", "Đề án", ErrCodeMany},
		{"01-ĐA/TU, về việc tăng cường", "", "", ErrCodeRest}, // a title not in quotes: not "several codes"
		// A word that begins like a kind is no kind.
		{"Đề ánx 01", "Đề ánx 01", "", nil},
	}
	for _, tt := range tests {
		code, kind, err := ParseCode(tt.in)
		if code != tt.code || kind != tt.kind || !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("ParseCode(%q) = %q, %q, %v; want %q, %q, %v", tt.in, code, kind, err, tt.code, tt.kind, tt.err)
		}
	}
}

func TestCodeErrorsSayWhatWasRead(t *testing.T) {
	_, _, err := ParseCode("42")
	if err == nil || err.Error() != `"42" is not a document code: it has no letters` {
		t.Errorf("got %v", err)
	}
}

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"Đảng ủy Khối", "Ðảng ủy khối", " đảng  ủy KHỐI ", "Đảng\u200b ủy Khối"},
		{"Bùi Hải Tú", "bùi hải tú", "Bùi Hải\u00ad Tú"},
	}
	for _, g := range same {
		for _, s := range g[1:] {
			if NameKey(s) != NameKey(g[0]) {
				t.Errorf("NameKey(%q) = %q, want %q", s, NameKey(s), NameKey(g[0]))
			}
		}
	}
	if NameKey("Bùi Hải Tú") == NameKey("Bùi Hải Tư") {
		t.Error("marks must count")
	}
}

func TestCollateKeyReadsTheLookAlikeEthAsĐ(t *testing.T) {
	if CollateKey("Ðoàn") != CollateKey("Đoàn") {
		t.Error("Ðoàn and Đoàn sort apart")
	}
}
