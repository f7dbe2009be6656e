package build

import (
	"strings"
	"sync"
	"testing"
)

// A packed body reads back as it was, whatever its size and whatever the
// pooled buffers held before, also read by many pages at once.
func TestPackedHTMLReadsBack(t *testing.T) {
	bodies := []string{
		"",
		"<p>Đoàn kiểm tra số 3 làm việc với Đảng ủy Khối.</p>\n",
		strings.Repeat("<p>Kết luận số 01-KL/UBKTTU, ngày 12/7/2016.</p>\n", 20000), // 1 MB: past any pooled buffer
		"<p>ngắn</p>",
	}
	packed := make([]packedHTML, len(bodies))
	for i, b := range bodies {
		packed[i] = packHTML(b)
		if len(b) > 1000 && len(packed[i]) >= len(b)/2 {
			t.Errorf("body %d: %d bytes packed to %d", i, len(b), len(packed[i]))
		}
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				for i, p := range packed {
					if got := string(p.HTML()); got != bodies[i] {
						t.Errorf("body %d read back as %.60q…, want %.60q…", i, got, bodies[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
