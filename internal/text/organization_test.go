package text

import "testing"

func TestIsOrganization(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Phòng Thông tin", true},
		{"Văn phòng Tỉnh ủy Thái Nguyên", true},
		{"Báo Thái Nguyên", true},
		{"Ban Tuyên giáo Tỉnh ủy", true},
		{"Ủy ban Kiểm tra Tỉnh ủy", true},
		{"Uỷ ban nhân dân tỉnh", true},
		{"UBKT Huyện ủy Đại Từ", true},
		{"Đoàn kiểm tra số 2", true},
		{"Trường Chính trị tỉnh", true},
		{"  phòng   thông tin ", true},
		{"Trung tâm Truyền thông tỉnh", true},
		{"Bùi Hải Tú", false},
		{"Trương Thị Mai", false}, // a family name, not "Trường"
		{"Đoàn Văn Hậu", false},   // a family name, not a team
		{"Hoài Thu", false},       // a pen name
		{"PV", false},
		{"Banh Văn Tài", false},
		{"", false},
	} {
		if got := IsOrganization(c.name); got != c.want {
			t.Errorf("IsOrganization(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
