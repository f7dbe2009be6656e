package markdown

import (
	"reflect"
	"strings"
	"testing"
)

// projects is the site the code-link tests run against.
var projects = map[string]string{
	"01-ĐA/TU":      "/projects/01-da-tu/",
	"123/QĐ-UBND":   "/projects/123-qd-ubnd/",
	"4950/QĐ-UBND":  "/projects/4950-qd-ubnd/",
	"15-NQ/TU":      "/projects/15-nq-tu/",
	"74/KH-CTĐ":     "/projects/74-kh-ctd/",
	"05-CT/TU":      "/projects/05-ct-tu/",
	"102-KL/TU":     "/projects/102-kl-tu/",
	"1234-TB/TU":    "/projects/1234-tb-tu/",
	"567/UBND-NC":   "/projects/567-ubnd-nc/",
	"12-CTr/TU":     "/projects/12-ctr-tu/",
	"24/2018/NĐ-CP": "/projects/24-2018-nd-cp/",
}

func lookup(code string) (string, bool) {
	url, ok := projects[code]
	return url, ok
}

func TestCodeLinks(t *testing.T) {
	// a is a linked mention: the kind word, then the code kept on one line.
	a := func(url, kind, code string) string {
		return `<a href="` + url + `">` + kind + `<span class="code">` + code + `</span></a>`
	}
	c := func(code string) string { return `<span class="code">` + code + `</span>` }
	tests := []struct {
		name string
		in   string
		want string // the first rendered block
	}{
		{"đề án số", "Theo Đề án số 01-ĐA/TU của Tỉnh ủy.",
			"<p>Theo " + a("/projects/01-da-tu/", "Đề án số ", "01-ĐA/TU") + " của Tỉnh ủy.</p>"},
		{"quyết định without số", "Quyết định 123/QĐ-UBND.",
			"<p>" + a("/projects/123-qd-ubnd/", "Quyết định ", "123/QĐ-UBND") + ".</p>"},
		{"nghị quyết", "Nghị quyết số 15-NQ/TU",
			"<p>" + a("/projects/15-nq-tu/", "Nghị quyết số ", "15-NQ/TU") + "</p>"},
		{"kế hoạch", "Kế hoạch 74/KH-CTĐ", "<p>" + a("/projects/74-kh-ctd/", "Kế hoạch ", "74/KH-CTĐ") + "</p>"},
		{"chỉ thị", "Chỉ thị số 05-CT/TU", "<p>" + a("/projects/05-ct-tu/", "Chỉ thị số ", "05-CT/TU") + "</p>"},
		{"kết luận", "Kết luận 102-KL/TU", "<p>" + a("/projects/102-kl-tu/", "Kết luận ", "102-KL/TU") + "</p>"},
		{"thông báo", "Thông báo số 1234-TB/TU", "<p>" + a("/projects/1234-tb-tu/", "Thông báo số ", "1234-TB/TU") + "</p>"},
		{"công văn", "Công văn 567/UBND-NC", "<p>" + a("/projects/567-ubnd-nc/", "Công văn ", "567/UBND-NC") + "</p>"},
		{"chương trình, lower-case in code", "Chương trình số 12-CTr/TU",
			"<p>" + a("/projects/12-ctr-tu/", "Chương trình số ", "12-CTr/TU") + "</p>"},
		{"kind word in lower case", "thực hiện đề án số 01-ĐA/TU",
			"<p>thực hiện " + a("/projects/01-da-tu/", "đề án số ", "01-ĐA/TU") + "</p>"},
		{"no-break space", "Đề án\u00a0số\u00a001-ĐA/TU",
			"<p>" + a("/projects/01-da-tu/", "Đề án\u00a0số\u00a0", "01-ĐA/TU") + "</p>"},
		{"bare code", "các đề án 01-ĐA/TU và 4950/QĐ-UBND.",
			"<p>các " + a("/projects/01-da-tu/", "đề án ", "01-ĐA/TU") + " và " + a("/projects/4950-qd-ubnd/", "", "4950/QĐ-UBND") + ".</p>"},
		{"bare code alone", "01-ĐA/TU", "<p>" + a("/projects/01-da-tu/", "", "01-ĐA/TU") + "</p>"},
		{"số without kind word", "văn bản số 01-ĐA/TU", "<p>văn bản số " + a("/projects/01-da-tu/", "", "01-ĐA/TU") + "</p>"},
		{"code with year", "Nghị định 24/2018/NĐ-CP", "<p>Nghị định " + a("/projects/24-2018-nd-cp/", "", "24/2018/NĐ-CP") + "</p>"},
		{"unknown code: on one line, not linked", "Đề án số 99-ĐA/TU và 4950/QĐ-UBNDX.", "<p>Đề án số " + c("99-ĐA/TU") + " và " + c("4950/QĐ-UBNDX") + ".</p>"},
		{"not inside a word", "X01-ĐA/TU 01-ĐA/TUx 01-ĐA/TU-y", "<p>X01-ĐA/TU " + c("01-ĐA/TUx") + " 01-ĐA/TU-y</p>"},
		{"wrapped across lines", "theo Đề án số\n01-ĐA/TU nhé",
			"<p>theo " + a("/projects/01-da-tu/", "Đề án số\n", "01-ĐA/TU") + " nhé</p>"},
		{"ends a line", "Đề án 01-ĐA/TU\nvà Kế hoạch\n74/KH-CTĐ",
			"<p>" + a("/projects/01-da-tu/", "Đề án ", "01-ĐA/TU") + "\nvà " + a("/projects/74-kh-ctd/", "Kế hoạch\n", "74/KH-CTĐ") + "</p>"},
		{"ends a line with a hard break", "Đề án 01-ĐA/TU\\\nsau",
			"<p>" + a("/projects/01-da-tu/", "Đề án ", "01-ĐA/TU") + "<br>\nsau</p>"},
		{"two kind words", "Đề án Quyết định 123/QĐ-UBND", "<p>Đề án " + a("/projects/123-qd-ubnd/", "Quyết định ", "123/QĐ-UBND") + "</p>"},
		{"inside emphasis", "*Đề án 01-ĐA/TU*", "<p><em>" + a("/projects/01-da-tu/", "Đề án ", "01-ĐA/TU") + "</em></p>"},
		{"kind word in other markup", "**Đề án** 01-ĐA/TU",
			"<p><strong>Đề án</strong> " + a("/projects/01-da-tu/", "", "01-ĐA/TU") + "</p>"},
		{"not linked inside a link, but on one line", "[Đề án 01-ĐA/TU](/khac/)", `<p><a href="/khac/">Đề án ` + c("01-ĐA/TU") + `</a></p>`},
		{"in a link inside emphasis", "*[xem 01-ĐA/TU](/khac/)*", `<p><em><a href="/khac/">xem ` + c("01-ĐA/TU") + `</a></em></p>`},
		{"not inside a code span", "`Đề án 01-ĐA/TU`", "<p><code>Đề án 01-ĐA/TU</code></p>"},
		{"not inside a code block", "```\nĐề án 01-ĐA/TU\n```", "<pre><code>Đề án 01-ĐA/TU\n</code></pre>"},
		{"not inside image alt", "![Đề án 01-ĐA/TU](/a.jpg)", `<p><img src="/a.jpg" alt="Đề án 01-ĐA/TU" loading="lazy" decoding="async"></p>`},
		{"not inside an autolink", "https://example.vn/01-DA", `<p><a href="https://example.vn/01-DA">https://example.vn/01-DA</a></p>`},
		{"not linked in a heading, but on one line", "## Đề án 01-ĐA/TU", `<h2 id="de-an-01-da-tu">Đề án ` + c("01-ĐA/TU") + `</h2>`},
		{"after a link in its paragraph", "[xem](/khac/) Đề án 01-ĐA/TU", `<p><a href="/khac/">xem</a> ` + a("/projects/01-da-tu/", "Đề án ", "01-ĐA/TU") + `</p>`},
		{"in a table cell", "| văn bản |\n| --- |\n| Đề án 01-ĐA/TU |",
			tableWrapOpen + "<table>\n<thead>\n<tr>\n<th>văn bản</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>" + a("/projects/01-da-tu/", "Đề án ", "01-ĐA/TU") + "</td>"},
	}
	conv := New(Options{Code: lookup})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := convert(t, conv, tt.in).HTML
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("Convert(%q) =\n%s\nwant it to start with\n%s", tt.in, got, tt.want)
			}
		})
	}
}

