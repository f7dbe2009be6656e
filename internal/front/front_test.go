package front

import (
	"reflect"
	"strings"
	"testing"
)

const yamlFile = "\xEF\xBB\xBF---\r\n" +
	"# Bản tin gốc: giữ nguyên\r\n" +
	"title: Kiểm tra dân vận # tiêu đề tạm\r\n" +
	"date: 16:41, 06/08/2018\r\n" +
	"team_lead:\r\n" +
	"  name: Bùi Hải Tú\r\n" +
	"  # chức vụ theo quyết định\r\n" +
	"  role: Phó Chủ nhiệm\r\n" +
	"documents:\r\n" +
	"  - code: 01-ĐA/TU\r\n" +
	"    date: 12/7/2016 # ngày ban hành\r\n" +
	"  - 02-ĐA/TU\r\n" +
	"\r\n" +
	"# phần lạ\r\n" +
	"ghi_chu: khóa không có trong hợp đồng\r\n" +
	"tags: [dân vận, dân chủ]\r\n" +
	"---\r\n" +
	"Thân bài  \r\n\r\n*giữ nguyên*\r\n"

const tomlFile = "+++\n" +
	"# bản TOML\n" +
	"title = \"Kiểm tra dân vận\" # tiêu đề\n" +
	"date = 2018-08-06T16:41:00+07:00\n" +
	"tags = [\n  \"dân vận\",\n  \"dân chủ\",\n]\n" +
	"ghi_chu = 'khóa lạ'\n" +
	"\n" +
	"[team_lead]\n" +
	"name = \"Bùi Hải Tú\"\n" +
	"role = \"Phó Chủ nhiệm\"\n" +
	"\n" +
	"[[documents]]\n" +
	"code = \"01-ĐA/TU\"\n" +
	"title = \"Nâng cao\"\n" +
	"\n" +
	"[[documents]]\n" +
	"code = \"02-ĐA/TU\"\n" +
	"+++\n" +
	"Thân bài\n"

const jsonFile = "{\n" +
	"  \"title\": \"Kiểm tra dân vận\",\n" +
	"  \"date\": \"2018-08-06 16:41\",\n" +
	"  \"team_lead\": {\"name\": \"Bùi Hải Tú\", \"role\": \"Phó Chủ nhiệm\"},\n" +
	"  \"documents\": [\n    {\"code\": \"01-ĐA/TU\", \"title\": \"Nâng cao\"},\n    \"02-ĐA/TU\"\n  ],\n" +
	"  \"ghi_chu\": \"khóa lạ\"\n" +
	"}\n" +
	"\n" +
	"Thân bài\n"

func parse(t *testing.T, s string) *File {
	t.Helper()
	f, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, s)
	}
	if got := string(f.Bytes()); got != s {
		t.Fatalf("Parse then Bytes changed the file:\n%q\nwant\n%q", got, s)
	}
	return f
}

// diffLines returns the lines of b that are not the lines of a at the
// same place from the start or the end: what an edit changed.
func diffLines(a, b string) (removed, added []string) {
	al, bl := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	j := 0
	for j < len(al)-i && j < len(bl)-i && al[len(al)-1-j] == bl[len(bl)-1-j] {
		j++
	}
	removed, added = al[i:len(al)-j], bl[i:len(bl)-j]
	if len(removed) == 0 {
		removed = nil
	}
	if len(added) == 0 {
		added = nil
	}
	return removed, added
}

