package front

import (
	"fmt"
	"strings"
)

// quoted writes s between double quotes with the backslash escapes that
// YAML's double-quoted scalars and TOML's basic strings share (\" \\ \n
// \t \r), and each rune escape reports as \uXXXX: the one writer of both
// formats' quoted strings.
func quoted(s string, escape func(rune) bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case escape(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// QuoteYAML writes s as a YAML double-quoted scalar, escaping what YAML
// does not read back as written: every character outside YAML's printable
// set (C0 and C1 controls, DEL, U+FFFE and U+FFFF, which a parser refuses
// as "control characters"), the line and paragraph separators and the
// byte order mark. The importer writes its frontmatter with it too.
func QuoteYAML(s string) string {
	return quoted(s, func(r rune) bool {
		printable := r >= 0x20 && r <= 0x7E || r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000
		return !printable || r == 0x2028 || r == 0x2029 || r == 0xFEFF
	})
}
