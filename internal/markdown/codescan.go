package markdown

// Finding document-code mentions in a string: the codes themselves are
// found by text.Codes; here, a mention is a code, optionally preceded by a
// kind word and "số", any case, separated by white space (no-break space
// included). False positives cost a lookup only: Options.Code decides.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kinds are the kind words of documents, as words.
var kinds = [][]string{
	{"đề", "án"}, {"quyết", "định"}, {"nghị", "quyết"}, {"kế", "hoạch"},
	{"chỉ", "thị"}, {"kết", "luận"}, {"thông", "báo"}, {"công", "văn"},
	{"chương", "trình"},
}

// kindStart is where a kind word (and "số") ending with white space right
// before code begins, or -1.
func kindStart(s string, code int) int {
	j := spaceBefore(s, code)
	if j == code {
		return -1
	}
	if k := wordBefore(s, j, "số"); k >= 0 {
		if k2 := spaceBefore(s, k); k2 < k {
			j = k2
		}
	}
	for _, kind := range kinds {
		if k := phraseBefore(s, j, kind); k >= 0 && boundaryBefore(s, k) {
			return k
		}
	}
	return -1
}

// phraseBefore matches words, separated by white space, ending at end.
func phraseBefore(s string, end int, words []string) int {
	for w := len(words) - 1; w >= 0; w-- {
		k := wordBefore(s, end, words[w])
		if k < 0 {
			return -1
		}
		if w == 0 {
			return k
		}
		if end = spaceBefore(s, k); end == k {
			return -1
		}
	}
	return -1
}

// wordBefore is where word starts if s[:end] ends with it in any case, or
// -1. Upper and lower case Vietnamese letters have the same UTF-8 length.
func wordBefore(s string, end int, word string) int {
	k := end - len(word)
	if k < 0 || !strings.EqualFold(s[k:end], word) {
		return -1
	}
	return k
}

// spaceBefore skips white space (no-break space included) back from end.
func spaceBefore(s string, end int) int {
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return end
}

// boundaryBefore: a mention may not start inside a word or a longer
// code.
func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '_' && r != '-' && r != '/' && r != '.'
}
