package serve

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"maps"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// editForm opens an article's form and returns the fields it would send.
func (ts *testServer) editForm(path string) url.Values {
	ts.t.Helper()
	body := ts.mustGet("/_bulletin/edit/" + path)
	v := url.Values{}
	for _, m := range regexp.MustCompile(`<input[^>]* name="([^"]+)"[^>]* value="([^"]*)"[^>]*>`).FindAllStringSubmatch(body, -1) {
		if !strings.Contains(m[0], `type="checkbox"`) {
			v.Add(m[1], htmlUnescape(m[2]))
		}
	}
	for _, m := range regexp.MustCompile(`(?s)<textarea[^>]* name="([^"]+)"[^>]*>\n?(.*?)</textarea>`).FindAllStringSubmatch(body, -1) {
		v.Set(m[1], htmlUnescape(m[2]))
	}
	v.Set("kind", regexp.MustCompile(`<option value="(\w+)" selected>`).FindStringSubmatch(body)[1])
	if strings.Contains(body, `name="draft" value="true" checked`) {
		v.Set("draft", "true")
	}
	return v
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&#43;", "+", "&amp;", "&").Replace(s)
}

// post sends a form as a browser on the preview's own page would, with
// the headers given (nil: Origin of this server).
func (ts *testServer) post(path string, form url.Values, header http.Header) (int, string, http.Header) {
	ts.t.Helper()
	req, _ := http.NewRequest("POST", ts.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if header == nil {
		header = http.Header{"Origin": {ts.url}}
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func (ts *testServer) read(name string) string {
	b, _ := os.ReadFile(ts.path(name))
	return string(b)
}

const yamlArticle = "---\n# Bản tin ngày 6/8\ntitle: Kiểm tra dân vận # tạm\ndate: 16:41, 06/08/2018\nghi_chu: khóa lạ\ndocuments:\n  - code: 01-ĐA/TU\n    title: Nâng cao chất lượng\n---\nĐoàn kiểm tra làm việc tại Đảng ủy Khối.\n"

// A save writes the edited field only, on its own line; the rest of the
// file, its comments and unknown key included, stays as it was.
func TestEditorSavesOnlyTheEditedKey(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	form := ts.editForm("articles/a.md")
	form.Set("title", "Kiểm tra công tác dân vận")
	form.Set("action", "save")
	code, _, h := ts.post("/_bulletin/edit/articles/a.md", form, nil)
	if code != http.StatusSeeOther || h.Get("Location") != "/_bulletin/edit/articles/a.md?saved=1" {
		t.Fatalf("save: %d %v", code, h)
	}
	want := strings.Replace(yamlArticle, "title: Kiểm tra dân vận # tạm", "title: Kiểm tra công tác dân vận # tạm", 1)
	if got := ts.read("content/articles/a.md"); got != want {
		t.Fatalf("file after save:\n%s\nwant\n%s", got, want)
	}
	// The page after the save is the saved one.
	if body := ts.mustGet("/2018/08/kiem-tra-cong-tac-dan-van/"); !strings.Contains(body, "Kiểm tra công tác dân vận") {
		t.Error("the saved article is not served")
	}
}

// The editor refuses a POST without this run's token, one from another
// site, one that is too large; nothing is written.
func TestEditorRefusesForeignPosts(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	good := ts.editForm("articles/a.md")
	good.Set("title", "Bị sửa")
	good.Set("action", "save")
	noToken := url.Values{}
	for k, v := range good {
		noToken[k] = v
	}
	noToken.Del("token")
	wrong := url.Values{}
	for k, v := range good {
		wrong[k] = v
	}
	wrong.Set("token", strings.Repeat("0", 64))
	huge := url.Values{}
	for k, v := range good {
		huge[k] = v
	}
	huge.Set("body", strings.Repeat("x", 5<<20))
	for _, c := range []struct {
		name   string
		form   url.Values
		header http.Header
		status int
	}{
		{"no token", noToken, nil, http.StatusForbidden},
		{"a wrong token", wrong, nil, http.StatusForbidden},
		{"another site's page", good, http.Header{"Origin": {"http://evil.example"}}, http.StatusForbidden},
		{"another site, as the browser says", good, http.Header{"Sec-Fetch-Site": {"cross-site"}, "Origin": {ts.url}}, http.StatusForbidden},
		{"a sibling site", good, http.Header{"Sec-Fetch-Site": {"same-site"}}, http.StatusForbidden},
		{"neither Origin nor Sec-Fetch-Site", good, http.Header{"X-Nothing": {"1"}}, http.StatusForbidden},
		{"an oversized body", huge, nil, http.StatusRequestEntityTooLarge},
	} {
		if code, body, _ := ts.post("/_bulletin/edit/articles/a.md", c.form, c.header); code != c.status {
			t.Errorf("%s: %d, want %d\n%s", c.name, code, c.status, body)
		}
	}
	if got := ts.read("content/articles/a.md"); got != yamlArticle {
		t.Errorf("a refused POST wrote the file:\n%s", got)
	}
	// An upload too large is refused too.
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("token", good.Get("token"))
	w, _ := mw.CreateFormFile("file", "ban-tin.txt")
	w.Write(bytes.Repeat([]byte("x"), 21<<20))
	mw.Close()
	req, _ := http.NewRequest("POST", ts.url+"/_bulletin/edit/import", &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", ts.url)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("an oversized upload: %d", resp.StatusCode)
	}
}

// Paths resolve inside content/ only: no "..", however encoded, and no
// symbolic link that leads out.
func TestEditorStaysInsideContent(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(outside, []byte("---\ntitle: Mật\ndate: 2018-01-01\n---\nbí mật\n"), 0o644)
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	if err := os.Symlink(outside, ts.path("content/articles/link.md")); err != nil {
		t.Fatal(err)
	}
	ts.wait(ts.Last().Gen)
	for _, target := range []string{
		"/_bulletin/edit/articles/../../site.yaml",
		"/_bulletin/edit/articles/%2e%2e/%2e%2e/site.yaml",
		"/_bulletin/edit/articles/%2E%2E%2F%2E%2E%2Fsite.yaml",
		"/_bulletin/edit/articles/..%5c..%5csite.yaml",
		"/_bulletin/edit/articles//a.md",
		"/_bulletin/edit/../content/articles/a.md",
		"/_bulletin/edit/pages/x.md",
		"/_bulletin/edit/articles/.a.md.swp",
	} {
		if code, body := ts.rawGet(target); code == http.StatusOK || strings.Contains(body, "Kiểm tra dân vận") {
			t.Errorf("GET %s: %d", target, code)
		}
	}
	code, body := ts.get("/_bulletin/edit/articles/link.md")
	if code != http.StatusForbidden || strings.Contains(body, "bí mật") {
		t.Errorf("a link leading out of content/: %d\n%s", code, body)
	}
	// Nor is it written through.
	form := ts.editForm("articles/a.md")
	form.Set("original", base64.StdEncoding.EncodeToString([]byte("---\ntitle: Mật\ndate: 2018-01-01\n---\nbí mật\n")))
	form.Set("title", "Đã ghi đè")
	form.Set("action", "save")
	if code, _, _ := ts.post("/_bulletin/edit/articles/link.md", form, nil); code == http.StatusSeeOther {
		t.Errorf("saved through a link: %d", code)
	}
	if b, _ := os.ReadFile(outside); strings.Contains(string(b), "Đã ghi đè") {
		t.Error("a file outside content/ was written")
	}
	if code, _, _ := ts.post("/_bulletin/edit/articles/%2e%2e/%2e%2e/site.yaml", form, nil); code != http.StatusBadRequest {
		t.Errorf("POST with ..: %d", code)
	}
}

// Bound to an address other machines can reach, the server has no
// editor: its URLs answer 404, saves included, and pages carry no link
// to it.
func TestNoEditorOffLoopback(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, fileA), articleA)
	s, err := New(Config{Source: dir, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Skip("cannot listen on all addresses here:", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()
	ts := &testServer{Server: s, t: t, dir: dir, url: "http://127.0.0.1:" + strings.TrimPrefix(ln.Addr().String()[strings.LastIndex(ln.Addr().String(), ":"):], ":")}
	ts.wait(0)
	if code, body := ts.get("/_bulletin/edit/"); code != http.StatusNotFound || !strings.Contains(body, "loopback") {
		t.Errorf("the editor's list: %d %s", code, body)
	}
	if code, _, _ := ts.post("/_bulletin/edit/articles/a.md", url.Values{"title": {"x"}}, nil); code != http.StatusNotFound {
		t.Errorf("a save: %d", code)
	}
	if body := ts.mustGet(urlA); strings.Contains(body, "_bulletin/edit") {
		t.Error("a page links to the editor")
	}
}

// On loopback, pages link to the editor: an article's to its form, every
// page to the empty form. The built site never does.
func TestPagesLinkToTheEditor(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": articleA})
	link := regexp.MustCompile(`<a href="([^"]+)"[^>]*>([^<]+)</a>`)
	links := map[string]string{}
	for _, m := range link.FindAllStringSubmatch(ts.mustGet(urlA), -1) {
		links[m[2]] = m[1]
	}
	if links["Sửa bài này"] != "/_bulletin/edit/articles/a.md" || links["Viết bài mới"] != "/_bulletin/edit/new" {
		body := ts.mustGet(urlA)
		t.Errorf("article page:\n%s", body)
	}
	if body := ts.mustGet("/"); strings.Contains(body, "Sửa bài này") || !strings.Contains(body, "Viết bài mới") {
		t.Errorf("front page:\n%s", body)
	}
	snap := ts.Last().Snapshot
	for _, n := range snap.Names() {
		if b, _, _ := snap.File(n); bytes.Contains(b, []byte("_bulletin/edit")) {
			t.Errorf("%s of the build links to the editor", n)
		}
	}
}

// A code no project file describes is shown as such in the preview, and
// the form can create its project file as "bulletin new project" does;
// the next preview shows the project's title.
func TestEditorCreatesAProjectFile(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	form := ts.editForm("articles/a.md")
	form.Set("documents", "07-ĐA/TU")
	form.Set("action", "preview")
	var p struct {
		Documents []struct {
			Code, Title string
			File        bool
		}
	}
	_, body, _ := ts.post("/_bulletin/edit/articles/a.md", form, nil)
	if json.Unmarshal([]byte(body), &p); len(p.Documents) != 1 || p.Documents[0].File {
		t.Fatalf("preview documents: %s", body)
	}
	code, body, _ := ts.post("/_bulletin/edit/project", url.Values{"token": {form.Get("token")}, "code": {"07-ĐA/TU"}, "title": {"Phát triển chè"}}, nil)
	if code != http.StatusOK || !strings.Contains(body, `"path":"content/projects/07-da-tu.md"`) {
		t.Fatalf("create: %d %s", code, body)
	}
	if got := ts.read("content/projects/07-da-tu.md"); !strings.Contains(got, `code: "07-ĐA/TU"`) || !strings.Contains(got, `title: "Phát triển chè"`) {
		t.Errorf("project file:\n%s", got)
	}
	_, body, _ = ts.post("/_bulletin/edit/articles/a.md", form, nil)
	if json.Unmarshal([]byte(body), &p); len(p.Documents) != 1 || !p.Documents[0].File || p.Documents[0].Title != "Phát triển chè" {
		t.Errorf("preview after: %s", body)
	}
	// Without the token, nothing is created.
	if code, _, _ := ts.post("/_bulletin/edit/project", url.Values{"code": {"08-ĐA/TU"}, "title": {"x"}}, nil); code != http.StatusForbidden {
		t.Errorf("without the token: %d", code)
	}
	if _, err := os.Stat(ts.path("content/projects/08-da-tu.md")); err == nil {
		t.Error("a project file was created without the token")
	}
}

// A save whose fields have errors (a date that does not exist, an empty
// title) is refused: the form comes back with each problem beside its
// field and the typed text kept, and the file on disk is byte for byte as
// it was, with nothing left beside it; a new article with an error is not
// created.
func TestEditorRefusesASaveWithErrors(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	for _, c := range []struct {
		name, field, value string
	}{
		{"an impossible date", "date", "16:41, 31/02/2018"},
		{"an empty title", "title", ""},
	} {
		form := ts.editForm("articles/a.md")
		form.Set(c.field, c.value)
		form.Set("summary", "Tóm tắt mới gõ")
		for _, action := range []string{"save", "publish"} {
			form.Set("action", action)
			code, body, _ := ts.post("/_bulletin/edit/articles/a.md", form, nil)
			if code != http.StatusUnprocessableEntity {
				t.Errorf("%s, %s: %d, want 422", c.name, action, code)
			}
			if !strings.Contains(body, "Chưa lưu") || !strings.Contains(body, "Tệp không bị thay đổi") {
				t.Errorf("%s, %s: the refusal is not said", c.name, action)
			}
			beside := regexp.MustCompile(`(?s)<div id="p-` + regexp.QuoteMeta(c.field) + `"[^>]*>(.*?)</div>`).FindStringSubmatch(body)
			if beside == nil || !strings.Contains(beside[1], `<li class="error">`) {
				t.Errorf("%s, %s: no error shown beside the %s field", c.name, action, c.field)
			}
			if !strings.Contains(body, "Tóm tắt mới gõ") {
				t.Errorf("%s, %s: the form lost what was typed", c.name, action)
			}
			if got := ts.read("content/articles/a.md"); got != yamlArticle {
				t.Fatalf("%s, %s: the file was written:\n%s", c.name, action, got)
			}
		}
	}
	// A new article with an impossible date is not created either.
	token := ts.editForm("articles/a.md").Get("token")
	code, body, _ := ts.post("/_bulletin/edit/new", url.Values{"token": {token}, "action": {"save"}, "kind": {"news"},
		"title": {"Kiểm tra tại Huyện ủy"}, "date": {"09:00, 30/02/2019"}, "body": {"Nội dung."}}, nil)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Kiểm tra tại Huyện ủy") {
		t.Errorf("a new article with an impossible date: %d", code)
	}
	entries, _ := os.ReadDir(ts.path("content/articles"))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("content/articles/ holds %v after refused saves, want a.md alone", names)
	}
}

// A title that puts the article on another article's URL is refused, and
// the problem is shown beside the title, whichever of the two files is
// edited. The build reports the clash on one of them only, with the other
// in a note: edited, that other one was saved, and the site no longer
// built.
func TestEditorRefusesATitleThatTakesAnotherArticlesURL(t *testing.T) {
	other := "---\ntitle: Bài trùng tên\ndate: 2018-08-10 09:00\n---\nNội dung khác.\n"
	files := map[string]string{"content/articles/a.md": yamlArticle, "content/articles/z.md": other}
	for _, c := range []struct{ edited, title string }{{"a.md", "Bài trùng tên"}, {"z.md", "Kiểm tra dân vận"}} {
		ts := start(t, files)
		form := ts.editForm("articles/" + c.edited)
		form.Set("title", c.title)
		form.Set("action", "save")
		code, body, _ := ts.post("/_bulletin/edit/articles/"+c.edited, form, nil)
		if code != http.StatusUnprocessableEntity {
			t.Errorf("%s: a title on another article's URL: %d, want 422", c.edited, code)
		}
		beside := regexp.MustCompile(`(?s)<div id="p-title"[^>]*>(.*?)</div>`).FindStringSubmatch(body)
		if beside == nil || !strings.Contains(beside[1], `<li class="error">`) || !strings.Contains(beside[1], "Hai trang sẽ có cùng một địa chỉ") {
			t.Errorf("%s: no error beside the title field: %q", c.edited, beside)
		}
		for name, was := range files {
			if got := ts.read(name); got != was {
				t.Fatalf("%s: %s was written:\n%s", c.edited, name, got)
			}
		}
	}
}

// The list's articles: file names in neither date order, a published one
// with two broken links (two warnings), a draft, and one dated after now
// (scheduled).
var listSite = map[string]string{
	"content/projects/01-da-tu.md": projectFile,
	"content/projects/02-da-tu.md": "---\ncode: 02-ĐA/TU\ntitle: Phát triển chè\ndate: 2017-01-05\n---\nĐề án.\n",
	"content/articles/a.md": "---\ntitle: Kiểm tra tại Đảng ủy Khối\ndate: 2016-09-01 08:00\nteam_lead:\n  name: Bùi Hải Tú\n  role: Phó Trưởng ban\n" +
		"inspected_unit: Đảng ủy Khối các cơ quan tỉnh\ndocuments: [01-ĐA/TU]\n---\nXem [cũ](/khong-co/) và [khác](/cung-khong-co/).\n",
	"content/articles/b.md": "---\ntitle: Giám sát chuyên đề năm 2027\ndate: 2027-03-01 09:00\nteam_lead:\n  name: Bùi Hải Tú\n  role: Phó Trưởng ban\n" +
		"inspected_unit: Huyện ủy Phú Lương\ndocuments: [01-ĐA/TU]\n---\nNội dung.\n",
	"content/articles/c.md": "---\ntitle: Làm việc về phát triển chè\ndate: 2018-05-10 14:00\ndraft: true\nteam_lead:\n  name: Nguyễn Văn An\n  role: Ủy viên\n" +
		"inspected_unit: Huyện ủy Phú Lương\ndocuments: [02-ĐA/TU]\n---\nNội dung.\n",
}

// listRow is one article of the list as the page shows it.
type listRow struct{ Path, State, Warnings string }

func listRows(t *testing.T, body string) []listRow {
	t.Helper()
	var rows []listRow
	re := regexp.MustCompile(`(?s)<tr data-fold=.*?<a href="/_bulletin/edit/([^"]+)">.*?<span class="state [a-z]+">([^<]+)</span>.*?<td class="num">(.*?)</td>`)
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		rows = append(rows, listRow{m[1], m[2], m[3]})
	}
	return rows
}

// The list shows every article, drafts and scheduled ones included,
// newest first, each with its state and how many warnings check gives
// it; its filters (as the page sends them without its script) find
// "Đảng ủy" typed "dang uy", a project by a code typed without its marks,
// a team lead, a unit.
func TestEditorListsArticlesNewestFirst(t *testing.T) {
	ts := start(t, listSite)
	got := listRows(t, ts.mustGet("/_bulletin/edit/"))
	want := []listRow{{"articles/b.md", "hẹn đăng", "0"}, {"articles/c.md", "nháp", "0"}, {"articles/a.md", "đã đăng", "2"}}
	if !slices.Equal(got, want) {
		t.Errorf("list:\n%v\nwant\n%v", got, want)
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"q=dang+uy", []string{"articles/a.md"}},
		{"q=" + url.QueryEscape("ĐẢNG ỦY"), []string{"articles/a.md"}},
		{"q=phu+luong", []string{"articles/b.md", "articles/c.md"}},
		{"project=" + url.QueryEscape("02-DA/TU"), []string{"articles/c.md"}},
		{"project=" + url.QueryEscape("01-ĐA/TU"), []string{"articles/b.md", "articles/a.md"}},
		{"lead=" + url.QueryEscape("Bùi Hải Tú"), []string{"articles/b.md", "articles/a.md"}},
		{"unit=" + url.QueryEscape("Huyện ủy Phú Lương"), []string{"articles/b.md", "articles/c.md"}},
		{"lead=" + url.QueryEscape("Bùi Hải Tú") + "&unit=" + url.QueryEscape("Huyện ủy Phú Lương"), []string{"articles/b.md"}},
		{"q=khong+co+bai+nao", nil},
	} {
		var paths []string
		for _, r := range listRows(t, ts.mustGet("/_bulletin/edit/?"+c.query)) {
			paths = append(paths, r.Path)
		}
		if !slices.Equal(paths, c.want) {
			t.Errorf("?%s: %v, want %v", c.query, paths, c.want)
		}
	}
}

