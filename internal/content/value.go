package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// norm turns what the three decoders give into one small set of types:
// string, bool, int64, float64, time.Time, nil, []any and map[string]any.
// yaml.v2 gives map[any]any and int; toml gives []map[string]any for an
// array of tables.
func norm(v any) any {
	switch v := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[fmt.Sprint(k)] = norm(x)
		}
		return m
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = norm(x)
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = norm(x)
		}
		return l
	case []map[string]any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = norm(x)
		}
		return l
	case int:
		return int64(v)
	case uint64:
		return float64(v)
	}
	return v
}

// decoder converts the fields of one file, collecting problems rather
// than stopping at the first.
type decoder struct {
	path  string
	f     *front
	loc   *time.Location
	probs diag.List
}

// Each problem is said twice, side by side: format and hint in English
// for the terminal (check, build), vi in Vietnamese for the clerk at the
// browser's editor (diag.Problem.Vi), in the form's terms: the field's
// label (model.Label), the value as typed, what to do in the form. A
// helper that makes a problem takes both, so neither can be forgotten.

// errf reports a field whose value is not acceptable.
func (d *decoder) errf(field string, line int, vi, hint, format string, args ...any) {
	d.add(diag.InvalidValue, field, line, vi, hint, format, args...)
}

// missing reports a required field that is absent.
func (d *decoder) missing(field string, line int, vi, hint, format string, args ...any) {
	d.add(diag.MissingField, field, line, vi, hint, format, args...)
}

// twice reports a field given twice.
func (d *decoder) twice(field string, line int, vi, hint, format string, args ...any) {
	d.add(diag.DuplicateField, field, line, vi, hint, format, args...)
}

// add reports a problem of code with field.
func (d *decoder) add(code, field string, line int, vi, hint, format string, args ...any) {
	p := diag.New(code, d.path, line, field, format, args...)
	p.Hint, p.Vi = hint, vi
	d.probs.Add(p)
}

// get returns the value of top-level key and its line.
func (d *decoder) get(key string) (any, int, bool) {
	v, ok := d.f.vals[key]
	return v, d.f.line(key), ok
}

