package content

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v2"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// front is a file split into its frontmatter and body, with the
// frontmatter decoded into plain values (see norm) and every top-level
// key's line in the file.
type front struct {
	format   string // "YAML", "TOML" or "JSON"
	raw      []byte // the frontmatter text, without YAML/TOML delimiters
	open     int    // file line of the opening delimiter
	start    int    // file line of raw's first line
	vals     map[string]any
	lines    map[string]int   // top-level key → file line
	items    map[string][]int // top-level list key → file line of each entry (JSON only)
	dups     []dup            // top-level keys given twice (YAML and JSON; TOML refuses them)
	body     []byte
	bodyLine int
}

// captured is what the Unmarshal hooks given to adrg/frontmatter record:
// the library finds the delimiters, this package decodes, so that it can
// keep lines and give its own messages.
type captured struct {
	format string
	raw    []byte
}

func capture(format string) frontmatter.UnmarshalFunc {
	return func(b []byte, v any) error {
		c := v.(*captured)
		c.format, c.raw = format, append([]byte(nil), b...)
		return nil
	}
}

// formats are the delimited frontmatters. JSON has no delimiters of its
// own: splitJSON finds the object's end by reading it.
var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", capture("YAML")),
	frontmatter.NewFormat("+++", "+++", capture("TOML")),
}

const noFrontHint = `start the file with a "---" line, then title: and date: lines, then a closing "---" line`

// split finds and decodes the frontmatter of data (UTF-8, LF line ends).
func split(path string, data []byte) (*front, *diag.Problem) {
	if first, firstText := firstLine(data); strings.HasPrefix(firstText, "{") {
		return splitJSON(path, data, first)
	}
	var c captured
	// The frontmatter reader copies what it reads into a buffer it grows,
	// then reads the whole rest into it: for 10,000 articles 150 MB
	// allocated to read 43 MB, and the body then copied out again. It
	// is given the file only up to the line that closes the frontmatter,
	// and the body is the file's own bytes after it.
	head := frontHead(data)
	br := lineReaders.Get().(*bufio.Reader)
	br.Reset(bytes.NewReader(head))
	rest, err := frontmatter.Parse(br, &c, formats...)
	br.Reset(nil)
	lineReaders.Put(br)
	if err != nil {
		return nil, diag.Errorf(path, 0, "", "cannot read frontmatter: %v", err)
	}
	first, firstText := firstLine(data)
	if c.format == "" {
		switch {
		case firstText == "---" || firstText == "+++":
			return nil, &diag.Problem{File: path, Line: first, Message: fmt.Sprintf("the frontmatter opened with %q is never closed", firstText),
				Hint: fmt.Sprintf("end it with a line holding only %q", firstText)}
		}
		return nil, &diag.Problem{File: path, Line: first, Message: "no frontmatter", Hint: noFrontHint}
	}
	f := &front{format: c.format, raw: c.raw, open: first, start: first + 1}
	if c.format == "JSON" {
		f.start = first
	}
	// rest is what follows the closing line in head, a start of data:
	// the body is data from there (rest itself lies in the reader's
	// buffer, which the body would keep).
	off := len(head) - len(rest)
	f.body = data[off:]
	f.bodyLine = 1 + bytes.Count(data[:off], []byte("\n"))
	if p := f.decode(path); p != nil {
		return nil, p
	}
	return f, nil
}

// lineReaders are the frontmatter reader's line buffers: given a
// bufio.Reader, it reads through it rather than making one (4 KB for each
// file, 41 MB for 10,000 articles). What it returns is in a buffer of its
// own, so one is used again as soon as it returns.
var lineReaders = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 4096) }}

// frontHead is data up to the end of the line that closes its frontmatter,
// found as the frontmatter reader finds it: blank lines skipped, then a
// line that is one of the formats' opening delimiters, then the first
// line equal to it, each line with its spaces trimmed. Without one it is
// all of data, for the reader to say what is wrong.
func frontHead(data []byte) []byte {
	var open []byte
	for at := 0; at < len(data); {
		end := bytes.IndexByte(data[at:], '\n')
		if end < 0 {
			return data
		}
		end += at + 1
		line := bytes.TrimSpace(data[at:end])
		switch {
		case open != nil:
			if bytes.Equal(line, open) {
				return data[:end]
			}
		case len(line) == 0:
		case string(line) == "---" || string(line) == "+++":
			open = line
		default:
			return data
		}
		at = end
	}
	return data
}

