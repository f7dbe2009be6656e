package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
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
	Code     string // short stable identifier for tools, e.g. "unknown-field"
}

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

// JSON is the form of a problem that tools and browsers read: "bulletin
// check -json" prints one a line, and the preview server sends them to the
// error overlay. Text is the usual one-line form. Every key is always
// there, so a tool need not test for it: "" or 0 where unknown (a file-wide
// error has no field; errors have no code, which names a kind of warning).
type JSON struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Field    string `json:"field"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
	Text     string `json:"text"`
}

// JSON returns p in its JSON form.
func (p *Problem) JSON() JSON {
	return JSON{p.Severity.String(), p.Code, p.File, p.Line, p.Column, p.Field, p.Message, p.Hint, p.Error()}
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
