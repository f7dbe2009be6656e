package render

import (
	"fmt"
	"html/template"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode"

	"bulletin/internal/model"
)

var hcm = time.FixedZone("ICT", 7*3600)

func TestDates(t *testing.T) {
	mon := time.Date(2018, 8, 6, 16, 41, 0, 0, hcm)
	sun := time.Date(2018, 10, 7, 9, 5, 0, 0, hcm)
	utc := time.Date(2018, 8, 6, 9, 41, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    func(time.Time) string
		in   time.Time
		want string
	}{
		{"viDateTime", viDateTime, mon, "16:41, 06/08/2018"},
		{"viDateTime/own zone", viDateTime, utc, "09:41, 06/08/2018"},
		{"viDateTime/zero", viDateTime, time.Time{}, ""},
		{"viDate", viDate, mon, "06/08/2018"},
		{"viDate/zero", viDate, time.Time{}, ""},
		{"viWeekday/monday", viWeekday, mon, "Thứ Hai"},
		{"viWeekday/sunday", viWeekday, sun, "Chủ Nhật"},
		{"viWeekday/saturday", viWeekday, sun.AddDate(0, 0, -1), "Thứ Bảy"},
		{"viWeekday/zero", viWeekday, time.Time{}, ""},
		{"viWeekdayDate", viWeekdayDate, mon, "Thứ Hai, 06/08/2018"},
		{"viWeekdayDate/sunday", viWeekdayDate, sun, "Chủ Nhật, 07/10/2018"},
		{"viWeekdayDate/zero", viWeekdayDate, time.Time{}, ""},
		{"isoDate", isoDate, mon, "2018-08-06T16:41:00+07:00"},
		{"isoDate/utc", isoDate, utc, "2018-08-06T09:41:00Z"},
		{"isoDate/zero", isoDate, time.Time{}, ""},
		{"isoDay", isoDay, mon, "2018-08-06"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%s(%v) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestURLs(t *testing.T) {
	tests := []struct {
		base, in, abs, rel string
	}{
		{"https://kiemtra.example.vn/", "/2018/08/a/", "https://kiemtra.example.vn/2018/08/a/", "/2018/08/a/"},
		{"https://kiemtra.example.vn/", "css/x.css", "https://kiemtra.example.vn/css/x.css", "/css/x.css"},
		{"https://kiemtra.example.vn/", "/", "https://kiemtra.example.vn/", "/"},
		{"https://example.org/bulletin/", "/css/x.css", "https://example.org/bulletin/css/x.css", "/bulletin/css/x.css"},
		{"https://example.org/bulletin/", "/", "https://example.org/bulletin/", "/bulletin/"},
		{"/", "/index.xml", "/index.xml", "/index.xml"},
		{"", "/index.xml", "/index.xml", "/index.xml"},
		{"https://a.vn/", "https://b.vn/x.jpg", "https://b.vn/x.jpg", "https://b.vn/x.jpg"},
		{"https://a.vn/", "//cdn.vn/x.jpg", "//cdn.vn/x.jpg", "//cdn.vn/x.jpg"},
		{"https://a.vn/sub/", "#main", "https://a.vn/sub/#main", "#main"},
	}
	for _, tt := range tests {
		if got := absURL(tt.base, tt.in); got != tt.abs {
			t.Errorf("absURL(%q, %q) = %q, want %q", tt.base, tt.in, got, tt.abs)
		}
		if got := relURL(tt.base, tt.in); got != tt.rel {
			t.Errorf("relURL(%q, %q) = %q, want %q", tt.base, tt.in, got, tt.rel)
		}
	}
}

func TestKindLabel(t *testing.T) {
	for in, want := range map[string]string{"news": "Tin tức", "outcome": "Kết quả kiểm tra", "other": "other", "": ""} {
		if got := kindLabel(in); got != want {
			t.Errorf("kindLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// A count keeps its number on the line of its noun: "(3" never ends a
// line with "bài)" on the next.
func TestCount(t *testing.T) {
	if got := count(3, "bài viết"); got != "3\u00a0bài viết" {
		t.Errorf("count = %q", got)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		n        int
		in, want string
	}{
		{10, "ngắn", "ngắn"},
		{30, "  nhiều   khoảng \n trắng ", "nhiều khoảng trắng"},
		{12, "Đoàn kiểm tra làm việc", "Đoàn kiểm…"},
		{5, "Đảngủy", "Đảng…"},
		{0, "không cắt", "không cắt"},
	}
	for _, tt := range tests {
		if got := truncate(tt.n, tt.in); got != tt.want {
			t.Errorf("truncate(%d, %q) = %q, want %q", tt.n, tt.in, got, tt.want)
		}
	}
}

// truncate is written for speed (bytes appended, the cut found as they
// are); cutRunes is what it does, written plainly, as it once was. They
// agree on random texts of letters with and without marks, spaces of
// every kind in runs, punctuation it trims and bytes that are not UTF-8.
func TestTruncateCutsAsThePlainCut(t *testing.T) {
	cutRunes := func(n int, s string) string {
		if n <= 0 {
			return strings.Join(strings.Fields(s), " ")
		}
		var b strings.Builder
		runes, space := 0, false
		for _, r := range strings.TrimSpace(s) {
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space {
				b.WriteByte(' ')
				runes++
				space = false
			}
			b.WriteRune(r)
			runes++
			if runes > n {
				break
			}
		}
		s = b.String()
		if runes <= n {
			return s
		}
		head := string([]rune(s)[:n-1])
		if sp := strings.LastIndexByte(head, ' '); sp > len(head)/2 {
			head = head[:sp]
		}
		return strings.TrimRight(head, " ,;:.-–") + "…"
	}
	parts := []string{"a", "Đ", "ủy", "ệ", " ", "  ", "\n", "\t", "\u00a0", "\u3000", ",", ".", "-", "–", ";", "\xff", "\xe1\xbb", "01-ĐA/TU"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s, n := b.String(), rng.IntN(25)-2
		if got, want := truncate(n, s), cutRunes(n, s); got != want {
			t.Fatalf("truncate(%d, %q) = %q, the plain cut %q", n, s, got, want)
		}
	}
	// A layout may ask for no cut with a huge n (truncate
	// 9223372036854775807): the text whole, not a panic (the buffer's
	// size, 4n+4 bytes, wrapped around).
	for _, n := range []int{math.MaxInt, math.MaxInt - 3, math.MaxInt/4 + 1, math.MaxInt / 4, 1 << 61, 1 << 40} {
		for _, s := range []string{"", "Đoàn   kiểm tra,\tlàm việc.", "\xff\xe1\xbb ủy"} {
			got := func() (got string) {
				defer func() {
					if r := recover(); r != nil {
						got = fmt.Sprintf("panic: %v", r)
					}
				}()
				return truncate(n, s)
			}()
			if want := cutRunes(n, s); got != want {
				t.Errorf("truncate(%d, %q) = %q, the plain cut %q", n, s, got, want)
			}
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		a    *model.Article
		want string
	}{
		{nil, ""},
		{withBody((&model.Article{}).SetFile(&model.ArticleFile{SummaryField: " Tóm tắt "}), model.Body{Lead: "Đoạn đầu"}), "Tóm tắt"},
		{withBody((&model.Article{}).SetFile(&model.ArticleFile{}), model.Body{Lead: "Đoạn đầu"}), "Đoạn đầu"},
	}
	for _, tt := range tests {
		if got := summary(tt.a); got != tt.want {
			t.Errorf("summary = %q, want %q", got, tt.want)
		}
	}
}

func TestDocuments(t *testing.T) {
	pr := &model.Project{Code: "01-ĐA/TU", Title: "Đề án dân vận", Date: time.Date(2016, 7, 12, 0, 0, 0, 0, hcm), URL: "/projects/01-da-tu/"}
	a := (&model.Article{
		Projects: []*model.Project{pr}, // the second not assembled
	}).SetFile(&model.ArticleFile{Documents: []model.DocRef{{Code: "01-DA/TU"}, {Code: "09-NQ/TU", Title: "Nghị quyết"}}})
	got := documents(a)
	if len(got) != 2 {
		t.Fatalf("documents: %d, want 2", len(got))
	}
	if d := got[0]; d.Code != "01-ĐA/TU" /* the project's spelling */ || d.Title != "Đề án dân vận" || !d.Date.Equal(pr.Date) || d.URL != pr.URL || d.Project != pr {
		t.Errorf("documents[0] = %+v", d)
	}
	if d := got[1]; d.Code != "09-NQ/TU" || d.Title != "Nghị quyết" || d.URL != "" || d.Project != nil {
		t.Errorf("documents[1] = %+v", d)
	}
	if documents(nil) != nil {
		t.Error("documents(nil) != nil")
	}
}

func TestHeadTitle(t *testing.T) {
	site := &model.Site{Config: model.Config{Title: "Tin kiểm tra"}}
	tests := []struct {
		p    *model.Page
		want string
	}{
		{&model.Page{Kind: model.KindHome, Title: "Tin kiểm tra", Site: site}, "Tin kiểm tra"},
		{&model.Page{Kind: model.KindHome, Title: "Tin kiểm tra", Site: site, Pager: &model.Pager{Number: 3, Total: 5}}, "Trang 3 – Tin kiểm tra"},
		{&model.Page{Kind: model.KindArticle, Title: "Bài A", Site: site}, "Bài A – Tin kiểm tra"},
		{&model.Page{Kind: model.KindTerm, Title: "Bùi Hải Tú", Site: site, Pager: &model.Pager{Number: 2, Total: 2}}, "Bùi Hải Tú (Trang 2) – Tin kiểm tra"},
		{&model.Page{Kind: model.Kind404, Site: site}, "Không tìm thấy trang – Tin kiểm tra"},
		{&model.Page{Kind: model.KindArticle, Article: (&model.Article{}).SetFile(&model.ArticleFile{Title: "Bài B"})}, "Bài B"},
	}
	for _, tt := range tests {
		if got := headTitle(tt.p); got != tt.want {
			t.Errorf("headTitle(%s %q) = %q, want %q", tt.p.Kind, tt.p.Title, got, tt.want)
		}
	}
}

func TestDescription(t *testing.T) {
	site := &model.Site{Config: model.Config{Description: "Tin tức và kết quả kiểm tra"}}
	a := withBody((&model.Article{}).SetFile(&model.ArticleFile{}), model.Body{Lead: "Đoàn kiểm tra làm việc."})
	if got := description(&model.Page{Site: site, Article: a}); got != "Đoàn kiểm tra làm việc." {
		t.Errorf("article: %q", got)
	}
	if got := description(&model.Page{Site: site, Article: (&model.Article{}).SetFile(&model.ArticleFile{})}); got != "Tin tức và kết quả kiểm tra" {
		t.Errorf("article without summary: %q", got)
	}
	if got := description(&model.Page{Site: site}); got != "Tin tức và kết quả kiểm tra" {
		t.Errorf("home: %q", got)
	}
}

func TestCurrent(t *testing.T) {
	tests := []struct {
		kind, url, href, want string
	}{
		{model.KindHome, "/", "/", "page"},
		{model.KindHome, "/page/2/", "/", "true"},
		{model.KindArticle, "/2018/08/a/", "/", ""},
		{model.KindProjects, "/projects/", "/projects/", "page"},
		{model.KindProject, "/projects/01-da-tu/", "/projects/", "true"},
		{model.KindTerm, "/tags/dan-van/", "/projects/", ""},
	}
	for _, tt := range tests {
		if got := current(&model.Page{Kind: tt.kind, URL: tt.url}, tt.href); got != tt.want {
			t.Errorf("current(%s, %q) = %q, want %q", tt.url, tt.href, got, tt.want)
		}
	}
}

func TestDatetimeAttr(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	tests := []struct {
		in   time.Time
		want template.HTMLAttr
	}{
		{time.Date(2018, 8, 6, 16, 41, 0, 0, ict), `datetime="2018-08-06T16:41:00+07:00"`},
		{time.Date(2018, 8, 6, 16, 41, 0, 0, time.UTC), `datetime="2018-08-06T16:41:00Z"`},
	}
	for _, tt := range tests {
		if got := datetime(tt.in); got != tt.want {
			t.Errorf("datetime(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// withBody gives a the converted body b, as the markdown step does.
func withBody(a *model.Article, b model.Body) *model.Article {
	a.SetBody(&b)
	return a
}
