package build_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"bulletin/internal/sitetest"
)

// A long project folds its earlier years (<details>) on the screen; on
// paper every year is printed with its rows, since a reader cannot open
// a fold on a printed page.
func TestPrintedProjectShowsFoldedYears(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.yaml --\ntitle: Tin kiểm tra\nbase_url: https://kiemtra.example.vn/\n")
	b.WriteString("-- content/projects/01.md --\n---\ncode: 01-ĐA/TU\ntitle: Đề án dân vận\n---\nx\n")
	for i := 1; i <= 45; i++ {
		fmt.Fprintf(&b, "-- content/articles/tin-%d.md --\n---\ntitle: Tin số %d\ndate: %d-01-%02d\ndocuments: [01-ĐA/TU]\n---\nx\n", i, i, 2018+i%3, 1+i%28)
	}
	site := sitetest.Build(t, b.String()).Serve(t)
	tab := browser(t)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(360, 740), chromedp.Navigate(site+"/projects/01-da-tu/")); err != nil {
		t.Fatal(err)
	}
	shown := `[...document.querySelectorAll(".timeline-year .rows li")].filter(li => li.checkVisibility()).length`
	if n, err := chromedp.Run(tab, chromedp.Evaluate[int](shown)); err != nil || n >= 45 {
		t.Fatalf("on the screen %d rows of 45 are shown (%v), want the earlier years folded", n, err)
	}
	err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(tab, chromedp.Evaluate[int](shown)); err != nil || n != 45 {
		t.Errorf("printed, %d rows of 45 are shown (%v), want every year's", n, err)
	}
}
