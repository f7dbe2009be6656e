package content

import (
	"errors"
	"fmt"
	"strings"

	"bulletin/internal/model"
	"bulletin/internal/text"
)

// The pieces the decoder's Vietnamese is made of (see errf): fields by
// the form's labels, dates and codes as a clerk types them.

// label names a field as the form does: "Tiêu đề", "Thẻ thứ 2". A field
// of no article (a project's code) is named by its key.
func label(field string) string {
	if l := model.LabelOf(field); l != "" {
		return l
	}
	return "Mục «" + field + "»"
}

// dateVi says why a date cannot be read: "«31/02/2018» không phải là một
// ngày có thật (tháng đó không có ngày này)".
func dateVi(err error) string {
	var de *dateError
	if errors.As(err, &de) {
		return de.vi()
	}
	return "Không đọc được ngày này"
}

// dateHowVi says how to write a date in the field that holds it.
func dateHowVi(field string) string {
	switch {
	case field == "date":
		return "Hãy ghi theo dạng 16:41, 06/08/2018 (giờ:phút, ngày/tháng/năm) hoặc chọn bằng lịch bên cạnh."
	case field == "outcome.follow_up_by":
		return "Hãy ghi theo dạng 30/09/2018 (ngày/tháng/năm) hoặc chọn bằng lịch bên cạnh."
	case strings.HasPrefix(field, "documents"):
		return "Hãy ghi ngày ban hành theo dạng ngày/tháng/năm, ví dụ: Đề án số 01-ĐA/TU, ngày 12/7/2016."
	}
	return "Hãy ghi theo dạng ngày/tháng/năm, ví dụ 06/08/2018."
}

// codeVi says why written is no document code (text.ParseCode's error).
func codeVi(err error, written string) string {
	const how = "Số hiệu gồm số và chữ viết tắt của cơ quan ban hành, ví dụ 01-ĐA/TU hay 4950/QĐ-UBND; mỗi ô ghi một văn bản."
	switch {
	case errors.Is(err, text.ErrCodeRest):
		return fmt.Sprintf("Sau số hiệu trong «%s» có những chữ không phải ngày ban hành, cũng không phải tên văn bản đặt trong ngoặc kép: "+
			"hãy đặt tên văn bản trong ngoặc kép, ví dụ Đề án số 01-ĐA/TU, ngày 12/7/2016 về “Nâng cao chất lượng…”.", written)
	case errors.Is(err, text.ErrCodeMany):
		return fmt.Sprintf("«%s» có nhiều hơn một số hiệu văn bản: hãy ghi mỗi văn bản vào một ô riêng.", written)
	case errors.Is(err, text.ErrCodeLetter):
		return fmt.Sprintf("«%s» không phải là số hiệu văn bản vì không có chữ nào. %s", written, how)
	}
	return fmt.Sprintf("«%s» mới là loại văn bản, chưa có số hiệu: hãy ghi cả số hiệu, ví dụ Đề án số 01-ĐA/TU.", written)
}
