package output

import (
	"bytes"
	"testing"
)

// BenchmarkCompress compresses a page of the size and repetitiveness of
// an article page (about 20 KB of Vietnamese HTML).
func BenchmarkCompress(b *testing.B) {
	var page bytes.Buffer
	for page.Len() < 20<<10 {
		page.WriteString(`<article class="card"><h2 class="card-title"><a href="/2018/08/kiem-tra-thuc-hien-cac-de-an/">Kiểm tra thực hiện các đề án về công tác dân vận tại Đảng ủy Khối</a></h2><p class="card-summary">Đoàn kiểm tra số 3 của Ban Thường vụ Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh về kết quả thực hiện Đề án số 01-ĐA/TU.</p></article>` + "\n")
	}
	b.SetBytes(int64(page.Len()))
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		compress(&buf, page.Bytes())
	}
}
