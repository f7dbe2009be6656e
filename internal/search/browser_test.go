package search_test

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"

	"bulletin/internal/search"
	"bulletin/internal/sitetest"
)

// The browser tests open the built search page of searchSite in Chromium,
// served as a static host would, and read what a reader sees.

type searchPage struct {
	t    *testing.T
	tab  context.Context
	site string
}

func openSearch(t *testing.T) *searchPage {
	tab := sitetest.Browser(t)
	return &searchPage{t: t, tab: tab, site: sitetest.Build(t, searchSite).Serve(t)}
}

// open loads /search/ with a query string and waits for its answer.
func (p *searchPage) open(query string) {
	p.t.Helper()
	if err := chromedp.Do(p.tab, chromedp.Navigate(p.site+"/search/?"+query)); err != nil {
		p.t.Fatal(err)
	}
	p.answered("")
}

// answered waits until the status line answers the query q ("": any).
func (p *searchPage) answered(q string) {
	p.t.Helper()
	expr := `(s => s !== "" && s !== "Đang tìm…" && s.includes(` + js(q) + `))(document.getElementById("search-status").textContent)`
	sitetest.Until(p.t, p.tab, "an answer to "+q, expr, 10*time.Second)
}

// typeQuery empties the search box and types q in it, key by key.
func (p *searchPage) typeQuery(q string) {
	p.t.Helper()
	p.eval(`document.getElementById("search-q").value = ""`)
	err := chromedp.Do(p.tab, chromedp.Click("#search-q"), chromedp.SendKeys("#search-q", q))
	if err != nil {
		p.t.Fatal(err)
	}
	p.answered("“" + q + "”")
}

func (p *searchPage) eval(expr string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.tab, chromedp.Evaluate[string](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// titles lists the results' titles, in order.
func (p *searchPage) titles() []string {
	p.t.Helper()
	var out []string
	v := p.eval(`JSON.stringify(Array.from(document.querySelectorAll("#search-results .card-title")).map(h => h.textContent))`)
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		p.t.Fatal(err)
	}
	return out
}

func (p *searchPage) status() string {
	return p.eval(`document.getElementById("search-status").textContent`)
}

func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

const (
	khacPhuc  = "Đảng ủy Khối các cơ quan tỉnh khắc phục xong hạn chế"
	danVan    = "Kiểm tra thực hiện các đề án về công tác dân vận"
	congTrinh = "Tiến độ các công trình đang thi công ở Phú Bình"
	coSo      = "Công tác xây dựng Đảng ở cơ sở"
	project   = "01-ĐA/TU: Nâng cao chất lượng công tác dân vận"
	markup    = `Tin <img src=x onerror="window.pwned=1"> về Đảng ủy Khối`
	page      = "Giới thiệu"
)

// TestBrowserSearch runs every browser case on one Chromium and one site.
func TestBrowserSearch(t *testing.T) {
	p := openSearch(t)
	for _, c := range []struct {
		name string
		run  func(*testing.T, *searchPage)
	}{
		{"FindsWithoutMarksAndCodes", findsWithoutMarksAndCodes},
		{"FindsACodeTypedInPart", findsACodeTypedInPart},
		{"RanksTheSpellingTypedFirst", ranksTheSpellingTypedFirst},
		{"FiltersAndSorts", filtersAndSorts},
		{"ShowsTextOfTheIndexAsText", showsTextOfTheIndexAsText},
		{"FoldsAsGo", foldsAsGo},
		{"ShardsAsGo", shardsAsGo},
		{"RefusesAnIndexOfAnotherFormat", refusesAnIndexOfAnotherFormat},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.run(t, &searchPage{t: t, tab: p.tab, site: p.site})
		})
	}
}

