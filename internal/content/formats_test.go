package content

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/model"
)

// TestFormats loads the same article written in each frontmatter format
// and line-ending style, and expects the same fields, lines and body.
func TestFormats(t *testing.T) {
	tests := []struct{ name, src, fields string }{
		{"YAML", "---\ntitle: Đảng ủy Khối\ndate: 2018-08-06 16:41\ndocuments: [01-ĐA/TU]\n---\nBody\n",
			"title:2 date:3 documents:4"},
		{"YAML BOM CRLF", "\xEF\xBB\xBF---\r\ntitle: Đảng ủy Khối\r\ndate: 2018-08-06 16:41\r\ndocuments: [01-ĐA/TU]\r\n---\r\nBody\r\n",
			"title:2 date:3 documents:4"},
		{"TOML", "+++\ntitle = \"Đảng ủy Khối\"\ndate = \"16:41, 06/08/2018\"\ndocuments = [\"01-ĐA/TU\"]\n+++\nBody\n",
			"title:2 date:3 documents:4"},
		{"TOML datetime", "+++\ntitle = \"Đảng ủy Khối\"\ndate = 2018-08-06T16:41:00+07:00\ndocuments = [\"01-ĐA/TU\"]\n+++\nBody\n",
			"title:2 date:3 documents:4"},
		{"JSON", "{\n  \"title\": \"Đảng ủy Khối\",\n  \"date\": \"2018-08-06T16:41:00+07:00\",\n  \"documents\": [\"01-ĐA/TU\"]\n}\n\nBody\n",
			"title:2 date:3 documents:4"},
		{"JSON CRLF BOM", "\xEF\xBB\xBF{\r\n  \"title\": \"Đảng ủy Khối\",\r\n  \"date\": \"06/08/2018 \",\r\n  \"documents\": [\"01-ĐA/TU\"]\r\n}\r\n\r\nBody\r\n",
			"title:2 date:3 documents:4"},
		// As Hugo reads JSON: the body right after the "}" line, a nested
		// "}" followed by an empty line, the whole object on one line.
		{"JSON body right after", "{\n  \"title\": \"Đảng ủy Khối\",\n  \"date\": \"2018-08-06\",\n  \"documents\": [\"01-ĐA/TU\"]\n}\nBody\n",
			"title:2 date:3 documents:4"},
		{"JSON nested brace, empty line", "{\n  \"title\": \"Đảng ủy Khối\",\n  \"date\": \"2018-08-06\",\n  \"documents\": [{\"code\": \"01-ĐA/TU\"\n}\n\n]}\n\nBody\n",
			"title:2 date:3 documents:4"},
		{"JSON one line", "\n\n{\"title\": \"Đảng ủy Khối\", \"date\": \"2018-08-06\",\n\"documents\": [\"01-ĐA/TU\"]} Body\n",
			"date:3 title:3 documents:4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, msgs := messages(t, one(art, tt.src))
			if len(msgs) != 0 {
				t.Fatalf("problems: %v", msgs)
			}
			a := set.Articles[0]
			if a.Title != "Đảng ủy Khối" || a.Slug != "dang-uy-khoi" {
				t.Errorf("title %q slug %q", a.Title, a.Slug)
			}
			if y, m, d := a.Date.In(hcm).Date(); y != 2018 || m != time.August || d != 6 {
				t.Errorf("date %v", a.Date)
			}
			if len(a.Documents) != 1 || a.Documents[0].Key != "01-DA/TU" || a.Documents[0].Line != 4 {
				t.Errorf("documents %+v", a.Documents)
			}
			if got := fieldList(a.Fields); got != tt.fields {
				t.Errorf("fields %s, want %s", got, tt.fields)
			}
			// The body starts on the line after the frontmatter (an empty
			// line there is the body's, in every format).
			md := model.Markdown(&a.Source)
			blank := len(md) - len(bytes.TrimLeft(md, "\n"))
			if string(md[blank:]) != "Body\n" || a.BodyLine+blank != strings.Count(tt.src[:strings.Index(tt.src, "Body")], "\n")+1 {
				t.Errorf("body %q at line %d", md, a.BodyLine)
			}
		})
	}
}

