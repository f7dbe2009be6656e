package search_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"bulletin/internal/build"
	"bulletin/internal/search"
	"bulletin/internal/sitetest"
)

// searchSite has what the search tests look for: an outcome about Đảng ủy
// Khối that cites 01-ĐA/TU in its frontmatter only, a visit that cites it
// in its body only, one word spelt "đang" in a newer article and "Đảng" in
// an older one, a draft and a future article about Đảng ủy Khối, a title
// that holds markup, a project and a stand-alone page.
const searchSite = `
-- site.yaml --
title: Tin kiểm tra
base_url: https://kiemtra.example.vn/
-- content/projects/01-da-tu.md --
---
code: 01-ĐA/TU
title: Nâng cao chất lượng công tác dân vận
date: 2016-07-12
---
Đề án gồm năm nhóm nhiệm vụ.
-- content/articles/2019/khac-phuc.md --
---
title: Đảng ủy Khối các cơ quan tỉnh khắc phục xong hạn chế
date: 2019-01-18
kind: outcome
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents: [01-ĐA/TU]
---
Ủy ban Kiểm tra Tỉnh ủy làm việc với Ban Thường vụ về kết quả khắc phục.
-- content/articles/2018/dan-van.md --
---
title: Kiểm tra thực hiện các đề án về công tác dân vận
date: 2018-08-06 16:41
inspected_unit: Huyện ủy Đại Từ
---
Đoàn kiểm tra làm việc về việc thực hiện Đề án số 01-ĐA/TU tại huyện.
-- content/articles/2020/cong-trinh.md --
---
title: Tiến độ các công trình đang thi công ở Phú Bình
date: 2020-05-21
inspected_unit: UBND huyện Phú Bình
---
Các công trình giao thông nông thôn vẫn đúng tiến độ.
-- content/articles/2017/co-so.md --
---
title: Công tác xây dựng Đảng ở cơ sở
date: 2017-03-02
inspected_unit: Huyện ủy Võ Nhai
---
Chi bộ thôn Làng Lừa sinh hoạt đều đặn.
-- content/articles/2021/the-ten.md --
---
title: Tin <img src=x onerror="window.pwned=1"> về Đảng ủy Khối
date: 2021-04-01
---
Nội dung <b onclick="window.pwned=2">in đậm</b>, xylophone.
-- content/articles/2018/nhap.md --
---
title: Bài nháp về Đảng ủy Khối
date: 2018-02-01
draft: true
---
Chữ riêng của bài nháp: quetzalcoatl.
-- content/articles/2030/hen-dang.md --
---
title: Bài hẹn đăng về Đảng ủy Khối
date: 2030-01-01
---
Chữ riêng của bài hẹn đăng: zanzibar.
-- content/pages/gioi-thieu.md --
---
title: Giới thiệu
---
Trang tin của Ủy ban Kiểm tra Tỉnh ủy.
`

// index reads a built site's search index back, as the script does.
type index struct {
	t    *testing.T
	site *sitetest.Site
	meta struct {
		Format     int      `json:"format"`
		Docs       int      `json:"docs"`
		Per        int      `json:"per"`
		Shards     int      `json:"shards"`
		Order      [][2]int `json:"order"`
		YearStarts [][2]int `json:"yearStarts"`
		Dated      int      `json:"dated"`
	}
}

func readIndex(t *testing.T, s *sitetest.Site) *index {
	t.Helper()
	ix := &index{t: t, site: s}
	if err := json.Unmarshal([]byte(s.File(t, search.Dir+"meta.json")), &ix.meta); err != nil {
		t.Fatal(err)
	}
	return ix
}

// lookup returns, by spelling ("" for the folded one), the titles of the
// documents that hold a word.
func (ix *index) lookup(key string) map[string][]string {
	ix.t.Helper()
	var words map[string][]string
	name := search.Dir + "w/" + strconv.Itoa(search.Shard(key, ix.meta.Shards)) + ".json"
	if err := json.Unmarshal([]byte(ix.site.File(ix.t, name)), &words); err != nil {
		ix.t.Fatal(err)
	}
	out := map[string][]string{}
	v := words[key]
	for i := 0; i+2 < len(v); i += 3 {
		for _, id := range search.DecodeIDs(v[i+1]) {
			out[v[i]] = append(out[v[i]], ix.title(int(id)))
		}
	}
	return out
}

// newestFirst reads the order a reader sees from its runs, as the script
// does: the titles, newest first.
func (ix *index) newestFirst() []string {
	ix.t.Helper()
	var titles []string
	for _, r := range ix.meta.Order {
		step := 1
		if r[1] < r[0] {
			step = -1
		}
		for id := r[0]; ; id += step {
			titles = append(titles, ix.title(id))
			if id == r[1] {
				break
			}
		}
	}
	if len(titles) != ix.meta.Docs {
		ix.t.Fatalf("order %v lists %d documents of %d", ix.meta.Order, len(titles), ix.meta.Docs)
	}
	return titles
}

