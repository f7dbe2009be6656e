package search

import (
	"strings"
	"testing"

	"bulletin/internal/model"
)

// paragraph is a bulletin's sentence, repeated into a body of 3.5 KB, the
// median of the benchmark corpus.
const paragraph = "Thực hiện Chương trình kiểm tra, giám sát năm 2018 của Ban Thường vụ Tỉnh ủy, chiều ngày 27-9, Đoàn kiểm tra của Tỉnh ủy do đồng chí Vũ Ngọc Hùng, Phó Trưởng Ban Tổ chức Tỉnh ủy làm Trưởng đoàn đã làm việc với Ban Dân tộc tỉnh về kết quả thực hiện Chỉ thị số 92-CT/TU, ngày 9/1/2016 “Về đẩy mạnh xây dựng khu vực phòng thủ trong tình hình mới”. "

var body = strings.Repeat(paragraph, 3500/len(paragraph)+1)

func BenchmarkScan(b *testing.B) {
	sc := scanner{spell: true}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		sc.scan([]byte(body))
	}
}

func BenchmarkPlain(b *testing.B) {
	html := "<p>" + strings.ReplaceAll(body, ". ", ".</p>\n<p>") + "</p>"
	b.SetBytes(int64(len(html)))
	var buf []byte
	for b.Loop() {
		buf = plain(buf[:0], html)
	}
}

func BenchmarkDocument(b *testing.B) {
	html := "<p>" + strings.ReplaceAll(body, ". ", ".</p>\n<p>") + "</p>"
	d := &document{Kind: KindNews, article: (&model.Article{}).SetFile(&model.ArticleFile{Title: "Ban Dân tộc tỉnh: Sơ kết 2 năm thực hiện Chỉ thị số 92-CT/TU",
		Unit: "Ban Dân tộc tỉnh", TeamLead: model.Person{Name: "Vũ Ngọc Hùng"}, Documents: []model.DocRef{{Code: "92-CT/TU"}}})}
	body := model.NewBody(model.RawHTML(html), "")
	d.article.SetBody(&body)
	t := newTokenizer()
	b.SetBytes(int64(len(html)))
	for b.Loop() {
		t.arena = t.arena[:0]
		t.document(d, nil)
	}
}

// BenchmarkBaseline is a loop over the bytes doing nearly nothing: what the
// machine gives at the moment, to read the others against.
func BenchmarkBaseline(b *testing.B) {
	b.SetBytes(int64(len(body)))
	n := 0
	for b.Loop() {
		for i := 0; i < len(body); i++ {
			if body[i] == 'x' {
				n++
			}
		}
	}
	_ = n
}
