package diag

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A problem read in a terminal shows the line it is about, with a caret
// under the column, as compilers do: an editor sees the typo without
// opening the file. The line is read back from the file once the problems
// are known (Quote), so no stage has to carry every line's text.

// Quote fills in the LineText of the problems of l and of their notes,
// reading each file once through read, which returns false for a file it
// cannot or should not read (gone, not a regular file, too large).
func (l List) Quote(read func(file string) ([]byte, bool)) {
	files := map[string][]byte{}
	get := func(file string, line int) string {
		if file == "" || line <= 0 {
			return ""
		}
		data, ok := files[file]
		if !ok {
			data, _ = read(file)
			files[file] = data
		}
		return lineText(data, line)
	}
	for _, p := range l {
		if p.LineText == "" {
			p.LineText = get(p.File, p.Line)
		}
		if len(p.Notes) == 0 {
			continue
		}
		notes := make([]Note, len(p.Notes)) // another problem may share the array
		for i, n := range p.Notes {
			if n.LineText == "" {
				n.LineText = get(n.File, n.Line)
			}
			notes[i] = n
		}
		p.Notes = notes
	}
}

// lineText returns line n (1-based) of data, without its line end or, on
// the first line, a byte order mark.
func lineText(data []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	if n == 1 {
		data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	}
	data = bytes.TrimSuffix(data, []byte("\r"))
	if len(data) > maxLineText { // a minified file: one line of megabytes
		cut := maxLineText
		for cut > 0 && !utf8.RuneStart(data[cut]) {
			cut--
		}
		data = data[:cut]
	}
	return string(data)
}

// maxLineText bounds the text kept of one line.
const maxLineText = 4096

// Report is p as a terminal shows it: the one-line form, the line quoted
// with a caret under the column, then each note the same way.
func (p *Problem) Report() string {
	var b strings.Builder
	b.WriteString(p.Error())
	col := p.Column
	if col == 0 {
		col = guessColumn(p.LineText, p.Field)
	}
	quote(&b, p.Line, p.LineText, col)
	for _, n := range p.Notes {
		b.WriteString("\n  ")
		if n.File != "" {
			b.WriteString(n.File)
			if n.Line > 0 {
				fmt.Fprintf(&b, ":%d", n.Line)
				if n.Column > 0 {
					fmt.Fprintf(&b, ":%d", n.Column)
				}
			}
			b.WriteString(": ")
		}
		b.WriteString("note: ")
		b.WriteString(n.Message)
		quote(&b, n.Line, n.LineText, n.Column)
	}
	return b.String()
}

// Rebase returns a copy of p whose file names, and its notes', are given
// by name: the command line names files from the current folder.
func (p *Problem) Rebase(name func(string) string) *Problem {
	q := *p
	if q.File != "" {
		q.File = name(q.File)
	}
	q.Notes = make([]Note, len(p.Notes))
	for i, n := range p.Notes {
		if n.File != "" {
			n.File = name(n.File)
		}
		q.Notes[i] = n
	}
	return &q
}

// quote writes line n's text and, when col (a 1-based byte column) is
// known, a caret under it:
//
//	7 | date: 06/08/2108
//	  |       ^
func quote(b *strings.Builder, n int, text string, col int) {
	if n <= 0 || strings.TrimSpace(text) == "" {
		return
	}
	shown, caret := excerpt(text, col)
	num := fmt.Sprint(n)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(b, "\n  %s | %s", num, shown)
	if caret != "" {
		fmt.Fprintf(b, "\n  %s | %s^", pad, caret)
	}
}

// excerptWidth is how many characters of a long line are shown, around
// the caret: a minified file may be one line of megabytes.
const excerptWidth = 100

// excerpt returns the line as shown (control and format characters made
// visible, so a zero-width space is seen and an escape sequence never
// reaches the terminal; a long line cut around the column) and the run of
// blanks that puts a caret under the column; caret is "" when col is 0.
// Tabs stay tabs in both, so they line up whatever the tab width.
func excerpt(line string, col int) (shown, caret string) {
	var rs []rune
	at := -1
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if col > 0 && at < 0 && i+n > col-1 { // the character holding byte col
			at = len(rs)
		}
		rs = append(rs, visible(r))
		i += n
	}
	if col > 0 && at < 0 {
		at = len(rs) // past the end: the caret says something is missing
	}
	start, end := 0, len(rs)
	if len(rs) > excerptWidth {
		if at >= 0 {
			start = max(0, at-excerptWidth/2)
		}
		end = min(len(rs), start+excerptWidth)
		start = max(0, end-excerptWidth)
	}
	var sb, cb strings.Builder
	if start > 0 {
		sb.WriteString("…")
		cb.WriteByte(' ')
	}
	sb.WriteString(string(rs[start:end]))
	if end < len(rs) {
		sb.WriteString("…")
	}
	if at < 0 {
		return sb.String(), ""
	}
	for _, r := range rs[start:min(at, end)] {
		switch {
		case r == '\t':
			cb.WriteByte('\t')
		case unicode.Is(unicode.Mn, r): // a combining mark takes no column
		default:
			cb.WriteByte(' ')
		}
	}
	return sb.String(), cb.String()
}

// visible replaces what a terminal would act on or not show at all.
func visible(r rune) rune {
	if r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
		return '\uFFFD'
	}
	return r
}

// guessColumn places the caret for a problem about a field whose column
// is unknown: under the value of the field's key on the line ("date:
// 06/08/2108", "\"date\": ...", "date = ..."), or under an item of a list
// ("  - 02-ĐA/TU"). 0 when the line shows neither.
func guessColumn(line, field string) int {
	if line == "" {
		return 0
	}
	key := field
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	if i := strings.IndexByte(key, '['); i >= 0 {
		key = key[:i]
	}
	if key != "" {
		for from := 0; ; {
			i := strings.Index(line[from:], key)
			if i < 0 {
				break
			}
			i += from
			from = i + len(key)
			if !keyBefore(line[:i]) {
				continue
			}
			rest := strings.TrimLeft(line[from:], `"'`)
			rest = strings.TrimLeft(rest, " \t")
			if rest == "" || (rest[0] != ':' && rest[0] != '=') {
				continue
			}
			v := rest[1:]
			pos := len(line) - len(v)
			if t := strings.TrimLeft(v, " \t"); t != "" {
				return pos + len(v) - len(t) + 1
			}
			return i + 1
		}
	}
	t := strings.TrimLeft(line, " \t")
	if strings.HasPrefix(t, "- ") {
		v := strings.TrimLeft(t[2:], " \t")
		return len(line) - len(v) + 1
	}
	return 0
}

// keyBefore reports whether what precedes a key on its line allows it to
// be one: indentation, a list dash, an opening quote or brace.
func keyBefore(s string) bool {
	return strings.TrimRight(s, " \t-\"'{,") == ""
}