// upload sends a file to the list's import form, as the drop zone does.
func (ts *testServer) upload(token, name string, data []byte) (int, string, http.Header) {
	ts.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("token", token)
	w, _ := mw.CreateFormFile("file", name)
	w.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", ts.url+"/_bulletin/edit/import", &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", ts.url)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

// siteFiles maps every file of the site folder to its bytes.
func siteFiles(t *testing.T, ts *testServer) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(ts.dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(ts.dir, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return files
}

// A plain-text bulletin dropped on the list becomes an article as
// "bulletin import" makes one, and its form opens with the fields found
// marked; a Word document likewise. Neither upload is kept as it came:
// the only new file in the site folder is the article, which is not the
// upload's bytes. A file of another kind is refused and nothing written.
func TestEditorImportsAnUploadWithoutStoringIt(t *testing.T) {
	txt, err := os.ReadFile("../importer/testdata/dai-tu-2019.txt")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile("../importer/testdata/ban-tin.docx")
	if err != nil {
		t.Fatal(err)
	}
	// An article of the same title and month in another folder: the
	// import's article gets a URL of its own.
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle, "static/images/doan.png": "png",
		"content/articles/luu-tru/cu.md": "---\ntitle: Kiểm tra việc thực hiện các đề án về xây dựng Đảng ở Đại Từ\ndate: 2019-04-02\ndraft: true\n---\nBản cũ.\n"})
	token := ts.editForm("articles/a.md").Get("token")
	for _, c := range []struct {
		name   string
		data   []byte
		fields map[string]string
	}{
		{"dai-tu-2019.txt", txt, map[string]string{"title": "Kiểm tra việc thực hiện các đề án về xây dựng Đảng ở Đại Từ",
			"date": "09:15, 23/04/2019", "team_lead.name": "Lương Thị Thu Hà", "inspected_unit": "Huyện ủy Đại Từ", "documents": "05-ĐA/TU",
			"slug": "kiem-tra-viec-thuc-hien-cac-de-an-ve-xay-dung-dang-o-dai-tu-2"}},
		{"ban-tin.docx", docx, map[string]string{"title": "Kiểm tra công tác dân vận tại Đảng ủy xã Phúc Xuân",
			"date": "08:30, 21/03/2019", "team_lead.name": "Hoàng Minh Đức", "inspected_unit": "Đảng ủy xã Phúc Xuân", "documents": "07-ĐA/TU"}},
	} {
		before := siteFiles(t, ts)
		code, body, h := ts.upload(token, c.name, c.data)
		loc, _ := url.Parse(h.Get("Location"))
		if code != http.StatusSeeOther || loc == nil || !strings.HasPrefix(loc.Path, "/_bulletin/edit/articles/2019/") ||
			!strings.Contains(loc.Query().Get("imported"), "team_lead.name") {
			t.Fatalf("%s: %d %v\n%s", c.name, code, h, body)
		}
		form := ts.editForm(strings.TrimPrefix(loc.Path, "/_bulletin/edit/"))
		for field, want := range c.fields {
			if got := form[field]; !slices.Contains(got, want) {
				t.Errorf("%s: %s is %q, want %q", c.name, field, got, want)
			}
		}
		var added []string
		for name, data := range siteFiles(t, ts) {
			if _, ok := before[name]; !ok {
				added = append(added, name)
			}
			if data == string(c.data) || strings.Contains(data, string(c.data[:64])) && !strings.HasSuffix(name, ".md") {
				t.Errorf("%s is stored as it came, as %s", c.name, name)
			}
		}
		if want := "content/" + strings.TrimPrefix(loc.Path, "/_bulletin/edit/"); len(added) != 1 || added[0] != want {
			t.Errorf("%s: the site folder gained %v, want %s alone", c.name, added, want)
		}
	}
	// A file of another kind, even with a bulletin's text, or a broken Word
	// document, is not imported.
	before := siteFiles(t, ts)
	for _, name := range []string{"ban-tin.html", "ban-tin.exe", "ban-tin.docx"} {
		data := txt
		if name == "ban-tin.docx" {
			data = []byte("PK\x03\x04 not a Word document")
		}
		if code, _, _ := ts.upload(token, name, data); code != http.StatusUnsupportedMediaType && code != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 415 or 422", name, code)
		}
	}
	if after := siteFiles(t, ts); !maps.Equal(after, before) {
		t.Errorf("a refused upload changed the site folder")
	}
}

