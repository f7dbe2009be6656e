package check

import (
	"fmt"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// titles warns of two articles with one title on one day: most often the
// same bulletin saved twice.
func (c *checker) titles(found *diag.List) {
	loc := c.site.Config.Location
	first := map[string]*model.Article{}
	// Oldest first, so the later file is the one warned about.
	for i := len(c.site.Articles) - 1; i >= 0; i-- {
		a := c.site.Articles[i]
		d := model.Local(a.Date, loc)
		key := strings.ToLower(strings.Join(strings.Fields(a.Title), " ")) + "|" + d.Format("2006-01-02")
		if prev, ok := first[key]; ok {
			found.Add(warn(DuplicateTitle, a.Path, a.Line("title"), "title",
				fmt.Sprintf("%s has the same title on the same day (%s)", prev.Path, d.Format("02/01/2006")),
				"if it is the same bulletin, keep one file",
				fmt.Sprintf("Bài «%s» (tệp %s) có cùng tiêu đề, cùng ngày %s: nếu là cùng một bản tin thì chỉ giữ một bài; nếu không, hãy đổi tiêu đề.",
					prev.Title, prev.Path, d.Format("02/01/2006"))))
			continue
		}
		first[key] = a
	}
}