func findsWithoutMarksAndCodes(t *testing.T, p *searchPage) {

	// A link to a search opens with its results.
	p.open("q=dang+uy+khoi")
	got := p.titles()
	if len(got) == 0 || !contains(got, khacPhuc) {
		t.Fatalf("dang uy khoi: %q, want %q among them", got, khacPhuc)
	}
	for _, title := range got {
		if strings.Contains(title, "Bài nháp") || strings.Contains(title, "hẹn đăng") {
			t.Errorf("dang uy khoi lists %q, a draft or future article", title)
		}
	}
	if p.eval(`document.querySelector("#search-q").value`) != "dang uy khoi" {
		t.Error("the box does not show the query of the link")
	}
	// The words are marked in the snippet, the title and the unit.
	if marks := p.eval(`Array.from(document.querySelectorAll("#search-results mark")).map(m => m.textContent).join(" ")`); !strings.Contains(marks, "Đảng ủy Khối") {
		t.Errorf("marked: %q, want Đảng ủy Khối among them", marks)
	}

	// Typed: "de an 01" finds what cites 01-ĐA/TU, in its frontmatter or
	// only in its body, and the project itself.
	p.typeQuery("de an 01")
	if got := p.titles(); !contains(got, khacPhuc) || !contains(got, danVan) || !contains(got, project) {
		t.Errorf("de an 01: %q, want %q, %q and %q", got, khacPhuc, danVan, project)
	}
	for _, q := range []string{"01-DA/TU", "01-đa/tu", "1-ĐA/TU"} {
		p.typeQuery(q)
		if got := p.titles(); len(got) != 3 || !contains(got, khacPhuc) || !contains(got, danVan) || !contains(got, project) {
			t.Errorf("%s: %q, want the three documents that cite 01-ĐA/TU", q, got)
		}
	}
	// The look-alike ð of Latin-1 text is đ.
	p.typeQuery("ðảng ủy khối")
	if got := p.titles(); !contains(got, khacPhuc) {
		t.Errorf("ðảng ủy khối: %q", got)
	}

	// No match: the page says so.
	p.typeQuery("xylophone dân vận")
	if got := p.titles(); len(got) != 0 {
		t.Errorf("xylophone dân vận: %q, want nothing", got)
	}
	if s := p.status(); !strings.HasPrefix(s, "Không tìm thấy bài nào") {
		t.Errorf("status for no match: %q", s)
	}
}

// codeSite cites codes one of which starts another (123/KH-BCĐ and
// 123/KH-BCĐ389, the longer in a newer title), and two codes of one
// number (4950/QĐ-UBND, 4950/UBND-KT).
const codeSite = `
-- site.yaml --
title: Tin kiểm tra
base_url: https://kiemtra.example.vn/
-- content/articles/2019/quyet-dinh.md --
---
title: Triển khai quyết định về cải cách hành chính
date: 2019-03-01
---
Thực hiện Quyết định số 4950/QĐ-UBND ngày 5/12/2018 của Ủy ban nhân dân tỉnh.
-- content/articles/2020/cong-van.md --
---
title: Công văn về phòng chống thiên tai
date: 2020-06-01
---
Theo Công văn số 4950/UBND-KT của Ủy ban nhân dân tỉnh.
-- content/articles/2021/ke-hoach.md --
---
title: Kế hoạch kiểm tra năm 2021
date: 2021-04-01
---
Thực hiện Kế hoạch số 123/KH-UBND, đoàn kiểm tra làm việc với các xã.
-- content/articles/2022/bcd389.md --
---
title: Triển khai Kế hoạch 123/KH-BCĐ389 về chống buôn lậu
date: 2022-02-01
---
Các ngành phối hợp kiểm tra thị trường.
-- content/articles/2018/bcd.md --
---
title: Sơ kết công tác phòng chống tội phạm
date: 2018-05-01
---
Thực hiện Kế hoạch số 123/KH-BCĐ của Ban Chỉ đạo tỉnh.
`

