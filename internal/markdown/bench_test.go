package markdown

import (
	"fmt"
	"sync"
	"testing"
)

// body is a typical bulletin (~3.5 KB): paragraphs citing documents, a list,
// a table and a footnote.
const body = `Chiều 06/8/2018, Đoàn kiểm tra số 2 của Ban Thường vụ Tỉnh ủy do đồng chí Bùi Hải Tú, Tỉnh ủy viên, Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy làm Trưởng đoàn đã làm việc với Đảng ủy Khối các cơ quan tỉnh về kết quả thực hiện Đề án số 01-ĐA/TU ngày 12/7/2016 của Ban Chấp hành Đảng bộ tỉnh[^1].

Cùng dự có đại diện lãnh đạo Ban Dân vận Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy và các đồng chí trong Ban Thường vụ Đảng ủy Khối. Theo báo cáo, Đảng ủy Khối đã ban hành Kế hoạch 74/KH-CTĐ và các văn bản hướng dẫn, quán triệt đến 100% chi bộ, đảng bộ cơ sở trực thuộc.

## Kết quả kiểm tra

Hầu hết các mục tiêu, nhiệm vụ của đề án được cụ thể hóa trong kế hoạch công tác hằng năm. Việc thực hiện Quy chế dân chủ ở cơ sở có chuyển biến rõ nét; công tác dân vận của cơ quan nhà nước được quan tâm, nhất là trong cải cách hành chính theo Quyết định 4950/QĐ-UBND.

Những kết quả chủ yếu:

- Tổ chức 12 hội nghị quán triệt, thu hút trên 3.500 lượt cán bộ, đảng viên tham dự;
- Xây dựng và nhân rộng 45 mô hình "Dân vận khéo" trên các lĩnh vực;
- Đối thoại định kỳ giữa người đứng đầu cấp ủy với đoàn viên, hội viên;
- Phối hợp giải quyết dứt điểm 27 đơn thư kiến nghị, phản ánh.

| Nội dung | Số lượng | Tỷ lệ |
| --- | ---: | ---: |
| Chi bộ đã quán triệt | 112 | 100% |
| Mô hình dân vận khéo | 45 | 87% |
| Đơn thư đã giải quyết | 27 | 96% |

## Hạn chế, khuyết điểm

Bên cạnh kết quả đạt được, việc tổ chức cho các đoàn thể tham gia phản biện xã hội chưa nhiều; một số cấp ủy chưa thường xuyên kiểm tra, giám sát việc thực hiện Nghị quyết số 15-NQ/TU. Công tác sơ kết, tổng kết có nơi còn chậm, chất lượng báo cáo chưa cao, số liệu chưa đầy đủ.

## Kiến nghị

Phát biểu kết luận, đồng chí Trưởng đoàn ghi nhận, đánh giá cao những kết quả mà Đảng ủy Khối đạt được, đồng thời đề nghị thời gian tới tiếp tục quán triệt sâu rộng các văn bản của Trung ương, của Tỉnh ủy về công tác dân vận; bổ sung, hoàn chỉnh báo cáo theo ý kiến của Đoàn kiểm tra trước ngày 30/9/2018; chú trọng xây dựng, nhân rộng các mô hình, điển hình "Dân vận khéo"; nâng cao chất lượng đối thoại, tiếp xúc với nhân dân. Xem thêm tại [trang của Ủy ban Kiểm tra](https://kiemtra.example.vn/gioi-thieu/) hoặc www.thainguyen.gov.vn.

Đoàn cũng lưu ý việc thực hiện Chỉ thị số 05-CT/TU về tăng cường kỷ luật, kỷ cương hành chính, và yêu cầu Đảng ủy Khối chỉ đạo các chi bộ rà soát, bổ sung chương trình công tác toàn khóa, gắn với *Kết luận 102-KL/TU* của Ban Thường vụ Tỉnh ủy.

[^1]: Đề án "Nâng cao chất lượng và hiệu quả công tác dân vận của Đảng bộ tỉnh Thái Nguyên giai đoạn 2016 - 2020".
`

func BenchmarkConvert(b *testing.B) {
	c := New(Options{Code: lookup})
	src := []byte(body)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Convert(src); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrent converts many bodies from many goroutines with one
// Converter; run it with -race. Each result must equal the sequential one.
func TestConcurrent(t *testing.T) {
	c := New(Options{Code: lookup})
	inputs := []string{body, "# Kết quả\n\n# Kết quả\n", "Đề án số 01-ĐA/TU[^a]\n\n[^a]: x", "| a |\n| - |\n| 15-NQ/TU |"}
	want := make([]*Result, len(inputs))
	for i, in := range inputs {
		want[i] = convert(t, c, in)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + k) % len(inputs)
				got, err := c.Convert([]byte(inputs[i]))
				if err != nil {
					errs <- err
					return
				}
				if got.HTML != want[i].HTML || got.Summary != want[i].Summary || fmt.Sprint(got.Links) != fmt.Sprint(want[i].Links) {
					errs <- fmt.Errorf("input %d: result differs from the sequential one", i)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestBodySize(t *testing.T) {
	if n := len(body); n < 3000 || n > 4500 {
		t.Errorf("benchmark body is %d bytes, want about 3.5 KB", n)
	}
}