func TestEditsChangeOnlyTheirLines(t *testing.T) {
	tests := []struct {
		name, file   string
		key          string // the key edited
		edit         func(*File) error
		removed, add []string
	}{
		{"yaml title keeps its comment", yamlFile, "title", func(f *File) error { return f.Set("title", "Kiểm tra: dân vận") },
			[]string{"title: Kiểm tra dân vận # tiêu đề tạm\r\n"}, []string{"title: \"Kiểm tra: dân vận\" # tiêu đề tạm\r\n"}},
		{"yaml role only", yamlFile, "team_lead", func(f *File) error { return f.SetIn("team_lead", "role", "Chủ nhiệm") },
			[]string{"  role: Phó Chủ nhiệm\r\n"}, []string{"  role: Chủ nhiệm\r\n"}},
		{"yaml new key after the last", yamlFile, "slug", func(f *File) error { return f.Set("slug", "kiem-tra") },
			nil, []string{"slug: kiem-tra\r\n"}},
		{"yaml list keeps its items as written", yamlFile, "documents", func(f *File) error {
			return f.Set("documents", List{Items: []any{Keep(0), Keep(1), "15-NQ/TU"}})
		}, nil, []string{"  - \"15-NQ/TU\"\r\n"}},
		{"yaml flow list stays flow", yamlFile, "tags", func(f *File) error {
			return f.Set("tags", List{Items: []any{"dân vận", "kinh tế, xã hội"}})
		}, []string{"tags: [dân vận, dân chủ]\r\n"}, []string{"tags: [dân vận, \"kinh tế, xã hội\"]\r\n"}},
		{"yaml date bare", yamlFile, "date", func(f *File) error { return f.Set("date", Date("09:00, 07/08/2018")) },
			[]string{"date: 16:41, 06/08/2018\r\n"}, []string{"date: 09:00, 07/08/2018\r\n"}},
		{"yaml remove", yamlFile, "ghi_chu", func(f *File) error { return f.Remove("ghi_chu") },
			[]string{"ghi_chu: khóa không có trong hợp đồng\r\n"}, nil},
		{"toml title keeps its comment", tomlFile, "title", func(f *File) error { return f.Set("title", "Mới") },
			[]string{"title = \"Kiểm tra dân vận\" # tiêu đề\n"}, []string{"title = \"Mới\" # tiêu đề\n"}},
		{"toml role in its table", tomlFile, "team_lead", func(f *File) error { return f.SetIn("team_lead", "role", "Chủ nhiệm") },
			[]string{"role = \"Phó Chủ nhiệm\"\n"}, []string{"role = \"Chủ nhiệm\"\n"}},
		{"toml new key before the tables", tomlFile, "draft", func(f *File) error { return f.Set("draft", true) },
			nil, []string{"draft = true\n"}},
		{"toml array of tables", tomlFile, "documents", func(f *File) error {
			return f.Set("documents", List{Items: []any{Keep(0), Keep(1), Map{{"code", "15-NQ/TU"}}}})
		}, nil, []string{"\n", "[[documents]]\n", "code = \"15-NQ/TU\"\n"}},
		{"toml multi-line array", tomlFile, "tags", func(f *File) error {
			return f.Set("tags", List{Items: []any{"dân vận"}})
		}, []string{"  \"dân chủ\",\n"}, nil},
		{"json title", jsonFile, "title", func(f *File) error { return f.Set("title", "Mới \"trích\"") },
			[]string{"  \"title\": \"Kiểm tra dân vận\",\n"}, []string{"  \"title\": \"Mới \\\"trích\\\"\",\n"}},
		{"json role in a one-line object", jsonFile, "team_lead", func(f *File) error { return f.SetIn("team_lead", "role", "Chủ nhiệm") },
			[]string{"  \"team_lead\": {\"name\": \"Bùi Hải Tú\", \"role\": \"Phó Chủ nhiệm\"},\n"},
			[]string{"  \"team_lead\": {\"name\": \"Bùi Hải Tú\", \"role\": \"Chủ nhiệm\"},\n"}},
		{"json new key", jsonFile, "draft", func(f *File) error { return f.Set("draft", true) },
			[]string{"  \"ghi_chu\": \"khóa lạ\"\n"}, []string{"  \"ghi_chu\": \"khóa lạ\",\n", "  \"draft\": true\n"}},
		{"json list keeps items", jsonFile, "documents", func(f *File) error {
			return f.Set("documents", List{Items: []any{Keep(1), "15-NQ/TU"}})
		}, []string{"    {\"code\": \"01-ĐA/TU\", \"title\": \"Nâng cao\"},\n", "    \"02-ĐA/TU\"\n"},
			[]string{"    \"02-ĐA/TU\",\n", "    \"15-NQ/TU\"\n"}},
		{"json remove the first", jsonFile, "title", func(f *File) error { return f.Remove("title") },
			[]string{"  \"title\": \"Kiểm tra dân vận\",\n"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := parse(t, tc.file)
			before := f.Values()
			if err := tc.edit(f); err != nil {
				t.Fatal(err)
			}
			got := string(f.Bytes())
			removed, added := diffLines(tc.file, got)
			if !reflect.DeepEqual(removed, tc.removed) || !reflect.DeepEqual(added, tc.add) {
				t.Errorf("diff:\n-%q\n+%q\nwant\n-%q\n+%q\nfile:\n%s", removed, added, tc.removed, tc.add, got)
			}
			if _, err := Parse([]byte(got)); err != nil {
				t.Fatalf("the edited file does not parse: %v\n%s", err, got)
			}
			// Every other key reads as before.
			for k, v := range before {
				if w := f.Values()[k]; k != tc.key && !reflect.DeepEqual(v, w) {
					t.Errorf("%s changed: %v → %v", k, v, w)
				}
			}
		})
	}
}