// splitJSON reads the JSON object that opens data on line first, as Hugo
// does: wherever its closing brace stands (on the same line, right before
// the body, after a nested "}" line), the body is what follows it.
func splitJSON(path string, data []byte, first int) (*front, *diag.Problem) {
	at := bytes.IndexByte(data, '{')
	f := &front{format: "JSON", open: first, start: first}
	dec := json.NewDecoder(bytes.NewReader(data[at:]))
	var obj json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, &diag.Problem{File: path, Line: first, Message: `the JSON frontmatter opened with "{" is never closed`,
				Hint: `end the object with its "}", then write the body`}
		}
		f.raw = data[at:] // the error's offset counts from here
		return nil, f.syntaxProblem(path, err)
	}
	end := at + int(dec.InputOffset())
	f.raw = data[at:end]
	// The body starts after the object's line, as after a YAML or TOML
	// closing line, or on that line after the "}".
	rest := bytes.TrimLeft(data[end:], " \t")
	if len(rest) > 0 && rest[0] == '\n' {
		rest = rest[1:]
	}
	f.body = rest
	f.bodyLine = lineOf(data, len(data)-len(rest))
	if p := f.decode(path); p != nil {
		return nil, p
	}
	return f, nil
}

// firstLine returns the number and trimmed text of the first non-blank line.
func firstLine(data []byte) (int, string) {
	n := 1
	for l := range bytes.Lines(data) {
		if t := bytes.TrimSpace(l); len(t) > 0 {
			return n, string(t)
		}
		n++
	}
	return 1, ""
}

func (f *front) decode(path string) *diag.Problem {
	var v any
	var err error
	switch f.format {
	case "YAML":
		err = yaml.Unmarshal(f.raw, &v)
		f.lines, f.dups = yamlKeyLines(f.raw, f.start)
	case "TOML":
		var m map[string]any
		err = toml.Unmarshal(f.raw, &m)
		v = m
		f.lines = tomlKeyLines(f.raw, f.start)
	case "JSON":
		var m map[string]any
		if err = json.Unmarshal(f.raw, &m); err == nil {
			v = m
			f.lines, f.items, f.dups = jsonLines(f.raw, f.start)
		}
	}
	if err != nil {
		return f.syntaxProblem(path, err)
	}
	switch m := norm(v).(type) {
	case nil:
		f.vals = map[string]any{}
	case map[string]any:
		f.vals = m
	default:
		return &diag.Problem{File: path, Line: f.start, Message: fmt.Sprintf("the %s frontmatter is %s, not fields", f.format, diag.Describe(m)),
			Hint: "write one field a line, such as title: ..."}
	}
	return nil
}

var (
	lineRE     = regexp.MustCompile(`(?i)\bline (\d+)`)
	yamlPrefix = regexp.MustCompile(`^yaml: (line \d+: )?`)
	tomlPrefix = regexp.MustCompile(`^toml: (line \d+ )?(\(last key "[^"]*"\): )?`)
)

// syntaxProblem turns a decoder's error into a problem on the file's line:
// YAML and TOML count lines from the start of the frontmatter, JSON gives
// a byte offset.
func (f *front) syntaxProblem(path string, err error) *diag.Problem {
	msg, line := err.Error(), 0
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var pe toml.ParseError
	switch {
	case errors.As(err, &pe):
		// toml v1: "toml: line 3 (last key "title"): message", the line
		// counted in the frontmatter text.
		msg = pe.Message
		if pe.Position.Line > 0 {
			line = f.start + pe.Position.Line - 1
		}
	case errors.As(err, &se):
		line = f.start + bytes.Count(f.raw[:min(int(se.Offset), len(f.raw))], []byte("\n"))
	case errors.As(err, &te):
		line = f.start
		msg = fmt.Sprintf("the frontmatter is %s, not an object of fields", jsonKind(te.Value))
	default:
		if m := lineRE.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = f.start + n - 1
		}
		msg = tomlPrefix.ReplaceAllString(yamlPrefix.ReplaceAllString(msg, ""), "")
		msg = lineRE.ReplaceAllStringFunc(msg, func(s string) string {
			n, _ := strconv.Atoi(lineRE.FindStringSubmatch(s)[1])
			return "line " + strconv.Itoa(f.start+n-1)
		})
		if line == 0 && strings.Contains(msg, "control characters") {
			// yaml.v2 does not say where: the first such character does.
			if i := bytes.IndexFunc(f.raw, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r <= 0x9F }); i >= 0 {
				line = f.start + bytes.Count(f.raw[:i], []byte("\n"))
				msg += fmt.Sprintf(" (U+%04X)", []rune(string(f.raw[i:]))[0])
			}
		}
		if f.format == "YAML" {
			line, msg = f.yamlWhere(line, msg)
		}
	}
	// YAML counts a lone carriage return as a line's end, where the file
	// (and an editor) count only line feeds: a line past the frontmatter's
	// last is its last.
	if last := f.start + bytes.Count(f.raw, []byte("\n")); line > last {
		line = last
	}
	hint := hintFor(f.format)
	if f.format == "YAML" && line >= f.start && strings.HasPrefix(f.rawLine(line), "\t") {
		hint = "indent with spaces: YAML does not take tabs for indentation"
	}
	return &diag.Problem{File: path, Line: line, Message: fmt.Sprintf("invalid %s frontmatter: %s", f.format, msg),
		Hint: hint}
}

