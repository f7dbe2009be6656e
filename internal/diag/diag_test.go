package diag

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	for _, k := range Kinds {
		if seen[k.Code] {
			t.Errorf("code %q registered twice", k.Code)
		}
		seen[k.Code] = true
		if !kebab.MatchString(k.Code) || k.Description == "" || strings.HasSuffix(k.Description, ".") {
			t.Errorf("%+v: want a lower-case-kebab code and a one-line description without a full stop", k)
		}
		// The editor says a problem made without Vietnamese of its own
		// with its kind's: every kind has one, for a clerk.
		if k.Vi == "" || strings.HasSuffix(k.Vi, ".") || strings.ContainsAny(k.Vi, "\n") {
			t.Errorf("%s: want a one-line Vietnamese description without a full stop, got %q", k.Code, k.Vi)
		}
		if got, ok := Lookup(k.Code); !ok || got != k {
			t.Errorf("Lookup(%q) = %+v, %v", k.Code, got, ok)
		}
	}
	if _, ok := Lookup("no-such-code"); ok {
		t.Error("an unknown code is found")
	}
	if p := New(URLClash, "a.md", 3, "slug", "two pages on %s", "/x/"); p.Severity != Error || p.Code != URLClash || p.Message != "two pages on /x/" {
		t.Errorf("New: %+v", p)
	}
	if p := New(UnknownField, "a.md", 3, "x", "unknown"); p.Severity != Warning {
		t.Errorf("New of a warning code: %+v", p)
	}
}

func TestExcerpt(t *testing.T) {
	for _, tt := range []struct {
		name, line  string
		col         int
		shown, care string
	}{
		{"ascii", "date: 06/08/2108", 7, "date: 06/08/2108", "      "},
		{"marks before the column", "title: Đảng ủy: x", 20, "title: Đảng ủy: x", strings.Repeat(" ", 14)},
		{"decomposed marks take no column", "u\u0309y: x", 6, "u\u0309y: x", "   "},
		{"tabs stay tabs", "\t\tx: 1", 3, "\t\tx: 1", "\t\t"},
		{"unknown column", "date: x", 0, "date: x", ""},
		{"invalid UTF-8 is one character a byte", "a\xffb: x", 3, "a\uFFFDb: x", "  "},
		{"past the end", "title:", 7, "title:", "      "},
		{"a zero-width space is seen", "code: 01-ĐA\u200b/TU", 13, "code: 01-ĐA\uFFFD/TU", strings.Repeat(" ", 11)},
		{"an escape never reaches the terminal", "x\x1b]0;pwned\x07", 0, "x\uFFFD]0;pwned\uFFFD", ""},
		{"a long line is cut around the column", strings.Repeat("a", 300) + "X" + strings.Repeat("b", 300), 301,
			"…" + strings.Repeat("a", 50) + "X" + strings.Repeat("b", 49) + "…", strings.Repeat(" ", 51)},
		{"a long line without column", strings.Repeat("a", 300), 0, strings.Repeat("a", 100) + "…", ""},
	} {
		shown, caret := excerpt(tt.line, tt.col)
		if shown != tt.shown || caret != tt.care {
			t.Errorf("%s: excerpt = %q, %q; want %q, %q", tt.name, shown, caret, tt.shown, tt.care)
		}
	}
}

func TestGuessColumn(t *testing.T) {
	for _, tt := range []struct {
		line, field string
		want        int
	}{
		{"date: 06/08/2108", "date", 7},
		{"    title: Nâng cao", "documents[1].title", 12},
		{`  "date": "x",`, "date", 11},
		{"date = 2018-01-01", "date", 8},
		{"  - 02-ĐA/TU", "documents[2]", 5},
		{"title:", "title", 1},
		{"subtitle: x", "title", 0},
		{"x: y", "", 0},
		{"", "date", 0},
	} {
		if got := guessColumn(tt.line, tt.field); got != tt.want {
			t.Errorf("guessColumn(%q, %q) = %d, want %d", tt.line, tt.field, got, tt.want)
		}
	}
}

