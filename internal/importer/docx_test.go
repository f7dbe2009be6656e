package importer

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// The minimal .docx of the shared fixtures: a Title paragraph, the date
// line, a paragraph with a bold run, a Heading1, a paragraph, a table.
func TestDocxFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/ban-tin.docx")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadDocx(data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse(d.Text(), time.FixedZone("ICT", 7*3600))
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Kiểm tra công tác dân vận tại Đảng ủy xã Phúc Xuân" || b.DateText != "08:30, 21/03/2019" ||
		b.TeamLead != "Hoàng Minh Đức" || b.Unit != "Đảng ủy xã Phúc Xuân" || len(b.Documents) != 1 || b.Documents[0].Code != "07-ĐA/TU" {
		t.Errorf("recognised: %+v", b)
	}
	want := "Sáng 21/3, Đoàn kiểm tra của Thành ủy do đồng chí Hoàng Minh Đức, Thành ủy viên, Chủ nhiệm Ủy ban Kiểm tra Thành ủy làm Trưởng đoàn " +
		"đã làm việc tại Đảng ủy xã Phúc Xuân về việc thực hiện Đề án số 07-ĐA/TU ngày 15/5/2017. **Kết quả bước đầu khả quan.**\n" +
		"\n# Kết quả kiểm tra\n" +
		"\nĐơn vị đã hoàn thành các chỉ tiêu chủ yếu.\n" +
		"\n| Chỉ tiêu | Kết quả |\n| --- | --- |\n| Hộ tham gia | 95% |\n"
	if got := d.Body(b); got != want {
		t.Errorf("body:\n%s\nwant\n%s", got, want)
	}
}

