package content

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"bulletin/internal/model"
)

// The fuzz targets' seed corpora are in testdata/fuzz; "go test" runs them,
// "go test -fuzz FuzzFormats" (and so on) searches further.

// TestPanicBecomesProblem checks the per-file recover: a bug on one file
// is reported on that file rather than crashing the build.
func TestPanicBecomesProblem(t *testing.T) {
	res := decodeFile("content/other/x.md", []byte("---\ntitle: a\n---\n"), hcm)
	if len(res.probs) != 1 || !strings.HasPrefix(res.probs[0].Error(), "content/other/x.md: internal error while reading this file:") {
		t.Errorf("got %v", res.probs)
	}
}

// FuzzDecode feeds arbitrary bytes as an article: the decoders never
// panic (which would show as an "internal error" problem); a file is
// either loaded or has an error; every problem names the file, and a line
// within it when it gives one; a loaded article has a title, a date in
// the years accepted at a whole-minute offset, and a slug.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		res := decodeFile(art, data, hcm)
		lines := strings.Count(string(data), "\n") + 1
		for _, p := range res.probs {
			if strings.Contains(p.Message, "internal error") {
				t.Fatalf("panic: %v", p)
			}
			if p.File != art || p.Line < 0 || p.Line > lines {
				t.Fatalf("problem %v: not on a line of the file (%d lines)", p, lines)
			}
		}
		if (res.article == nil) != (len(res.probs.Errors()) > 0) {
			t.Fatalf("article %v with problems %v", res.article, res.probs)
		}
		if a := res.article; a != nil {
			_, off := a.Date.Zone()
			if a.Title == "" || a.Slug == "" || a.Date.Year() < minYear || a.Date.Year() > maxYear || off%60 != 0 {
				t.Fatalf("loaded article: title %q, slug %q, date %v", a.Title, a.Slug, a.Date)
			}
		}
	})
}

// fields is one article's frontmatter, to be written in each format.
type fields struct {
	title, date, lead, role, unit, code, tag1, tag2 string
	draft                                           bool
}

