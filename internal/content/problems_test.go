package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"bulletin/internal/text"
)

const ctlHint = "delete it: it often comes with text pasted from a PDF or a word processor"

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
		// yaml.v2 gives no line for the frontmatter's first line, and finds
		// a quote left open where the frontmatter ends.
		{"YAML error on the first line", art, "---\ntitle: A: b\ndate: 2018-08-06\n---\n", []string{
			`content/articles/a.md:2: invalid YAML frontmatter: mapping values are not allowed in this context (` + hintFor("YAML") + `)`}},
		{"YAML quote never closed", art, "---\ntitle: a\nsummary: \"Tóm tắt\ndate: 2018-08-06\ntags: [a, 'b''c']\n---\n", []string{
			`content/articles/a.md:3: invalid YAML frontmatter: the text opened with " here is never closed (` + hintFor("YAML") + `)`}},
		{"YAML single quote never closed", art, "---\ntitle: \"It's \\\"a\\\"\" # it's\ntags:\n  - 'dân vận\ndate: 2018-08-06\n---\n", []string{
			`content/articles/a.md:4: invalid YAML frontmatter: the text opened with ' here is never closed (` + hintFor("YAML") + `)`}},
		{"YAML tab on the first line", art, "---\n\ttitle: a\ndate: 2018-08-06\n---\n", []string{
			`content/articles/a.md:2: invalid YAML frontmatter: found character that cannot start any token (indent with spaces: YAML does not take tabs for indentation)`}},
		{"YAML tab indentation", art, "---\ntitle: a\nteam_lead:\n\tname: x\n---\n", []string{
			`content/articles/a.md:4: invalid YAML frontmatter: found character that cannot start any token (indent with spaces: YAML does not take tabs for indentation)`}},
		{"broken TOML", art, "+++\ntitle = \"a\"\ndate = \n+++\n", []string{
			`content/articles/a.md:3: invalid TOML frontmatter: expected value but found '\n' instead (TOML fields are key = value, text in quotes)`}},
		{"broken JSON", art, "{\n  \"title\": \"a\",\n  \"date\": 2018-08-06\n}\n\nBody\n", []string{
			`content/articles/a.md:3: invalid JSON frontmatter: invalid character '-' after object key:value pair (JSON fields are "key": value, separated by commas, text in double quotes)`}},
		{"JSON never closed", art, "{\n\"title\": \"a\",\n\"date\": \"2018-08-06\"\n", []string{
			`content/articles/a.md:1: the JSON frontmatter opened with "{" is never closed (end the object with its "}", then write the body)`}},
		{"JSON missing its brace before the body", art, "{\n\"title\": \"a\",\n\"date\": \"2018-08-06\",\n\nBody\n", []string{
			`content/articles/a.md:5: invalid JSON frontmatter: invalid character 'B' looking for beginning of object key string (JSON fields are "key": value, separated by commas, text in double quotes)`}},
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
			`content/articles/a.md:6: documents[2]: the document has no code (each entry is a code such as 01-ĐA/TU, or a map with code:, date: and title:)`,
			`content/articles/a.md:7: documents[2].date: "2016-02-30" is not a valid date: day out of range (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`}},
		{"document parts on their own lines, in every format", art, "{\n\"title\": \"a\",\n\"documents\": [\n  {\"code\": \"01-ĐA/TU\",\n   \"title\": \"t\",\n   \"date\": \"31/02/2016\"},\n  {\"code\": \"02-ĐA/TU\", \"date\": \"x\"}\n],\n\"date\": \"2018-08-06\"\n}\n\n", []string{
			`content/articles/a.md:6: documents[1].date: "31/02/2016" is not a valid date: day out of range (` + dateHint + `)`,
			`content/articles/a.md:7: documents[2].date: "x" is not a date (` + dateHint + `)`}},
		{"unknown field", art, "---\ntitle: a\ndate: 2018-08-06\ndocumnets: [x]\nwriter: me\n---\n", []string{
			`content/articles/a.md:4: warning: documnets: unknown field, ignored (did you mean "documents"?)`,
			`content/articles/a.md:5: warning: writer: unknown field, ignored (known fields: title, date, kind, team_lead, inspected_unit, documents, outcome, tags, summary, image, draft, slug, author, updated, aliases)`}},
		{"a key in capitals", art, "---\ntitle: a\nDATE: 2018-08-06\n---\n", []string{
			`content/articles/a.md:1: date: missing: an article needs a date (` + dateHint + `)`,
			`content/articles/a.md:3: warning: DATE: unknown field, ignored (did you mean "date"?)`}},
		{"typos of the byline, correction and old URLs", art, "---\ntitle: a\ndate: 2018-08-06\nauthors: me\nupdate: 2018-08-07\nalias: [/a/]\n---\n", []string{
			`content/articles/a.md:4: warning: authors: unknown field, ignored (did you mean "author"?)`,
			`content/articles/a.md:5: warning: update: unknown field, ignored (did you mean "updated"?)`,
			`content/articles/a.md:6: warning: alias: unknown field, ignored (did you mean "aliases"?)`}},
		{"author a map", art, "---\ntitle: a\ndate: 2018-08-06\nauthor: {name: An}\n---\n", []string{
			`content/articles/a.md:4: author: expected a name or a list of names, got a map (a name, such as author: Phòng Thông tin, or a list of names)`}},
		{"updated before the date", art, "---\ntitle: a\ndate: 16:41, 06/08/2018\nupdated: 06/08/2018 09:15\n---\n", []string{
			`content/articles/a.md:4: updated: 09:15, 06/08/2018 is before the article's date (the time of the correction, after the date: 16:41, 06/08/2018)`}},
		{"updated a day alone, before the date's", art, "---\ntitle: a\ndate: 2021-03-09 10:00\nupdated: 08/03/2021\n---\n", []string{
			`content/articles/a.md:4: updated: 08/03/2021 is before the article's date (the time of the correction, after the date: 10:00, 09/03/2021)`}},
		{"a code with words before its number that are no kind", art, "---\ntitle: a\ndate: 2018-08-06\ndocuments:\n  - Văn bản số 22-QĐ/TW\n  - Quy định số 22-QĐ/TW\n  - 01 - ĐA / TU\n---\n", []string{
			`content/articles/a.md:5: warning: documents[1]: "Văn bản số 22-QĐ/TW": the words "Văn bản số" are read as part of the code, and make it a document of its own (write the code alone (the number and the issuer's letters, such as 22-QĐ/TW), or after a kind bulletin knows (` + strings.Join(text.Kinds, ", ") + `))`}},
		{"updated not a date", art, "---\ntitle: a\ndate: 2018-08-06\nupdated: hôm qua\n---\n", []string{
			`content/articles/a.md:4: updated: "hôm qua" is not a date (` + dateHint + `)`}},
		{"aliases that are no paths of the site", art, "---\ntitle: a\ndate: 2018-08-06\naliases:\n  - https://kiemtra.example.vn/2018/08/cu/\n  - 2018/08/cu/\n  - /a/../b/\n  - /\n  - \"/a b/\"\n---\n", []string{
			`content/articles/a.md:5: aliases[1]: "https://kiemtra.example.vn/2018/08/cu/" is a full address: write its path on this site only, from the / after the domain (` + aliasHint + `)`,
			`content/articles/a.md:6: aliases[2]: "2018/08/cu/" is not a path of the site: it must start with / (` + aliasHint + `)`,
			`content/articles/a.md:7: aliases[3]: "/a/../b/" is not a clean path (no //, . or .. parts) (` + aliasHint + `)`,
			`content/articles/a.md:8: aliases[4]: "/" is the front page, which cannot lead to an article (` + aliasHint + `)`,
			`content/articles/a.md:9: aliases[5]: "/a b/" holds a character a path of the site cannot (?, #, \ or a space) (` + aliasHint + `)`}},
		{"aliases with %-escapes that are no path", art, "---\ntitle: a\ndate: 2018-08-06\naliases:\n  - /tin/100%/\n  - /tin/a%2Fb/\n  - /tin/%E0%E1/\n---\n", []string{
			`content/articles/a.md:5: aliases[1]: "/tin/100%/" holds a % that is no %-escape (%C3%A0 is à) (` + aliasHint + `)`,
			`content/articles/a.md:6: aliases[2]: "/tin/a%2Fb/" holds, %-escaped, a character a path of the site cannot (?, #, \, / or a control character) (` + aliasHint + `)`,
			`content/articles/a.md:7: aliases[3]: "/tin/%E0%E1/" is not UTF-8 text once its %-escapes are read (an address of an old site in another encoding) (` + aliasHint + `)`}},
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
		{"script image", art, "---\ntitle: a\ndate: 2018-08-06\nimage: \"javascript:alert(1)\"\n---\n", []string{
			`content/articles/a.md:4: image: "javascript:alert(1)" is not an image address (a file of the site such as /images/kiem-tra.jpg, or an http(s) address)`}},
		{"empty slug", art, "---\ntitle: a\ndate: 2018-08-06\nslug: \"!!!\"\n---\n", []string{
			`content/articles/a.md:4: slug: "!!!" gives an empty slug (use letters or digits, e.g. slug: kiem-tra-dan-van)`}},
		{"title without letters", art, "---\ntitle: \"???\"\ndate: 2018-08-06\n---\n", []string{
			`content/articles/a.md:2: title: "???" has no letter or digit to make a URL from (add a slug: field)`}},
		{"team lead without name", art, "---\ntitle: a\ndate: 2018-08-06\nteam_lead:\n  role: x\n  nam: y\n---\n", []string{
			`content/articles/a.md:4: team_lead: the team lead has no name (a name, or a map with name: and role:)`,
			`content/articles/a.md:4: warning: team_lead.nam: unknown field, ignored (did you mean "name"?)`}},
		{"team lead YAML reads as true", art, "---\ntitle: a\ndate: 2018-08-06\nteam_lead: Y\n---\n", []string{
			`content/articles/a.md:4: team_lead: expected text, got true (true/false) (write the text, in quotes if it could be read as something else)`}},
		{"outcome follow up", art, "---\ntitle: a\ndate: 2018-08-06\noutcome:\n  follow_up_by: sớm\n---\n", []string{
			`content/articles/a.md:4: outcome.follow_up_by: "sớm" is not a date (accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first))`}},
		{"project without code", "content/projects/p.md", "---\ntitle: Đề án\n---\n", []string{
			`content/projects/p.md:1: code: missing: a project needs a code (add a line such as code: 01-ĐA/TU)`}},
		{"page without title", "content/pages/about.md", "---\nslug: x\n---\n", []string{
			`content/pages/about.md:1: title: missing: a page needs a title (add a line such as title: Kiểm tra ...)`}},

		// toml v1 errors ("toml: line 3 (last key ...): ...") on the file's line.
		{"TOML error after blank lines", art, "\n\n+++\ntitle = \"a\"\ndate = 2018-08-06\ntags = [\"x\"\n+++\n", []string{
			`content/articles/a.md:6: invalid TOML frontmatter: expected a comma (',') or array terminator (']'), but got end of file (TOML fields are key = value, text in quotes)`}},
		{"TOML duplicate key", art, "+++\ntitle = \"a\"\ndate = 2018-08-06\ntitle = \"b\"\n+++\n", []string{
			`content/articles/a.md:4: invalid TOML frontmatter: Key 'title' has already been defined. (TOML fields are key = value, text in quotes)`}},
		{"TOML string with newline", art, "+++\ndate = 2018-08-06\ntitle = \"abc\n+++\n", []string{
			`content/articles/a.md:3: invalid TOML frontmatter: strings cannot contain newlines (TOML fields are key = value, text in quotes)`}},

		// A TOML time of day alone is not a date.
		{"TOML local time", art, "+++\ntitle = \"a\"\ndate = 16:41:00\n+++\n", []string{
			`content/articles/a.md:3: date: 16:41:00 is a time of day without a date (` + dateHint + `)`}},
		{"TOML local time in a document", art, "+++\ntitle = \"a\"\ndate = 2018-08-06\ndocuments = [{code = \"01-ĐA/TU\", date = 07:30:00}]\n+++\n", []string{
			`content/articles/a.md:4: documents[1].date: 07:30:00 is a time of day without a date (` + dateHint + `)`}},

		// Years outside 1900–2100 are typos (and year 0 breaks RFC 3339).
		{"year 0 YAML", art, "---\ntitle: a\ndate: 0000-01-01\n---\n", []string{
			`content/articles/a.md:3: date: "0000-01-01" is not a valid date: the year must be between 1900 and 2100 (` + dateHint + `)`}},
		{"year 0 day first", art, "---\ntitle: a\ndate: 01/01/0000\n---\n", []string{
			`content/articles/a.md:3: date: "01/01/0000" is not a valid date: the year must be between 1900 and 2100 (` + dateHint + `)`}},
		{"year 0 follow-up", art, "---\ntitle: a\ndate: 2018-08-06\noutcome:\n  follow_up_by: 0000-09-30\n---\n", []string{
			`content/articles/a.md:4: outcome.follow_up_by: "0000-09-30" is not a valid date: the year must be between 1900 and 2100 (` + dateHint + `)`}},
		{"year 0 TOML", art, "+++\ntitle = \"a\"\ndate = 0000-01-01\n+++\n", []string{
			`content/articles/a.md:3: date: "0000-01-01" is not a valid date: the year must be between 1900 and 2100 (` + dateHint + `)`}},
		{"year 0 TOML local date-time", art, "+++\ntitle = \"a\"\ndate = 0000-12-31T23:30:00\n+++\n", []string{
			`content/articles/a.md:3: date: "0000-12-31T23:30:00" is not a valid date: the year must be between 1900 and 2100 (` + dateHint + `)`}},
		{"year 0 with a zone", art, "---\ntitle: a\ndate: 0000-12-31T23:00:00+07:00\n---\n", []string{
			`content/articles/a.md:3: date: "0000-12-31T23:00:00+07:00" is not a valid date: the year must be between 1900 and 2100 (` + dateHint + `)`}},
		{"year 0 in a project", "content/projects/p.md", "---\ncode: 01-ĐA/TU\ndate: 0000-02-03\n---\n", []string{
			`content/projects/p.md:3: date: "0000-02-03" is not a valid date: the year must be between 1900 and 2100 (` + dateHint + `)`}},

		// Characters no web page may hold, in every text field.
		{"control in title", art, "---\ntitle: \"a\\x01b\"\ndate: 2018-08-06\n---\n", []string{
			`content/articles/a.md:2: title: the text holds the control character U+0001 at character 2, which web pages may not contain (` + ctlHint + `)`}},
		{"DEL in team lead name", art, "---\ntitle: a\ndate: 2018-08-06\nteam_lead: \"Bùi\\x7fTú\"\n---\n", []string{
			`content/articles/a.md:4: team_lead: the text holds the control character U+007F at character 4, which web pages may not contain (` + ctlHint + `)`}},
		{"C1 in team lead role", art, "---\ntitle: a\ndate: 2018-08-06\nteam_lead:\n  name: B\n  role: \"x\\x85y\"\n---\n", []string{
			`content/articles/a.md:4: team_lead.role: the text holds the control character U+0085 at character 2, which web pages may not contain (` + ctlHint + `)`}},
		{"control in unit, tags, summary, image, slug", art, "---\ntitle: a\ndate: 2018-08-06\ninspected_unit: \"x\\x1f\"\ntags: [ok, \"b\\x0bc\"]\nsummary: \"s\\x08\"\nimage: \"/i\\x00.jpg\"\nslug: \"a\\uFFFE\"\n---\n", []string{
			`content/articles/a.md:4: inspected_unit: the text holds the control character U+001F at character 2, which web pages may not contain (` + ctlHint + `)`,
			`content/articles/a.md:5: tags[2]: the text holds the control character U+000B at character 2, which web pages may not contain (` + ctlHint + `)`,
			`content/articles/a.md:6: summary: the text holds the control character U+0008 at character 2, which web pages may not contain (` + ctlHint + `)`,
			`content/articles/a.md:7: image: the text holds the control character U+0000 at character 3, which web pages may not contain (` + ctlHint + `)`,
			`content/articles/a.md:8: slug: the text holds the noncharacter U+FFFE at character 2, which web pages may not contain (` + ctlHint + `)`}},
		{"control in documents and outcome", art, "+++\ntitle = \"a\"\ndate = 2018-08-06\ndocuments = [\"01\\u0002\", {code = \"02-ĐA/TU\", title = \"t\\uFFFF\"}]\n[outcome]\nfindings = [\"f\\u009b\"]\nrecommendations = \"r\\rs\"\n+++\n", []string{
			`content/articles/a.md:4: documents[1]: the text holds the control character U+0002 at character 3, which web pages may not contain (` + ctlHint + `)`,
			`content/articles/a.md:4: documents[2].title: the text holds the noncharacter U+FFFF at character 2, which web pages may not contain (` + ctlHint + `)`,
			`content/articles/a.md:5: outcome.recommendations[1]: the text holds the control character U+000D at character 2, which web pages may not contain (` + ctlHint + `)`,
			`content/articles/a.md:5: outcome.findings[1]: the text holds the control character U+009B at character 2, which web pages may not contain (` + ctlHint + `)`}},
		{"TOML documents one per line", art, "+++\ntitle = \"a\"\ndate = 2018-08-06\ndocuments = [\n  \"01-ĐA/TU\", # đề án \"một\", [cũ]\n  { code = \"02-ĐA/TU\", title = \"\"\"dài,\nhai dòng\"\"\" },\n  { code = \"03-ĐA/TU\", date = 07:30:00 }, [\"x\"],\n]\n+++\n", []string{
			`content/articles/a.md:8: documents[3].date: 07:30:00 is a time of day without a date (` + dateHint + `)`,
			`content/articles/a.md:8: documents[4]: expected a code, got a list (each entry is a code such as 01-ĐA/TU, or a map with code:, date: and title:)`}},
		{"numbers that do not read back as written", art, "---\ntitle: 0123\ndate: 2018-08-06\nsummary: 1.10\ninspected_unit: 1e3\ntags: [0x1F, 2018, -5]\nslug: 2018\n---\n", []string{
			`content/articles/a.md:2: title: a number was read here as 83, which is not how it is written (write it in quotes to keep it as text)`,
			`content/articles/a.md:4: summary: a number was read here as 1.1, which is not how it is written (write it in quotes to keep it as text)`,
			`content/articles/a.md:5: inspected_unit: a number was read here as 1000, which is not how it is written (write it in quotes to keep it as text)`,
			`content/articles/a.md:6: tags[1]: a number was read here as 31, which is not how it is written (write it in quotes to keep it as text)`}},
		{"numbers in block lists and nested keys that read back as written are text", art, "---\ntitle: a\ndate: 2018-08-06\ntags:\n  - 2019\n  - 0123\nteam_lead:\n  name: 2019\n  role: 12.50\n---\n", []string{
			`content/articles/a.md:4: tags[2]: a number was read here as 83, which is not how it is written (write it in quotes to keep it as text)`,
			`content/articles/a.md:7: team_lead.role: a number was read here as 12.5, which is not how it is written (write it in quotes to keep it as text)`}},
		{"control character YAML refuses, on its line", art, "---\ntitle: a\ndate: 2018-08-06\nsummary: \"x\x01y\"\n---\n", []string{
			`content/articles/a.md:4: invalid YAML frontmatter: control characters are not allowed (U+0001) (` + hintFor("YAML") + `)`}},
		{"control in JSON code of a document", art, "{\n\"title\": \"a\",\n\"date\": \"2018-08-06\",\n\"documents\": [{\"code\": \"0\\u00071\"}]\n}\n\n", []string{
			`content/articles/a.md:4: documents[1].code: the text holds the control character U+0007 at character 2, which web pages may not contain (` + ctlHint + `)`}},
		{"control in project fields", "content/projects/p.md", "---\ncode: \"01\\x1b\"\ntitle: \"t\\x1b\"\nissuer: \"i\\x1b\"\nperiod: \"p\\x1b\"\n---\n", []string{
			`content/projects/p.md:2: code: the text holds the control character U+001B at character 3, which web pages may not contain (` + ctlHint + `)`,
			`content/projects/p.md:3: title: the text holds the control character U+001B at character 2, which web pages may not contain (` + ctlHint + `)`,
			`content/projects/p.md:4: issuer: the text holds the control character U+001B at character 2, which web pages may not contain (` + ctlHint + `)`,
			`content/projects/p.md:5: period: the text holds the control character U+001B at character 2, which web pages may not contain (` + ctlHint + `)`}},
		{"control in page title", "content/pages/about.md", "---\ntitle: \"Giới\\x0cthiệu\"\n---\n", []string{
			`content/pages/about.md:2: title: the text holds the control character U+000C at character 5, which web pages may not contain (` + ctlHint + `)`}},

		// A document code must make a URL, in an article as in a project.
		{"document code without letters", art, "---\ntitle: a\ndate: 2018-08-06\ndocuments:\n  - \"/-/\"\n  - code: \" - \"\n    title: x\n---\n", []string{
			`content/articles/a.md:5: documents[1]: "/-/" is not a document code: it has no letters (` + text.CodeHint + `)`,
			`content/articles/a.md:6: documents[2].code: "-" is not a document code: it has no letters (` + text.CodeHint + `)`}},
		// ... nor a project of its own that is no document.
		{"document code a number, or two codes", art, "---\ntitle: a\ndate: 2018-08-06\ndocuments:\n  - 42\n  - code: 01-ĐA/TU và 02-ĐA/TU\n  - Đề án số\n---\n", []string{
			`content/articles/a.md:5: documents[1]: "42" is not a document code: it has no letters (` + text.CodeHint + `)`,
			`content/articles/a.md:6: documents[2].code: "01-ĐA/TU và 02-ĐA/TU" holds more than one code (` + text.CodeHint + `)`,
			`content/articles/a.md:7: documents[3]: "Đề án số" is a kind of document without its code (` + text.CodeHint + `)`}},
		{"project code without letters", "content/projects/p.md", "---\ncode: \"/-/\"\n---\n", []string{
			`content/projects/p.md:2: code: "/-/" is not a document code: it has no letters (` + text.CodeHint + `)`}},

		// Keys given twice: yaml.v2 and encoding/json keep the last silently.
		{"YAML duplicate key", art, "---\ntitle: A\ndate: 2018-08-06\ntitle: B\n---\n", []string{
			`content/articles/a.md:4: title: the field is given twice, on lines 2 and 4 (keep one of them)`}},
		{"YAML key three times", art, "\n---\ntags: [a]\ntitle: A\n\"tags\": [b]\ndate: 2018-08-06\ntags: c\n---\n", []string{
			`content/articles/a.md:5: tags: the field is given twice, on lines 3 and 5 (keep one of them)`,
			`content/articles/a.md:7: tags: the field is given twice, on lines 3 and 7 (keep one of them)`}},
		{"JSON duplicate key", art, "{\n\"title\": \"A\",\n\"date\": \"2018-08-06\",\n\"title\": \"B\"\n}\n\n", []string{
			`content/articles/a.md:4: title: the field is given twice, on lines 2 and 4 (keep one of them)`}},
		{"YAML nested key repeated is not top-level", art, "---\ntitle: A\ndate: 2018-08-06\nteam_lead:\n  name: x\noutcome:\n  findings: [z]\n---\n", nil},
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
