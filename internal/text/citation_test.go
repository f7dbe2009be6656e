package text

import (
	"reflect"
	"testing"
)

func TestCitationCutsTheDateAndTitleAfterACode(t *testing.T) {
	tests := []struct{ in, rest, date, title string }{
		{"01-ĐA/TU", "01-ĐA/TU", "", ""},
		{"“01-ĐA/TU”", "“01-ĐA/TU”", "", ""},
		{"Đề án số 01-ĐA/TU, ngày 12/7/2016", "Đề án số 01-ĐA/TU", "12/7/2016", ""},
		{"Đề án số 01-ĐA/TU ngày 12-07-2016", "Đề án số 01-ĐA/TU", "12/7/2016", ""},
		{"01-ĐA/TU, Ngày 12 tháng 7 năm 2016", "01-ĐA/TU", "12/7/2016", ""},
		{"Đề án số 01-ĐA/TU, ngày 12/7/2016 của BCH Đảng bộ tỉnh về “Nâng cao, hiệu quả”",
			"Đề án số 01-ĐA/TU", "12/7/2016", "Nâng cao, hiệu quả"},
		{"Đề án số 01-ĐA/TU về việc \"Dân vận\"", "Đề án số 01-ĐA/TU", "", "Dân vận"},
		{"Đề án số “01-ĐA/TU” về “Dân vận”", "Đề án số “01-ĐA/TU”", "", "Dân vận"},
		{"15-NQ/TU (khóa XIX)", "15-NQ/TU (khóa XIX)", "", ""},
		{"Đề án", "Đề án", "", ""},
	}
	for _, tt := range tests {
		rest, date, title := Citation(tt.in)
		if rest != tt.rest || date != tt.date || title != tt.title {
			t.Errorf("Citation(%q) = %q, %q, %q; want %q, %q, %q", tt.in, rest, date, title, tt.rest, tt.date, tt.title)
		}
	}
}

func TestSplitCitationsKeepsACitationWhole(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"01-ĐA/TU, 02-ĐA/TU", []string{"01-ĐA/TU", " 02-ĐA/TU"}},
		{"01-ĐA/TU; ; 02-ĐA/TU", []string{"01-ĐA/TU", " 02-ĐA/TU"}},
		{"Đề án số 01-ĐA/TU, ngày 12/7/2016, 02-ĐA/TU", []string{"Đề án số 01-ĐA/TU, ngày 12/7/2016", " 02-ĐA/TU"}},
		{"01-ĐA/TU về “Nâng cao, hiệu quả”, 02-ĐA/TU", []string{"01-ĐA/TU về “Nâng cao, hiệu quả”", " 02-ĐA/TU"}},
		// Codes in quotes, as the README allows them, are documents of
		// their own (a review found the second read as the first's title).
		{"“01-ĐA/TU”, “02-ĐA/TU”", []string{"“01-ĐA/TU”", " “02-ĐA/TU”"}},
		{`"01-ĐA/TU", "Đề án số 02-ĐA/TU"`, []string{`"01-ĐA/TU"`, ` "Đề án số 02-ĐA/TU"`}},
		{"01-ĐA/TU, “Nâng cao chất lượng”", []string{"01-ĐA/TU, “Nâng cao chất lượng”"}},
	}
	for _, tt := range tests {
		if got := SplitCitations(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitCitations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWordsAfterCode(t *testing.T) {
	tests := []struct {
		in, words string
		ok        bool
	}{
		{"01-ĐA/TU", "", false},
		{"01 - ĐA / TU", "", false},
		{"15-NQ/TU (khóa XIX)", "(khóa XIX)", true},
		{"Văn bản số 22-QĐ/TW cũ", "cũ", true},
	}
	for _, tt := range tests {
		if words, ok := WordsAfterCode(tt.in); words != tt.words || ok != tt.ok {
			t.Errorf("WordsAfterCode(%q) = %q, %v; want %q, %v", tt.in, words, ok, tt.words, tt.ok)
		}
	}
}
