package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestProblems asserts the message an editor reads for each kind of bad
// input: file, line, field, what is wrong and what is accepted.
func TestProblems(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"broken YAML", art, "---\ntitle: a\ndate: [2018\n---\n", []string{
			`content/articles/a.md:3: invalid YAML frontmatter: did not find expected ',' or ']' (YAML fields are key: value, one a line; quote text that holds ": " or starts with [ { * & ! | > ' " % @)`}},
		{"YAML colon in text", art, "\n\n---\ntitle: a\ndate: 2018-08-06\nsummary: a: b\n---\n", []string{
			`content/articles/a.md:6: invalid YAML frontmatter: mapping values are not allowed in this context (YAML fields are key: value, one a line; quote text that holds ": " or starts with [ { * & ! | > ' " % @)`}},
		{"broken TOML", art, "+++\ntitle = \"a\"\ndate = \n+++\n", []string{
			`content/articles/a.md:3: invalid TOML frontmatter: expected value but found '\n' instead (TOML fields are key = value, text in quotes)`}},
		{"broken JSON", art, "{\n  \"title\": \"a\",\n  \"date\": 2018-08-06\n}\n\nBody\n", []string{
			`content/articles/a.md:3: invalid JSON frontmatter: invalid character '-' after object key:value pair (JSON fields are "key": value, separated by commas, text in double quotes)`}},
		{"missing title and date", art, "---\nkind: news\n---\n", []string{
			`content/articles/a.md:1: date: missing: an article needs a date (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`,
			`content/articles/a.md:1: title: missing: an article needs a title (add a line such as title: Kiểm tra ...)`}},
		{"empty title", art, "---\ntitle: \"  \"\ndate: 2018-08-06\n---\n", []string{
			`content/articles/a.md:2: title: the title is empty (write the title after title:)`}},
		{"impossible date", art, "---\ntitle: a\ndate: 31/02/2018\n---\n", []string{
			`content/articles/a.md:3: date: "31/02/2018" is not a valid date: day out of range (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`}},
		{"impossible hour", art, "---\ntitle: a\ndate: \"25:00, 06/08/2018\"\n---\n", []string{
			`content/articles/a.md:3: date: "25:00, 06/08/2018" is not a valid date: hour out of range (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`}},
		{"date a number", art, "---\ntitle: a\ndate: 2018\n---\n", []string{
			`content/articles/a.md:3: date: expected a date, got the number 2018 (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`}},
		{"title a list", art, "---\ntitle: [a, b]\ndate: 2018-08-06\n---\n", []string{
			`content/articles/a.md:2: title: expected text, got a list (write the text, in quotes if it could be read as something else)`}},
		{"draft text", art, "---\ntitle: a\ndate: 2018-08-06\ndraft: \"yes\"\n---\n", []string{
			`content/articles/a.md:4: draft: expected true or false, got the text "yes" (true or false, without quotes)`}},
		{"tags a map", art, "---\ntitle: a\ndate: 2018-08-06\ntags: {a: 1}\n---\n", []string{
			`content/articles/a.md:4: tags: expected a list of texts, got a map (a list such as [dân vận, dân chủ ở cơ sở], or one text)`}},
		{"bad kind", art, "---\ntitle: a\ndate: 2018-08-06\nkind: report\n---\n", []string{
			`content/articles/a.md:4: kind: "report" is not a kind of article (accepted: news, outcome)`}},
		{"document without code", art, "---\ntitle: a\ndate: 2018-08-06\ndocuments:\n  - 01-ĐA/TU\n  - title: Đề án\n    date: 2016-02-30\n---\n", []string{
			`content/articles/a.md:6: documents[2].date: "2016-02-30" is not a valid date: day out of range (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`,
			`content/articles/a.md:6: documents[2]: the document has no code (each entry is a code such as 01-ĐA/TU, or a map with code:, date: and title:)`}},
		{"unknown field", art, "---\ntitle: a\ndate: 2018-08-06\ndocumnets: [x]\nauthor: me\n---\n", []string{
			`content/articles/a.md:4: warning: documnets: unknown field, ignored (did you mean "documents"?)`,
			`content/articles/a.md:5: warning: author: unknown field, ignored (known fields: title, date, kind, team_lead, inspected_unit, documents, outcome, tags, summary, image, draft, slug)`}},
		{"invalid UTF-8", art, "---\ntitle: a\ndate: 2018-08-06\n---\nok\nbad \xc3\x28 here\n", []string{
			`content/articles/a.md:6: invalid UTF-8 text (save the file as UTF-8)`}},
		{"no frontmatter", art, "# Just Markdown\n\ntext\n", []string{
			`content/articles/a.md:1: no frontmatter (start the file with a "---" line, then title: and date: lines, then a closing "---" line)`}},
		{"unclosed", art, "---\ntitle: a\n", []string{
			`content/articles/a.md:1: the frontmatter opened with "---" is never closed (end it with a line holding only "---")`}},
		{"binary", art, "---\ntitle: a\n\x00\x01\x02", []string{
			`content/articles/a.md:3: binary file (it holds a NUL byte) (content files are Markdown text saved as UTF-8)`}},
		{"frontmatter a list", art, "---\n- a\n- b\n---\n", []string{
			`content/articles/a.md:2: the YAML frontmatter is a list, not fields (write one field a line, such as title: ...)`}},
		{"empty slug", art, "---\ntitle: a\ndate: 2018-08-06\nslug: \"!!!\"\n---\n", []string{
			`content/articles/a.md:4: slug: "!!!" gives an empty slug (use letters or digits, e.g. slug: kiem-tra-dan-van)`}},
		{"title without letters", art, "---\ntitle: \"???\"\ndate: 2018-08-06\n---\n", []string{
			`content/articles/a.md:2: title: "???" has no letter or digit to make a URL from (add a slug: field)`}},
		{"team lead without name", art, "---\ntitle: a\ndate: 2018-08-06\nteam_lead:\n  role: x\n  nam: y\n---\n", []string{
			`content/articles/a.md:4: team_lead: the team lead has no name (a name, or a map with name: and role:)`,
			`content/articles/a.md:4: warning: team_lead.nam: unknown field, ignored (did you mean "name"?)`}},
		{"outcome follow up", art, "---\ntitle: a\ndate: 2018-08-06\noutcome:\n  follow_up_by: sớm\n---\n", []string{
			`content/articles/a.md:4: outcome.follow_up_by: "sớm" is not a date (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`}},
		{"project without code", "content/projects/p.md", "---\ntitle: Đề án\n---\n", []string{
			`content/projects/p.md:1: code: missing: a project needs a code (add a line such as code: 01-ĐA/TU)`}},
		{"page without title", "content/pages/about.md", "---\nslug: x\n---\n", []string{
			`content/pages/about.md:1: title: missing: a page needs a title (add a line such as title: Kiểm tra ...)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msgs := messages(t, one(tt.file, tt.src))
			if strings.Join(msgs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(msgs, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// TestAllProblemsTogether checks that every file's problems are reported,
// sorted, and that good files still load beside bad ones.
func TestAllProblemsTogether(t *testing.T) {
	set, msgs := messages(t, fstest.MapFS{
		"content/articles/b.md": {Data: []byte("---\ntitle: b\n---\n")},
		"content/articles/a.md": {Data: []byte("---\ndate: 2018-08-06\n---\n")},
		"content/articles/c.md": {Data: []byte("---\ntitle: c\ndate: 2018-08-06\n---\n")},
	})
	want := []string{
		`content/articles/a.md:1: title: missing: an article needs a title (add a line such as title: Kiểm tra ...)`,
		`content/articles/b.md:1: date: missing: an article needs a date (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(msgs, "\n\t"), strings.Join(want, "\n\t"))
	}
	if len(set.Articles) != 1 || set.Articles[0].Title != "c" {
		t.Errorf("articles = %v, want only c", set.Articles)
	}
}
