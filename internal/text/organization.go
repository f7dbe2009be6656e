package text

import "strings"

// IsOrganization reports whether a byline names an office rather than a
// person: "Phòng Thông tin", "Văn phòng Tỉnh ủy", "Báo Thái Nguyên",
// "Ban Tuyên giáo Tỉnh ủy". A press office signs much of what it
// publishes with the desk's name (the content contract's own example of
// author: is "Phòng Thông tin"), and structured data that calls a desk a
// Person tells search engines and news apps something false.
//
// A Vietnamese name begins with its family name, and none of the words
// below is one, marks and all: "Trường" is a school, "Trương" a family;
// "Đoàn", a family name too, is an office only as a team ("Đoàn kiểm
// tra", "Đoàn công tác").
func IsOrganization(name string) bool {
	key := NameKey(ComposeString(name))
	for _, w := range organizationWords {
		if key == w || strings.HasPrefix(key, w+" ") {
			return true
		}
	}
	return false
}

// organizationWords begin the names of offices, lower case, composed.
var organizationWords = []string{
	"phòng", "ban", "văn phòng", "sở", "cục", "tổng cục", "bộ", "vụ", "viện", "trường", "học viện",
	"ủy ban", "uỷ ban", "ubnd", "ubkt", "hội đồng", "hội", "liên đoàn", "mặt trận", "công an",
	"đảng ủy", "đảng uỷ", "đảng bộ", "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "huyện uỷ", "thành ủy", "thành uỷ",
	"thị ủy", "thị uỷ", "quận ủy", "quận uỷ", "chi bộ", "tỉnh đoàn", "thành đoàn", "huyện đoàn",
	"báo", "đài", "tạp chí", "cổng thông tin", "trang thông tin", "tòa soạn", "toà soạn",
	"trung tâm", "công ty", "nhóm",
	"đoàn kiểm tra", "đoàn giám sát", "đoàn công tác", "đoàn thanh tra",
}