// An article that is a link to another file inside content/ is not saved
// over: the rename put a file in the link's place, and the file it led to
// kept the old text (found by a hostile review). The form says so and
// keeps what was typed.
func TestEditorDoesNotReplaceALinkedArticle(t *testing.T) {
	ts := start(t, map[string]string{"content/kho/a.md": yamlArticle})
	os.MkdirAll(ts.path("content/articles"), 0o755)
	if err := os.Symlink("../kho/a.md", ts.path("content/articles/a.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	ts.wait(ts.Last().Gen)
	form := ts.editForm("articles/a.md")
	form.Set("title", "Tiêu đề đã sửa")
	form.Set("action", "save")
	code, body, _ := ts.post("/_bulletin/edit/articles/a.md", form, nil)
	if code != http.StatusConflict || !strings.Contains(body, "liên kết") || !strings.Contains(body, "Tiêu đề đã sửa") {
		t.Errorf("saving a linked article: %d", code)
	}
	if fi, err := os.Lstat(ts.path("content/articles/a.md")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", fi, err)
	}
	if got := ts.read("content/kho/a.md"); got != yamlArticle {
		t.Errorf("the file the link leads to changed:\n%s", got)
	}
}

// A form opened before the server was restarted carries the last run's
// token: its save is refused, but the form comes back with what was typed
// and this run's token, so a second press of Lưu saves it; nothing is
// written on the refused save. Its preview says why in Vietnamese.
func TestEditorKeepsTheTypingOfAFormFromTheLastRun(t *testing.T) {
	for _, path := range []string{"articles/a.md", "new"} {
		ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
		form := ts.editForm("articles/a.md")
		if path == "new" {
			form = ts.editForm("new")
		}
		form.Set("token", strings.Repeat("0", 64)) // the last run's
		form.Set("title", "Tiêu đề đã gõ trước khi khởi động lại")
		form.Set("body", "Đoạn văn anh/chị vừa gõ.\n")
		form.Set("action", "save")
		code, body, _ := ts.post("/_bulletin/edit/"+path, form, nil)
		if code != http.StatusForbidden {
			t.Errorf("%s: %d, want 403", path, code)
		}
		for _, want := range []string{`value="Tiêu đề đã gõ trước khi khởi động lại"`, "Đoạn văn anh/chị vừa gõ.", "Chưa lưu", "khởi động lại", "«Lưu» hoặc «Xuất bản»"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: the page after the refused save lacks %q", path, want)
			}
		}
		if got := ts.read("content/articles/a.md"); got != yamlArticle {
			t.Fatalf("%s: a stale token wrote the file:\n%s", path, got)
		}
		tok := regexp.MustCompile(`name="token" value="([0-9a-f]+)"`).FindStringSubmatch(body)
		if tok == nil || tok[1] == form.Get("token") {
			t.Fatalf("%s: the form came back without this run's token", path)
		}
		form.Set("token", tok[1])
		if code, body, _ := ts.post("/_bulletin/edit/"+path, form, nil); code != http.StatusSeeOther {
			t.Errorf("%s: the second save: %d\n%s", path, code, body)
		}
		form.Set("token", strings.Repeat("0", 64))
		form.Set("action", "preview")
		code, body, hdr := ts.post("/_bulletin/edit/"+path, form, nil)
		var p struct{ Error string }
		if code != http.StatusForbidden || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") || json.Unmarshal([]byte(body), &p) != nil || !strings.Contains(p.Error, "khởi động lại") {
			t.Errorf("%s: a preview with the last run's token: %d %s %s", path, code, hdr.Get("Content-Type"), body)
		}
	}
	// "Tạo tệp đề án" with the last run's token: the script reads JSON,
	// and showed nothing of an HTML refusal (found by a review).
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	code, body, hdr := ts.post("/_bulletin/edit/project", url.Values{"token": {strings.Repeat("0", 64)}, "code": {"09-ĐA/TU"}, "title": {"x"}}, nil)
	var p struct{ Error string }
	if code != http.StatusForbidden || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") || json.Unmarshal([]byte(body), &p) != nil || !strings.Contains(p.Error, "khởi động lại") {
		t.Errorf("a new project with the last run's token: %d %s %s", code, hdr.Get("Content-Type"), body)
	}
	if _, err := os.Stat(ts.path("content/projects/09-da-tu.md")); err == nil {
		t.Error("a project file was created with the last run's token")
	}
}

