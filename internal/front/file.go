package front

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Format is a frontmatter syntax.
type Format string

const (
	YAML Format = "YAML" // between "---" lines
	TOML Format = "TOML" // between "+++" lines
	JSON Format = "JSON" // an object, from its "{" line to its "}" line
)

// File is a content file split for editing.
type File struct {
	Format Format
	head   string // a BOM, blank lines, and the opening "---" or "+++" line
	text   string // the frontmatter: between the delimiter lines, or the JSON object through its last line
	close  string // the closing delimiter line, with its line end; "" for JSON
	body   []byte // everything after, as it is
	eol    string // the file's line end, "\n" or "\r\n": new lines get it
	vals   map[string]any
}

var bom = "\xEF\xBB\xBF"

// ErrNoFrontmatter is returned by Parse for a file that does not open
// with frontmatter.
var ErrNoFrontmatter = errors.New(`the file has no frontmatter (it should open with a "---" line)`)

// Parse splits data. It fails on a file without frontmatter or whose
// frontmatter cannot be read, since no key of it can then be found.
func Parse(data []byte) (*File, error) {
	s := string(data)
	f := &File{eol: "\n"}
	rest := strings.TrimPrefix(s, bom)
	pre := len(s) - len(rest)
	// Blank lines before the frontmatter belong to the head.
	for {
		line, after, ok := strings.Cut(rest, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			break
		}
		pre += len(line) + 1
		rest = after
	}
	first, _, hasEnd := strings.Cut(rest, "\n")
	if hasEnd && strings.HasSuffix(first, "\r") {
		f.eol = "\r\n"
	}
	switch strings.TrimRight(first, " \t\r") {
	case "---":
		f.Format = YAML
	case "+++":
		f.Format = TOML
	default:
		if !strings.HasPrefix(strings.TrimSpace(first), "{") {
			return nil, ErrNoFrontmatter
		}
		f.Format = JSON
	}
	if f.Format == JSON {
		f.head = s[:pre]
		v, err := scanJSON(rest, strings.IndexByte(rest, '{'))
		if err != nil {
			return nil, fmt.Errorf("JSON frontmatter: %w", err)
		}
		end := len(rest)
		if i := strings.IndexByte(rest[v.end:], '\n'); i >= 0 {
			end = v.end + i + 1
		}
		f.text, f.body = rest[:end], []byte(rest[end:])
	} else {
		if !hasEnd {
			return nil, fmt.Errorf("the frontmatter opened with %q is never closed", strings.TrimSpace(first))
		}
		open := len(first) + 1
		f.head = s[:pre+open]
		delim := strings.TrimRight(first, " \t\r")
		at := open
		for {
			line, _, ok := strings.Cut(rest[at:], "\n")
			if strings.TrimRight(line, " \t\r") == delim {
				end := at + len(line)
				if ok {
					end++
				}
				f.text, f.close, f.body = rest[open:at], rest[at:end], []byte(rest[end:])
				break
			}
			if !ok {
				return nil, fmt.Errorf("the frontmatter opened with %q is never closed", delim)
			}
			at += len(line) + 1
		}
	}
	if err := f.reload(); err != nil {
		return nil, err
	}
	return f, nil
}

// New is an empty file with YAML frontmatter, for a new article.
func New() *File {
	return &File{Format: YAML, head: "---\n", close: "---\n", eol: "\n", vals: map[string]any{}}
}

// reload reads the frontmatter's values again after an edit, and checks
// that the syntax can still place every key.
func (f *File) reload() error {
	vals, err := decode(f.Format, f.text)
	if err != nil {
		return fmt.Errorf("%s frontmatter: %w", f.Format, err)
	}
	f.vals = vals
	_, err = f.syntax()
	return err
}

// Bytes is the file as it stands.
func (f *File) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString(f.head)
	b.WriteString(f.text)
	b.WriteString(f.close)
	b.Write(f.body)
	return b.Bytes()
}

// Frontmatter is the frontmatter's text (without YAML or TOML
// delimiters).
func (f *File) Frontmatter() string { return f.text }

// EOL is the file's line end.
func (f *File) EOL() string { return f.eol }

// BodyLine is the line of the file the body starts on.
func (f *File) BodyLine() int { return 1 + strings.Count(f.head+f.text+f.close, "\n") }

// Body is the body with "\n" line ends, as a text area shows it.
func (f *File) Body() string { return strings.ReplaceAll(string(f.body), "\r\n", "\n") }

