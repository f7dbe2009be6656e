package markdown

import (
	"reflect"
	"strings"
	"testing"
)

// convert is Convert for tests: it fails the test on an error.
func convert(t testing.TB, c *Converter, src string) *Result {
	t.Helper()
	r, err := c.Convert([]byte(src))
	if err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return r
}

// checkHTML asserts that html holds every string of want and none of not.
func checkHTML(t *testing.T, html string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(html, w) {
			t.Errorf("HTML lacks %q\n%s", w, html)
		}
	}
	for _, n := range not {
		if strings.Contains(html, n) {
			t.Errorf("HTML holds %q\n%s", n, html)
		}
	}
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name   string
		unsafe bool
		in     string
		want   []string
		not    []string
	}{
		{name: "table",
			in:   "| Đơn vị | Kết quả |\n| --- | ---: |\n| Đảng ủy Khối | Tốt |\n",
			want: []string{"<table>", "<th>Đơn vị</th>", `<th style="text-align:right">Kết quả</th>`, "<td>Đảng ủy Khối</td>"}},
		{name: "strikethrough",
			in:   "đã ~~chưa~~ hoàn thành",
			want: []string{"<p>đã <del>chưa</del> hoàn thành</p>"}},
		{name: "autolink by linkify",
			in:   "Xem www.example.vn và https://kiemtra.example.vn/a?b=1 nhé.",
			want: []string{`<a href="http://www.example.vn">www.example.vn</a>`, `<a href="https://kiemtra.example.vn/a?b=1">https://kiemtra.example.vn/a?b=1</a>`}},
		// A URL is linked whole, letters with marks in its path
		// included, as GFM links it: the link leads where the editor's
		// text says, not to the address cut at its first "Đ".
		{name: "autolink with Vietnamese letters in its path",
			in: "Xem https://example.vn/van-ban/01-ĐA/TU.pdf, www.example.vn/tin/kiểm-tra và (https://example.vn/Đề-án).",
			want: []string{`<a href="https://example.vn/van-ban/01-%C4%90A/TU.pdf">https://example.vn/van-ban/01-ĐA/TU.pdf</a>, `,
				`<a href="http://www.example.vn/tin/ki%E1%BB%83m-tra">www.example.vn/tin/kiểm-tra</a> và`,
				`(<a href="https://example.vn/%C4%90%E1%BB%81-%C3%A1n">https://example.vn/Đề-án</a>).`}},
		{name: "angle autolink",
			in:   "Thư: <vanphong@example.vn>",
			want: []string{`<a href="mailto:vanphong@example.vn">vanphong@example.vn</a>`}},
		{name: "footnotes",
			in:   "Kết luận[^kl].\n\n[^kl]: Theo biên bản.\n",
			want: []string{`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`, `<li id="fn:1">`, "Theo biên bản."}},
		{name: "typographer off",
			in:   `"Trích" -- và ...`,
			want: []string{"<p>&quot;Trích&quot; -- và ...</p>"}},
		{name: "heading ids folded and unique",
			in: "# Kết quả kiểm tra\n\n## Kết quả kiểm tra\n\n### Kết quả *kiểm tra*\n\n" +
				"## Đảng ủy Khối\n\nĐoạn\n---\n\n## ???\n\n## Kết quả kiểm tra 1\n",
			// The page's title is its h1: a body that uses "#" is moved one
			// level down, whole.
			want: []string{
				`<h2 id="ket-qua-kiem-tra">`, `<h3 id="ket-qua-kiem-tra-1">`, `<h4 id="ket-qua-kiem-tra-2">`,
				`<h3 id="dang-uy-khoi">`, `<h3 id="doan">`, `<h3 id="heading">`, `<h3 id="ket-qua-kiem-tra-1-1">`},
			not: []string{"<h1"}},
		{name: "headings from h2 down are kept",
			in:   "## Kết luận\n\n###### Sáu\n",
			want: []string{`<h2 id="ket-luan">`, `<h6 id="sau">`}},
		{name: "a body that starts at h3 moves up: the outline skips no level",
			in:   "### Kết quả\n\n#### Chi tiết\n\n### Hạn chế\n",
			want: []string{`<h2 id="ket-qua">`, `<h3 id="chi-tiet">`, `<h2 id="han-che">`}},
		{name: "the theme's ids are not taken",
			in:   "## Main\n\n## Documents title\n\n## Site search q\n",
			want: []string{`<h2 id="main-1">`, `<h2 id="documents-title-1">`, `<h2 id="site-search-q-1">`}},
		{name: "tables scroll in a focusable, named box",
			in:   "| a | b |\n| - | - |\n| 1 | 2 |\n",
			want: []string{"<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng\">\n<table>", "</table>\n</div>"}},
		{name: "footnote back links have a name",
			in:   "Câu[^1].\n\n[^1]: Chú thích.\n",
			want: []string{`role="doc-backlink"><span aria-hidden="true">&#x21a9;&#xfe0e;</span><span class="visually-hidden">Quay lại chỗ dẫn chú thích</span></a>`}},
		{name: "raw HTML dropped",
			in:   "a <b>đậm</b> c\n\n<div class=\"x\">khối</div>\n\nsau",
			want: []string{"<p>a đậm c</p>", "<p>sau</p>"},
			not:  []string{"<b>", "<div", "khối", "raw HTML"}},
		{name: "raw HTML kept when unsafe", unsafe: true,
			in:   "a <b>đậm</b> c\n\n<div class=\"x\">khối</div>\n",
			want: []string{"<p>a <b>đậm</b> c</p>", `<div class="x">khối</div>`}},
		{name: "script block dropped",
			in:  "<script>alert(1)</script>\n\nđoạn",
			not: []string{"<script", "alert"}},
		{name: "inline script tag dropped",
			in:  "đoạn <script>x()</script> hết",
			not: []string{"<script", "</script"}},
		{name: "javascript link neutralised",
			in:   "[bấm](javascript:alert(1)) [hoa](JavaScript:alert(2)) <javascript:alert(3)> ![ảnh](data:text/html,x)",
			want: []string{`<a href="">bấm</a>`, `<a href="">hoa</a>`, "javascript:alert(3)", `<img src="" alt="ảnh" loading="lazy" decoding="async">`},
			not:  []string{`href="javascript`, `href="JavaScript`, "data:text"}},
		{name: "javascript link neutralised when unsafe", unsafe: true,
			in:   "[bấm](javascript:alert(1)) <javascript:alert(3)> ![ảnh](data:image/png;base64,AA==)",
			want: []string{`<a href="">bấm</a>`, "<p><a href=\"\">bấm</a> javascript:alert(3) ", `src="data:image/png;base64,AA=="`},
			not:  []string{`href="javascript`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, New(Options{Unsafe: tt.unsafe}), tt.in)
			checkHTML(t, r.HTML, tt.want, tt.not)
		})
	}
}