// A save refused for its errors marks the fields with an error
// aria-invalid, and puts the cursor in the first of them (autofocus), so
// that a keyboard or a screen reader starts where the first thing to fix
// is; a field without an error is not marked.
func TestEditorRefusedSaveFocusesTheFirstError(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	tag := func(body, id string) string {
		return regexp.MustCompile(`<(?:input|textarea|select) id="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(body)
	}
	for _, c := range []struct {
		name       string
		date, docs []string
		focus      string
		invalid    []string
	}{
		{"an impossible date", []string{"10:00, 31/02/2018"}, []string{"01-ĐA/TU"}, "f-date", []string{"f-date"}},
		{"two codes in one entry", []string{"16:41, 06/08/2018"}, []string{"01-ĐA/TU", "01-ĐA/TU và 02-ĐA/TU"}, "doc-1", []string{"doc-1"}},
		{"both", []string{"31/02/2018"}, []string{"01-ĐA/TU", "01-ĐA/TU và 02-ĐA/TU"}, "f-date", []string{"f-date", "doc-1"}},
	} {
		form := ts.editForm("articles/a.md")
		form["date"], form["documents"] = c.date, c.docs
		form.Set("action", "save")
		code, body, _ := ts.post("/_bulletin/edit/articles/a.md", form, nil)
		if code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: %d, want 422", c.name, code)
		}
		for _, id := range []string{"f-title", "f-date", "doc-0", "doc-1", "f-body"} {
			el := tag(body, id)
			if el == "" {
				t.Fatalf("%s: no #%s", c.name, id)
			}
			if want := slices.Contains(c.invalid, id); strings.Contains(el, `aria-invalid="true"`) != want {
				t.Errorf("%s: #%s aria-invalid %v, want %v: %s", c.name, id, !want, want, el)
			}
			if want := id == c.focus; strings.Contains(el, " autofocus") != want {
				t.Errorf("%s: #%s autofocus %v, want %v: %s", c.name, id, !want, want, el)
			}
		}
	}
	// The form as opened shows its errors but leaves the cursor alone.
	ts.write("content/articles/a.md", strings.Replace(yamlArticle, "16:41, 06/08/2018", "31/02/2018", 1))
	body := ts.mustGet("/_bulletin/edit/articles/a.md")
	if el := tag(body, "f-date"); !strings.Contains(el, `aria-invalid="true"`) || strings.Contains(el, "autofocus") {
		t.Errorf("the form as opened: %s", el)
	}
}

// A new article saved without a title: the cursor goes to the title.
func TestEditorRefusedNewArticleFocusesTheTitle(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	form := ts.editForm("new")
	form.Set("title", "")
	form.Set("body", "Nội dung.")
	form.Set("action", "save")
	code, body, _ := ts.post("/_bulletin/edit/new", form, nil)
	el := regexp.MustCompile(`<input id="f-title"[^>]*>`).FindString(body)
	if code != http.StatusUnprocessableEntity || !strings.Contains(el, `aria-invalid="true"`) || !strings.Contains(el, " autofocus") {
		t.Errorf("%d: %s", code, el)
	}
}

// A new article whose title (or slug) names the file of an article that
// exists: the error is beside the title (or the slug) as it is typed and
// when Lưu is pressed, the cursor goes there, and the other article is
// neither written nor shown in its place in the preview.
func TestEditorNewArticleOnAnExistingFileIsAnErrorBesideTheTitle(t *testing.T) {
	const existing = "---\ntitle: Kiểm tra dân vận\ndate: 2018-08-06 16:41\nslug: kiem-tra-dan-van\n---\nBài đã có.\n"
	files := map[string]string{"content/articles/2018/kiem-tra-dan-van.md": existing}
	ts := start(t, files)
	for _, c := range []struct{ title, slug, field string }{
		{"Kiểm tra dân vận", "", "title"},
		{"Một tiêu đề khác", "kiem-tra-dan-van", "slug"},
	} {
		form := ts.editForm("new")
		form.Set("title", c.title)
		form.Set("slug", c.slug)
		form.Set("date", "09:00, 20/09/2018")
		form.Set("body", "Bài mới, khác hẳn.")
		form.Set("action", "preview")
		_, body, _ := ts.post("/_bulletin/edit/new", form, nil)
		var p struct {
			HTML     string
			Problems []struct{ Field, Severity, Message string }
		}
		json.Unmarshal([]byte(body), &p)
		found := false
		for _, pr := range p.Problems {
			found = found || pr.Field == c.field && pr.Severity == "error" && strings.Contains(pr.Message, "kiem-tra-dan-van.md")
		}
		if !found {
			t.Errorf("%s: the preview has no error beside %s: %+v", c.title, c.field, p.Problems)
		}
		form.Set("action", "save")
		code, body, _ := ts.post("/_bulletin/edit/new", form, nil)
		beside := regexp.MustCompile(`(?s)<div id="p-` + c.field + `"[^>]*>(.*?)</div>`).FindStringSubmatch(body)
		if code == http.StatusSeeOther || beside == nil || !strings.Contains(beside[1], "kiem-tra-dan-van.md") {
			t.Errorf("%s: save %d, beside %s: %q", c.title, code, c.field, beside)
		}
		if el := regexp.MustCompile(`<input id="f-` + c.field + `"[^>]*>`).FindString(body); !strings.Contains(el, "autofocus") {
			t.Errorf("%s: the cursor is not put in %s: %s", c.title, c.field, el)
		}
		if got := ts.read("content/articles/2018/kiem-tra-dan-van.md"); got != existing {
			t.Fatalf("the existing article was written:\n%s", got)
		}
	}
}

// A screen reader names the tag boxes as a person counts them: "Thẻ 1"
// for the first (it said "Thẻ 0"), as the documents are "Văn bản 1".
func TestEditorCountsTagsFromOne(t *testing.T) {
	ts := start(t, map[string]string{fileA: strings.Replace(articleA, "documents:", "tags: [dân vận, kinh tế]\ndocuments:", 1)})
	body := ts.mustGet("/_bulletin/edit/articles/a.md")
	if !strings.Contains(body, `for="tag-0">Thẻ 1</label>`) || !strings.Contains(body, `for="tag-1">Thẻ 2</label>`) || strings.Contains(body, "Thẻ 0") {
		t.Errorf("the tags' labels do not count from one:\n%s", body)
	}
}

// The editor's pages, which carry the token, go to a navigation of a
// window of its own only: a script's fetch (a preview page's, on the same
// origin) or a frame gets a refusal without the token, and a save sent by
// a fetch is refused, even with the token. The editor's own script still
// fetches its preview. See TestBrowserAPreviewPagesScriptCannotWriteThroughTheEditor.
func TestEditorGivesItsPagesToNavigationsOnly(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	fetchHeaders := http.Header{"Sec-Fetch-Site": {"same-origin"}, "Sec-Fetch-Mode": {"cors"}, "Sec-Fetch-Dest": {"empty"}}
	get := func(path string, h http.Header) (int, string, http.Header) {
		req, _ := http.NewRequest("GET", ts.url+path, nil)
		for k, vs := range h {
			req.Header[k] = vs
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header
	}
	for _, path := range []string{"/_bulletin/edit/", "/_bulletin/edit/new", "/_bulletin/edit/articles/a.md"} {
		for name, h := range map[string]http.Header{
			"a fetch": fetchHeaders,
			"a frame": {"Sec-Fetch-Site": {"same-origin"}, "Sec-Fetch-Mode": {"navigate"}, "Sec-Fetch-Dest": {"iframe"}},
		} {
			if code, body, _ := get(path, h); code != http.StatusForbidden || strings.Contains(body, `name="token"`) {
				t.Errorf("%s of %s: %d, token given: %v", name, path, code, strings.Contains(body, `name="token"`))
			}
		}
		code, body, h := get(path, http.Header{"Sec-Fetch-Site": {"none"}, "Sec-Fetch-Mode": {"navigate"}, "Sec-Fetch-Dest": {"document"}})
		if code != http.StatusOK || !strings.Contains(body, `name="token"`) {
			t.Errorf("a navigation to %s: %d", path, code)
		}
		if h.Get("Cross-Origin-Opener-Policy") != "same-origin" {
			t.Errorf("%s: Cross-Origin-Opener-Policy %q: a page that opens it could read it", path, h.Get("Cross-Origin-Opener-Policy"))
		}
	}
	if code, _, _ := get("/_bulletin/edit/assets/editor.js", fetchHeaders); code != http.StatusOK {
		t.Errorf("the editor's script, fetched: %d", code)
	}
	form := ts.editForm("articles/a.md")
	form.Set("title", "Bị sửa")
	form.Set("action", "preview")
	if code, body, _ := ts.post("/_bulletin/edit/articles/a.md", form, fetchHeaders); code != http.StatusOK || strings.Contains(body, form.Get("token")) {
		t.Errorf("the editor's own preview, fetched: %d, token given: %v", code, strings.Contains(body, form.Get("token")))
	}
	for _, action := range []string{"save", "publish"} {
		form.Set("action", action)
		if code, _, _ := ts.post("/_bulletin/edit/articles/a.md", form, fetchHeaders); code != http.StatusForbidden {
			t.Errorf("a save (%s) sent by a fetch: %d, want 403", action, code)
		}
	}
	if got := ts.read("content/articles/a.md"); got != yamlArticle {
		t.Errorf("a save sent by a fetch wrote the file:\n%s", got)
	}
}

// A form whose errors keep the article off the site has no page to show:
// the preview says why instead of staying blank, and is its page again
// once the error is mended.
func TestEditorPreviewSaysWhyItShowsNoPage(t *testing.T) {
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	form := ts.editForm("articles/a.md")
	form.Set("action", "preview")
	preview := func() (html, why string) {
		t.Helper()
		code, body, _ := ts.post("/_bulletin/edit/articles/a.md", form, nil)
		var p struct {
			HTML      string `json:"html"`
			PageError string `json:"pageError"`
		}
		if code != http.StatusOK || json.Unmarshal([]byte(body), &p) != nil {
			t.Fatalf("preview: %d %s", code, body)
		}
		return p.HTML, p.PageError
	}
	form.Set("date", "16:41, 31/02/2018")
	if html, why := preview(); html != "" || !strings.Contains(why, "Chưa xem trước được bài: còn lỗi") {
		t.Errorf("a date that is no day: page %d bytes, said %q", len(html), why)
	}
	form.Set("date", "16:41, 28/02/2018")
	if html, why := preview(); html == "" || why != "" {
		t.Errorf("mended: page %d bytes, said %q", len(html), why)
	}
}
