package assemble

import (
	"fmt"
	"testing"
	"time"

	"bulletin/internal/model"
)

// urlsOf assembles files and gives each article's URL by its file's path.
func urlsOf(t *testing.T, loc *time.Location, u *URLs, files ...*model.ArticleFile) map[string]string {
	t.Helper()
	s, ps := Site(model.Config{PageSize: 10, Location: loc}, Input{Articles: files}, Options{URLs: u})
	if ps.Err() != nil {
		t.Fatal(ps.Err())
	}
	out := map[string]string{}
	for _, a := range s.Articles {
		out[a.Path] = a.URL
	}
	return out
}

// A preview's Builder keeps the articles' URLs by file between saves: a
// file saved again (a new value: its date moved) gets its new URL, the
// others keep theirs, and a change of the site's zone makes every URL
// again. Each assembly gives what one without the kept URLs gives.
func TestKeptURLsFollowEachSave(t *testing.T) {
	var u URLs
	a, b := art("content/articles/a.md", "Bài A", 6), art("content/articles/b.md", "Bài B", 7)
	check := func(loc *time.Location, files ...*model.ArticleFile) map[string]string {
		t.Helper()
		got, want := urlsOf(t, loc, &u, files...), urlsOf(t, loc, nil, files...)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("with kept URLs %v, without %v", got, want)
		}
		return got
	}
	check(ict, a, b)
	if u.m[a] != "/2018/08/bai-a/" || u.m[b] != "/2018/08/bai-b/" {
		t.Fatalf("the URLs kept: %v", u.m)
	}
	moved := *b // saved: decoded again, its date moved a month on
	moved.Date = moved.Date.AddDate(0, 1, 0)
	if got := check(ict, a, &moved); got["content/articles/b.md"] != "/2018/09/bai-b/" {
		t.Errorf("the moved article: %v", got)
	}
	// 23:30 on 31 August in Hanoi is 31 August in UTC too, but 1 September
	// at +02:00 or more east of it: the zone decides the month.
	late := art("content/articles/c.md", "Bài C", 31)
	late.Date = time.Date(2018, 8, 31, 23, 30, 0, 0, time.UTC)
	check(ict, a, &moved, late)
	if got := check(time.UTC, a, &moved, late); got["content/articles/c.md"] != "/2018/08/bai-c/" {
		t.Errorf("in UTC: %v", got)
	}
	// Many saves leave many old values: the map is made again, bounded.
	for i := range 3 * stale {
		again := *a
		again.Title = fmt.Sprint("Bài A, lần ", i)
		check(ict, &again, &moved, late)
	}
	if len(u.m) > 3+stale {
		t.Errorf("%d URLs kept for 3 files", len(u.m))
	}
}