// yamlQuote writes s as a YAML double-quoted scalar, escaping what YAML
// does not take as printable or reads as a line break.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r <= 0x7E,
			r >= 0xA0 && r <= 0xD7FF && r != 0x2028 && r != 0x2029,
			r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF,
			r >= 0x10000:
			b.WriteRune(r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlQuote writes s as a TOML basic string.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// write gives the frontmatter in one format, one field a line and on the
// same lines in all three, then a body.
func (f fields) write(format string) string {
	q, open, close, kv, obj, list, sep := yamlQuote, "---", "---", "%s: %s", "{name: %s, role: %s}", "[%s, %s]", ""
	switch format {
	case "TOML":
		q, open, close, kv, obj = tomlQuote, "+++", "+++", "%s = %s", "{ name = %s, role = %s }"
	case "JSON":
		q, open, close, kv, obj, sep = jsonQuote, "{", "}", `"%s": %s`, `{"name": %s, "role": %s}`, ","
	}
	lines := []string{
		fmt.Sprintf(kv, "title", q(f.title)),
		fmt.Sprintf(kv, "date", q(f.date)),
		fmt.Sprintf(kv, "team_lead", fmt.Sprintf(obj, q(f.lead), q(f.role))),
		fmt.Sprintf(kv, "inspected_unit", q(f.unit)),
		fmt.Sprintf(kv, "documents", fmt.Sprintf("[%s]", q(f.code))),
		fmt.Sprintf(kv, "tags", fmt.Sprintf(list, q(f.tag1), q(f.tag2))),
		fmt.Sprintf(kv, "draft", strconv.FormatBool(f.draft)),
	}
	return open + "\n" + strings.Join(lines, sep+"\n") + "\n" + close + "\n\nNội dung.\n"
}

// decoded is what an article's frontmatter decodes to, and its problems
// as an editor reads them, whatever the format.
func decoded(t *testing.T, src string) string {
	t.Helper()
	res := decodeFile(art, []byte(src), hcm)
	var out []string
	for _, p := range res.probs {
		out = append(out, p.Error())
	}
	if a := res.article; a != nil {
		out = append(out, fmt.Sprintf("%q %s %v %q %q %q %+v %q %v %q", a.Title, a.Date.Format(time.RFC3339Nano), a.DateOnly,
			a.TeamLead, a.Unit, a.Slug, a.Documents, a.Tags, a.Draft, model.Markdown(&a.Source)))
	}
	return strings.Join(out, "\n")
}

// FuzzFormats: the same fields written in YAML, TOML and JSON decode to
// the same article, or to the same problems on the same lines.
func FuzzFormats(f *testing.F) {
	f.Fuzz(func(t *testing.T, title, date, lead, role, unit, code, tag1, tag2 string, draft bool) {
		in := fields{title, date, lead, role, unit, code, tag1, tag2, draft}
		for _, s := range []string{title, date, lead, role, unit, code, tag1, tag2} {
			if !utf8.ValidString(s) {
				return // not text: each format refuses it its own way
			}
		}
		yaml := decoded(t, in.write("YAML"))
		for _, format := range []string{"TOML", "JSON"} {
			if got := decoded(t, in.write(format)); got != yaml {
				t.Fatalf("%s decodes otherwise than YAML:\n%s\n%s\nYAML:\n%s\n%s", format, in.write(format), got, in.write("YAML"), yaml)
			}
		}
	})
}

// readDate reads s as the decoder reads a date field.
func readDate(s string) (time.Time, string) {
	d := &decoder{path: art, loc: hcm}
	t, ok := d.date("date", 1, s)
	if !ok {
		return t, d.probs[0].Message
	}
	return t, ""
}

// FuzzDate: a date field that reads is in the years accepted, in the
// site's zone at an offset of whole minutes (never a local mean time; the
// zone's history otherwise, +08:00 in the south before 1975),
// and reads back as the same instant written as RFC 3339, in the
// Vietnamese form and after its weekday; one written without a time of
// day is at midnight. One that does not read says what was read.
func FuzzDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, msg := readDate(s)
		if msg != "" {
			if !strings.Contains(msg, strconv.Quote(strings.TrimSpace(s))) && !strings.Contains(msg, "expected a date") {
				t.Fatalf("date %q: the message %q does not quote the text", s, msg)
			}
			return
		}
		if _, off := d.Zone(); d.Year() < minYear || d.Year() > maxYear || off%60 != 0 {
			t.Fatalf("date %q = %s", s, d.Format(time.RFC3339Nano))
		}
		vn := d.Format("15:04:05, 02/01/2006")
		for _, again := range []struct {
			text string
			want time.Time
		}{
			{d.Format(time.RFC3339Nano), d},
			{vn, d.Truncate(time.Second)},
			{weekdayNames[d.Weekday()] + ", " + vn, d.Truncate(time.Second)},
		} {
			back, msg := readDate(again.text)
			if msg != "" || !back.Equal(again.want) {
				t.Fatalf("date %q = %s; written %q, read back %s, %s", s, d.Format(time.RFC3339Nano), again.text, back.Format(time.RFC3339Nano), msg)
			}
		}
		if dateOnly(s) && (d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0) {
			t.Fatalf("date %q = %s: a date alone, not at midnight", s, d.Format(time.RFC3339))
		}
	})
}

// TestFormatsWriteTheSameFields checks the writer FuzzFormats uses: it
// would prove nothing if the three texts differed in what they say.
func TestFormatsWriteTheSameFields(t *testing.T) {
	in := fields{"Kiểm \"tra\"\t\\ x", "16:41, 06/08/2018", "Bùi Hải Tú", "Phó\u2028Chủ nhiệm", "Đảng ủy", "01-ĐA/TU", "dân vận", "#x: y", true}
	var got []string
	for _, format := range []string{"YAML", "TOML", "JSON"} {
		got = append(got, decoded(t, in.write(format)))
	}
	if !reflect.DeepEqual(got[0], got[1]) || !reflect.DeepEqual(got[0], got[2]) || strings.Contains(got[0], "content/") {
		t.Errorf("decoded:\n%s", strings.Join(got, "\n"))
	}
}
