package markdown

// Finding document-code mentions in a string. Hand-written rather than
// regexp: it runs on every run of text of every body, and a regexp with
// Unicode classes cost as much as the whole goldmark parse.
//
// A code is, as a regexp, \d+(?:/\d+)*(?:[-/]\p{Lu}[\p{L}\p{Mn}]*)+ — a
// number (with an optional "/2019"-style year), then "-" or "/" pieces, each
// a word starting with an upper-case letter (Vietnamese ones included;
// combining marks allowed, for decomposed input; later letters may be lower
// case, as in "CTr"): 01-ĐA/TU, 4950/QĐ-UBND, 74/KH-CTĐ, 12-CTr/TU,
// 24/2018/NĐ-CP. It must stand alone: not glued to a word or a longer code.
// False positives cost a lookup only: Options.Code decides.
//
// A mention is a code, optionally preceded by a kind word and "số", any
// case, separated by white space (no-break space included).

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

// span is a byte range of a string.
type span struct{ start, end int }

// codes returns the codes standing alone in s, in order.
func codes(s string) []span {
	var out []span
	for i := 0; i < len(s); {
		if !isDigit(s, i) {
			i++
			continue
		}
		end := codeEnd(s, i)
		if end > i && boundaryBefore(s, i) && boundaryAfter(s, end) {
			out = append(out, span{i, end})
		}
		i = max(end, digitsEnd(s, i))
	}
	return out
}

// codeEnd is the end of the code starting at i, or i if none does.
func codeEnd(s string, i int) int {
	j := digitsEnd(s, i)
	for j+1 < len(s) && s[j] == '/' && isDigit(s, j+1) {
		j = digitsEnd(s, j+1)
	}
	end := i
	for j < len(s) && (s[j] == '-' || s[j] == '/') {
		r, n := utf8.DecodeRuneInString(s[j+1:])
		if !unicode.IsUpper(r) {
			break
		}
		j += 1 + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			j += n
		}
		end = j
	}
	return end
}

func isDigit(s string, i int) bool { return '0' <= s[i] && s[i] <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s, i) {
		i++
	}
	return i
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

// wordRune reports whether r continues a word or a code.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_'
}

// boundaryBefore: a mention may not start inside a word or a longer code.
func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !wordRune(r) && r != '-' && r != '/' && r != '.'
}

// boundaryAfter: a code may not run on into a word or into more code-like
// pieces ("01-ĐA/TUx", "01-ĐA/TU-y").
func boundaryAfter(s string, i int) bool {
	if i == len(s) {
		return true
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if wordRune(r) {
		return false
	}
	if r == '-' || r == '/' {
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		return !wordRune(next)
	}
	return true
}
