package text

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// A document list is often filled by pasting the citation from the
// bulletin's own text: "Đề án số 01-ĐA/TU, ngày 12/7/2016 của BCH Đảng bộ
// tỉnh về “Nâng cao chất lượng, hiệu quả …”". The date and the title are
// no part of the code; read as part of it, they made a project of their
// own ("ngày 12/7/2016" at /projects/ngay-12-7-2016/, or "01-ĐA/TU về
// “Nâng cao …" at a URL of its own), silently.

// citation matches an entry: the code (from the start to past its first
// digit, as short as can be, so that a code in quotes, "“01-ĐA/TU”", is
// not read as a title), then the date of issue and the title that follow
// it, each optional, as the importer reads them in running text.
var citation = regexp.MustCompile(`(?is)^(.*?\d.*?)` +
	// ", ngày 12/7/2016", "ngày 12-7-2016", "ngày 12.7.2016", "ngày 12 tháng 7 năm 2016"
	`(?:\s*,?\s*ngày\s+(\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(\d{4}))?` +
	// " của BCH Đảng bộ tỉnh về “…”", " về việc “…”", " “…”"
	`(?:\s*,?\s*(?:của\s+[^“”"]{1,100}?\s*,?\s*)?(?:về\s+(?:việc\s+)?)?(?:“([^”]*)”|"([^"]*)"))?` +
	`\s*$`)

// Citation cuts what follows a code in a citation pasted whole: it
// returns the rest of s (the code, maybe after its kind), the date of
// issue as day/month/year ("12/7/2016") and the title, "" when s gives
// none. "Đề án số 01-ĐA/TU, ngày 12/7/2016 về “Dân vận”" →
// "Đề án số 01-ĐA/TU", "12/7/2016", "Dân vận".
func Citation(s string) (rest, date, title string) {
	if !strings.ContainsAny(s, "“\"") && !strings.Contains(strings.ToLower(s), "ngày") {
		// Neither a date nor a title: the code alone, as almost every
		// entry is, without the regular expression.
		return s, "", ""
	}
	m := citation.FindStringSubmatch(s)
	if m == nil {
		return s, "", ""
	}
	if m[2] != "" {
		date = atoi(m[2]) + "/" + atoi(m[3]) + "/" + m[4]
	}
	return m[1], date, strings.TrimSpace(m[5] + m[6])
}

// atoi writes a day or month without its leading zero.
func atoi(s string) string {
	n, _ := strconv.Atoi(s)
	return strconv.Itoa(n)
}

// SplitCitations cuts a text that lists several documents ("01-ĐA/TU,
// 02-ĐA/TU", "01-ĐA/TU; 02-ĐA/TU") at its commas and semicolons, but not
// inside a quoted title, and not before what continues a citation (",
// ngày 12/7/2016", ", về …", ", của …"). Empty pieces are dropped.
func SplitCitations(s string) []string {
	var out []string
	start, quoted := 0, rune(0)
	cut := func(end int) {
		if strings.TrimSpace(s[start:end]) != "" {
			out = append(out, s[start:end])
		}
	}
	for i, r := range s {
		switch {
		case quoted != 0:
			if r == quoted {
				quoted = 0
			}
		case r == '“':
			quoted = '”'
		case r == '"':
			quoted = '"'
		case r == ',' || r == ';':
			next := strings.TrimLeftFunc(s[i+1:], unicode.IsSpace)
			if continuesCitation(next) {
				continue
			}
			cut(i)
			start = i + 1
		}
	}
	cut(len(s))
	return out
}

// continuesCitation reports whether s, after a comma, goes on with the
// citation before it rather than naming another document. A text in
// quotes is the citation's title, unless it is itself a code: in
// "“01-ĐA/TU”, “02-ĐA/TU”" the second is a document of its own.
func continuesCitation(s string) bool {
	for _, w := range []string{"ngày", "về", "của"} {
		if _, ok := wordsPrefix(s, []string{w}); ok {
			return true
		}
	}
	for _, q := range []struct{ open, close string }{{"“", "”"}, {`"`, `"`}} {
		if rest, ok := strings.CutPrefix(s, q.open); ok {
			inner, _, _ := strings.Cut(rest, q.close)
			return !quotedCode(inner)
		}
	}
	return false
}

// quotedCode reports whether a quoted text is a document code ("02-ĐA/TU",
// "Đề án số 02-ĐA/TU") rather than a title: read as a code, it is one
// word.
func quotedCode(s string) bool {
	code, _, err := ParseCode(s)
	return err == nil && code != "" && !strings.ContainsFunc(code, unicode.IsSpace)
}
