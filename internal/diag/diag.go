package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Severity tells an error (the build stops) from a warning (it goes on).
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with the input.
type Problem struct {
	Severity Severity
	File     string // slash path relative to the site root
	Line     int    // 1-based; 0 when unknown
	Column   int    // 1-based; 0 when unknown
	Field    string // frontmatter key or setting, when one is concerned
	Message  string
	Hint     string // what is accepted, or what to do
	Code     string // the kind of problem, from the registry (codes.go)

	// Vi is the problem as the browser's editor tells an office clerk:
	// what is wrong and what to do, in plain Vietnamese and in the form's
	// terms (its fields' labels, the value as typed, dates as the form
	// shows them), never the file's syntax. It is written where the
	// problem is made, beside Message and Hint, which stay the terminal's
	// English. "" for a problem no form shows (a layout, site.yaml): the
	// editor then says its kind's Vi.
	Vi string

	// Notes are other places the problem concerns (the first citation of
	// a document, the other file on a URL), each with its own location,
	// so an editor's terminal or a tool can open both.
	Notes []Note
	// LineText is the text of line Line, once Quote has read it: shown
	// with a caret under the column.
	LineText string
	// Count is how many identical problems this one stands for (Compact):
	// one layout typo fails the same way on every page. 0 means 1.
	Count int
}

// Note is a second location of a problem, with what it says there.
type Note struct {
	File     string
	Line     int
	Column   int
	Field    string // the frontmatter key there, when one is concerned (the editor shows it beside that field)
	Message  string
	LineText string
}

// Times is how many identical problems p stands for: at least 1.
func (p *Problem) Times() int { return max(1, p.Count) }

// Error formats the problem as "file:line:col: field: message (hint)".
func (p *Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
			if p.Column > 0 {
				fmt.Fprintf(&b, ":%d", p.Column)
			}
		}
		b.WriteString(": ")
	}
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	if p.Count > 1 {
		fmt.Fprintf(&b, " ×%d", p.Count)
	}
	return b.String()
}

