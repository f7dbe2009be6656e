package content

import (
	"fmt"
	"strings"
	"testing"
)

// TestDocumentCodesAsEditorsWriteThem: a text of codes with commas is
// several documents (as tags are); a citation's kind and "số" are not
// part of the code; a zero-width space inside a code makes no look-alike
// project. Each is the project its plain code is.
func TestDocumentCodesAsEditorsWriteThem(t *testing.T) {
	for _, tt := range []struct{ name, documents, want string }{
		{"one text, commas", `documents: 01-ĐA/TU, 02-ĐA/TU`, "01-ĐA/TU=01-DA/TU@4 02-ĐA/TU=02-DA/TU@4"},
		{"list entry, commas", "documents:\n  - 01-ĐA/TU; 02-ĐA/TU\n  - 03-ĐA/TU", "01-ĐA/TU=01-DA/TU@5 02-ĐA/TU=02-DA/TU@5 03-ĐA/TU=03-DA/TU@6"},
		{"a citation", `documents: [Đề án số 01-ĐA/TU, "Quyết định 4950/QĐ-UBND"]`, "01-ĐA/TU=01-DA/TU@4 4950/QĐ-UBND=4950/QD-UBND@4"},
		{"zero-width space", "documents:\n  - code: \"01-Đ\\u200bA/TU\"", "01-ĐA/TU=01-DA/TU@5"},
		{"Latin Ð", `documents: [01-ÐA/TU]`, "01-ÐA/TU=01-DA/TU@4"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: a\ndate: 2018-08-06\n" + tt.documents + "\n---\n"
			set, msgs := messages(t, one(art, src))
			if len(msgs) != 0 {
				t.Fatalf("problems: %v", msgs)
			}
			var got []string
			for _, d := range set.Articles[0].Documents {
				got = append(got, fmt.Sprintf("%s=%s@%d", d.Code, d.Key, d.Line))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("documents %s\nwant      %s", g, tt.want)
			}
		})
	}
}

// TestNamesLoseFormatCharacters: a zero-width space or soft hyphen pasted
// into a team lead, a unit or a tag is no part of the name, so the article
// is on the same pages as those that spell the name plainly.
func TestNamesLoseFormatCharacters(t *testing.T) {
	src := "---\ntitle: a\ndate: 2018-08-06\nteam_lead:\n  name: \"Bùi Hải\\u200b Tú\"\n  role: \"Phó\\u00ad Chủ nhiệm\"\n" +
		"inspected_unit: \"\\ufeffĐảng ủy Khối\"\ntags: [\"dân\\u200bvận\", \"\\u200b\"]\n---\n"
	set, msgs := messages(t, one(art, src))
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	a := set.Articles[0]
	got := fmt.Sprintf("%q %q %q %q", a.TeamLead.Name, a.TeamLead.Role, a.Unit, a.Tags)
	if want := `"Bùi Hải Tú" "Phó Chủ nhiệm" "Đảng ủy Khối" ["dânvận"]`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestProjectCodeReadAsInArticles: a project file's code is read as an
// article's, kind dropped, so both name one project.
func TestProjectCodeReadAsInArticles(t *testing.T) {
	set, msgs := messages(t, one("content/projects/p.md", "---\ncode: Đề án số 01-Đ\u200bA/TU\ntitle: x\n---\n"))
	if len(msgs) != 0 {
		t.Fatalf("problems: %v", msgs)
	}
	if p := set.Projects[0]; p.Code != "01-ĐA/TU" || p.Key != "01-DA/TU" || p.Slug != "01-da-tu" {
		t.Errorf("project %q %q %q", p.Code, p.Key, p.Slug)
	}
}