// yamlWhere corrects where yaml.v2 says a problem is. It gives no line for
// one on the frontmatter's first line (it counts from 0 and omits a 0);
// and a quoted text left open is found at the end of the frontmatter,
// while the editor must look where the quote opens.
func (f *front) yamlWhere(line int, msg string) (int, string) {
	if strings.Contains(msg, "unexpected end of stream") {
		if open, q := unclosedQuote(f.raw); open >= 0 {
			return f.start + open, fmt.Sprintf("the text opened with %s here is never closed", q)
		}
	}
	if line == 0 && !strings.Contains(msg, "control characters") {
		line = f.start
	}
	return line, msg
}

// rawLine is the frontmatter's text on file line n.
func (f *front) rawLine(n int) string {
	lines := strings.Split(string(f.raw), "\n")
	if i := n - f.start; i >= 0 && i < len(lines) {
		return lines[i]
	}
	return ""
}

// unclosedQuote finds, as YAML reads quoted text, a quote that opens a
// value (after "key: ", "- ", "[", "{" or ",", or at a line's start) and
// is never closed: its 0-based line and the quote, or -1.
func unclosedQuote(raw []byte) (int, string) {
	line, open := 0, 0
	var quote byte     // the quote of the text being read; 0 outside one
	prev := byte('\n') // the last character that is not a space outside quotes
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\n' {
			line++
		}
		switch {
		case quote == '"' && c == '\\':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				line++
			}
			i++ // an escaped character
		case quote == '\'' && c == '\'' && i+1 < len(raw) && raw[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case quote != 0 && c == quote:
			quote, prev = 0, c
		case quote != 0:
		case c == '#' && (prev == '\n' || i > 0 && (raw[i-1] == ' ' || raw[i-1] == '\t')):
			for i+1 < len(raw) && raw[i+1] != '\n' {
				i++ // a comment
			}
		case (c == '"' || c == '\'') && strings.IndexByte("\n:-[{,", prev) >= 0:
			quote, open = c, line
		case c != ' ' && c != '\t':
			prev = c
		}
	}
	if quote == 0 {
		return -1, ""
	}
	return open, string(quote)
}

func jsonKind(v string) string {
	switch v {
	case "array":
		return "a list"
	case "string":
		return "text"
	}
	return "a " + v
}

func hintFor(format string) string {
	switch format {
	case "TOML":
		return `TOML fields are key = value, text in quotes`
	case "JSON":
		return `JSON fields are "key": value, separated by commas, text in double quotes`
	}
	return `YAML fields are key: value, one a line; quote text that holds ": " or starts with [ { * & ! | > ' " % @`
}

// fields lists every top-level key with its line, in file order.
func (f *front) fields() []model.Field {
	out := make([]model.Field, 0, len(f.vals))
	for k := range f.vals {
		out = append(out, model.Field{Name: k, Line: f.lines[k]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// line returns the file line of top-level key, or of the opening delimiter
// when the key is absent or could not be found.
func (f *front) line(key string) int {
	if l := f.lines[key]; l > 0 {
		return l
	}
	return f.open
}

// itemLines returns the file line of each entry of the list under key,
// where the format lets them be found; callers fall back to the key's line.
func (f *front) itemLines(key string) []int {
	switch f.format {
	case "YAML":
		return yamlItemLines(f.raw, f.start, key)
	case "TOML":
		return tomlItemLines(f.raw, f.start, key)
	}
	return f.items[key]
}