// Errorf makes an error-severity problem.
func Errorf(file string, line int, field, format string, args ...any) *Problem {
	return &Problem{File: file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Warnf makes a warning.
func Warnf(file string, line int, field, format string, args ...any) *Problem {
	return &Problem{Severity: Warning, File: file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Say sets p's Vietnamese (Vi) and returns p.
func (p *Problem) Say(format string, args ...any) *Problem {
	p.Vi = fmt.Sprintf(format, args...)
	return p
}

// Viet is what the editor tells a clerk of p: its own Vietnamese, or
// else its kind's.
func (p *Problem) Viet() string {
	if p.Vi != "" {
		return p.Vi
	}
	if k, ok := Lookup(p.Code); ok {
		r, n := utf8.DecodeRuneInString(k.Vi)
		line := string(unicode.ToUpper(r)) + k.Vi[n:]
		if !strings.HasSuffix(line, "?") && !strings.HasSuffix(line, ".") {
			line += "." // "có gõ nhầm năm không?" ends as it is
		}
		return line
	}
	if p.Severity == Warning {
		return "Cần xem lại tệp này (xem chi tiết kỹ thuật)."
	}
	return "Tệp này có lỗi (xem chi tiết kỹ thuật)."
}

// New makes a problem of a registered code, with the code's severity.
func New(code, file string, line int, field, format string, args ...any) *Problem {
	k, _ := Lookup(code)
	return &Problem{Severity: k.Severity, Code: code, File: file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Note adds a second location to p and returns p.
func (p *Problem) Note(file string, line int, format string, args ...any) *Problem {
	p.Notes = append(p.Notes, Note{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
	return p
}

// List collects problems. Its zero value is ready to use. It is not safe
// for concurrent use: collect per goroutine and Append.
type List []*Problem

// Add appends p.
func (l *List) Add(p *Problem) { *l = append(*l, p) }

// Append appends every problem of o.
func (l *List) Append(o List) { *l = append(*l, o...) }

// Errors returns the error-severity problems.
func (l List) Errors() List {
	var out List
	for _, p := range l {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns the warnings.
func (l List) Warnings() List {
	var out List
	for _, p := range l {
		if p.Severity == Warning {
			out = append(out, p)
		}
	}
	return out
}

// Sort orders problems by file, line, column and message, so reports are
// the same from one run to the next whatever the order of the work.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Message < b.Message
	})
}

// Err returns the list as an error when it holds any error-severity
// problem, and nil otherwise (warnings alone are not an error). The error
// carries the warnings too, so a report can show everything at once.
func (l List) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return &ListError{List: l}
}

// ListError is the error a failed stage returns: every problem found,
// errors and warnings.
type ListError struct{ List List }

func (e *ListError) Error() string {
	lines := make([]string, len(e.List))
	for i, p := range e.List {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// AsList extracts the problems from err: a ListError's list, a single
// Problem, or nil when err carries none.
func AsList(err error) List {
	var le *ListError
	if errors.As(err, &le) {
		return le.List
	}
	var p *Problem
	if errors.As(err, &p) {
		return List{p}
	}
	return nil
}

// Compact merges problems identical in all but their notes into the first
// of them, which counts them: one layout typo on 8,000 pages is one
// problem, reported once. The order is kept; l is not changed.
func (l List) Compact() List {
	type key struct {
		sev                       Severity
		code, file                string
		line, col                 int
		field, msg, hint, lineTxt string
	}
	seen := make(map[key]*Problem, len(l))
	out := make(List, 0, len(l))
	for _, p := range l {
		k := key{p.Severity, p.Code, p.File, p.Line, p.Column, p.Field, p.Message, p.Hint, p.LineText}
		if q, ok := seen[k]; ok {
			q.Count = q.Times() + p.Times()
			continue
		}
		c := *p
		seen[k] = &c
		out = append(out, &c)
	}
	return out
}

// JSON is the form of a problem that tools and browsers read: "bulletin
// check -json" prints one a line, and the preview server sends them to the
// error overlay. Text is the usual one-line form; Report is what the
// terminal shows, on several lines: Text, the line quoted with a caret
// under the column, and the notes. Every key is always there, so a tool
// need not test for it: "", 0 or [] where unknown (a file-wide error has
// no field or line text).
type JSON struct {
	Severity string     `json:"severity"`
	Code     string     `json:"code"`
	File     string     `json:"file"`
	Line     int        `json:"line"`
	Column   int        `json:"column"`
	Field    string     `json:"field"`
	Message  string     `json:"message"`
	Hint     string     `json:"hint"`
	Text     string     `json:"text"`
	Count    int        `json:"count"`
	LineText string     `json:"line_text"`
	Notes    []NoteJSON `json:"notes"`
	Report   string     `json:"report"`
}

// NoteJSON is a note in a problem's JSON form.
type NoteJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	LineText string `json:"line_text"`
}

// JSON returns p in its JSON form.
func (p *Problem) JSON() JSON {
	notes := make([]NoteJSON, len(p.Notes))
	for i, n := range p.Notes {
		notes[i] = NoteJSON{n.File, n.Line, n.Column, n.Message, n.LineText}
	}
	return JSON{p.Severity.String(), p.Code, p.File, p.Line, p.Column, p.Field, p.Message, p.Hint, p.Error(),
		p.Times(), p.LineText, notes, p.Report()}
}

// Describe names a decoded value the way an editor would ("the text
// "abc"", "a list"), for messages about a field of the wrong type.
func Describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("the text %q", v)
	case bool:
		return fmt.Sprintf("%v (true/false)", v)
	case int, int64, uint64, float64:
		return fmt.Sprintf("the number %v", v)
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[any]any, map[string]any:
		return "a map"
	}
	return fmt.Sprintf("a %T", v)
}

// DescribeVi is Describe for the editor's Vietnamese: a value named as a
// clerk would ("giá trị đúng/sai true", "một danh sách"), never as YAML.
func DescribeVi(v any) string {
	switch v := v.(type) {
	case nil:
		return "để trống"
	case string:
		return "chữ «" + v + "»"
	case bool:
		return fmt.Sprintf("giá trị đúng/sai (%v)", v)
	case int, int64, uint64, float64:
		return fmt.Sprintf("số %v", v)
	case time.Time:
		return "một ngày"
	case []any:
		return "một danh sách"
	case map[any]any, map[string]any:
		return "một nhóm nhiều mục"
	}
	return "một giá trị lạ"
}