// title is the title of document id, from its chunk.
func (ix *index) title(id int) string {
	var docs [][]string
	name := search.Dir + "d/" + strconv.Itoa(id/ix.meta.Per) + ".json"
	if err := json.Unmarshal([]byte(ix.site.File(ix.t, name)), &docs); err != nil {
		ix.t.Fatal(err)
	}
	return docs[id%ix.meta.Per][1]
}

func TestIndexKeysFoldedWordsBySpelling(t *testing.T) {
	ix := readIndex(t, sitetest.Build(t, searchSite))
	dang := ix.lookup("dang")
	want := map[string][]string{
		// Oldest first: an id is a document's rank by date.
		"đảng": {"Công tác xây dựng Đảng ở cơ sở", "Đảng ủy Khối các cơ quan tỉnh khắc phục xong hạn chế", "Tin <img src=x onerror=\"window.pwned=1\"> về Đảng ủy Khối"},
		"đang": {"Tiến độ các công trình đang thi công ở Phú Bình"},
	}
	for spelling, titles := range want {
		if got := dang[spelling]; strings.Join(got, "|") != strings.Join(titles, "|") {
			t.Errorf("dang, spelt %q: %q, want %q", spelling, got, titles)
		}
	}
	// In a body, every spelling is kept as it folds: the page says "Ủy
	// ban" in its text only.
	if got := ix.lookup("uy")[""]; !slices.Contains(got, "Giới thiệu") {
		t.Errorf("uy, as it folds: %q, want the page among them", got)
	}
	if got := ix.lookup("uy")["ủy"]; slices.Contains(got, "Giới thiệu") {
		t.Errorf("uy, spelt ủy: %q; a body's spelling is not kept", got)
	}
	// The code, wherever it is cited: the frontmatter, a body, the project.
	code := ix.lookup("1-da/tu")[""]
	sort.Strings(code)
	wantCode := []string{"01-ĐA/TU: Nâng cao chất lượng công tác dân vận", "Kiểm tra thực hiện các đề án về công tác dân vận", "Đảng ủy Khối các cơ quan tỉnh khắc phục xong hạn chế"}
	if strings.Join(code, "|") != strings.Join(wantCode, "|") {
		t.Errorf("1-da/tu: %q, want %q", code, wantCode)
	}
	if got := ix.lookup("!outcome")[""]; len(got) != 1 || got[0] != "Đảng ủy Khối các cơ quan tỉnh khắc phục xong hạn chế" {
		t.Errorf("outcomes: %q", got)
	}
	// Ids follow when documents came: the undated page, then the
	// articles by date, the project with its first citation (2019), not
	// at its date (2016). A reader sees them by date, newest first, the
	// undated page last, and each year is a range of that order.
	if got := ix.title(0); got != "Giới thiệu" {
		t.Errorf("document 0 is %q, want the undated page", got)
	}
	if got := ix.title(4); got != "01-ĐA/TU: Nâng cao chất lượng công tác dân vận" {
		t.Errorf("document 4 is %q, want the project, after the article that first cites it", got)
	}
	wantOrder := []string{
		"Tin <img src=x onerror=\"window.pwned=1\"> về Đảng ủy Khối",
		"Tiến độ các công trình đang thi công ở Phú Bình",
		"Đảng ủy Khối các cơ quan tỉnh khắc phục xong hạn chế",
		"Kiểm tra thực hiện các đề án về công tác dân vận",
		"Công tác xây dựng Đảng ở cơ sở",
		"01-ĐA/TU: Nâng cao chất lượng công tác dân vận",
		"Giới thiệu",
	}
	if got := ix.newestFirst(); !slices.Equal(got, wantOrder) {
		t.Errorf("newest first:\n%q\nwant\n%q", got, wantOrder)
	}
	if got := ix.meta.Order; len(got) != 4 {
		t.Errorf("order %v: want four runs (6 to 5, 3 to 1, the project, the page)", got)
	}
	wantYears := [][2]int{{2021, 0}, {2020, 1}, {2019, 2}, {2018, 3}, {2017, 4}, {2016, 5}}
	if got := ix.meta.YearStarts; !slices.Equal(got, wantYears) {
		t.Errorf("yearStarts: %v, want %v", got, wantYears)
	}
	if ix.meta.Docs != 7 || ix.meta.Dated != 6 {
		t.Errorf("docs %d, dated %d; want 7 (5 articles, a project, a page), 6", ix.meta.Docs, ix.meta.Dated)
	}
}

