package text

// Finding document codes in a string: the markdown stage links the ones
// the site knows, and the theme keeps every one on one line. Hand-written
// rather than regexp: it runs on every run of text of every body, and a
// regexp with Unicode classes cost as much as the whole goldmark parse.
//
// A code is, as a regexp, \d+(?:/\d+)*(?:[-/]\p{Lu}[\p{L}\p{Mn}]*)+ — a
// number (with an optional "/2019"-style year), then "-" or "/" pieces, each
// a word starting with an upper-case letter (Vietnamese ones included;
// combining marks allowed, for decomposed input; later letters may be lower
// case, as in "CTr"): 01-ĐA/TU, 4950/QĐ-UBND, 74/KH-CTĐ, 12-CTr/TU,
// 24/2018/NĐ-CP. It must stand alone: not glued to a word or a longer code.

import (
	"unicode"
	"unicode/utf8"
)

// Span is a byte range of a string: s[Start:End].
type Span struct{ Start, End int }

// Codes returns the spans of the codes standing alone in s, in order.
func Codes(s string) []Span {
	var out []Span
	for i := 0; i < len(s); {
		if !isDigit(s, i) {
			i++
			continue
		}
		end := codeEnd(s, i)
		if end > i && codeBoundaryBefore(s, i) && codeBoundaryAfter(s, end) {
			out = append(out, Span{i, end})
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

// codeRune reports whether r continues a word or a code.
func codeRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_'
}

// codeBoundaryBefore: a code may not start inside a word or a longer code.
func codeBoundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !codeRune(r) && r != '-' && r != '/' && r != '.'
}

// codeBoundaryAfter: a code may not run on into a word or into more
// code-like pieces ("01-ĐA/TUx", "01-ĐA/TU-y").
func codeBoundaryAfter(s string, i int) bool {
	if i == len(s) {
		return true
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if codeRune(r) {
		return false
	}
	if r == '-' || r == '/' {
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		return !codeRune(next)
	}
	return true
}
