package importer

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"bulletin/internal/text"
)

// Document is one document a bulletin cites.
type Document struct {
	Kind  string // one of text.Kinds: "Đề án", "Nghị quyết", ...
	Code  string // as written, e.g. "01-ĐA/TU"
	Date  string // as "12/7/2016"; "" when not given
	Title string // the quoted title; "" when not given
}

// Bulletin is what Parse read from a plain-text bulletin.
type Bulletin struct {
	Title    string
	Date     time.Time // zero when the date line is missing
	DateText string    // the date line as written
	DateOnly bool      // the date line gives no time of day

	TeamLead string
	Role     string
	// CoLeads are the others who led the inspection with TeamLead ("…
	// và đồng chí …, … đồng làm Trưởng đoàn"), as "Name, Role": an article
	// has one team lead, so these are for the editor to place.
	CoLeads []string
	Unit    string

	// Repaired says the text was UTF-8 read as Windows-1252 and saved
	// again ("Kiá»m tra"), and has been read back as it was written.
	Repaired bool

	Documents []Document

	Body string // the paragraphs after the date line, as Markdown paragraphs

	// Missing lists what could not be found, in this order: "date",
	// "team_lead", "role", "inspected_unit", "documents".
	Missing []string
}

// Parse reads a plain-text bulletin. Dates are read in loc; a nil loc means
// Vietnam's time, UTC+7. It fails only on input it cannot use: empty, not
// UTF-8, or without a title line. Everything else that is not found is
// listed in Missing.
func Parse(src []byte, loc *time.Location) (*Bulletin, error) {
	if loc == nil {
		loc = time.FixedZone("ICT", 7*60*60)
	}
	src, repaired, err := decode(src)
	if err != nil {
		return nil, err
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	src = text.Compose(src) // the keywords below are precomposed; so must the text be
	lines := splitLines(string(src))

	// Empty once what splitLines drops is gone: a text of zero-width
	// spaces or control characters too.
	i := skipBlank(lines, 0)
	if i == len(lines) {
		return nil, errors.New("the bulletin is empty")
	}
	title := collapseSpace(lines[i])
	if _, _, ok := parseDateLine(title, loc); ok {
		return nil, errors.New("no title: the first line is a date")
	}
	b := &Bulletin{Title: title, Repaired: repaired}

	i = skipBlank(lines, i+1)
	if i < len(lines) {
		if t, dateOnly, ok := parseDateLine(lines[i], loc); ok {
			b.Date, b.DateText, b.DateOnly = t, strings.TrimSpace(lines[i]), dateOnly
			i++
		}
	}
	paras := paragraphs(lines[i:])

	b.TeamLead, b.Role, b.CoLeads = findTeamLead(paras)
	b.Unit = findUnit(paras)
	b.Documents = findDocuments(append([]string{title}, paras...))
	b.Body = markdownBody(paras)
	b.Missing = missing(b)
	return b, nil
}

func missing(b *Bulletin) []string {
	var m []string
	add := func(absent bool, name string) {
		if absent {
			m = append(m, name)
		}
	}
	add(b.Date.IsZero(), "date")
	add(b.TeamLead == "", "team_lead")
	add(b.Role == "", "role")
	add(b.Unit == "", "inspected_unit")
	add(len(b.Documents) == 0, "documents")
	return m
}

// splitLines normalises line ends and spaces: CRLF and CR become LF, as
// do the line and page breaks Word's plain text keeps (VT, FF, NEL);
// no-break and other odd spaces become " ", zero-width characters and any
// further byte order mark go, and so does every other control character
// or noncharacter, which no web page may hold (the article would stop
// the build).
func splitLines(s string) []string {
	s = strings.NewReplacer(
		"\r\n", "\n", "\r", "\n", "\v", "\n", "\f", "\n\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n\n",
		"\u00A0", " ", "\u202F", " ", "\u2007", " ", "\t", " ",
		"\u200B", "", "\u200C", "", "\u200D", "", "\uFEFF", "",
	).Replace(s)
	s = strings.Map(func(r rune) rune {
		if r != '\n' && unicode.IsControl(r) || r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE {
			return -1
		}
		return r
	}, s)
	return strings.Split(s, "\n")
}

func skipBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// paragraphs groups lines into paragraphs at blank lines; the lines of one
// paragraph are joined with a space, as a soft wrap. A text with no blank
// line between its lines at all (Word's "Save as Plain Text", a copy from
// a web page) has one paragraph a line instead, except that a line not
// ending a sentence runs on into the next, as a hard-wrapped one does.
func paragraphs(lines []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	perLine := !hasParagraphBreak(lines)
	for i, l := range lines {
		l = collapseSpace(l)
		if l == "" {
			flush()
			continue
		}
		cur = append(cur, l)
		if perLine && (endsSentence(l) || heading(l, lines[i+1:])) {
			flush()
		}
	}
	flush()
	return out
}

// heading reports whether l, a line with no sentence end, stands alone as
// a heading ("Kết quả kiểm tra") rather than running on: it is short, and
// the next line starts with a capital. A hard-wrapped line is long.
func heading(l string, rest []string) bool {
	if utf8.RuneCountInString(l) > 60 || len(rest) == 0 {
		return false
	}
	next := strings.TrimSpace(rest[0])
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r)
}

