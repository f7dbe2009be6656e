package content

import (
	"fmt"
	"time"

	"bulletin/internal/text"
)

const slugHint = "use letters or digits, e.g. slug: kiem-tra-dan-van"

// title reads the required, non-empty title field. what names the kind of
// file for the message ("an article").
func (d *decoder) title(what string) string {
	v, line, ok := d.get("title")
	if !ok {
		d.missing("title", line, "Bài chưa có tiêu đề: hãy điền ô «Tiêu đề».",
			"add a line such as title: Kiểm tra ...", "missing: %s needs a title", what)
		return ""
	}
	s, ok := d.text("title", line, v)
	if ok && s == "" {
		d.errf("title", line, "Tiêu đề đang để trống: hãy điền tiêu đề của bài.",
			"write the title after title:", "the title is empty")
	}
	return s
}

// requiredDate reads the required date field.
func (d *decoder) requiredDate(what string) time.Time {
	v, line, ok := d.get("date")
	if !ok || v == nil {
		d.missing("date", line, "Bài chưa có thời gian đăng. "+dateHowVi("date"),
			dateHint, "missing: %s needs a date", what)
		return time.Time{}
	}
	t, _ := d.date("date", line, v)
	return t
}

// optionalDate reads the date field when present.
func (d *decoder) optionalDate() time.Time {
	v, line, ok := d.get("date")
	if !ok || v == nil {
		return time.Time{}
	}
	t, _ := d.date("date", line, v)
	return t
}

// slug reads the slug field, slugged so that any text is URL-safe; without
// it the slug comes from fallback (the title), or else from name. A slug
// that comes out empty is an error, since the page would have no URL.
func (d *decoder) slug(fallback, name string) (slug string, explicit bool) {
	if v, line, ok := d.get("slug"); ok && v != nil {
		s, ok := d.text("slug", line, v)
		if !ok {
			return "", true
		}
		if slug = text.Slug(s); slug == "" {
			d.errf("slug", line, fmt.Sprintf("Đường dẫn «%s» không có chữ cái hay chữ số nào, nên không tạo được địa chỉ trang: "+
				"hãy ghi đường dẫn bằng chữ không dấu và số, ví dụ kiem-tra-dan-van.", s),
				slugHint, "%q gives an empty slug", s)
		}
		return slug, true
	}
	if name != "" {
		fallback = name
	}
	if fallback == "" {
		return "", false // the missing title was reported already
	}
	if slug = text.Slug(fallback); slug == "" {
		field := "title"
		if name != "" {
			field = ""
		}
		d.errf(field, d.f.line("title"), fmt.Sprintf("Tiêu đề «%s» không có chữ cái hay chữ số nào để tạo địa chỉ trang: "+
			"hãy thêm chữ vào tiêu đề, hoặc điền ô «Đường dẫn», ví dụ kiem-tra-dan-van.", fallback),
			"add a slug: field", "%s has no letter or digit to make a URL from", fmt.Sprintf("%q", fallback))
	}
	return slug, false
}

// duplicates reports each top-level key given twice: the decoders keep
// one value without a word, so the other would be silently lost.
func (d *decoder) duplicates() {
	for _, x := range d.f.dups {
		d.twice(x.key, x.line, fmt.Sprintf("%s được ghi hai lần trong tệp (dòng %d và dòng %d), nên một trong hai sẽ bị bỏ qua: "+
			"hãy mở tệp bằng trình soạn thảo văn bản và xóa một dòng, hoặc nhờ người quản trị.", label(x.key), x.first, x.line),
			"keep one of them", "the field is given twice, on lines %d and %d", x.first, x.line)
	}
}
