package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pieces of the team-lead patterns. Only the keywords are case-insensitive:
// the name must keep its capitals, which a global (?i) would fold away.
const (
	comrade  = `(?i:đồng\s+chí)\s+`
	name     = `(\p{Lu}[\p{L}\p{M}'’]*(?:[ ]+\p{Lu}[\p{L}\p{M}'’]*)+)`
	sep      = `[ ]*(?:,|-|–|—)[ ]*`
	roleText = `([^.;:!?“”"]+?)`
	leadWord = `(?i:trưởng\s+đoàn)`
)

var leadPatterns = []*regexp.Regexp{
	// "đồng chí Bùi Hải Tú, Tỉnh ủy viên, ... làm Trưởng đoàn"
	// "đồng chí Bùi Hải Tú - Tỉnh ủy viên làm trưởng đoàn"
	// "đồng chí Bùi Hải Tú làm Trưởng đoàn" (no role)
	regexp.MustCompile(comrade + name + `(?:` + sep + roleText + `)?[ ]*,?[ ]*(?i:làm)\s+` + leadWord),
	// "Trưởng đoàn là đồng chí Bùi Hải Tú, Tỉnh ủy viên, ..."
	regexp.MustCompile(leadWord + `(?:\s+(?i:kiểm\s+tra|giám\s+sát))?\s+(?i:là)\s+(?:` + comrade + `)?` +
		name + `(?:` + sep + `([^.;:!?“”"]+))?`),
	// "đồng chí Bùi Hải Tú, Tỉnh ủy viên, ..., Trưởng đoàn kiểm tra"
	regexp.MustCompile(comrade + name + sep + roleText + `[ ]*,[ ]*` + leadWord),
}

// findTeamLead returns the name and role of the leftmost team-lead
// sentence of any pattern in the paragraphs.
func findTeamLead(paras []string) (string, string) {
	for _, p := range paras {
		best, bestName, bestRole := -1, "", ""
		for i, re := range leadPatterns {
			at, n, r := matchLead(re, p, i > 0)
			if at >= 0 && (best < 0 || at < best) {
				best, bestName, bestRole = at, n, r
			}
		}
		if best >= 0 {
			return bestName, bestRole
		}
	}
	return "", ""
}

// matchLead finds re in s. A role that swallowed another "đồng chí" belongs
// to a later person: the search restarts there. Open-ended roles (all but
// the "làm Trưởng đoàn" form) are trimmed to their capitalised parts.
func matchLead(re *regexp.Regexp, s string, openEnded bool) (int, string, string) {
	base := 0
	for {
		m := re.FindStringSubmatchIndex(s[base:])
		if m == nil {
			return -1, "", ""
		}
		if afterWord(s, base+m[0], "phó") { // "Phó Trưởng đoàn là ..."
			base += m[1]
			continue
		}
		name := s[base+m[2] : base+m[3]]
		role := ""
		if m[4] >= 0 {
			role = s[base+m[4] : base+m[5]]
		}
		if k := indexFold(role, "đồng chí"); k >= 0 {
			base += m[4] + k
			continue
		}
		role = strings.TrimSpace(role)
		if openEnded {
			role = capitalisedParts(role)
		}
		return base + m[0], name, strings.TrimRight(role, " ,")
	}
}

// roleStops end an open-ended role: the sentence goes on with a verb.
var roleStops = []string{" đã ", " cùng ", " và các ", " làm việc", " dẫn đầu", " chủ trì"}

// capitalisedParts keeps the leading comma-separated parts of role that
// begin with a capital letter: "Phó Chủ tịch UBND tỉnh, cùng đi có ..." →
// "Phó Chủ tịch UBND tỉnh".
func capitalisedParts(role string) string {
	for _, stop := range roleStops {
		if k := strings.Index(role+" ", stop); k >= 0 {
			role = role[:k]
		}
	}
	parts := strings.Split(role, ",")
	keep := 0
	for _, p := range parts {
		r, _ := utf8.DecodeRuneInString(strings.TrimSpace(p))
		if !unicode.IsUpper(r) {
			break
		}
		keep++
	}
	out := make([]string, 0, keep)
	for _, p := range parts[:keep] {
		out = append(out, strings.TrimSpace(p))
	}
	return strings.Join(out, ", ")
}

// indexFold is strings.Index ignoring case (Unicode simple folding).
func indexFold(s, sub string) int {
	n := utf8.RuneCountInString(sub)
	for i := range s {
		j, k := i, 0
		for k < n && j < len(s) {
			_, size := utf8.DecodeRuneInString(s[j:])
			j += size
			k++
		}
		if k == n && strings.EqualFold(s[i:j], sub) {
			return i
		}
	}
	return -1
}

// afterWord reports whether the word just before s[i] is w, ignoring case.
func afterWord(s string, i int, w string) bool {
	f := strings.Fields(s[:i])
	return len(f) > 0 && strings.EqualFold(f[len(f)-1], w)
}
