package check

import (
	"fmt"

	"bulletin/internal/diag"
)

// followUps warns of each follow-up the site shows as overdue: an outcome
// whose deadline has passed with no later outcome article about the same
// project and unit. The state is the assembler's (model.FollowUp), the
// one the tracker page and the project timelines show.
func (c *checker) followUps(found *diag.List) {
	for _, f := range c.site.FollowUps.Overdue {
		a := f.Article
		if !c.mine(a.Path) {
			continue
		}
		found.Add(warn(FollowUpOverdue, a.Path, a.Line("outcome"), "outcome.follow_up_by",
			fmt.Sprintf("the follow-up date %s has passed and no later outcome article about the same project and unit reports on it", f.Due.Format("02/01/2006")),
			"publish the follow-up outcome (kind: outcome) citing the same documents and naming the same inspected_unit",
			fmt.Sprintf("Đã quá hạn báo cáo khắc phục %s mà chưa có bài kết quả nào sau đó về cùng văn bản và cùng đơn vị: "+
				"hãy đăng bài loại «Kết quả kiểm tra» ghi cùng văn bản liên quan và cùng đơn vị được kiểm tra.", f.Due.Format("02/01/2006"))))
	}
}