// hasParagraphBreak reports whether a blank line stands between two lines
// of text.
func hasParagraphBreak(lines []string) bool {
	text, blank := false, false
	for _, l := range lines {
		switch {
		case strings.TrimSpace(l) == "":
			blank = text
		case blank:
			return true
		default:
			text = true
		}
	}
	return false
}

// endsSentence reports whether a line ends as a sentence does: with . ! ?
// : ; or an ellipsis, maybe followed by a closing quote or bracket.
func endsSentence(l string) bool {
	l = strings.TrimRight(l, "\"'”’»)]")
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, "?") ||
		strings.HasSuffix(l, ":") || strings.HasSuffix(l, ";") || strings.HasSuffix(l, "…")
}

// collapseSpace trims s and makes every run of spaces one.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// dateLine matches the time-and-date line: "16:41, 06/08/2018",
// "06/08/2018", "06/08/2018 16:41", "16h41 6-8-2018", optionally after a
// weekday ("Thứ Hai, ").
var dateLine = regexp.MustCompile(`^(?:(?i:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?` +
	`(?:(\d{1,2})\s*[:hH]\s*(\d{2})\s*(?:,|-|\s)\s*)?` +
	`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})` +
	`(?:\s*(?:,|-)?\s*(\d{1,2})\s*[:hH]\s*(\d{2}))?\s*$`)

// parseDateLine reads line as a date line in loc; dateOnly says it gives
// no time of day (the article then shows the day alone, not "00:00").
func parseDateLine(line string, loc *time.Location) (t time.Time, dateOnly, ok bool) {
	m := dateLine.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return time.Time{}, false, false
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	hour, minute := n(m[1]), n(m[2])
	if m[1] == "" {
		hour, minute = n(m[6]), n(m[7])
	}
	t, ok = validDate(n(m[5]), n(m[4]), n(m[3]), hour, minute, loc)
	return t, m[1] == "" && m[6] == "", ok
}

// The years the site reads a date in (internal/content's minYear and
// maxYear): a year outside them is a typo, which the article would not
// load with.
const minYear, maxYear = 1900, 2100

// validDate builds the time, refusing dates that time.Date would roll over
// (31/02), clock times out of range and years the site refuses. Where loc
// gives the date a local mean time (+07:06:30 before 1911), which RFC 3339
// cannot write, the date is at loc's standard offset, as the site reads a
// date written without a zone (internal/content, date.go; FuzzImport
// holds the two to one instant).
func validDate(year, month, day, hour, minute int, loc *time.Location) (time.Time, bool) {
	if month < 1 || month > 12 || hour > 23 || minute > 59 || year < minYear || year > maxYear {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, 0, 0, loc)
	if t.Day() != day || int(t.Month()) != month {
		return time.Time{}, false
	}
	if _, off := t.Zone(); off%60 != 0 {
		name, std := time.Date(2000, 1, 1, 0, 0, 0, 0, loc).Zone()
		t = time.Date(year, time.Month(month), day, hour, minute, 0, 0, time.FixedZone(name, std))
	}
	return t, true
}