// With code links off, a code is still kept on one line.
func TestCodeLinksOff(t *testing.T) {
	got := convert(t, New(Options{}), "Đề án số 01-ĐA/TU").HTML
	if want := "<p>Đề án số <span class=\"code\">01-ĐA/TU</span></p>\n"; got != want {
		t.Errorf("Code=nil: got %q, want %q", got, want)
	}
}

func TestCodeLinksAskAsWritten(t *testing.T) {
	var asked []string
	c := New(Options{Code: func(code string) (string, bool) {
		asked = append(asked, code)
		return "", false
	}})
	convert(t, c, "Đề án số 01-DA/TU, Quyết định 4950/QĐ-UBND\nvà 12/7/2016 `02-ĐA/TU`")
	if want := []string{"01-DA/TU", "4950/QĐ-UBND"}; !reflect.DeepEqual(asked, want) {
		t.Errorf("asked %q, want %q", asked, want)
	}
}

func TestCodeLinksAreLinks(t *testing.T) {
	got := convert(t, New(Options{Code: lookup}), "Mở đầu.\n\nTheo Đề án\nsố 01-ĐA/TU.").Links
	if want := []Link{{Dest: "/projects/01-da-tu/", Line: 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Links = %+v, want %+v", got, want)
	}
}

// Every paragraph of a body is searched as the first is: the linker
// reuses what it gathered of one run for the next, and a longer run
// before a shorter one, a paragraph holding only a code, a list item
// and a paragraph with no code at all each read as they stand.
func TestCodeLinksInEveryParagraph(t *testing.T) {
	a := func(url, kind, code string) string {
		return `<a href="` + url + `">` + kind + `<span class="code">` + code + `</span></a>`
	}
	in := "Đoàn kiểm tra số 3 làm việc với Đảng ủy Khối về việc thực hiện Đề án số 01-ĐA/TU của Tỉnh ủy.\n\n" +
		"Kế hoạch 74/KH-CTĐ.\n\n" +
		"4950/QĐ-UBND\n\n" +
		"Năm 2018 không có văn bản.\n\n" +
		"- Chỉ thị số 05-CT/TU\n- theo Đề án\nsố 01-ĐA/TU nhé\n\n" +
		"Đề án số 99-ĐA/TU chưa có trang."
	want := "<p>Đoàn kiểm tra số 3 làm việc với Đảng ủy Khối về việc thực hiện " + a("/projects/01-da-tu/", "Đề án số ", "01-ĐA/TU") + " của Tỉnh ủy.</p>\n" +
		"<p>" + a("/projects/74-kh-ctd/", "Kế hoạch ", "74/KH-CTĐ") + ".</p>\n" +
		"<p>" + a("/projects/4950-qd-ubnd/", "", "4950/QĐ-UBND") + "</p>\n" +
		"<p>Năm 2018 không có văn bản.</p>\n" +
		"<ul>\n<li>" + a("/projects/05-ct-tu/", "Chỉ thị số ", "05-CT/TU") + "</li>\n" +
		"<li>theo " + a("/projects/01-da-tu/", "Đề án\nsố ", "01-ĐA/TU") + " nhé</li>\n</ul>\n" +
		`<p>Đề án số <span class="code">99-ĐA/TU</span> chưa có trang.</p>` + "\n"
	if got := convert(t, New(Options{Code: lookup}), in).HTML; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A conversion tells what Code answered for the codes it names, known or
// not, each once, so that the build reuses it for as long as the answers
// are the same (a project added converts again only the bodies naming
// it).
func TestCodeLinksAreRecorded(t *testing.T) {
	got := convert(t, New(Options{Code: lookup}), "Đề án số 01-ĐA/TU và Kế hoạch 07-KH/TU.\n\nLại 01-ĐA/TU, không phải `02-ĐA/TU`.").Codes
	if want := "01-ĐA/TU\x0007-KH/TU"; got.Codes != want {
		t.Errorf("Codes = %q, want %q", got.Codes, want)
	}
	if !got.Same(lookup) {
		t.Error("not the same under the lookup it was made with")
	}
	known := func(code string) (string, bool) {
		if code == "07-KH/TU" {
			return "/projects/07-kh-tu/", true
		}
		return lookup(code)
	}
	moved := func(code string) (string, bool) {
		if code == "01-ĐA/TU" {
			return "/du-an/01-da-tu/", true
		}
		return lookup(code)
	}
	if got.Same(known) || got.Same(moved) || got.Same(nil) {
		t.Error("the same with a code now known, with a project moved, or with codes not linked")
	}
	if got := convert(t, New(Options{}), "Đề án số 01-ĐA/TU").Codes; got != (CodeUses{}) {
		t.Errorf("Code=nil: Codes = %+v, want none", got)
	}
	if got := convert(t, New(Options{Code: lookup}), "Không có mã nào.").Codes; got != (CodeUses{}) || !got.Same(nil) {
		t.Errorf("no code: Codes = %+v, want none, the same under any lookup", got)
	}
}
