package check

import (
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// alts warns of images given no text alternative: the lead image without
// alt:, a body image written ![](...). The page then says nothing of the
// picture to a reader who cannot see it (alt=""), which is better than
// repeating the title, and still not what the reader is owed.
func (c *checker) alts(found *diag.List) {
	for _, a := range c.site.Articles {
		if !c.mine(a.Path) {
			continue
		}
		if a.Image.Src != "" && strings.TrimSpace(a.Image.Alt) == "" {
			found.Add(warn(MissingAlt, a.Path, a.Line("image"), "image",
				"the image "+a.Image.Src+" has no alt text, so a reader who cannot see it learns nothing of it",
				"write what it shows as image: {src: "+a.Image.Src+", alt: Đoàn kiểm tra làm việc tại hội trường}",
				"Ảnh đại diện chưa có mô tả, nên người không xem được ảnh sẽ không biết ảnh cho thấy gì: "+
					"hãy điền ô «Mô tả ảnh», ví dụ: Đoàn kiểm tra làm việc tại hội trường."))
		}
		bodyAlts(a.Path, a.Body(), found)
	}
	for _, p := range c.site.Projects {
		if p.File != nil && c.mine(p.File.Path) {
			bodyAlts(p.File.Path, &p.Body, found)
		}
	}
	for _, d := range c.site.Docs {
		if c.mine(d.Path) {
			bodyAlts(d.Path, &d.Body, found)
		}
	}
}

func bodyAlts(file string, body *model.Body, found *diag.List) {
	for _, l := range body.Links {
		if l.Image && strings.TrimSpace(l.Alt) == "" {
			found.Add(warn(MissingAlt, file, l.Line, "",
				"the image "+l.Dest+" has no alt text, so a reader who cannot see it learns nothing of it",
				"write what it shows between the brackets: ![Đoàn kiểm tra làm việc tại hội trường]("+l.Dest+")",
				"Ảnh "+l.Dest+" trong nội dung bài chưa có mô tả, nên người không xem được ảnh sẽ không biết ảnh cho thấy gì: "+
					"hãy ghi mô tả vào giữa hai dấu ngoặc vuông, ví dụ ![Đoàn kiểm tra làm việc tại hội trường]("+l.Dest+")."))
		}
	}
}