// findsACodeTypedInPart types codes as a reader does, key by key: a code
// typed in part finds the codes that start so, in any case, with or
// without marks; a whole code ranks its own citations first.
func findsACodeTypedInPart(t *testing.T, p *searchPage) {
	const (
		quyetDinh = "Triển khai quyết định về cải cách hành chính"
		congVan   = "Công văn về phòng chống thiên tai"
		keHoach   = "Kế hoạch kiểm tra năm 2021"
		bcd389    = "Triển khai Kế hoạch 123/KH-BCĐ389 về chống buôn lậu"
		bcd       = "Sơ kết công tác phòng chống tội phạm"
	)
	site := sitetest.Build(t, codeSite).Serve(t)
	p = &searchPage{t: t, tab: p.tab, site: site}
	p.open("q=4950") // the box listens once the index is read
	sorted := func(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }
	for _, c := range []struct {
		q       string
		want    []string // in order when ordered, else sorted
		ordered bool
	}{
		{q: "4950/QĐ", want: []string{quyetDinh}},
		{q: "4950/qd", want: []string{quyetDinh}},
		{q: "4950/Q", want: []string{quyetDinh}}, // on the way to 4950/QĐ
		{q: "4950/QĐ-UB", want: []string{quyetDinh}},
		{q: "123/KH", want: sorted([]string{keHoach, bcd389, bcd})},
		{q: "123/kh-ubnd", want: []string{keHoach}},
		// The whole code first, though the longer one is in a newer title.
		{q: "123/KH-BCĐ", want: []string{bcd, bcd389}, ordered: true},
		{q: "123/kh-bcd389", want: []string{bcd389}},
		// What found before still finds.
		{q: "4950", want: sorted([]string{quyetDinh, congVan})},
		{q: "QĐ-UBND", want: []string{quyetDinh}},
		// A number cited with another kind only: nothing.
		{q: "4950/KH", want: nil},
	} {
		p.typeQuery(c.q)
		got := p.titles()
		if !c.ordered {
			got = sorted(got)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.q, got, c.want)
		}
	}
	if s := p.status(); !strings.HasPrefix(s, "Không tìm thấy bài nào") {
		t.Errorf("status for 4950/KH: %q", s)
	}
	// The code a part of it found is marked whole.
	p.typeQuery("4950/qd")
	if marks := p.eval(`Array.from(document.querySelectorAll("#search-results mark")).map(m => m.textContent).join(" ")`); marks != "4950/QĐ-UBND" {
		t.Errorf("4950/qd marks %q, want 4950/QĐ-UBND", marks)
	}
}

func ranksTheSpellingTypedFirst(t *testing.T, p *searchPage) {
	// Without marks, every spelling counts the same: newest first.
	p.open("q=dang")
	if got, want := p.titles(), []string{markup, congTrinh, khacPhuc, coSo}; !slices.Equal(got, want) {
		t.Errorf("dang: %q, want newest first %q", got, want)
	}
	// Typed with marks, the exact spelling first, whatever its age.
	p.open("q=" + "%C4%90%E1%BA%A3ng") // Đảng
	got := p.titles()
	if indexOf(got, congTrinh) < indexOf(got, coSo) {
		t.Errorf("Đảng: %q, want %q before %q", got, coSo, congTrinh)
	}
	p.typeQuery("đang")
	if got := p.titles(); len(got) == 0 || got[0] != congTrinh {
		t.Errorf("đang: %q, want %q first", got, congTrinh)
	}
}

