package serve

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The editor's flows, driven in Chromium as a person would: fill the
// form, press Lưu or Xuất bản, read what the page and the files say.

// editorTab opens a browser tab.
func editorTab(t *testing.T) context.Context { return browse(t) }

func run(t *testing.T, tab context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// set fills the first field named name and tells the page, as typing does.
func set(name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(function(){var el=document.querySelector('[name="` + name + `"]');` +
		`el.value=` + jsString(value) + `;el.dispatchEvent(new Event("input",{bubbles:true}));el.dispatchEvent(new Event("change",{bubbles:true}));return {};})()`)
}

func click(sel string) chromedp.Action[chromedp.Void] { return chromedp.Click(chromedp.CSS(sel)) }

func js(t *testing.T, tab context.Context, expr string) string {
	t.Helper()
	s, err := chromedp.Run(tab, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return s
}

// saved waits for the page a save leads to.
func saved(t *testing.T, tab context.Context) {
	t.Helper()
	until(t, tab, "the saved form", `location.search.includes("saved=1") && document.readyState === "complete"`, 15*time.Second)
}

const projectFile = "---\ncode: 01-ĐA/TU\ntitle: Nâng cao chất lượng công tác dân vận\ndate: 2016-07-12\n---\nĐề án.\n"

// An article made from the empty form, every field filled, published: its
// file is where "bulletin new" puts one, with its slug, and its page is
// built and listed on its project's page. The preview beside the form
// follows the typing.
func TestBrowserCreatesAnArticle(t *testing.T) {
	tab := editorTab(t)
	ts := start(t, map[string]string{
		"content/projects/01-da-tu.md": projectFile,
		fileA:                          articleA,
		"static/images/doan.png":       "png",
	})
	run(t, tab, chromedp.Navigate(ts.url+"/_bulletin/edit/new"))
	until(t, tab, "the form", `!!document.querySelector("[name=title]")`, 5*time.Second)

	// Typing the title: the preview shows it, made by the site's layouts.
	start := time.Now()
	run(t, tab, chromedp.SendKeys(chromedp.CSS(`[name=title]`), "Kiểm tra việc thực hiện Đề án 01"))
	d := until(t, tab, "the typed title in the preview", `document.getElementById("preview").srcdoc.includes("Kiểm tra việc thực hiện Đề án 01")`, 5*time.Second)
	t.Logf("typing to preview: %v after the last key (%v in all)", d, time.Since(start))

	run(t, tab,
		set("date", "09:30, 20/09/2018"),
		set("kind", "outcome"),
		set("team_lead.name", "Bùi Hải Tú"),
		set("team_lead.role", "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"),
		set("inspected_unit", "Đảng ủy Khối các cơ quan tỉnh"),
		set("documents", "01-DA/TU"),
		set("outcome.findings", "Hoàn thành các mục tiêu\nTổ chức tốt việc tuyên truyền"),
		set("outcome.shortcomings", "Phản biện xã hội chưa nhiều"),
		set("outcome.recommendations", "Bổ sung báo cáo"),
		set("outcome.follow_up_by", "30/10/2018"),
		set("tags", "dân vận"),
		set("summary", "Đoàn kiểm tra kết luận việc thực hiện Đề án 01."),
		set("image", "/images/doan.png"),
		set("slug", "ket-luan-de-an-01"),
		set("body", "Đoàn kiểm tra **kết luận**:\n\n- Đề án số 01-ĐA/TU được thực hiện tốt.\n"),
	)
	// The code is shown as the build will link it: as its project spells it.
	until(t, tab, "the document's project", `document.querySelector(".doc .info").textContent.includes("01-ĐA/TU · Nâng cao chất lượng công tác dân vận · 12/07/2016")`, 5*time.Second)
	run(t, tab, click(`button[value=publish]`))
	saved(t, tab)

	file := "content/articles/2018/ket-luan-de-an-01.md"
	got := ts.read(file)
	for _, want := range []string{"title: Kiểm tra việc thực hiện Đề án 01\n", "date: 09:30, 20/09/2018\n", "kind: outcome\n",
		"team_lead:\n  name: Bùi Hải Tú\n  role: Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy\n", "documents:\n  - \"01-DA/TU\"\n",
		"outcome:\n  findings:\n    - Hoàn thành các mục tiêu\n", "follow_up_by: 30/10/2018\n", "tags: [dân vận]\n",
		"image: \"/images/doan.png\"\n", "draft: false\n", "slug: ket-luan-de-an-01\n", "---\nĐoàn kiểm tra **kết luận**:\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", file, want, got)
		}
	}
	run(t, tab, chromedp.Navigate(ts.url+"/projects/01-da-tu/"))
	until(t, tab, "the article on its project's page", `!!document.querySelector('a[href="/2018/09/ket-luan-de-an-01/"]')`, 5*time.Second)
	run(t, tab, click(`a[href="/2018/09/ket-luan-de-an-01/"]`))
	until(t, tab, "the article's page", `document.querySelector("h1") && document.querySelector("h1").textContent.includes("Kiểm tra việc thực hiện Đề án 01") && document.body.innerText.includes("Phản biện xã hội chưa nhiều")`, 5*time.Second)
}

// An article in each format, with comments and a key the editor does not
// know: changing its title in the form changes that one line of the file.
func TestBrowserSaveChangesOneLine(t *testing.T) {
	files := map[string]struct{ text, old, new string }{
		"content/articles/yaml.md": {"\xEF\xBB\xBF---\r\n# ghi chú\r\ntitle: Kiểm tra YAML # tạm\r\ndate: 2018-08-06 16:41\r\nkhoa_la: giữ\r\ndocuments: [01-ĐA/TU]\r\n---\r\nThân bài.\r\n",
			"title: Kiểm tra YAML # tạm\r\n", "title: Kiểm tra YAML đã sửa # tạm\r\n"},
		"content/articles/toml.md": {"+++\n# ghi chú\ntitle = \"Kiểm tra TOML\"\ndate = 2018-08-07T09:00:00+07:00\nkhoa_la = 'giữ'\ndocuments = [\"01-ĐA/TU\"]\n\n[team_lead]\nname = \"Bùi Hải Tú\"\n+++\nThân bài.\n",
			"title = \"Kiểm tra TOML\"\n", "title = \"Kiểm tra TOML đã sửa\"\n"},
		"content/articles/json.md": {"{\n  \"title\": \"Kiểm tra JSON\",\n  \"date\": \"2018-08-08\",\n  \"khoa_la\": \"giữ\",\n  \"documents\": [\"01-ĐA/TU\"]\n}\n\nThân bài.\n",
			"  \"title\": \"Kiểm tra JSON\",\n", "  \"title\": \"Kiểm tra JSON đã sửa\",\n"},
	}
	site := map[string]string{"content/projects/01-da-tu.md": projectFile}
	for name, f := range files {
		site[name] = f.text
	}
	tab := editorTab(t)
	ts := start(t, site)
	for name, f := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			run(t, tab, chromedp.Navigate(ts.url+"/_bulletin/edit/"+strings.TrimPrefix(name, "content/")))
			until(t, tab, "the form", `!!document.querySelector("[name=title]")`, 5*time.Second)
			title := js(t, tab, `document.querySelector("[name=title]").value`)
			run(t, tab, set("title", title+" đã sửa"), click(`button[value=save]`))
			saved(t, tab)
			got := ts.read(name)
			if want := strings.Replace(f.text, f.old, f.new, 1); got != want {
				t.Errorf("after the save:\n%q\nwant (one line changed)\n%q", got, want)
			}
		})
	}
}

// A form whose file changed on disk after it was opened is not saved over
// it: both versions are shown, the typed text stays in the form, and a
// second save puts the edits into the version on disk.
func TestBrowserRefusesToSaveOverAChangedFile(t *testing.T) {
	tab := editorTab(t)
	ts := start(t, map[string]string{"content/projects/01-da-tu.md": projectFile, "content/articles/a.md": yamlArticle})
	run(t, tab, chromedp.Navigate(ts.url+"/_bulletin/edit/articles/a.md"))
	until(t, tab, "the form", `!!document.querySelector("[name=title]")`, 5*time.Second)

	theirs := strings.Replace(yamlArticle, "Đoàn kiểm tra làm việc", "Một người khác đã sửa: đoàn kiểm tra làm việc", 1)
	ts.write("content/articles/a.md", theirs)
	run(t, tab, set("title", "Tiêu đề của tôi"), click(`button[value=save]`))
	until(t, tab, "both versions", `!!document.getElementById("version-disk") && document.getElementById("version-disk").textContent.includes("Một người khác đã sửa") && document.getElementById("version-mine").textContent.includes("title: Tiêu đề của tôi")`, 10*time.Second)
	if v := js(t, tab, `document.querySelector("[name=title]").value`); v != "Tiêu đề của tôi" {
		t.Errorf("the typed title is lost: %q", v)
	}
	if got := ts.read("content/articles/a.md"); got != theirs {
		t.Fatalf("the other version was overwritten:\n%s", got)
	}
	run(t, tab, click(`button[value=save]`))
	saved(t, tab)
	want := strings.Replace(theirs, "title: Kiểm tra dân vận # tạm", "title: Tiêu đề của tôi # tạm", 1)
	if got := ts.read("content/articles/a.md"); got != want {
		t.Errorf("the second save:\n%s\nwant both changes:\n%s", got, want)
	}
}

// A Word document dropped on the list becomes an article as "bulletin
// import" makes one, and opens in the form with the fields it found
// marked; saved after review, its page is built.
func TestBrowserImportsADocx(t *testing.T) {
	docx, err := os.ReadFile("../importer/testdata/ban-tin.docx")
	if err != nil {
		t.Fatal(err)
	}
	tab := editorTab(t)
	ts := start(t, map[string]string{fileA: articleA})
	run(t, tab, chromedp.Navigate(ts.url+"/_bulletin/edit/"))
	until(t, tab, "the list", `!!document.getElementById("import")`, 5*time.Second)
	drop := `(function(){var b=atob(` + jsString(base64.StdEncoding.EncodeToString(docx)) + `),a=new Uint8Array(b.length);` +
		`for(var i=0;i<b.length;i++)a[i]=b.charCodeAt(i);var dt=new DataTransfer();` +
		`dt.items.add(new File([a],"ban-tin.docx",{type:"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}));` +
		`var z=document.getElementById("import");z.dispatchEvent(new DragEvent("dragover",{dataTransfer:dt,bubbles:true,cancelable:true}));` +
		`z.dispatchEvent(new DragEvent("drop",{dataTransfer:dt,bubbles:true,cancelable:true}));})()`
	run(t, tab, chromedp.Evaluate[chromedp.Void](drop+";({})"))
	until(t, tab, "the imported article's form", `location.search.includes("imported=") && !!document.querySelector("[name=title]")`, 15*time.Second)
	for field, want := range map[string]string{"title": "Kiểm tra công tác dân vận tại Đảng ủy xã Phúc Xuân", "team_lead.name": "Hoàng Minh Đức",
		"inspected_unit": "Đảng ủy xã Phúc Xuân", "documents": "07-ĐA/TU", "date": "08:30, 21/03/2019"} {
		if v := js(t, tab, `document.querySelector('[name="`+field+`"]').value`); v != want {
			t.Errorf("%s: %q, want %q", field, v, want)
		}
	}
	if n := js(t, tab, `String(document.querySelectorAll(".field.found").length)`); n < "5" {
		t.Errorf("%s fields marked as found", n)
	}
	if v := js(t, tab, `document.querySelector("[name=body]").value`); !strings.Contains(v, "| Hộ tham gia | 95% |") || !strings.Contains(v, "# Kết quả kiểm tra") {
		t.Errorf("the body lost the document's table or heading:\n%s", v)
	}
	// Reviewed and saved with the unit corrected: the page has the table.
	run(t, tab, set("inspected_unit", "Đảng ủy xã Phúc Xuân, thành phố Thái Nguyên"), click(`button[value=save]`))
	saved(t, tab)
	body := ts.mustGet("/2019/03/kiem-tra-cong-tac-dan-van-tai-dang-uy-xa-phuc-xuan/")
	if !strings.Contains(body, "<td>Hộ tham gia</td>") || !strings.Contains(body, "thành phố Thái Nguyên") {
		t.Errorf("the imported page:\n%s", body)
	}
}

// A warning check gives is shown beside its field as soon as it is typed:
// a unit spelt like one the site has (in two articles), but for its marks.
func TestBrowserShowsCheckWarningsBesideTheirFields(t *testing.T) {
	tab := editorTab(t)
	other := "---\ntitle: Bài khác\ndate: 2018-08-01\ninspected_unit: Đảng ủy Khối các cơ quan tỉnh\ndocuments: [01-ĐA/TU]\n---\nx\n"
	ts := start(t, map[string]string{"content/projects/01-da-tu.md": projectFile, "content/articles/a.md": yamlArticle,
		"content/articles/b.md": other, "content/articles/c.md": strings.Replace(other, "Bài khác", "Bài thứ ba", 1)})
	run(t, tab, chromedp.Navigate(ts.url+"/_bulletin/edit/articles/a.md"))
	until(t, tab, "the form", `!!document.querySelector("[name=title]")`, 5*time.Second)
	// check's own message, beside the unknown key's place (the whole form)
	// from the start.
	until(t, tab, "the unknown key", `document.getElementById("general-title") !== null && document.body.innerText.includes("ghi_chu")`, time.Second)
	run(t, tab, set("inspected_unit", "Đảng ủy Khối các cơ quan tinh"))
	until(t, tab, "the warning beside the unit", `document.getElementById("p-inspected_unit").textContent.includes("differs in its marks")`, 5*time.Second)
	if s := js(t, tab, `document.getElementById("p-title").textContent`); s != "" {
		t.Errorf("a problem beside the title: %q", s)
	}
}

// axe-core finds no serious or critical accessibility problem on the
// list or the form. CI installs it from npm (.ci/run); AXE_CORE names
// its axe.min.js, else it is looked for where npm puts global packages.
func TestBrowserEditorIsAccessible(t *testing.T) {
	axe := os.Getenv("AXE_CORE")
	if axe == "" {
		if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
			axe = filepath.Join(strings.TrimSpace(string(out)), "axe-core", "axe.min.js")
		}
	}
	src, err := os.ReadFile(axe)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core not found (%v): .ci/run installs it", err)
		}
		t.Skip("axe-core not found (npm install -g axe-core); the test runs in CI")
	}
	tab := editorTab(t)
	ts := start(t, map[string]string{"content/projects/01-da-tu.md": projectFile, "content/articles/a.md": yamlArticle, fileA + "x.md": articleB})
	for _, path := range []string{"/_bulletin/edit/", "/_bulletin/edit/articles/a.md", "/_bulletin/edit/new"} {
		run(t, tab, chromedp.Navigate(ts.url+path))
		until(t, tab, "the page", `document.readyState === "complete"`, 5*time.Second)
		if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](string(src)+"\n;true")); err != nil {
			t.Fatal(err)
		}
		res, err := chromedp.Run(tab, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(function(r){
			return JSON.stringify(r.violations.filter(function(v){return v.impact === "serious" || v.impact === "critical"}).map(function(v){
				return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function(n){return n.target.join(" ")})};}));})`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		var found []map[string]any
		json.Unmarshal([]byte(res), &found)
		for _, v := range found {
			t.Errorf("%s: %v", path, v)
		}
	}
}

// The list filters as one types, in the page: "dang uy" finds "Đảng ủy";
// the project, team lead and unit menus keep their articles, together
// with the text; the count says how many are shown.
func TestBrowserListFiltersAsOneTypes(t *testing.T) {
	tab := editorTab(t)
	ts := start(t, listSite)
	run(t, tab, chromedp.Navigate(ts.url+"/_bulletin/edit/"))
	until(t, tab, "the list", `!!document.getElementById("articles")`, 5*time.Second)
	shown := func() string {
		return js(t, tab, `Array.from(document.querySelectorAll("#articles tbody tr")).filter(function(r){return !r.hidden;})`+
			`.map(function(r){return r.querySelector("a").getAttribute("href").replace("/_bulletin/edit/articles/","");}).join(" ")`)
	}
	if s := shown(); s != "b.md c.md a.md" {
		t.Fatalf("before filtering: %q", s)
	}
	run(t, tab, chromedp.SendKeys(chromedp.CSS(`#q`), "dang uy"))
	if s, n := shown(), js(t, tab, `document.getElementById("count").textContent`); s != "a.md" || n != "1 / 3 bài" {
		t.Errorf(`typed "dang uy": %q, count %q`, s, n)
	}
	for _, c := range []struct {
		q, project, lead, unit string
		want                   string
	}{
		{"", "02-ĐA/TU", "", "", "c.md"},
		{"", "01-ĐA/TU", "", "", "b.md a.md"},
		{"", "", "Bùi Hải Tú", "", "b.md a.md"},
		{"", "", "", "Huyện ủy Phú Lương", "b.md c.md"},
		{"", "", "Bùi Hải Tú", "Huyện ủy Phú Lương", "b.md"},
		{"giam sat", "01-ĐA/TU", "", "", "b.md"},
		{"PHAT TRIEN CHE", "", "", "", "c.md"},
		{"Đảng Ủy", "", "", "", "a.md"},
		{"khong co bai nao", "", "", "", ""},
		{"", "", "", "", "b.md c.md a.md"},
	} {
		run(t, tab, set("project", c.project), set("lead", c.lead), set("unit", c.unit), set("q", c.q))
		if s := shown(); s != c.want {
			t.Errorf("q=%q project=%q lead=%q unit=%q: %q, want %q", c.q, c.project, c.lead, c.unit, s, c.want)
		}
	}
	if s := js(t, tab, `location.search`); s != "" {
		t.Errorf("the page was left for %q: the filter should run in place", s)
	}
}

// On a phone (360 px), the date fields stay wide enough to read what is
// typed ("16:41, 06/08/2018"): the calendar beside them goes below rather
// than squeezing them to a few characters.
func TestBrowserDateFieldsAreReadableOnAPhone(t *testing.T) {
	tab := editorTab(t)
	ts := start(t, map[string]string{fileA: articleA})
	run(t, tab, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile), chromedp.Navigate(ts.url+"/_bulletin/edit/new"))
	until(t, tab, "the form", `document.readyState === "complete" && !!document.getElementById("f-date")`, 10*time.Second)
	for _, id := range []string{"f-date", "f-outcome.follow_up_by"} {
		w := js(t, tab, `(function(){var el=document.getElementById("`+id+`");el.value="16:41, 06/08/2018";`+
			`return el.clientWidth+" "+el.scrollWidth+" "+document.documentElement.scrollWidth;})()`)
		var client, scroll, page int
		fmt.Sscan(w, &client, &scroll, &page)
		if client < scroll || client < 150 || page > 360 {
			t.Errorf("#%s on a phone: %d px wide for %d px of text (page %d px wide)", id, client, scroll, page)
		}
	}
}

// On a phone (360 px), the list of articles fits the screen: only the
// table scrolls, in its own region. The file box of the import form kept
// its own width and made the whole page 385 px wide, shown zoomed out.
func TestBrowserArticleListFitsAPhone(t *testing.T) {
	tab := editorTab(t)
	ts := start(t, map[string]string{fileA: articleA})
	run(t, tab, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile), chromedp.Navigate(ts.url+"/_bulletin/edit/"))
	until(t, tab, "the list", `document.readyState === "complete" && !!document.getElementById("import-file")`, 10*time.Second)
	wide := js(t, tab, `(function(){var out=[];document.querySelectorAll("body *").forEach(function(e){`+
		`if (e.closest(".scroll")) return; var r=e.getBoundingClientRect(); if (r.right>360.5) out.push((e.id||e.tagName)+": "+Math.round(r.right)+" px")});`+
		`return document.documentElement.scrollWidth+" "+out.join(", ")})()`)
	if !strings.HasPrefix(wide, "360 ") {
		t.Errorf("the list page on a phone is %s", wide)
	}
}