// TestTOMLTables checks that table headers count as the line of their key
// and that [[documents]] entries get their own lines.
func TestTOMLTables(t *testing.T) {
	src := `+++
title = "a"
date = "2018-08-06"

[team_lead]
name = "Bùi Hải Tú"

[[documents]]
code = "01-ĐA/TU"
title = "Đề án 1"

[[documents]]
code = "02-ĐA/TU"
+++
`
	set, msgs := messages(t, one(art, src))
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	a := set.Articles[0]
	if got := fieldList(a.Fields); got != "title:2 date:3 team_lead:5 documents:8" {
		t.Errorf("fields %s", got)
	}
	if a.TeamLead.Name != "Bùi Hải Tú" || a.Title != "a" {
		t.Errorf("team lead %q title %q", a.TeamLead.Name, a.Title)
	}
	if len(a.Documents) != 2 || a.Documents[0].Line != 8 || a.Documents[1].Line != 12 || a.Documents[0].Title != "Đề án 1" {
		t.Errorf("documents %+v", a.Documents)
	}
}

// TestSections loads every kind of file from nested folders and checks
// what is skipped: other extensions and what stands outside the sections
// (with a warning each: "x.markdown" was skipped without a word), hidden
// files and editor leftovers (silently).
func TestSections(t *testing.T) {
	art := "---\ntitle: A\ndate: 2018-08-06\n---\n"
	fsys := fstest.MapFS{
		"content/articles/2018/08/b.md":    {Data: []byte(art)},
		"content/articles/a.md":            {Data: []byte(art)},
		"content/articles/notes.txt":       {Data: []byte("not markdown")},
		"content/articles/.#a.md":          {Data: []byte("lock")},
		"content/articles/a.md~":           {Data: []byte("backup")},
		"content/articles/.a.md.swp":       {Data: []byte("\x00swap")},
		"content/articles/#a.md#":          {Data: []byte("autosave")},
		"content/articles/.git/x.md":       {Data: []byte("hidden folder")},
		"content/projects/de-an/01.md":     {Data: []byte("---\ncode: \" 01-ĐA/TU \"\ntitle: Đề án\ndate: 12/7/2016\nissuer: BCH\nperiod: 2016 - 2020\n---\nMô tả\n")},
		"content/pages/about.md":           {Data: []byte("---\ntitle: Giới thiệu\n---\nx\n")},
		"content/pages/lien-he/index.md":   {Data: []byte("---\ntitle: Liên hệ\ndate: 2018-01-01\n---\n")},
		"content/pages/Về chúng tôi.md":    {Data: []byte("---\ntitle: V\nslug: Về Chúng Tôi\n---\n")},
		"content/elsewhere/ignored.md":     {Data: []byte("not a section")},
		"content/articles/2018/08/c.MD":    {Data: []byte(art)},
		"content/articles/2018/z-draft.md": {Data: []byte(art + "\n")},
		"content/articles/x.markdown":      {Data: []byte(art)},
		"content/articles/bai-moi.md.txt":  {Data: []byte(art)},
		"content/pages/anh.jpg":            {Data: []byte("JPEG")},
		"content/loose.md":                 {Data: []byte(art)},
	}
	set, msgs := messages(t, fsys)
	const rename, static, move = "(if it is an article, a project or a page, rename it ",
		"(content/ holds Markdown (.md) files; put files the site publishes, such as images, under static/)",
		"(move articles under content/articles/, projects under content/projects/, pages under content/pages/)"
	wantMsgs := []string{
		"content/articles/bai-moi.md.txt: warning: not read: bulletin reads .md files only " + rename + "bai-moi.md)",
		"content/articles/notes.txt: warning: not read: bulletin reads .md files only " + rename + "notes.md)",
		"content/articles/x.markdown: warning: not read: bulletin reads .md files only " + rename + "x.md)",
		"content/elsewhere/: warning: not read: a folder outside content/articles/, content/projects/ and content/pages/ " + move,
		"content/loose.md: warning: not read: a file outside content/articles/, content/projects/ and content/pages/ " + move,
		"content/pages/anh.jpg: warning: not read: bulletin reads .md files only " + static,
	}
	if got := strings.Join(msgs, "\n"); got != strings.Join(wantMsgs, "\n") {
		t.Fatalf("problems:\n%s\nwant\n%s", got, strings.Join(wantMsgs, "\n"))
	}
	var paths []string
	for _, a := range set.Articles {
		paths = append(paths, a.Path)
	}
	want := "content/articles/2018/08/b.md content/articles/2018/08/c.MD content/articles/2018/z-draft.md content/articles/a.md"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("articles %s\nwant     %s", got, want)
	}
	p := set.Projects[0]
	if p.Code != "01-ĐA/TU" || p.Key != "01-DA/TU" || p.Slug != "01-da-tu" || p.Issuer != "BCH" ||
		p.Period != "2016 - 2020" || p.Date.Format("2006-01-02") != "2016-07-12" || string(model.Markdown(&p.Source)) != "Mô tả\n" {
		t.Errorf("project %+v", p)
	}
	var docs []string
	for _, d := range set.Docs {
		docs = append(docs, d.Path+"="+d.Slug)
	}
	want = "content/pages/Về chúng tôi.md=ve-chung-toi content/pages/about.md=about content/pages/lien-he/index.md=lien-he"
	if got := strings.Join(docs, " "); got != want {
		t.Errorf("docs %s\nwant %s", got, want)
	}
}

