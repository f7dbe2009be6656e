package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inspectVerb finds the verbs of an inspection in a sentence.
var inspectVerb = regexp.MustCompile(`(?i:kiểm\s+tra|giám\s+sát|làm\s+việc\s+với)`)

// atWord finds "tại" as a word.
var atWord = regexp.MustCompile(`(?:^|[ ,(])(?i:tại)\s+`)

// verbOwners are words that make the verb part of a name ("Đoàn kiểm
// tra", "Ủy ban Kiểm tra", "Tổ giám sát"), not an action on a unit.
var verbOwners = []string{"đoàn", "ban", "tổ", "cuộc", "đợt", "công", "tác"}

// unitStops end a unit's name: what follows is no longer the name.
var unitStops = []string{
	",", ";", ":", "(", "“", "\"", " về ", " để ", " nhằm ", " trong ", " vào ", " theo ",
	" từ ", " đối với ", " đã ", " do ", " cùng ", " năm ", " giai đoạn ",
}

// findUnit returns the unit inspected: see the package comment for the
// rules.
func findUnit(paras []string) string {
	for _, p := range paras {
		for _, s := range sentences(p) {
			if !inspectVerb.MatchString(s) {
				continue
			}
			if u := unitAt(s); u != "" {
				return u
			}
			if u := unitAfterVerb(s); u != "" {
				return u
			}
		}
	}
	return ""
}

// unitAt returns the unit named by the last "tại <Unit>" of s that stands
// outside quotation marks and is capitalised.
func unitAt(s string) string {
	quoted := quoteSpans(s)
	ms := atWord.FindAllStringIndex(s, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		if inSpans(quoted, ms[i][0]) {
			continue
		}
		if u := unitName(s[ms[i][1]:]); u != "" {
			return u
		}
	}
	return ""
}

// unitAfterVerb returns the unit named right after an inspection verb that
// is not part of a name: "đã kiểm tra Ban Thường vụ Huyện ủy Đại Từ về ...".
func unitAfterVerb(s string) string {
	quoted := quoteSpans(s)
	for _, m := range inspectVerb.FindAllStringIndex(s, -1) {
		if inSpans(quoted, m[0]) || ownedVerb(s[:m[0]]) {
			continue
		}
		if u := unitName(strings.TrimLeft(s[m[1]:], " ")); u != "" {
			return u
		}
	}
	return ""
}

func ownedVerb(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(f[len(f)-1])
	for _, w := range verbOwners {
		if last == w {
			return true
		}
	}
	return false
}

// unitName cuts a unit's name from the start of s: it must begin with a
// capital letter and not be a document ("Đề án số ..."); it ends at the
// first stop word or the end of the sentence.
func unitName(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || kindPrefix(s) != "" {
		return ""
	}
	for _, v := range venues {
		if strings.HasPrefix(s, v) {
			return ""
		}
	}
	end := len(s)
	for _, stop := range unitStops {
		if k := strings.Index(s, stop); k >= 0 && k < end {
			end = k
		}
	}
	u := strings.TrimRight(strings.TrimSpace(s[:end]), ".;!?… ")
	if strings.HasSuffix(u, "...") {
		u = strings.TrimRight(u, ". ")
	}
	return u
}

// venues are places a meeting is held in, not units: "tại Hội trường ...".
var venues = []string{"Hội trường", "Phòng họp", "Trụ sở"}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{"TP": true, "Tp": true, "tp": true, "TX": true, "Tx": true, "TT": true, "Q": true, "P": true}

// sentences splits a paragraph at ".", ";", "!" and "?" followed by a space
// or the end, outside quotation marks, and not after an abbreviation
// ("TP. Thái Nguyên").
func sentences(p string) []string {
	var out []string
	start, inCurly, inStraight := 0, false, false
	for i, r := range p {
		switch r {
		case '“':
			inCurly = true
		case '”':
			inCurly = false
		case '"':
			inStraight = !inStraight
		case '.', ';', '!', '?':
			next := i + 1
			if inCurly || inStraight || (next < len(p) && p[next] != ' ') {
				continue
			}
			if r == '.' && abbreviations[lastWord(p[start:i])] {
				continue
			}
			out = append(out, strings.TrimSpace(p[start:next]))
			start = next
		}
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// quoteSpans returns the byte ranges of s inside “…” or "…".
func quoteSpans(s string) [][2]int {
	var spans [][2]int
	open, openStraight := -1, -1
	for i, r := range s {
		switch {
		case r == '“':
			open = i
		case r == '”' && open >= 0:
			spans = append(spans, [2]int{open, i})
			open = -1
		case r == '"' && openStraight < 0:
			openStraight = i
		case r == '"':
			spans = append(spans, [2]int{openStraight, i})
			openStraight = -1
		}
	}
	return spans
}

func inSpans(spans [][2]int, i int) bool {
	for _, sp := range spans {
		if i > sp[0] && i < sp[1] {
			return true
		}
	}
	return false
}
