package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// A script on a page of the preview is on the editor's origin: a site
// with unsafe_html may carry one (an embed pasted from a video or social
// site), and so may a layout (an analytics snippet) or a file of static/.
// It must not be able to write through the editor: it can send a
// same-origin POST, so what stops it is the token, which only a
// navigation to the editor gets, in a window the page cannot script.
const stealScript = `<button id="go" type="button">Xem video</button>
<script>
window.tries = [];
function tokenIn(t) { var m = /name="token" value="([0-9a-f]+)"/.exec(t || ""); return m && m[1]; }
function save(tok, how) {
  var f = new URLSearchParams({token: tok, title: "Bai do script viet " + how, date: "10:00, 01/05/2024",
    kind: "news", body: "x", action: "publish"});
  return fetch("/_bulletin/edit/new", {method: "POST", body: f}).then(function (r) { tries.push(how + ": saved " + r.status); });
}
function from(how, p) {
  return p.then(function (r) { return r.text(); }).then(function (t) {
    var tok = tokenIn(t);
    return tok ? save(tok, how) : tries.push(how + ": no token");
  }, function (e) { tries.push(how + ": " + e); });
}
var fetched = from("fetch", fetch("/_bulletin/edit/new"));
var stale = from("stale", fetch("/_bulletin/edit/new", {method: "POST",
  body: new URLSearchParams({token: "0", title: "x", action: "save"})}));
var popup = new Promise(function (done) {
  document.getElementById("go").addEventListener("click", function () {
    var w = window.open("/_bulletin/edit/new"), until = Date.now() + 3000;
    var iv = setInterval(function () {
      var tok = null;
      // A window in the background has its timers slowed: count time.
      try { tok = tokenIn(w.document.documentElement.outerHTML); } catch (e) {}
      if (tok) {
        // The editor's own form, filled and sent in its own window.
        clearInterval(iv);
        var d = w.document;
        d.querySelector("[name=title]").value = "Bai do script viet popup";
        d.querySelector("[name=date]").value = "10:00, 01/05/2024";
        d.querySelector("button[value=publish]").click();
        var sent = setInterval(function () {
          var at = "";
          try { at = w.location.search; } catch (e) {}
          if (at.indexOf("saved=1") >= 0 || Date.now() > until + 5000) { clearInterval(sent); tries.push("popup: sent its form " + at); done(); }
        }, 50);
      }
      else if (Date.now() > until) { clearInterval(iv); tries.push("popup: no token"); done(); }
    }, 50);
  });
});
Promise.all([fetched, stale, popup]).then(function () { window.finished = true; });
</script>
`

func TestBrowserAPreviewPagesScriptCannotWriteThroughTheEditor(t *testing.T) {
	tab := browse(t)
	ts := start(t, map[string]string{
		"site.yaml": "title: T\nbase_url: https://example.vn/\nunsafe_html: true\n",
		"content/articles/2024/nhung.md": "---\ntitle: Bài có mã nhúng\ndate: 2024-05-01 10:00\n---\nVideo của buổi làm việc:\n\n" +
			stealScript,
	})
	run(t, tab, chromedp.Navigate(ts.url+"/2024/05/bai-co-ma-nhung/"))
	until(t, tab, "the page's script", `typeof window.tries === "object"`, 5*time.Second)
	// A click, as a reader's: a window opens only on one.
	run(t, tab, chromedp.Evaluate[chromedp.Void](`document.getElementById("go").click(), {}`,
		func(p *runtime.EvaluateParams) { p.UserGesture = new(true) }))
	// A save would rebuild the site and reload the page (it has a script
	// of its own): look for a file written, until the script is done.
	written := func() []string {
		var names []string
		entries, _ := os.ReadDir(filepath.Join(ts.dir, "content/articles/2024"))
		for _, e := range entries {
			if e.Name() != "nhung.md" {
				names = append(names, e.Name())
			}
		}
		return names
	}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if names := written(); len(names) > 0 {
			b, _ := os.ReadFile(filepath.Join(ts.dir, "content/articles/2024", names[0]))
			t.Fatalf("a preview page's script wrote content/articles/2024/%s:\n%s", strings.Join(names, ", "), b)
		}
		if ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.finished === true`)); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page's script did not finish: %s", js(t, tab, `window.tries.join("; ")`))
		}
	}
	met := js(t, tab, `window.tries.join("; ")`)
	if names := written(); len(names) > 0 {
		t.Errorf("a preview page's script wrote %s", strings.Join(names, ", "))
	}
	// Stopped by the guard, each way, not by a script that broke on its
	// own: none of the three got the token.
	for _, want := range []string{"fetch: no token", "stale: no token", "popup: no token"} {
		if !strings.Contains(met, want) {
			t.Errorf("the page's script met %q, want %q among it", met, want)
		}
	}
}
