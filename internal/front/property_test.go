package front

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"unicode/utf8"
)

// trickyTexts are values that a careless writer would turn into another
// value, or into broken frontmatter.
var trickyTexts = []string{
	"Kiểm tra dân vận", "yes", "No", "null", "~", "123", "01-ĐA/TU", "a: b", "a #b", "#đầu", "- gạch",
	"[ngoặc]", "{nhọn}", "\"trích\"", "'nháy'", "a\\b", "hai\ndòng", " cách ", "tab\there", "", "*sao", "&neo",
	"!thẻ", "%phần", "@a", "`x`", "|", ">", "Đ", "dấu, phẩy", "kết:", "a]b", "ơ\u0301", "=", "+++", "---",
	"a\uFFFFb", "\uFFFE", // outside YAML's printable set: escaped, or the file would not parse
}

var docs = map[string]string{"yaml": yamlFile, "toml": tomlFile, "json": jsonFile}

// Setting one key changes that key and nothing else: with the key
// removed, the file before and after the edit are the same, and every
// other key reads as before.
func TestSettingOneKeyChangesOnlyThatKey(t *testing.T) {
	for name, doc := range docs {
		for _, key := range []string{"title", "ghi_chu", "summary", "date"} {
			for i, v := range trickyTexts {
				t.Run(fmt.Sprintf("%s/%s/%d", name, key, i), func(t *testing.T) {
					checkSet(t, doc, key, v)
				})
			}
		}
		for _, v := range []any{true, Date("2018-08-06T16:41:00+07:00"), Date("16:41, 06/08/2018"), Date("2018-08-06"),
			List{Items: []any{"a", "b, c", "yes"}}, List{}, Map{{"name", "Bùi: Hải Tú"}, {"role", "#1"}}} {
			for _, key := range []string{"tags", "draft", "team_lead", "documents", "moi"} {
				t.Run(fmt.Sprintf("%s/%s/%v", name, key, v), func(t *testing.T) { checkSet(t, doc, key, v) })
			}
		}
	}
}

func checkSet(t *testing.T, doc, key string, v any) {
	t.Helper()
	f := parse(t, doc)
	before := f.Values()
	if s, ok := v.(string); ok && !utf8.ValidString(s) {
		// Not text: refused, the file as it was.
		if err := f.Set(key, v); !errors.Is(err, ErrNotUTF8) || string(f.Bytes()) != string(parse(t, doc).Bytes()) {
			t.Errorf("Set(%q, %q) = %v, want ErrNotUTF8 and no change\n%s", key, s, err, f.Bytes())
		}
		return
	}
	if err := f.Set(key, v); err != nil {
		t.Fatal(err)
	}
	after := string(f.Bytes())
	g, err := Parse([]byte(after))
	if err != nil {
		t.Fatalf("the edited file does not parse: %v\n%s", err, after)
	}
	if got, want := g.Values()[key], decoded(v); !reflect.DeepEqual(got, want) {
		t.Errorf("%s reads %#v, want %#v\n%s", key, got, want, after)
	}
	for k, old := range before {
		if k != key && !reflect.DeepEqual(old, g.Values()[k]) {
			t.Errorf("%s changed: %#v → %#v\n%s", k, old, g.Values()[k], after)
		}
	}
	a, b := parse(t, doc), g
	a.Remove(key)
	b.Remove(key)
	if string(a.Bytes()) != string(b.Bytes()) {
		removed, added := diffLines(string(a.Bytes()), string(b.Bytes()))
		t.Errorf("lines outside %s changed: -%q +%q", key, removed, added)
	}
}

// decoded is what v reads back as.
func decoded(v any) any {
	switch v := v.(type) {
	case Date:
		return string(v)
	case List:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = decoded(it)
		}
		return out
	case Map:
		m := map[string]any{}
		for _, p := range v {
			m[p.Key] = decoded(p.Value)
		}
		return m
	}
	return v
}

// The same for one key of a map: team_lead's role changes, and nothing
// else, in each format.
func TestSettingOneKeyOfAMapChangesOnlyThatKey(t *testing.T) {
	for name, doc := range docs {
		for i, v := range trickyTexts {
			t.Run(fmt.Sprintf("%s/%d", name, i), func(t *testing.T) {
				f := parse(t, doc)
				before := f.Values()
				if err := f.SetIn("team_lead", "role", v); err != nil {
					t.Fatal(err)
				}
				g, err := Parse(f.Bytes())
				if err != nil {
					t.Fatalf("%v\n%s", err, f.Bytes())
				}
				lead := g.Values()["team_lead"].(map[string]any)
				if lead["role"] != v || lead["name"] != "Bùi Hải Tú" {
					t.Errorf("team_lead reads %#v\n%s", lead, f.Bytes())
				}
				for k, old := range before {
					if k != "team_lead" && !reflect.DeepEqual(old, g.Values()[k]) {
						t.Errorf("%s changed", k)
					}
				}
				a, b := parse(t, doc), g
				a.RemoveIn("team_lead", "role")
				b.RemoveIn("team_lead", "role")
				if string(a.Bytes()) != string(b.Bytes()) {
					removed, added := diffLines(string(a.Bytes()), string(b.Bytes()))
					t.Errorf("lines outside team_lead.role changed: -%q +%q", removed, added)
				}
			})
		}
	}
}

func FuzzSetTitle(f *testing.F) {
	for _, s := range trickyTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		for _, doc := range docs {
			checkSet(t, doc, "title", v)
		}
	})
}
