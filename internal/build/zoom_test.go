package build_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"bulletin/internal/model"
)

// A reader who sets the phone's text twice as large (WCAG 1.4.4) still
// sees every link of the breadcrumbs whole: the way up to a project, a
// unit or the follow-up tracker is not cut off by an ellipsis. Only the
// last crumb, the page's own title, which the h1 shows in full below,
// may be shortened. At the usual size an article's crumbs stay one line,
// so that its first screen still holds its title, date and text.
func TestCrumbsKeepEveryLinkAtTwiceTheTextSize(t *testing.T) {
	s, dir := written(t, everyKindSite)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := browser(t)
	checked := 0
	for _, p := range s.Result.Site.Pages {
		if p.Kind == model.KindRedirect || len(p.Crumbs) < 3 {
			continue
		}
		checked++
		if err := chromedp.Do(tab, chromedp.EmulateViewport(360, 740), chromedp.Navigate(srv.URL+p.URL)); err != nil {
			t.Fatal(err)
		}
		lines, err := chromedp.Run(tab, chromedp.Evaluate[int](`Math.round(document.querySelector(".crumbs ol").getBoundingClientRect().height / parseFloat(getComputedStyle(document.querySelector(".crumbs ol")).lineHeight))`))
		if err != nil {
			t.Fatal(err)
		}
		if p.Kind == model.KindArticle && lines != 1 {
			t.Errorf("%s: the crumbs take %d lines at the usual text size, want 1", p.URL, lines)
		}
		cut, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`(() => {
			document.documentElement.style.fontSize = "200%";
			const nav = document.querySelector(".crumbs").getBoundingClientRect(), cut = [];
			for (const a of document.querySelectorAll(".crumbs a")) {
				const r = a.getBoundingClientRect();
				let clipped = r.left < nav.left - 0.5 || r.right > nav.right + 0.5;
				for (let e = a.parentElement; e && !e.matches(".crumbs"); e = e.parentElement) {
					const b = e.getBoundingClientRect(), right = b.left + e.clientLeft + e.clientWidth;
					if (getComputedStyle(e).overflowX !== "visible" && (r.right > right + 0.5 || r.left < b.left - 0.5)) clipped = true;
				}
				if (clipped) cut.push(a.textContent);
			}
			document.documentElement.style.fontSize = "";
			return cut;
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		if len(cut) > 0 {
			t.Errorf("%s: at 200%% text on a 360 px phone, crumbs cut off: %q", p.URL, cut)
		}
	}
	if checked < 5 {
		t.Fatalf("checked %d pages with crumbs, want more", checked)
	}
}