func TestReport(t *testing.T) {
	p := &Problem{File: "content/articles/b.md", Line: 3, Field: "date", Message: "the month must be 1 to 12", Hint: "dd/mm/yyyy",
		Code: InvalidValue, LineText: "date: 06/13/2018"}
	p.Note("content/articles/a.md", 4, "the first citation").Notes[0].LineText = "date: 06/12/2018"
	p.Note("", 0, "on page /x/")
	want := `content/articles/b.md:3: date: the month must be 1 to 12 (dd/mm/yyyy)
  3 | date: 06/13/2018
    |       ^
  content/articles/a.md:4: note: the first citation
  4 | date: 06/12/2018
  note: on page /x/`
	if got := p.Report(); got != want {
		t.Errorf("Report:\n%s\nwant:\n%s", got, want)
	}
	q := p.Rebase(func(f string) string { return "../site/" + f })
	if q.File != "../site/content/articles/b.md" || q.Notes[0].File != "../site/content/articles/a.md" || q.Notes[1].File != "" ||
		p.Notes[0].File != "content/articles/a.md" {
		t.Errorf("Rebase: %+v, original %+v", q, p)
	}
}

func TestCompactCountsIdenticalProblems(t *testing.T) {
	mk := func(file, page string) *Problem {
		return New(Layout, file, 2, "", "can't evaluate field Titel").Note("", 0, "on page %s", page)
	}
	l := List{mk("layouts/article.html", "/a/"), mk("layouts/other.html", "/b/"), mk("layouts/article.html", "/c/"), mk("layouts/article.html", "/d/")}
	got := l.Compact()
	if len(got) != 2 || got[0].Count != 3 || got[0].Notes[0].Message != "on page /a/" || got[1].Times() != 1 {
		t.Fatalf("Compact: %v", got)
	}
	if l[0].Count != 0 {
		t.Error("Compact changed its input")
	}
	if got[0].Error() != "layouts/article.html:2: can't evaluate field Titel ×3" || got[0].JSON().Count != 3 {
		t.Errorf("a counted problem reads %q", got[0].Error())
	}
	again := List{got[0], mk("layouts/article.html", "/e/")}.Compact()
	if again[0].Count != 4 {
		t.Errorf("counts add up: %d, want 4", again[0].Count)
	}
}

func TestQuoteReadsEachFileOnce(t *testing.T) {
	reads := map[string]int{}
	files := map[string]string{
		"a.md": "\ufeff---\r\ntitle: A\r\n",
		"b.md": "x\ny\nz",
	}
	read := func(f string) ([]byte, bool) {
		reads[f]++
		s, ok := files[f]
		return []byte(s), ok
	}
	l := List{
		{File: "a.md", Line: 1},
		{File: "a.md", Line: 2},
		{File: "b.md", Line: 3, Notes: []Note{{File: "a.md", Line: 2}, {File: "gone.md", Line: 1}}},
		{File: "b.md", Line: 9},
		{File: "b.md"},
	}
	shared := l[2].Notes
	l.Quote(read)
	got := []string{l[0].LineText, l[1].LineText, l[2].LineText, l[2].Notes[0].LineText, l[2].Notes[1].LineText, l[3].LineText, l[4].LineText}
	want := []string{"---", "title: A", "z", "title: A", "", "", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("line texts %q, want %q", got, want)
	}
	if reads["a.md"] != 1 || reads["b.md"] != 1 {
		t.Errorf("reads %v, want each file once", reads)
	}
	if shared[0].LineText != "" {
		t.Error("Quote wrote into notes another problem may share")
	}
}

func TestJSONHasEveryKey(t *testing.T) {
	j := (&Problem{Message: "x"}).JSON()
	if j.Notes == nil || j.Count != 1 || j.Report != "x" || j.Text != "x" {
		t.Errorf("%+v", j)
	}
}

// The README lists every code, so an editor's tool can be written from it.
func TestREADMEListsEveryCode(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds {
		if row := "| `" + k.Code + "` | " + k.Severity.String() + " | "; !strings.Contains(string(readme), row) {
			t.Errorf("README.md has no row %q…", row)
		}
	}
}

// A problem with no Vietnamese of its own is told by its kind's line, as
// a sentence: a capital first, one full stop, none after a question.
func TestVietFallsBackToItsKindsLine(t *testing.T) {
	for code, want := range map[string]string{
		MissingAlt:   "Ảnh chưa có mô tả cho người không xem được ảnh.",
		UnlikelyDate: "Thời gian đăng cách hôm nay hơn một năm hoặc trước năm 1945: có gõ nhầm năm không?",
	} {
		p := New(code, "content/articles/a.md", 3, "", "in English")
		if got := p.Viet(); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
}
