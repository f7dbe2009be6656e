package text

import "strings"

// Nearest returns the candidate closest to word by edit distance, when it
// is close enough to be a likely typo ("documnets" → "documents"), and ""
// otherwise. Messages about unknown keys use it for a "did you mean" hint.
// Case does not count: "DATE" is taken for "date", a key typed with Caps
// Lock on.
func Nearest(word string, candidates []string) string {
	best, bestDist := "", -1
	lower := strings.ToLower(word)
	for _, c := range candidates {
		d := Distance(lower, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// Allow about one edit in three letters: enough for swapped or missing
	// letters, too few to suggest an unrelated key.
	limit := len([]rune(word))/3 + 1
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// Distance is the Damerau–Levenshtein (optimal string alignment) distance
// between a and b in runes: a swap of two neighbours counts as one edit,
// the commonest typo.
func Distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
