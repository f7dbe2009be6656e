package check

import (
	"fmt"

	"bulletin/internal/diag"
)

// farAhead is how far past today a date stops being a schedule and starts
// being a typo in the year.
const farAhead = 1 // year

// earliest is the first year a bulletin of this office can plausibly be
// dated: the content loader accepts years from 1900, for old documents.
const earliest = 1945

// dates warns of articles dated far from today: more than a year ahead
// ("06/08/2108" for 2018 holds the article off the site, silently, for a
// century) or before 1945. Either may be right; check asks.
func (c *checker) dates(found *diag.List) {
	limit := c.now.AddDate(farAhead, 0, 0)
	for _, a := range c.site.Articles {
		if !c.mine(a.Path) {
			continue
		}
		day := a.Date.Format("02/01/2006")
		switch {
		case a.Date.After(limit):
			found.Add(warn(UnlikelyDate, a.Path, a.Line("date"), "date",
				fmt.Sprintf("the article is dated %s, more than a year from today, so the site leaves it out until then", day),
				"is the year a typo? if the date is right, the article is published on its day",
				fmt.Sprintf("Thời gian đăng là ngày %s, cách hôm nay hơn một năm, nên bài chưa hiện trên trang cho tới ngày đó. "+
					"Có gõ nhầm năm không? Nếu đúng là ngày đó thì bài sẽ tự đăng vào hôm ấy.", day)))
		case a.Date.Year() < earliest:
			found.Add(warn(UnlikelyDate, a.Path, a.Line("date"), "date",
				fmt.Sprintf("the article is dated %s, before %d", day, earliest),
				"is the year a typo?",
				fmt.Sprintf("Thời gian đăng là ngày %s, trước năm %d: có gõ nhầm năm không?", day, earliest)))
		}
	}
}
