package content

import (
	"fmt"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

const imageHint = "a file of the site such as /images/kiem-tra.jpg, or an http(s) address"

var imageKeys = []string{"src", "alt", "caption", "credit"}

// image converts the lead image: a path, or a map with src and, for
// readers, alt, caption and credit. A missing alt is no error here: check
// warns of it, and the page says nothing rather than repeat the title.
func (d *decoder) image(line int, v any) model.Image {
	var img model.Image
	switch x := v.(type) {
	case nil:
		return img
	case string, int64, float64:
		src, _ := d.text("image", line, v)
		img.Src = d.imageSrc("image", line, src)
		return img
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k) // misspelt ones too: their warning names their line
		}
		at := d.f.entryKeyLines("image", []int{line}, keys)[0]
		lineOf := func(k string) int {
			if l := at[k]; l > 0 {
				return l
			}
			return line
		}
		if s, ok := x["src"]; ok && s != nil {
			src, _ := d.text("image.src", lineOf("src"), s)
			img.Src = d.imageSrc("image.src", lineOf("src"), src)
		} else {
			d.errf("image.src", line, "Đã có mô tả, chú thích hay nguồn ảnh nhưng chưa có ảnh: hãy điền ô «Ảnh đại diện», ví dụ /images/kiem-tra.jpg.",
				"add src: with the file, such as src: /images/kiem-tra.jpg", "the image has no src")
		}
		img.Alt, _ = d.text("image.alt", lineOf("alt"), x["alt"])
		img.Caption, _ = d.text("image.caption", lineOf("caption"), x["caption"])
		img.Credit, _ = d.text("image.credit", lineOf("credit"), x["credit"])
		d.unknown("image.", x, lineOf, imageKeys)
		return img
	}
	d.errf("image", line, fmt.Sprintf("Ảnh đại diện trong tệp là %s, không phải một ảnh: hãy điền lại ô «Ảnh đại diện», ví dụ /images/kiem-tra.jpg.", diag.DescribeVi(v)),
		"a path such as /images/kiem-tra.jpg, or a map with src:, alt:, caption: and credit:",
		"expected an image, got %s", diag.Describe(v))
	return img
}

// imageSrc checks that src can be an image address; "" when it cannot.
func (d *decoder) imageSrc(field string, line int, src string) string {
	if src != "" && !imageURL(src) {
		d.errf(field, line, fmt.Sprintf("«%s» không phải là địa chỉ của một ảnh: hãy ghi đường dẫn của ảnh trên trang, bắt đầu bằng /, "+
			"ví dụ /images/kiem-tra.jpg, hoặc một địa chỉ bắt đầu bằng http:// hay https://.", src),
			imageHint, "%q is not an image address", src)
		return ""
	}
	return src
}

// imageURL reports whether s can be a lead image: a path of the site or an
// http(s) address. Anything else (javascript:, data:) never reaches a page.
func imageURL(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") ||
		strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")
}
