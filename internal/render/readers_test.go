package render

import (
	"html/template"
	"testing"
)

// codes keeps each document code of a title on one line, and escapes the
// rest as html/template would.
func TestCodes(t *testing.T) {
	for in, want := range map[string]template.HTML{
		"Kiểm tra Đề án số 01-ĐA/TU":          `Kiểm tra Đề án số <span class="code">01-ĐA/TU</span>`,
		"4950/QĐ-UBND và 15-NQ/TU.":           `<span class="code">4950/QĐ-UBND</span> và <span class="code">15-NQ/TU</span>.`,
		"ngày 12/7/2016, giai đoạn 2016-2020": `ngày 12/7/2016, giai đoạn 2016-2020`,
		`<b>01-ĐA/TU</b> & "x"`:               `&lt;b&gt;<span class="code">01-ĐA/TU</span>&lt;/b&gt; &amp; &#34;x&#34;`,
		"":                                    "",
	} {
		if got := codes(in); got != want {
			t.Errorf("codes(%q) = %q, want %q", in, got, want)
		}
	}
}

// An article's footnotes come apart from its text, so that the outcome
// can stand between them.
func TestNotes(t *testing.T) {
	body := template.HTML(`<p>Kết luận<sup id="fnref:1"><a href="#fn:1">1</a></sup>.</p>` + "\n" +
		`<div class="footnotes" role="doc-endnotes">` + "\n<hr>\n<ol>\n<li id=\"fn:1\">Biên bản.</li>\n</ol>\n</div>\n")
	got := notes(body)
	if got.Text != `<p>Kết luận<sup id="fnref:1"><a href="#fn:1">1</a></sup>.</p>`+"\n" || got.Notes != body[len(got.Text):] {
		t.Errorf("notes split %q | %q", got.Text, got.Notes)
	}
	if got := notes("<p>Không chú thích.</p>"); got.Text != "<p>Không chú thích.</p>" || got.Notes != "" {
		t.Errorf("no footnotes: %+v", got)
	}
}
