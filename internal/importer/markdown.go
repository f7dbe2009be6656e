package importer

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"bulletin/internal/front"
)

// Markdown returns the bulletin as an article file of the content
// contract: YAML frontmatter, then the body. The date is written as RFC
// 3339 in the location Parse was given, or as "2018-08-06" when the
// bulletin gives no time of day; documents as objects with the date as
// "2016-07-12". Fields not found are left out, and a comment in the
// frontmatter lists them for the editor, as another does each co-lead
// (an article has one team lead). There is no draft field: imported
// bulletins were published.
func (b *Bulletin) Markdown() []byte {
	var w strings.Builder
	w.WriteString("---\n")
	if len(b.Missing) > 0 {
		fmt.Fprintf(&w, "# Không tìm thấy trong bản tin: %s\n", strings.Join(b.Missing, ", "))
	}
	field(&w, "", "title", b.Title)
	switch {
	case b.Date.IsZero():
	case b.DateOnly:
		fmt.Fprintf(&w, "date: %s\n", b.Date.Format("2006-01-02"))
	default:
		fmt.Fprintf(&w, "date: %s\n", b.Date.Format(time.RFC3339))
	}
	w.WriteString("kind: news\n")
	if b.TeamLead != "" {
		w.WriteString("team_lead:\n")
		field(&w, "  ", "name", b.TeamLead)
		field(&w, "  ", "role", b.Role)
	}
	for _, co := range b.CoLeads {
		fmt.Fprintf(&w, "# Đồng Trưởng đoàn: %s\n", strings.ReplaceAll(co, "\n", " "))
	}
	field(&w, "", "inspected_unit", b.Unit)
	if len(b.Documents) > 0 {
		w.WriteString("documents:\n")
		for _, d := range b.Documents {
			field(&w, "  - ", "code", d.Code)
			if iso := isoDate(d.Date); iso != "" {
				fmt.Fprintf(&w, "    date: %s\n", iso)
			}
			field(&w, "    ", "title", d.Title)
		}
	}
	w.WriteString("---\n")
	w.WriteString(b.Body)
	return []byte(w.String())
}

// field writes "key: value" on one line, with value quoted as YAML needs;
// an empty value writes nothing.
func field(w *strings.Builder, indent, key, value string) {
	if value == "" {
		return
	}
	fmt.Fprintf(w, "%s%s: %s\n", indent, key, yamlString(value))
}

// isoDate turns "12/7/2016" into "2016-07-12"; "" when it is no date.
func isoDate(dmy string) string {
	var d, m, y int
	if _, err := fmt.Sscanf(dmy, "%d/%d/%d", &d, &m, &y); err != nil {
		return ""
	}
	t, ok := validDate(y, m, d, 0, 0, time.UTC)
	if !ok {
		return ""
	}
	return t.Format("2006-01-02")
}

// plainWords are words YAML 1.1 (gopkg.in/yaml.v2) reads as booleans or null.
var plainWords = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true,
}

// yamlString returns s as a YAML scalar: plain when that is certainly read
// back as the same string (it starts with a letter and holds only letters,
// marks, digits, spaces and ", . ( ) - – / %"), double-quoted otherwise.
func yamlString(s string) string {
	if plainSafe(s) {
		return s
	}
	return front.QuoteYAML(s)
}

func plainSafe(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) || plainWords[strings.ToLower(s)] || s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || strings.ContainsRune(" ,.()-–/%", r) {
			continue
		}
		return false
	}
	return true
}

// markdownBody joins the paragraphs as Markdown paragraphs, escaping what
// Markdown would otherwise read as markup.
func markdownBody(paras []string) string {
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(escapeMarkdown(p))
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	return b.String()
}

var (
	inlineMarkup = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, "[", `\[`, "]", `\]`, "~", `\~`)
	// what Markdown reads as a character reference (&lt;, &#60;, &#x3c;)
	charRef = regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)
	// a paragraph opening like a heading, quote, ordered list or rule
	blockStart = regexp.MustCompile(`^(#|>|=|\d+[.)]\s)`)
)

// escapeInline escapes what Markdown reads as inline markup, character
// references included (a bulletin's "&lt;" is text, not "<"); a lone &
// stays as it is.
func escapeInline(s string) string {
	return charRef.ReplaceAllString(inlineMarkup.Replace(s), `\$0`)
}

// escapeMarkdown escapes inline markup characters, and the first character
// of a paragraph that would open a heading, a quote or an ordered list.
// "- " is left alone: a paragraph opening with it is a bullet point in the
// bulletin too.
func escapeMarkdown(p string) string {
	p = escapeInline(p)
	if m := blockStart.FindStringIndex(p); m != nil {
		if strings.HasPrefix(p, "#") || strings.HasPrefix(p, ">") || strings.HasPrefix(p, "=") {
			return `\` + p
		}
		k := strings.IndexAny(p, ".)")
		return p[:k] + `\` + p[k:]
	}
	return p
}
