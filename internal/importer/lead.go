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
// sentence of any pattern in the paragraphs, and those who led with them
// ("… và đồng chí …, … đồng làm Trưởng đoàn") as "Name, Role".
func findTeamLead(paras []string) (name, role string, co []string) {
	for _, p := range paras {
		best := -1
		for i, re := range leadPatterns {
			at, n, r, c := matchLead(re, p, i > 0)
			if at >= 0 && (best < 0 || at < best) {
				best, name, role, co = at, n, r, c
			}
		}
		if best >= 0 {
			return name, role, co
		}
	}
	return "", "", nil
}

// coLead finds "đồng chí <Tên>, <Chức vụ>" at the start of a text.
var coLead = regexp.MustCompile(`^` + comrade + name + `(?:` + sep + `(.*))?$`)

// matchLead finds re in s. A role that swallowed another "đồng chí" belongs
// to a later person: the search restarts there, unless the two led the
// inspection together ("A, <role> và đồng chí B, <role> đồng làm Trưởng
// đoàn"): A is then the team lead and B a co-lead. Open-ended roles (all
// but the "làm Trưởng đoàn" form) are trimmed to their capitalised parts.
func matchLead(re *regexp.Regexp, s string, openEnded bool) (at int, name, role string, co []string) {
	base := 0
	for {
		m := re.FindStringSubmatchIndex(s[base:])
		if m == nil {
			return -1, "", "", nil
		}
		if afterWord(s, base+m[0], "phó") { // "Phó Trưởng đoàn là ..."
			base += m[1]
			continue
		}
		name, role = s[base+m[2]:base+m[3]], ""
		if m[4] >= 0 {
			role = s[base+m[4] : base+m[5]]
		}
		if k := indexFold(role, "đồng chí"); k >= 0 {
			if first, others, ok := together(role, k); ok {
				return base + m[0], name, first, others
			}
			base += m[4] + k
			continue
		}
		role = strings.TrimSpace(role)
		if openEnded {
			role = capitalisedParts(role)
		}
		return base + m[0], name, trimRole(role), nil
	}
}

// together reads a role that holds another "đồng chí" at k as the roles
// of people who led together: "<role A> và đồng chí B, <role B> đồng"
// (the word before "làm Trưởng đoàn"). It gives A's role and "B, <role B>"
// for each other.
func together(role string, k int) (first string, others []string, ok bool) {
	before := strings.TrimSpace(role[:k])
	rest := strings.TrimSpace(role[k:])
	lower := strings.ToLower(rest)
	if !strings.HasSuffix(lower, " đồng") || !strings.HasSuffix(strings.ToLower(before), " và") && !strings.HasSuffix(before, ",") {
		return "", nil, false
	}
	first = trimRole(strings.TrimSuffix(strings.TrimSuffix(before, " và"), " Và"))
	rest = strings.TrimSpace(rest[:len(rest)-len(" đồng")])
	for _, part := range splitComrades(rest) {
		m := coLead.FindStringSubmatch(part)
		if m == nil {
			return "", nil, false
		}
		other := m[1]
		if r := trimRole(m[2]); r != "" {
			other += ", " + r
		}
		others = append(others, other)
	}
	return first, others, len(others) > 0
}

// splitComrades splits "đồng chí B, …, đồng chí C, …" before each
// "đồng chí", dropping the "và" or comma that joins them.
func splitComrades(s string) []string {
	var out []string
	for {
		k := indexFold(s[1:], "đồng chí")
		if k < 0 {
			return append(out, s)
		}
		part := strings.TrimSpace(s[:k+1])
		part = strings.TrimSuffix(strings.TrimSuffix(part, " và"), ",")
		out = append(out, strings.TrimSpace(part))
		s = s[k+1:]
	}
}

// trimRole drops the separators a role was cut out with: the comma or the
// dash before "làm Trưởng đoàn" ("… - Tỉnh ủy viên - làm Trưởng đoàn").
func trimRole(role string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(role), ",-–—"))
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