// TestCodeVariants checks that the spellings of one code share a key: in
// one article, each variant after the first is a repeat of it.
func TestCodeVariants(t *testing.T) {
	src := "---\ntitle: a\ndate: 2018-08-06\ndocuments:\n  - 01-ĐA/TU\n  - \" 01-DA/TU \"\n  - code: 01-đa/tu\n  - 01 - ĐA / TU\n---\n"
	set, msgs := messages(t, one(art, src))
	if len(msgs) != 3 {
		t.Fatalf("want a warning for each repeat, got %v", msgs)
	}
	for i, m := range msgs {
		if !strings.Contains(m, fmt.Sprintf("a.md:%d: warning: documents[%d]:", 6+i, 2+i)) || !strings.Contains(m, "is 01-ĐA/TU again") {
			t.Errorf("message %d: %s", i, m)
		}
	}
	docs := set.Articles[0].Documents
	if len(docs) != 1 || docs[0].Key != "01-DA/TU" || docs[0].Line != 5 {
		t.Errorf("documents = %+v", docs)
	}
}

func TestNoSections(t *testing.T) {
	set, msgs := messages(t, fstest.MapFS{"site.yaml": {Data: []byte("title: x\n")}})
	if len(msgs) != 0 || len(set.Articles)+len(set.Projects)+len(set.Docs) != 0 {
		t.Errorf("got %v %+v", msgs, set)
	}
}

// TestTOMLMixedDocuments checks that a TOML list may mix bare codes and
// inline tables, as the contract allows (toml v0.3 refused it as not
// homogeneous).
func TestTOMLMixedDocuments(t *testing.T) {
	src := "+++\ntitle = \"a\"\ndate = 2018-08-06\ndocuments = [\"01-ĐA/TU\", {code = \"02-ĐA/TU\", date = 2016-10-10, title = \"Đề án 2\"}]\n+++\n"
	set, msgs := messages(t, one(art, src))
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	var got []string
	for _, d := range set.Articles[0].Documents {
		got = append(got, d.Key+"|"+d.Title+"|"+d.Date.Format(time.RFC3339))
	}
	want := "01-DA/TU||0001-01-01T00:00:00Z 02-DA/TU|Đề án 2|2016-10-10T00:00:00+07:00"
	if strings.Join(got, " ") != want {
		t.Errorf("documents %s\nwant      %s", strings.Join(got, " "), want)
	}
}

// TestTOMLLocalDates checks that TOML dates written without a zone are in
// the site's zone, whatever the machine's, like text dates.
func TestTOMLLocalDates(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	tests := []struct {
		name, value string
		loc         *time.Location
		want        string
	}{
		{"local date-time", "2018-08-31T23:30:00", hcm, "2018-08-31T23:30:00+07:00"},
		{"local date-time, fraction", "2018-08-31T23:30:00.5", hcm, "2018-08-31T23:30:00.5+07:00"},
		{"local date-time, space", "2018-08-31 23:30:00", hcm, "2018-08-31T23:30:00+07:00"},
		{"local date", "2018-08-31", hcm, "2018-08-31T00:00:00+07:00"},
		{"local date-time, other zone", "2018-08-31T23:30:00", ny, "2018-08-31T23:30:00-04:00"},
		{"local date, other zone", "2018-01-31", ny, "2018-01-31T00:00:00-05:00"},
		{"local date, UTC", "2018-08-31", time.UTC, "2018-08-31T00:00:00Z"},
		// A date with its own zone is that instant, shown in the site's zone.
		{"zoned, in the site's zone", "2018-08-31T23:30:00+02:00", ny, "2018-08-31T17:30:00-04:00"},
		{"UTC, in the site's zone", "2018-08-31T23:30:00Z", hcm, "2018-09-01T06:30:00+07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "+++\ntitle = \"a\"\ndate = " + tt.value + "\ndocuments = [{code = \"01-ĐA/TU\", date = " + tt.value + "}]\n" +
				"[outcome]\nfollow_up_by = " + tt.value + "\n+++\n"
			set, probs := Load(one(art, src), model.Config{Location: tt.loc})
			if len(probs) != 0 {
				t.Fatalf("problems: %v", probs)
			}
			a := set.Articles[0]
			for _, d := range []time.Time{a.Date, a.Documents[0].Date, a.Outcome.FollowUpBy} {
				if got := d.Format(time.RFC3339Nano); got != tt.want {
					t.Errorf("got %s, want %s", got, tt.want)
				}
				if strings.HasPrefix(tt.name, "local") && d.Location() != tt.loc {
					t.Errorf("location %q, want %q", d.Location(), tt.loc)
				}
			}
		})
	}
}

