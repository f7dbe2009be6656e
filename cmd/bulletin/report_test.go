package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/internal/sitetest"
)

// check shows each problem's line with a caret under the value, and the
// other file of a finding as a note at its own line, named from the
// current folder like the problem itself.
func TestCheckShowsTheLineAndTheOtherFileAsANote(t *testing.T) {
	doc := func(title, date string) string {
		return "---\ntitle: " + title + "\ndate: " + date + "\ndocuments:\n  - code: 01-ĐA/TU\n    title: " +
			map[string]string{"A": "Nâng cao chất lượng dân vận", "B": "Nâng cao hiệu quả dân vận"}[title] + "\n---\nx\n"
	}
	dir := writeSite(t, map[string]string{
		"site.yaml":             "base_url: https://kiemtra.example.vn/\n",
		"content/articles/a.md": doc("A", "2018-01-01"),
		"content/articles/b.md": doc("B", "2018-02-01"),
	})
	code, out, _ := bulletin("check", "-source", dir)
	want := dir + `/content/articles/b.md:6: warning: documents[1].title: 01-ĐA/TU is cited with the title "Nâng cao hiệu quả dân vận", but its first citation gives "Nâng cao chất lượng dân vận" (cite a document exactly as issued, or correct the other file)
  6 |     title: Nâng cao hiệu quả dân vận
    |            ^
  ` + dir + `/content/articles/a.md:6: note: its first citation gives the title here
  6 |     title: Nâng cao chất lượng dân vận
0 errors, 1 warning
`
	if code != 0 || out != want {
		t.Errorf("exit %d, output:\n%s\nwant:\n%s", code, out, want)
	}

	_, out, _ = bulletin("check", "-source", dir, "-json")
	var got struct {
		LineText string `json:"line_text"`
		Notes    []struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Message  string `json:"message"`
			LineText string `json:"line_text"`
		} `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got.LineText != "    title: Nâng cao hiệu quả dân vận" || len(got.Notes) != 1 ||
		got.Notes[0].File != "content/articles/a.md" || got.Notes[0].Line != 6 ||
		got.Notes[0].LineText != "    title: Nâng cao chất lượng dân vận" {
		t.Errorf("JSON: %s", out)
	}
}

// A layout typo fails alike on every page: the build prints it once, with
// a count, not once per page (8,414 lines on a site of 5,000 articles).
func TestBuildPrintsALayoutTypoOnce(t *testing.T) {
	files := map[string]string{
		"layouts/article.html": "{{define \"main\"}}\n<h1>{{.Article.Titel}}</h1>\n{{end}}\n",
	}
	for i := range 40 {
		files[fmt.Sprintf("content/articles/a%02d.md", i)] = fmt.Sprintf("---\ntitle: Bài %d\ndate: 2018-08-06\n---\nx\n", i)
	}
	dir := writeSite(t, files)
	code, _, errs := bulletin("build", "-source", dir)
	want := dir + `/layouts/article.html:2:15: executing "main" at <.Article.Titel>: can't evaluate field Titel in type *model.Article ×40
  2 | <h1>{{.Article.Titel}}</h1>
    |               ^
  ` + dir + `/content/articles/a00.md: note: on page /2018/08/bai-0/ (layout article.html)
bulletin: 1 error: nothing was written
`
	if code != 1 || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
}

// The preview prints a warning once, then only what each save changes: a
// new warning in full, one gone as "fixed", the rest as a count.
func TestServePrintsOnlyWhatIsNewOrGone(t *testing.T) {
	a := "---\ntitle: A\ndate: 2018-08-06\ndocumnets: [01-ĐA/TU]\n---\nx\n"
	b := "---\ntitle: B\ndate: 2018-08-07\n---\ny\n"
	dir := writeSite(t, map[string]string{"content/articles/a.md": a, "content/articles/b.md": b})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr sitetest.SyncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "-source", dir, "-addr", "127.0.0.1:0"}, &stdout, &stderr) }()
	eventually(t, &stdout, "first build", func(s string) bool { return strings.Contains(s, "Done in") })
	rebuilds := func(n int) {
		t.Helper()
		eventually(t, &stdout, fmt.Sprintf("rebuild %d", n), func(s string) bool { return strings.Count(s, " rebuilt in ") == n })
	}
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "content/articles", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	typo := dir + `/content/articles/a.md:4: warning: documnets: unknown field, ignored (did you mean "documents"?)`

	write("b.md", strings.Replace(b, "y", "y2", 1)) // a save that changes no warning
	rebuilds(1)
	write("b.md", strings.Replace(b, "title: B", "title: B\ntags: [x]\nimgae: /a.png", 1)) // a new one
	rebuilds(2)
	write("a.md", strings.Replace(a, "documnets", "documents", 1)) // the first one fixed
	rebuilds(3)

	want := typo + `
  4 | documnets: [01-ĐA/TU]
    |            ^
1 warning as before (not shown again)
` + dir + `/content/articles/b.md:4: warning: imgae: unknown field, ignored (did you mean "image"?)
  4 | imgae: /a.png
    |        ^
1 warning as before (not shown again)
fixed: ` + typo + `
1 warning as before (not shown again)
`
	if got := stderr.String(); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