func TestBodyKeepsItsBytesUnlessEdited(t *testing.T) {
	f := parse(t, yamlFile)
	if f.Body() != "Thân bài  \n\n*giữ nguyên*\n" {
		t.Fatalf("body %q", f.Body())
	}
	f.SetBody("Thân bài  \r\n\r\n*giữ nguyên*\r\n") // as a browser sends a text area
	if string(f.Bytes()) != yamlFile {
		t.Errorf("an unedited body changed:\n%q", f.Bytes())
	}
	f.SetBody("Mới\n\nhai đoạn\n")
	if got := string(f.Bytes()); !strings.HasSuffix(got, "---\r\nMới\r\n\r\nhai đoạn\r\n") {
		t.Errorf("an edited body is written with the file's line ends: %q", got)
	}
}

func TestListItemsKeptRemovedAndReordered(t *testing.T) {
	f := parse(t, yamlFile)
	if err := f.Set("documents", List{Items: []any{Keep(1), Keep(0)}}); err != nil {
		t.Fatal(err)
	}
	want := "documents:\r\n  - 02-ĐA/TU\r\n  - code: 01-ĐA/TU\r\n    date: 12/7/2016 # ngày ban hành\r\n\r\n# phần lạ\r\n"
	if !strings.Contains(string(f.Bytes()), want) {
		t.Errorf("reordered:\n%s", f.Bytes())
	}
	if err := f.Set("documents", List{Items: []any{Keep(1)}}); err != nil {
		t.Fatal(err)
	}
	if got := string(f.Bytes()); strings.Contains(got, "02-ĐA/TU") || !strings.Contains(got, "    date: 12/7/2016 # ngày ban hành\r\n") {
		t.Errorf("removed:\n%s", got)
	}
}

func TestNewFile(t *testing.T) {
	f := New()
	f.Set("title", "Kiểm tra: dân vận")
	f.Set("date", Date("2026-11-25T09:30:00+07:00"))
	f.Set("team_lead", Map{{"name", "Bùi Hải Tú"}, {"role", "Phó Chủ nhiệm"}})
	f.Set("documents", List{Items: []any{"01-ĐA/TU"}})
	f.Set("tags", List{Items: []any{"dân vận"}, Flow: true})
	f.SetBody("Thân bài.\n")
	want := "---\ntitle: \"Kiểm tra: dân vận\"\ndate: 2026-11-25T09:30:00+07:00\nteam_lead:\n  name: Bùi Hải Tú\n  role: Phó Chủ nhiệm\n" +
		"documents:\n  - \"01-ĐA/TU\"\ntags: [dân vận]\n---\nThân bài.\n"
	if got := string(f.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestParseRefusesWhatItCannotPlace(t *testing.T) {
	for _, s := range []string{"no frontmatter\n", "---\ntitle: x\n", "---\n- a\n---\n", "{\"title\": \n", "---\n{title: x}\n---\n"} {
		if _, err := Parse([]byte(s)); err == nil {
			t.Errorf("%q parsed", s)
		}
	}
}