// docx makes a .docx holding document.xml's body, and the styles and
// numbering parts Word writes.
func docx(t *testing.T, body, styles, numbering string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, s string) {
		if s == "" {
			return
		}
		w, _ := zw.Create(name)
		w.Write([]byte(s))
	}
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document `+ns+`><w:body>`+body+`</w:body></w:document>`)
	add("word/styles.xml", styles)
	add("word/numbering.xml", numbering)
	zw.Close()
	return buf.Bytes()
}

func p(inner string) string { return "<w:p>" + inner + "</w:p>" }
func r(text string) string  { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// What Word writes beyond the minimal file: styles named in Vietnamese
// Word by id ("u1" for Heading 1), lists with bullets and numbers at two
// levels, italic and bold-italic runs, a run turned off with w:val="0",
// line breaks, tracked deletions, field codes, a picture, and markup
// characters typed in the text.
func TestDocxAsWordWritesIt(t *testing.T) {
	styles := `<w:styles xmlns:w="x"><w:style w:styleId="u1"><w:name w:val="heading 1"/></w:style>` +
		`<w:style w:styleId="u2"><w:name w:val="heading 2"/></w:style></w:styles>`
	numbering := `<w:numbering xmlns:w="x"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	item := func(lvl, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="3"/></w:numPr></w:pPr>` + r(text) + `</w:p>`
	}
	body := p(r("Tiêu đề")) + p(r("21/03/2019")) +
		`<w:p><w:pPr><w:pStyle w:val="u2"/></w:pPr>` + r("Phần một") + `</w:p>` +
		p(r("Có ")+`<w:r><w:rPr><w:i/></w:rPr><w:t>nghiêng</w:t></w:r>`+r(" và ")+`<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>cả hai </w:t></w:r>`+
			`<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>thường</w:t></w:r>`+`<w:r><w:br/><w:t>dòng sau</w:t></w:r>`+
			`<w:del><w:r><w:delText>đã xóa</w:delText></w:r></w:del>`+`<w:r><w:instrText>PAGE</w:instrText></w:r>`+
			`<w:r><w:drawing><w:t>ảnh</w:t></w:drawing></w:r>`) +
		item("0", "Ý một") + item("1", "Ý con") + item("0", "Ý hai") +
		p(r("1. Không phải danh sách *sao* [ngoặc]"))
	d, err := ReadDocx(docx(t, body, styles, numbering))
	if err != nil {
		t.Fatal(err)
	}
	want := "## Phần một\n" +
		"\nCó *nghiêng* và ***cả hai*** thường\\\ndòng sau\n" +
		"\n- Ý một\n   1. Ý con\n- Ý hai\n" +
		"\n1\\. Không phải danh sách \\*sao\\* \\[ngoặc\\]\n"
	if got := d.Markdown(2); got != want {
		t.Errorf("markdown:\n%q\nwant\n%q", got, want)
	}
	if text := string(d.Text()); strings.Contains(text, "đã xóa") || strings.Contains(text, "PAGE") || strings.Contains(text, "ảnh") {
		t.Errorf("deleted text, a field code or a picture's text came through:\n%s", text)
	}
}

func TestDocxRefusals(t *testing.T) {
	if _, err := ReadDocx([]byte("not a zip")); err == nil || !strings.Contains(err.Error(), "not a Word document") {
		t.Errorf("plain bytes: %v", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("content.xml") // an OpenDocument text, say
	w.Write([]byte("<x/>"))
	zw.Close()
	if _, err := ReadDocx(buf.Bytes()); err == nil || !strings.Contains(err.Error(), "no word/document.xml") {
		t.Errorf("a zip without the part: %v", err)
	}
	// Two parts of one name (the package's names ignore case): which one
	// Word would show is not to be guessed.
	for _, names := range [][2]string{{"word/document.xml", "word/document.xml"}, {"word/document.xml", "Word/Document.XML"}, {"word/styles.xml", "word/STYLES.xml"}} {
		buf.Reset()
		zw = zip.NewWriter(&buf)
		for _, n := range append(names[:], "word/document.xml") {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: n})
			w.Write([]byte("<w:document/>"))
		}
		zw.Close()
		if _, err := ReadDocx(buf.Bytes()); err == nil || !strings.Contains(err.Error(), "holds "+names[0]+" twice") {
			t.Errorf("%s and %s: %v", names[0], names[1], err)
		}
	}
	if _, err := ReadDocx(docx(t, p(r("<broken")), "", "")); err == nil {
		t.Error("broken XML read")
	}
}

// A table with cells merged across columns, as Word writes it: a cell's
// w:gridSpan, a row's w:gridBefore and w:gridAfter. Each value stays
// under its column's header; a merged cell keeps its text in its first
// column, the columns it spans blank (Markdown tables have no colspan).
// A cell merged down (w:vMerge) is blank below its first row.
func TestDocxTableMergedCells(t *testing.T) {
	tc := func(pr, text string) string { return `<w:tc><w:tcPr>` + pr + `</w:tcPr>` + p(r(text)) + `</w:tc>` }
	body := p(r("Tiêu đề")) + p(r("21/03/2019")) +
		`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr>` + tc("", "Chỉ tiêu") + tc("", "Kế hoạch") + tc("", "Kết quả") + `</w:tr>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="2"/>`, "Hộ tham gia") + tc("", "95%") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, "Thôn") + tc("", "10") + tc("", "9") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, "") + tc("", "12") + tc("", "12") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>` + tc("", "Đạt") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridAfter w:val="1"/></w:trPr>` + tc("", "Ghi chú") + tc("", "—") + `</w:tr>` +
		`</w:tbl>`
	d, err := ReadDocx(docx(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	want := "| Chỉ tiêu | Kế hoạch | Kết quả |\n| --- | --- | --- |\n" +
		"| Hộ tham gia |  | 95% |\n" +
		"| Thôn | 10 | 9 |\n" +
		"|  | 12 | 12 |\n" +
		"|  |  | Đạt |\n" +
		"| Ghi chú | — |  |\n"
	if got := d.Markdown(2); got != want {
		t.Errorf("markdown:\n%s\nwant\n%s", got, want)
	}
}
