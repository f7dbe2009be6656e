package model

import (
	"strconv"
	"strings"
)

// The fields of an article as the office calls them: the labels of the
// editor's form, and the words the problems it shows name a field by.
// In one place, so that a problem never names a field otherwise than the
// form does (the editor's pages take their labels from here too).
var labels = map[string]string{
	"title":                   "Tiêu đề",
	"date":                    "Thời gian đăng",
	"kind":                    "Loại bài",
	"team_lead":               "Trưởng đoàn",
	"team_lead.name":          "Trưởng đoàn",
	"team_lead.role":          "Chức vụ của trưởng đoàn",
	"inspected_unit":          "Đơn vị được kiểm tra",
	"documents":               "Văn bản liên quan",
	"outcome":                 "Kết quả kiểm tra",
	"outcome.findings":        "Kết quả đạt được",
	"outcome.shortcomings":    "Hạn chế, thiếu sót",
	"outcome.recommendations": "Kiến nghị, yêu cầu",
	"outcome.follow_up_by":    "Hạn báo cáo khắc phục",
	"tags":                    "Thẻ",
	"summary":                 "Tóm tắt",
	"image":                   "Ảnh đại diện",
	"image.src":               "Ảnh đại diện",
	"image.alt":               "Mô tả ảnh",
	"image.caption":           "Chú thích ảnh",
	"image.credit":            "Nguồn ảnh",
	"draft":                   "Bản nháp",
	"slug":                    "Đường dẫn",
	"body":                    "Nội dung bài",
	// Not in the form: written in the file by hand.
	"author":  "Tác giả",
	"updated": "Ngày sửa bài",
	"aliases": "Địa chỉ cũ của bài",
}

// Label is the name the office gives the field key ("team_lead.name"),
// or "" for a key that is none of an article's.
func Label(key string) string { return labels[key] }

// LabelOf names a field as a problem gives it, entries counted from 1:
// "documents[2].date" is the date of the second document, "tags[3]" the
// third tag. "" for a field that is none of an article's.
func LabelOf(field string) string {
	if l, ok := labels[field]; ok {
		return l
	}
	key, rest, _ := strings.Cut(field, "[")
	num, sub, _ := strings.Cut(rest, "]")
	n, err := strconv.Atoi(num)
	if err != nil || labels[key] == "" {
		return ""
	}
	sub = strings.TrimPrefix(sub, ".")
	switch key {
	case "documents":
		switch sub {
		case "date":
			return "Ngày ban hành của văn bản thứ " + num
		case "title":
			return "Tên của văn bản thứ " + num
		}
		return "Văn bản thứ " + num
	case "tags":
		return "Thẻ thứ " + num
	}
	return labels[key] + " (mục " + strconv.Itoa(n) + ")"
}