func TestIndexLeavesOutDraftsAndFutureArticles(t *testing.T) {
	s := sitetest.Build(t, searchSite)
	for _, name := range s.Out.Names() {
		if !strings.HasPrefix(name, search.Dir) {
			continue
		}
		data := s.File(t, name)
		for _, w := range []string{"Bài nháp", "quetzalcoatl", "hẹn đăng", "zanzibar", "nhap/", "hen-dang"} {
			if strings.Contains(data, w) {
				t.Errorf("%s holds %q, from a draft or future article", name, w)
			}
		}
	}
	// Published by the build, they are found.
	all := sitetest.BuildWith(t, sitetest.Parse(searchSite), build.Options{Drafts: true, Future: true})
	ix := readIndex(t, all)
	if got := ix.lookup("quetzalcoatl")[""]; len(got) != 1 || got[0] != "Bài nháp về Đảng ủy Khối" {
		t.Errorf("with drafts, quetzalcoatl: %q", got)
	}
	if got := ix.lookup("zanzibar")[""]; len(got) != 1 {
		t.Errorf("with future articles, zanzibar: %q", got)
	}
}

func TestIndexIsTheSameEveryBuild(t *testing.T) {
	a := sitetest.Build(t, searchSite)
	for range 3 {
		b := sitetest.Build(t, searchSite)
		for _, name := range a.Out.Names() {
			if !strings.HasPrefix(name, search.Dir) {
				continue
			}
			x, _ := a.Out.Get(name)
			y, ok := b.Out.Get(name)
			if !ok || !bytes.Equal(x, y) {
				t.Fatalf("%s differs between two builds of one site", name)
			}
		}
	}
}

func TestSearchPageAndHeaderForm(t *testing.T) {
	s := sitetest.Build(t, strings.Replace(searchSite, "https://kiemtra.example.vn/", "https://example.vn/kiem-tra/", 1))
	s.Contains(t, "search/index.html",
		`<title>Tìm kiếm – Tin kiểm tra</title>`,
		`<form class="search-form" role="search" aria-label="Tìm bài viết" action="/kiem-tra/search/" method="get" data-index="/kiem-tra/search/" data-root="/kiem-tra/">`,
		`<input id="search-q" name="q" type="search"`,
		`<select id="search-kind" name="kind">`,
		`<select id="search-year" name="year">`,
		`<script src="/kiem-tra/js/search.js" defer></script>`,
		// What to do without JavaScript.
		`Không có JavaScript, bạn vẫn tìm được bài theo <a href="/kiem-tra/projects/">đề án, văn bản</a>`,
		`phù hợp nhất`,
	)
	// The search page has its own box, not a second one in the header.
	s.Lacks(t, "search/index.html", `id="site-search-q"`)
	for _, page := range []string{"index.html", "gioi-thieu/index.html", "projects/01-da-tu/index.html", "404.html"} {
		s.Contains(t, page,
			`<form class="site-search" role="search" aria-label="Tìm kiếm trên trang" action="/kiem-tra/search/" method="get">`,
			`<input id="site-search-q" name="q" type="search"`)
	}
	if !s.Has("js/search.js") {
		t.Error("the script is not published")
	}
	// Links in the index are relative to the site's root, which the page
	// gives the script: the site works under any path.
	s.Contains(t, search.Dir+"d/6.json", `["2021/04/tin-img-src-x-onerror-window-pwned-1-ve-dang-uy-khoi/","Tin <img`)
}

// TestIndexNamesAndFilesAreWhatTheBuildWrites pins the way a server that
// makes files on request reads the index: Names lists, before any text is
// read, exactly the files the build wrote, and File makes each with the
// same bytes.
func TestIndexNamesAndFilesAreWhatTheBuildWrites(t *testing.T) {
	s := sitetest.Build(t, searchSite)
	var written []string
	for _, name := range s.Out.Names() {
		if strings.HasPrefix(name, search.Dir) && name != search.Dir+"index.html" {
			written = append(written, name)
		}
	}
	ix := search.New(s.Result.Site)
	names := ix.Names()
	if strings.Join(names, " ") != strings.Join(written, " ") {
		t.Fatalf("Names:\n%q\nthe build wrote:\n%q", names, written)
	}
	for _, name := range names {
		data, ok := ix.File(name)
		if want := s.File(t, name); !ok || string(data) != want {
			t.Errorf("File(%s) differs from what the build wrote", name)
		}
	}
	if _, ok := ix.File(search.Dir + "d/99.json"); ok {
		t.Error("File makes a document chunk past the last")
	}
	if _, ok := ix.File(search.Dir + "w/01.json"); ok {
		t.Error("File makes a shard under a name Names does not list")
	}
}