// SetBody replaces the body with s, written with the file's line ends. A
// body that reads the same as the present one leaves its bytes as they
// are (a mixed or lone "\r" included).
func (f *File) SetBody(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if s == f.Body() {
		return
	}
	if f.eol == "\r\n" {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	f.body = []byte(s)
}

// Keys lists the top-level keys in the order written.
func (f *File) Keys() []string {
	syn, _ := f.syntax()
	return syn.keys()
}

// Value is the value of a top-level key as the build reads it: string,
// bool, int64, float64, nil, []any or map[string]any. Dates are strings
// as written ("2018-08-06T16:41:00+07:00", "16:41, 06/08/2018").
func (f *File) Value(key string) (any, bool) {
	v, ok := f.vals[key]
	return v, ok
}

// Values are all the top-level values (see Value).
func (f *File) Values() map[string]any { return f.vals }

// Values that Set, SetIn and the items of a List take, beside string and
// bool.
type (
	// Date is a date as text: written bare where the format has dates
	// (YAML, and TOML for its own forms), else as a string.
	Date string
	// Map is a map whose keys are written in this order.
	Map []Pair
	// Pair is one key of a Map.
	Pair struct {
		Key   string
		Value any
	}
	// List is a list. Flow asks for one line ([a, b]) when the key is
	// new; an existing list keeps its own style.
	List struct {
		Items []any
		Flow  bool
	}
	// Keep, as an item of a List given to Set, is the key's present item
	// at that index, kept as written.
	Keep int
)

// ErrNotMap is returned by SetIn and RemoveIn when the key holds
// something other than a map.
var ErrNotMap = errors.New("the key holds no map")

// ErrNotUTF8 is returned by Set and SetIn for a key or value that is not
// UTF-8 text: the file would no longer be read (content files must be
// UTF-8), and a parser would read it back as U+FFFD, another text than the
// one given. A browser's form always sends UTF-8; any other client may not.
var ErrNotUTF8 = errors.New("the key or value is not UTF-8 text; nothing changed")

// Set gives a top-level key the value v, rewriting only that key's lines
// (or adding it after the last key).
func (f *File) Set(key string, v any) error {
	if !utf8Text(key) || !utf8Text(v) {
		return ErrNotUTF8
	}
	return f.edit(func(s syntax) (string, error) { return s.set(key, v) })
}

// utf8Text reports whether every text in v (a value Set takes) is UTF-8.
func utf8Text(v any) bool {
	switch v := v.(type) {
	case string:
		return utf8.ValidString(v)
	case Date:
		return utf8.ValidString(string(v))
	case Map:
		for _, p := range v {
			if !utf8.ValidString(p.Key) || !utf8Text(p.Value) {
				return false
			}
		}
	case List:
		for _, it := range v.Items {
			if !utf8Text(it) {
				return false
			}
		}
	case []string:
		for _, it := range v {
			if !utf8.ValidString(it) {
				return false
			}
		}
	case []any:
		for _, it := range v {
			if !utf8Text(it) {
				return false
			}
		}
	}
	return true
}

// SetIn gives key sub of the map under key the value v, rewriting only
// that line where the map is written one key a line. An absent key gets
// a map holding sub.
func (f *File) SetIn(key, sub string, v any) error {
	if !utf8Text(key) || !utf8Text(sub) || !utf8Text(v) {
		return ErrNotUTF8
	}
	if _, ok := f.vals[key]; !ok {
		return f.Set(key, Map{{sub, v}})
	}
	if _, isMap := f.vals[key].(map[string]any); !isMap {
		return ErrNotMap
	}
	return f.edit(func(s syntax) (string, error) { return s.setIn(key, sub, v) })
}

// Remove deletes a top-level key and its value.
func (f *File) Remove(key string) error {
	if _, ok := f.vals[key]; !ok {
		return nil
	}
	return f.edit(func(s syntax) (string, error) { return s.remove(key) })
}

// RemoveIn deletes key sub of the map under key.
func (f *File) RemoveIn(key, sub string) error {
	m, isMap := f.vals[key].(map[string]any)
	if !isMap {
		return nil
	}
	if _, ok := m[sub]; !ok {
		return nil
	}
	return f.edit(func(s syntax) (string, error) { return s.removeIn(key, sub) })
}

// edit applies one change to the text and reads it again; a change that
// would leave the frontmatter unreadable is not made.
func (f *File) edit(change func(syntax) (string, error)) error {
	syn, err := f.syntax()
	if err != nil {
		return err
	}
	text, err := change(syn)
	if err != nil {
		return err
	}
	old := f.text
	f.text = text
	if err := f.reload(); err != nil {
		f.text = old
		f.reload()
		return fmt.Errorf("front: the edit would break the frontmatter (%v); nothing changed", err)
	}
	return nil
}

// syntax is one format's editor over the frontmatter text as it stands.
type syntax interface {
	keys() []string
	set(key string, v any) (string, error)
	setIn(key, sub string, v any) (string, error)
	remove(key string) (string, error)
	removeIn(key, sub string) (string, error)
}

func (f *File) syntax() (syntax, error) {
	switch f.Format {
	case YAML:
		return parseYAML(f.text, f.eol)
	case TOML:
		return parseTOML(f.text, f.eol)
	}
	return parseJSONDoc(f.text, f.eol)
}

// lines splits s into lines, each with its line end; the last may have
// none.
func lines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// splice replaces lines [from, to) with repl, each line of which is given
// the line end eol, and joins the lines.
func splice(ls []string, from, to int, repl []string, eol string) string {
	var b strings.Builder
	for _, l := range ls[:from] {
		b.WriteString(l)
	}
	if from > 0 && !strings.HasSuffix(ls[from-1], "\n") && len(repl) > 0 {
		b.WriteString(eol) // the text ended without a line end before the insertion
	}
	for _, l := range repl {
		b.WriteString(l)
		b.WriteString(eol)
	}
	for _, l := range ls[to:] {
		b.WriteString(l)
	}
	return b.String()
}

// blankOrComment reports whether a line holds nothing, or only a comment
// opened by c.
func blankOrComment(l string, c byte) bool {
	t := strings.TrimSpace(l)
	return t == "" || t[0] == c
}

// indentOf is a line's leading spaces and tabs.
func indentOf(l string) string {
	return l[:len(l)-len(strings.TrimLeft(l, " \t"))]
}

// trailingComment returns the comment that ends a one-line entry (" #
// note"), found by the caller's scanner, or "".
func trailingComment(line string, commentAt int) string {
	if commentAt < 0 {
		return ""
	}
	return strings.TrimRight(line[commentAt:], " \t\r\n")
}
