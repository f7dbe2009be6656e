package assemble

import (
	"strconv"
	"time"

	"bulletin/internal/model"
)

// archives files the articles by year and month, as their URLs already
// are (/2018/08/slug/): a reader who cuts an article's URL back to
// /2018/08/ or /2018/ finds the month or the year. Years come newest
// first, as the footer lists them; months and articles in date order, as
// a calendar reads. articles come newest first.
func archives(articles []*model.Article, loc *time.Location) []*model.Year {
	oldest := make([]*model.Article, len(articles))
	// Each date in the zone once: read three times an article, it was
	// most of the archives' time on a preview's save.
	when := make([]time.Time, len(articles))
	for i, a := range articles {
		oldest[len(oldest)-1-i] = a
		when[len(oldest)-1-i] = local(a.Date, loc)
	}
	spans := byYear(when)
	years := make([]*model.Year, len(spans))
	var prev *model.Month
	for i, span := range spans {
		as, at := oldest[span.lo:span.hi], when[span.lo:span.hi]
		y := &model.Year{Year: span.year, URL: yearURL(span.year), Articles: as, Outcomes: outcomes(as)}
		lo := 0
		for j := range as {
			m := at[j].Month()
			if j+1 < len(as) && at[j+1].Month() == m {
				continue
			}
			mo := &model.Month{Year: y.Year, Month: int(m), URL: monthURL(y.Year, int(m)),
				Articles: as[lo : j+1], Outcomes: outcomes(as[lo : j+1]), Prev: prev}
			if prev != nil {
				prev.Next = mo
			}
			for _, a := range mo.Articles {
				a.Month = mo
			}
			y.Months = append(y.Months, mo)
			prev, lo = mo, j+1
		}
		years[len(years)-1-i] = y
	}
	for i, y := range years { // newest first
		if i > 0 {
			y.Next = years[i-1]
		}
		if i+1 < len(years) {
			y.Prev = years[i+1]
		}
	}
	return years
}

// yearURL is /2018/; monthURL /2018/08/, as the article URLs under them.
func yearURL(y int) string { return string(appendPadded([]byte{'/'}, y, 4)) + "/" }

func monthURL(y, m int) string {
	b := appendPadded([]byte{'/'}, y, 4)
	b = append(b, '/')
	return string(appendPadded(b, m, 2)) + "/"
}

// monthName is "Tháng 8/2018", as a reader says it.
func monthName(y, m int) string { return "Tháng " + strconv.Itoa(m) + "/" + strconv.Itoa(y) }