func filtersAndSorts(t *testing.T, p *searchPage) {
	p.open("q=dang&kind=outcome")
	if got := p.titles(); len(got) != 1 || got[0] != khacPhuc {
		t.Errorf("dang, outcomes: %q, want only %q", got, khacPhuc)
	}
	p.open("q=dang&year=2017")
	if got := p.titles(); len(got) != 1 || got[0] != coSo {
		t.Errorf("dang, 2017: %q, want only %q", got, coSo)
	}
	if p.eval(`document.querySelector("#search-year").value`) != "2017" {
		t.Error("the year filter does not show the year of the link")
	}
	p.open("q=dang&year=2021")
	if got := p.titles(); len(got) != 1 || got[0] != markup {
		t.Errorf("dang, 2021 (the newest year): %q, want only %q", got, markup)
	}
	p.open("q=de+an&year=2016")
	if got := p.titles(); len(got) != 1 || got[0] != project {
		t.Errorf("de an, 2016 (the oldest year): %q, want only %q", got, project)
	}
	// The years to choose from, newest first.
	years := p.eval(`Array.from(document.querySelectorAll("#search-year option")).map(o => o.value).join(" ")`)
	if years != " 2021 2020 2019 2018 2017 2016" {
		t.Errorf("years offered: %q, want every year of the site, newest first", years)
	}
	// "kiem tra" is in one title (2018), in a newer body (2019) and in the
	// body of the undated page: by relevance, then newest first, undated
	// last.
	p.open("q=kiem+tra")
	if got, want := p.titles(), []string{danVan, khacPhuc, page}; !slices.Equal(got, want) {
		t.Errorf("kiem tra, most relevant first: %q, want %q", got, want)
	}
	p.open("q=kiem+tra&sort=date")
	if got, want := p.titles(), []string{khacPhuc, danVan, page}; !slices.Equal(got, want) {
		t.Errorf("kiem tra, newest first: %q, want %q", got, want)
	}
	// The project is numbered after the article that first cites it
	// (2019), and shown at its own date (2016).
	p.open("q=01-DA/TU&sort=date")
	if got, want := p.titles(), []string{khacPhuc, danVan, project}; !slices.Equal(got, want) {
		t.Errorf("01-DA/TU, newest first: %q, want %q", got, want)
	}
	p.open("q=01-DA/TU&year=2019")
	if got := p.titles(); len(got) != 1 || got[0] != khacPhuc {
		t.Errorf("01-DA/TU, 2019: %q, want only %q", got, khacPhuc)
	}
	p.open("q=kiem+tra&sort=date&kind=page")
	if got := p.titles(); len(got) != 1 || got[0] != page {
		t.Errorf("kiem tra, pages: %q, want only %q", got, page)
	}
	p.open("q=dang&year=2015")
	if s := p.status(); !strings.Contains(s, "bỏ bộ lọc") {
		t.Errorf("no match with a filter: %q, want a hint to drop it", s)
	}
}

func showsTextOfTheIndexAsText(t *testing.T, p *searchPage) {
	p.open("q=xylophone")
	if got := p.titles(); len(got) != 1 || got[0] != markup {
		t.Fatalf("xylophone: %q, want %q, markup as text", got, markup)
	}
	if n := p.eval(`String(document.querySelectorAll("#search-results img, #search-results b").length)`); n != "0" {
		t.Errorf("%s elements made from the index's text", n)
	}
	if v := p.eval(`String(window.pwned)`); v != "undefined" {
		t.Errorf("window.pwned = %s: text from the index ran as HTML", v)
	}
}

