package text

import (
	"reflect"
	"testing"
)

func TestCodes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"01-ĐA/TU", []string{"01-ĐA/TU"}},
		{"(4950/QĐ-UBND), 74/KH-CTĐ.", []string{"4950/QĐ-UBND", "74/KH-CTĐ"}},
		{"24/2018/NĐ-CP và 12-CTr/TU", []string{"24/2018/NĐ-CP", "12-CTr/TU"}},
		{"ngày 12/7/2016, giai đoạn 2016 - 2020, 100%", nil},
		{"X01-ĐA/TU 01-ĐA/TU1 01-ĐA/TU-y a/01-ĐA/TU 01-đa/tu", nil},
		{"01-ĐA/TUx", []string{"01-ĐA/TUx"}}, // lower case may follow: 12-CTr/TU
		{"01-ĐA/TU-CTĐ", []string{"01-ĐA/TU-CTĐ"}},
		{"01-D\u0308A/TU", []string{"01-D\u0308A/TU"}}, // decomposed mark kept
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range Codes(tt.in) {
			got = append(got, tt.in[sp.Start:sp.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Codes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
