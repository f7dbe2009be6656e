package search_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bulletin/internal/sitetest"
)

// A keyboard or screen-reader user who presses "Xem thêm kết quả" lands
// on the first of the results it added, not on the page itself: the
// button goes away once every result is shown, and the focus must not go
// with it.
func TestMoreResultsTakeTheFocus(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.yaml --\ntitle: Tin kiểm tra\nbase_url: https://kiemtra.example.vn/\n")
	for i := 1; i <= 13; i++ {
		fmt.Fprintf(&b, "-- content/articles/2020/tin-%d.md --\n---\ntitle: Tin số %d về dân vận\ndate: 2020-01-%02d\n---\nx\n", i, i, i)
	}
	p := &searchPage{t: t, tab: sitetest.Browser(t), site: sitetest.Build(t, b.String()).Serve(t)}
	p.open("q=dan+van&sort=date")
	if n := len(p.titles()); n != 10 {
		t.Fatalf("%d results shown, want the first 10", n)
	}
	p.eval(`document.getElementById("search-more").focus(), ""`)
	if err := chromedp.Do(p.tab, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	sitetest.Until(t, p.tab, "the last three results", `document.querySelectorAll("#search-results li").length === 13`, 10*time.Second)
	if got := p.eval(`document.activeElement === document.body ? "the page itself" : document.activeElement.textContent`); got != "Tin số 3 về dân vận" {
		t.Errorf("after Xem thêm kết quả the focus is on %q, want the 11th result's link", got)
	}
	if p.eval(`document.getElementById("search-more").hidden ? "hidden" : "shown"`) != "hidden" {
		t.Error("the button stays when every result is shown")
	}
}