// foldsAsGo runs the script's folding over every character of the first
// three planes and its word and code reading over a table of texts, and
// compares with the index's.
func foldsAsGo(t *testing.T, p *searchPage) {
	if err := chromedp.Do(p.tab, chromedp.Navigate(p.site+"/search/")); err != nil {
		t.Fatal(err)
	}
	sitetest.Until(t, p.tab, "the script", `typeof bulletinSearch === "object"`, 10*time.Second)
	// For each character, its folding and its class in the browser's
	// Unicode tables: "m" a mark or format character (dropped), "w" a
	// letter or digit, "" anything else.
	var folded [][2]string
	v := p.eval(`JSON.stringify(Array.from({length: 0x30000}, (_, c) => {
		if (c >= 0xd800 && c < 0xe000) return ["", ""];
		const s = String.fromCodePoint(c);
		return [bulletinSearch.fold(s), /[\p{Mn}\p{Me}\p{Cf}]/u.test(s) ? "m" : /[\p{L}\p{Nd}]/u.test(s) ? "w" : ""];
	}))`)
	if err := json.Unmarshal([]byte(v), &folded); err != nil {
		t.Fatal(err)
	}
	differ, versions := 0, 0
	for c, f := range folded {
		r, got := rune(c), f[0]
		if r >= 0xd800 && r < 0xe000 || unicode.Is(unicode.Categories["Cn"], r) {
			continue // surrogates; characters Go's Unicode tables do not have yet
		}
		if f[1] != class(r) {
			versions++ // the two Unicode versions class it differently
			continue
		}
		if want := search.Fold(string(r)); got != want {
			if differ++; differ <= 20 {
				t.Errorf("%U %q: the script folds to %q, Go to %q", r, string(r), got, want)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d characters fold differently", differ)
	}
	t.Logf("%d characters skipped: the browser's Unicode version classes them otherwise than Go's %s", versions, unicode.Version)

	texts := []string{
		"Đảng ủy Khối các cơ quan tỉnh",
		"Kiểm tra thực hiện Đề án số 01-ĐA/TU, ngày 12/7/2016 “Về dân vận”.",
		"4950/QĐ-UBND; 98/NQ-HĐND và 15-CTr/TU (2016 - 2020)",
		"01–ĐA/TU 01—da/tu 01 - ĐA / TU 01-ĐA/TU/ /01-ĐA x01-ĐA/TU 12ab/cd ٣/da 000/KH",
		"Kie\u0302\u0309m tra \u0110e\u0302\u0300 a\u0301n",
		"Ðảng ủy, Đa\u200bng, đa\u00adng, ĐẢNG ỦY KHỐI",
		"Søren Ærø Crème brûlée İstanbul ǅemal ΣΟΦΙΑ Ёлка 日本語 한국어 𝐀𝐁 👍🏽",
		"x\u0301 \u0301y  a\u20dd b\u1abe",
	}
	type scan struct{ Words, Codes []string }
	var got []scan
	if err := json.Unmarshal([]byte(p.eval(`JSON.stringify(`+js(strings.Join(texts, "\x00"))+`.split("\x00").map(s => {
		const words = bulletinSearch.scan(s);
		return {
			Words: words.map(w => { const v = bulletinSearch.variant(s.slice(w.from, w.to)); return w.key + (v !== w.key ? "=" + v : "") + w.sep; }),
			Codes: bulletinSearch.codes(words).map(c => c[0]),
		};
	}))`)), &got); err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		words, codes := search.Scan(s)
		if strings.Join(got[i].Words, " ") != strings.Join(words, " ") || strings.Join(got[i].Codes, " ") != strings.Join(codes, " ") {
			t.Errorf("%q:\nscript %q %q\n    Go %q %q", s, got[i].Words, got[i].Codes, words, codes)
		}
	}
}

// class is what the browser test's script says of a character, by Go's tables.
func class(r rune) string {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return "m"
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return "w"
	}
	return ""
}

// shardsAsGo asks the script which shard holds each of a few words and
// codes, and compares with the index.
func shardsAsGo(t *testing.T, p *searchPage) {
	keys := []string{"dang", "uy", "khoi", "1-da/tu", "1-da/", "1-d", "123/kh-ubnd", "123/kh-", "123/k", "0/kh", "12/7/2016-doan", "5/日本", "5-", "!news", "日本語", "ǆemal", ""}
	var got []int
	if err := json.Unmarshal([]byte(p.eval(`JSON.stringify(`+js(strings.Join(keys, "\x00"))+`.split("\x00").map(k => bulletinSearch.shard(k, 157)))`)), &got); err != nil {
		t.Fatal(err)
	}
	for i, k := range keys {
		if want := search.Shard(k, 157); got[i] != want {
			t.Errorf("shard of %q: the script says %d, Go %d", k, got[i], want)
		}
	}
}

// refusesAnIndexOfAnotherFormat opens a page whose script reads another
// format of index than the build wrote (a page cached from before a
// build that changed the format): the script reads none of it, and says
// to reload the page.
func refusesAnIndexOfAnotherFormat(t *testing.T, p *searchPage) {
	s := sitetest.Build(t, searchSite)
	meta := s.File(t, search.Dir+"meta.json")
	this := `"format":` + strconv.Itoa(search.Format) + `,`
	other := strings.Replace(meta, this, `"format":`+strconv.Itoa(search.Format+1)+`,`, 1)
	if other == meta {
		t.Fatalf("meta.json has no %s: %s", this, meta)
	}
	s.Out.Write(search.Dir+"meta.json", []byte(other))
	site := s.Serve(t)
	if err := chromedp.Do(p.tab, chromedp.Navigate(site+"/search/?q=dang")); err != nil {
		t.Fatal(err)
	}
	p.answered("Hãy tải lại trang")
	if got := p.titles(); len(got) != 0 {
		t.Errorf("results read from an index of another format: %q", got)
	}
}

func contains(list []string, s string) bool { return indexOf(list, s) >= 0 }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