// TestTabsAndNewlines checks that the control characters text may hold,
// tab and newline, are accepted (a multi-line summary).
func TestTabsAndNewlines(t *testing.T) {
	src := "---\ntitle: \"a\\tb\"\ndate: 2018-08-06\nsummary: |\n  Dòng một\n  \tdòng hai\n---\n"
	set, msgs := messages(t, one(art, src))
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	if a := set.Articles[0]; a.Title != "a\tb" || a.SummaryField != "Dòng một\n\tdòng hai" {
		t.Errorf("title %q summary %q", a.Title, a.SummaryField)
	}
}

// A .md file whose name is not UTF-8 (copied from an old Windows folder)
// failed with "cannot read: invalid argument".
func TestFileNameNotUTF8(t *testing.T) {
	_, msgs := messages(t, fstest.MapFS{"content/articles/caf\xe9.md": {Data: []byte("---\ntitle: A\ndate: 2018-08-06\n---\n")}})
	want := `content/articles/caf` + "\uFFFD" + `.md: the file name "caf\xe9.md" is not UTF-8 text, so it cannot be read (rename it; a name copied from an old Windows folder or a zip archive keeps its old encoding)`
	if len(msgs) != 1 || msgs[0] != want {
		t.Errorf("got %q\nwant %q", msgs, want)
	}
}

// A folder of articles linked into a section (an archive kept elsewhere)
// is not read: the warning says so. It said "bulletin reads .md files
// only" and to put images under static/. A linked file is read.
func TestALinkedFolderInASectionIsNamed(t *testing.T) {
	site, archive := t.TempDir(), t.TempDir()
	art := "---\ntitle: A\ndate: 2017-08-06\n---\nx\n"
	os.MkdirAll(filepath.Join(site, "content/articles"), 0o755)
	os.WriteFile(filepath.Join(archive, "a.md"), []byte(art), 0o644)
	if err := os.Symlink(archive, filepath.Join(site, "content/articles/2017")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(filepath.Join(archive, "a.md"), filepath.Join(site, "content/articles/b.md"))
	set, probs := Load(os.DirFS(site), model.Config{})
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Error())
	}
	want := "content/articles/2017: warning: not read: a link to a folder; the files of a folder linked inside content/articles/, content/projects/ or content/pages/ are not read"
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], want) {
		t.Errorf("problems %q, want one starting %q", msgs, want)
	}
	if len(set.Articles) != 1 || set.Articles[0].Path != "content/articles/b.md" {
		t.Errorf("the linked file is not read: %d articles", len(set.Articles))
	}
}

// Keys left blank are not filled in yet, none an error: team_lead: was
// the one that stopped the build ("expected a map, got nothing").
func TestBlankKeysAreNotFilledIn(t *testing.T) {
	set, msgs := messages(t, one(art, "---\ntitle: A\ndate: 2018-08-06\nkind:\nteam_lead:\ninspected_unit:\ndocuments:\ntags:\nsummary:\noutcome:\n---\nx\n"))
	if len(msgs) != 0 || len(set.Articles) != 1 {
		t.Fatalf("problems %q, %d articles", msgs, len(set.Articles))
	}
	if a := set.Articles[0]; a.TeamLead.Name != "" || a.Unit != "" || len(a.Documents) != 0 {
		t.Errorf("blank keys read as %+v", a)
	}
}