// unknown warns about each key of m not in known, with a "did you mean"
// hint when one known key is close: a typo must not silently drop a field.
func (d *decoder) unknown(prefix string, m map[string]any, line func(string) int, known []string) {
	for k := range m {
		if contains(known, k) {
			continue
		}
		p := diag.New(diag.UnknownField, d.path, line(k), prefix+k, "unknown field, ignored")
		p.Vi = fmt.Sprintf("Tệp có mục «%s» mà trang không dùng, nên mục này bị bỏ qua.", prefix+k)
		if near := text.Nearest(k, known); near != "" {
			p.Hint = fmt.Sprintf("did you mean %q?", near)
			if l := model.Label(prefix + near); l != "" {
				p.Vi += fmt.Sprintf(" Có lẽ đó là «%s» (%s) bị gõ sai:", prefix+near, l)
			} else {
				p.Vi += fmt.Sprintf(" Có lẽ đó là «%s» bị gõ sai:", prefix+near)
			}
			p.Vi += " hãy sửa tên mục trong tệp, hoặc nhờ người quản trị."
		} else {
			p.Hint = "known fields: " + strings.Join(known, ", ")
			p.Vi += " Nếu đó là thông tin cần đăng, hãy nhờ người quản trị."
		}
		d.probs.Add(p)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// text converts a text value; numbers are accepted as written. Text with
// a character no web page may hold (see forbidden) is an error.
func (d *decoder) text(field string, line int, v any) (string, bool) {
	switch v := v.(type) {
	case string:
		s := strings.TrimSpace(v)
		if i, r, bad := forbidden(s); bad {
			d.errf(field, line, fmt.Sprintf("%s có một ký tự ẩn không được phép trên trang web (ký tự thứ %d), "+
				"thường lẫn vào khi dán chữ từ PDF hay Word: hãy xóa ký tự đó, hoặc gõ lại đoạn chữ quanh nó.", label(field), i),
				"delete it: it often comes with text pasted from a PDF or a word processor",
				"the text holds the %s U+%04X at character %d, which web pages may not contain", charKind(r), r, i)
			return s, false
		}
		return s, true
	case int64, float64:
		// An unquoted number is text as written only if it reads back the
		// same: YAML reads 0123 as 83, 1.10 as 1.1 and 1e3 as 1000.
		n := fmt.Sprint(v)
		if f, ok := v.(float64); ok {
			n = strconv.FormatFloat(f, 'f', -1, 64)
		}
		if !d.written(n) {
			d.errf(field, line, fmt.Sprintf("%s trong tệp được đọc thành số %s, khác với cách viết: hãy gõ lại nội dung ô này rồi lưu.", label(field), n),
				"write it in quotes to keep it as text", "a number was read here as %s, which is not how it is written", n)
			return "", false
		}
		return n, true
	case nil:
		return "", true
	}
	d.errf(field, line, fmt.Sprintf("%s trong tệp là %s, không phải chữ: hãy gõ lại nội dung ô này rồi lưu.", label(field), diag.DescribeVi(v)),
		"write the text, in quotes if it could be read as something else", "expected text, got %s", diag.Describe(v))
	return "", false
}

// name converts a text that names someone or something the site gathers
// articles under (a team lead, a unit): invisible format characters
// pasted with it are dropped, so that it is the name the other articles
// give, on one page.
func (d *decoder) name(field string, line int, v any) string {
	s, _ := d.text(field, line, v)
	return text.StripFormat(s)
}

// written reports whether the frontmatter holds s as a whole token, not
// as part of a longer number: the text a number came from. The whole
// frontmatter is searched, since the line known for a list entry or a
// nested key is often its parent's; a number that reads back as written
// somewhere is taken as written.
func (d *decoder) written(s string) bool {
	l := string(d.f.raw)
	for off := 0; ; {
		j := strings.Index(l[off:], s)
		if j < 0 {
			return false
		}
		j += off
		end := j + len(s)
		if (j == 0 || !numberChar(l[j-1])) && (end == len(l) || !numberChar(l[end])) {
			return true
		}
		off = j + 1
	}
}

func numberChar(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == '_' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == 'x' || c == 'o'
}

// texts converts a list of texts, or a single text, dropping empty entries.
func (d *decoder) texts(field string, line int, v any) []string {
	list, ok := v.([]any)
	if !ok {
		if _, isMap := v.(map[string]any); isMap || v == nil {
			if v != nil {
				d.errf(field, line, fmt.Sprintf("%s trong tệp là %s, không phải danh sách: hãy ghi lại từng mục rồi lưu.", label(field), diag.DescribeVi(v)),
					"a list such as [dân vận, dân chủ ở cơ sở], or one text", "expected a list of texts, got %s", diag.Describe(v))
			}
			return nil
		}
		list = []any{v}
	}
	var out []string
	for i, x := range list {
		s, ok := d.text(fmt.Sprintf("%s[%d]", field, i+1), line, x)
		if ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// flag converts a true/false value. Quoted "yes" is refused: it reads as
// text to YAML, and guessing would hide a mistake.
func (d *decoder) flag(field string, line int, v any) bool {
	b, ok := v.(bool)
	if !ok && v != nil {
		d.errf(field, line, fmt.Sprintf("%s trong tệp ghi %s, không rõ là có hay không: hãy bấm chọn (hoặc bỏ chọn) ô này rồi lưu.", label(field), diag.DescribeVi(v)),
			"true or false, without quotes", "expected true or false, got %s", diag.Describe(v))
	}
	return b
}

// forbidden finds the first character of s that the HTML standard does
// not allow in a page (the Nu checker rejects it): controls other than tab
// and newline, U+007F–U+009F, surrogates and noncharacters (U+FDD0–U+FDEF
// and U+FFFE/U+FFFF in every plane). It returns the character and its
// 1-based position.
func forbidden(s string) (int, rune, bool) {
	i := 0
	for _, r := range s {
		i++
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20, r >= 0x7F && r <= 0x9F, r >= 0xD800 && r <= 0xDFFF,
			r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
			return i, r, true
		}
	}
	return 0, 0, false
}

func charKind(r rune) string {
	switch {
	case r < 0xA0:
		return "control character"
	case r >= 0xD800 && r <= 0xDFFF:
		return "unpaired surrogate"
	}
	return "noncharacter"
}

// date converts a date value (TOML gives time.Time; YAML and JSON text).
// A date written with its own zone ("2018-08-31T20:00:00Z") is the same
// instant read in the site's zone, so the page shows the day and hour the
// URL and the lists go by.
func (d *decoder) date(field string, line int, v any) (time.Time, bool) {
	var t time.Time
	var err error
	switch v := v.(type) {
	case time.Time:
		t, err = tomlTime(v, d.loc)
	case string:
		t, err = parseDate(v, d.loc)
	default:
		d.errf(field, line, fmt.Sprintf("%s trong tệp là %s, không phải một ngày. %s", label(field), diag.DescribeVi(v), dateHowVi(field)),
			dateHint, "expected a date, got %s", diag.Describe(v))
		return time.Time{}, false
	}
	if err == nil {
		// Moved into the site's zone, 2100-12-31T23:00-05:00 is in the
		// year 2101.
		t = inZone(t, d.loc)
		text := fmt.Sprint(v)
		if s, ok := v.(string); ok {
			text = strings.TrimSpace(s) // as parseDate read it, and other messages quote it
		}
		_, err = checkYear(text, t)
	}
	if err != nil {
		vi := dateVi(err)
		if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
			vi = label(field) + " đang để trống" // "«» is not a date" to the terminal
		}
		d.errf(field, line, vi+". "+dateHowVi(field), dateHint, "%v", err)
		return time.Time{}, false
	}
	return t, true
}

// mapping converts a map value.
// how is what to do, in the editor's words.
func (d *decoder) mapping(field string, line int, v any, how, hint string) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		d.errf(field, line, fmt.Sprintf("%s trong tệp là %s, không đúng dạng: %s", label(field), diag.DescribeVi(v), how),
			hint, "expected a map, got %s", diag.Describe(v))
	}
	return m, ok
}
