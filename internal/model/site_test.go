package model

import (
	"fmt"
	"strings"
	"testing"
)

// The numbered pager: first, …, n-1, n, n+1, …, last; a gap of one page
// is that page; never more than seven entries.
func TestPagerNumbers(t *testing.T) {
	for _, c := range []struct {
		number, total int
		want          string
	}{
		{1, 1, ""},
		{1, 2, "[1] 2"},
		{2, 2, "1 [2]"},
		{1, 3, "[1] 2 3"},
		{1, 30, "[1] 2 … 30"},
		{2, 30, "1 [2] 3 … 30"},
		{3, 30, "1 2 [3] 4 … 30"},
		{4, 30, "1 2 3 [4] 5 … 30"},
		{5, 30, "1 … 4 [5] 6 … 30"},
		{15, 30, "1 … 14 [15] 16 … 30"},
		{26, 30, "1 … 25 [26] 27 … 30"},
		{27, 30, "1 … 26 [27] 28 29 30"},
		{29, 30, "1 … 28 [29] 30"},
		{30, 30, "1 … 29 [30]"},
		{4, 7, "1 2 3 [4] 5 6 7"},
		{500, 983, "1 … 499 [500] 501 … 983"},
	} {
		urls := make([]string, c.total)
		for i := range urls {
			urls[i] = fmt.Sprintf("/page/%d/", i+1)
		}
		var got []string
		links := (&Pager{Number: c.number, Total: c.total, URLs: urls}).Numbers()
		for _, l := range links {
			switch {
			case l.Number == 0:
				got = append(got, "…")
			case l.Current:
				got = append(got, fmt.Sprintf("[%d]", l.Number))
			default:
				got = append(got, fmt.Sprint(l.Number))
			}
			if l.Number > 0 && l.URL != urls[l.Number-1] {
				t.Errorf("page %d links to %s", l.Number, l.URL)
			}
		}
		if s := strings.Join(got, " "); s != c.want || len(links) > 7 {
			t.Errorf("page %d of %d: %q, want %q", c.number, c.total, s, c.want)
		}
	}
}