func TestSummary(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# Tiêu đề\n\nĐoạn *một*   với [liên kết](/a) và `mã`[^1] &amp; ~~bỏ~~.\nDòng hai.\n\nĐoạn hai.\n\n[^1]: Chú thích.\n",
			"Đoạn một với liên kết và mã & bỏ. Dòng hai."},
		{"![ảnh đầu](/a.jpg)\n\nĐoạn thật.", "Đoạn thật."},
		{`Dấu \*sao\* &lt;thẻ&gt; &#272;ảng`, "Dấu *sao* <thẻ> Đảng"},
		{"a <b>đậm</b> c", "a đậm c"},
		{"Xem www.example.vn.", "Xem www.example.vn."},
		{"- mục\n- mục hai\n\nSau danh sách.", "Sau danh sách."},
		{"# Chỉ tiêu đề\n", ""},
		{"Chỉ chú thích[^1]\n\n[^1]: không phải tóm tắt\n", "Chỉ chú thích"},
		{"", ""},
	}
	c := New(Options{})
	for _, tt := range tests {
		if got := convert(t, c, tt.in).Summary; got != tt.want {
			t.Errorf("Summary(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLinks(t *testing.T) {
	src := strings.Join([]string{
		"Đầu [trang chủ](/) và", // 1
		"![ảnh](/images/a.jpg)", // 2
		"",                      // 3
		"Tham chiếu [bài][b],",  // 4
		"thư <a@example.vn>, xem www.example.vn", // 5
		"",                               // 6
		"| cột |",                        // 7
		"| --- |",                        // 8
		"| [ô](/o/) |",                   // 9
		"",                               // 10
		"Ghi chú[^1] [js](javascript:x)", // 11
		"",                               // 12
		"[b]: /2018/08/bai/",             // 13
		"[^1]: Xem [nguồn](https://example.vn/n).", // 14
	}, "\n")
	want := []Link{
		{Dest: "/", Line: 1},
		{Dest: "/images/a.jpg", Line: 2, Image: true, Alt: "ảnh"},
		{Dest: "/2018/08/bai/", Line: 4},
		{Dest: "mailto:a@example.vn", Line: 5},
		{Dest: "http://www.example.vn", Line: 5},
		{Dest: "/o/", Line: 9},
		{Dest: "javascript:x", Line: 11},
		{Dest: "https://example.vn/n", Line: 14},
	}
	got := convert(t, New(Options{}), src).Links
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Links =\n%+v\nwant\n%+v", got, want)
	}
}

// Editors link one bulletin to another by its file; the reader gets the
// page. Links to files the site does not show stay as written.
func TestPageLinks(t *testing.T) {
	pages := map[string]string{
		"content/articles/2018/b.md":   "/2018/08/bai-b/",
		"content/projects/01-da-tu.md": "/du-an/01-da-tu/",
		"content/articles/2018/phú.md": "/2018/09/phu/",
	}
	c := New(Options{Page: func(f string) (string, bool) { u, ok := pages[f]; return u, ok }})
	src := "[b](b.md) [đề án](../../projects/01-da-tu.md#ket-luan) [nháp](nhap.md) " +
		"[phú](ph%C3%BA.md) [tham chiếu][r] [ngoài](https://example.vn/x.md) [gốc](/x.md)\n\n[r]: ./b.md?in=1#muc\n"
	r, err := c.ConvertFile([]byte(src), "content/articles/2018/a.md")
	if err != nil {
		t.Fatal(err)
	}
	checkHTML(t, r.HTML, []string{
		`<a href="/2018/08/bai-b/">b</a>`,
		`<a href="/du-an/01-da-tu/#ket-luan">đề án</a>`,
		`<a href="nhap.md">nháp</a>`,
		`<a href="/2018/09/phu/">phú</a>`,
		`<a href="/2018/08/bai-b/#muc">tham chiếu</a>`,
		`<a href="https://example.vn/x.md">ngoài</a>`,
		`<a href="/x.md">gốc</a>`,
	}, nil)
	wantPages := []PageLink{
		{File: "content/articles/2018/b.md", URL: "/2018/08/bai-b/"},
		{File: "content/projects/01-da-tu.md", URL: "/du-an/01-da-tu/"},
		{File: "content/articles/2018/nhap.md"},
		{File: "content/articles/2018/phú.md", URL: "/2018/09/phu/"},
		{File: "content/articles/2018/b.md", URL: "/2018/08/bai-b/"},
	}
	if !reflect.DeepEqual(r.Pages, wantPages) {
		t.Errorf("Pages =\n%+v\nwant\n%+v", r.Pages, wantPages)
	}
	// The links as written are still reported, for check.
	if r.Links[0].Dest != "b.md" {
		t.Errorf("Links[0] = %+v, want the destination as written", r.Links[0])
	}
	// A body of no file leaves them alone.
	if h := convert(t, c, "[b](b.md)").HTML; !strings.Contains(h, `href="b.md"`) {
		t.Errorf("Convert without a file rewrote the link: %s", h)
	}
}

// A file the site knows but does not publish (Page answers "", true): the
// link goes, its text and markup stay, and nothing of the file's name.
func TestPageLinksToUnpublishedFiles(t *testing.T) {
	c := New(Options{Page: func(f string) (string, bool) { return "", f == "content/articles/nhap.md" }})
	r, err := c.ConvertFile([]byte("Xem [**bài** nháp](nhap.md#muc) và [khác](khac.md).\n"), "content/articles/a.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>Xem <strong>bài</strong> nháp và <a href=\"khac.md\">khác</a>.</p>\n"; r.HTML != want {
		t.Errorf("HTML = %q, want %q", r.HTML, want)
	}
	want := []PageLink{{File: "content/articles/nhap.md", Hidden: true}, {File: "content/articles/khac.md"}}
	if !reflect.DeepEqual(r.Pages, want) || r.Links[0].Dest != "nhap.md#muc" {
		t.Errorf("Pages = %+v, Links = %+v", r.Pages, r.Links)
	}
}

// Text pasted from Word holds its line break (Shift+Enter) as a vertical
// tab, and at times other control characters, which no web page may hold
// (the Nu checker rejects them) and a browser shows as nothing, running
// the words on each side together. The line break is a line break, as
// Word showed it; a form feed (a page break) ends a line; other controls
// are a space. Lines are counted as the editor's file has them.
func TestWordControlCharacters(t *testing.T) {
	c := New(Options{})
	r := convert(t, c, "Trưởng đoàn\vPhó Chủ nhiệm\fỦy ban\x01Kiểm\x7Ftra\v\n[x](/a/)\v`m\vã`\n")
	want := "<p>Trưởng đoàn<br>\nPhó Chủ nhiệm\nỦy ban Kiểm tra<br>\n<a href=\"/a/\">x</a><br>\n<code>m ã</code></p>\n"
	if r.HTML != want {
		t.Errorf("HTML\n%q\nwant\n%q", r.HTML, want)
	}
	if want := "Trưởng đoàn Phó Chủ nhiệm Ủy ban Kiểm tra x m ã"; r.Summary != want {
		t.Errorf("summary %q, want %q", r.Summary, want)
	}
	if len(r.Links) != 1 || r.Links[0].Line != 2 {
		t.Errorf("links %+v, want /a/ on line 2", r.Links)
	}
}
