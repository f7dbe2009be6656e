package text

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds are the kinds of document that bulletins cite, spelt as the site
// shows them. The importer finds them in running text; ParseCode drops
// one written before a code in a document list. A kind missing here kept
// its words in the code: "Quy định số 22-QĐ/TW" (the Party's rules for
// inspection work, cited all the time) made a project apart from
// "22-QĐ/TW". The search script's list (static/js/search.js, KINDS) holds
// these kinds too, unmarked and with their short forms, but for Công văn,
// Luật and Pháp lệnh.
var Kinds = []string{"Đề án", "Dự án", "Nghị quyết", "Nghị định", "Chỉ thị", "Kế hoạch", "Quyết định", "Quy định",
	"Quy chế", "Kết luận", "Thông báo", "Thông tri", "Thông tư", "Công văn", "Công điện", "Chương trình",
	"Báo cáo", "Tờ trình", "Hướng dẫn", "Phương án", "Luật", "Pháp lệnh"}

// KindPrefix returns the kind of document s starts with, as Kinds spells
// it, and the rest of s after it: "đề  án số 01-ĐA/TU" → "Đề án",
// " số 01-ĐA/TU". Case and the spacing between the kind's words do not
// count; the kind must end at a word's end. It returns "", s when s starts
// with no kind.
func KindPrefix(s string) (kind, rest string) {
	for _, k := range Kinds {
		if n, ok := wordsPrefix(s, strings.Fields(k)); ok {
			return k, s[n:]
		}
	}
	return "", s
}

// wordsPrefix matches words at the start of s, any case, separated by
// white space, the last one ending at a word's end; n is the length
// matched. Ð is read as Đ.
func wordsPrefix(s string, words []string) (n int, ok bool) {
	for i, w := range words {
		if i > 0 {
			m := len(s) - len(strings.TrimLeftFunc(s[n:], unicode.IsSpace))
			if m == n {
				return 0, false
			}
			n = m
		}
		// Upper and lower case Vietnamese letters have the same UTF-8 length.
		if len(s)-n < len(w) || !strings.EqualFold(eth.Replace(s[n:n+len(w)]), w) {
			return 0, false
		}
		n += len(w)
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return n, n == len(s) || !wordRune(r)
}

// eth reads the look-alike Ð/ð as Đ/đ, which are as long in UTF-8.
var eth = strings.NewReplacer("Ð", "Đ", "ð", "đ")

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// Code errors: what ParseCode says of text that is no code. A caller adds
// CodeHint.
var (
	ErrNoCode     = errors.New("no code")
	ErrCodeLetter = errors.New("no letters")
	ErrCodeMany   = errors.New("several codes")
	// ErrCodeRest: one code, then a comma and words that are neither its
	// date ("ngày 12/7/2016") nor a title in quotes.
	ErrCodeRest = errors.New("words after the code")
)

// codeError is a ParseCode error: a message that says what was read, and
// which of the errors above it is.
type codeError struct {
	msg  string
	kind error
}

func (e *codeError) Error() string { return e.msg }
func (e *codeError) Unwrap() error { return e.kind }

func codeErr(kind error, format string, args ...any) error {
	return &codeError{fmt.Sprintf(format, args...), kind}
}

// CodeHint says what a document code looks like.
const CodeHint = "a code is the document's number and its issuer's letters, such as 01-ĐA/TU or 4950/QĐ-UBND; one code per entry"

// ParseCode reads a document code as an editor writes it in a list of
// documents: the code alone ("01-ĐA/TU"), or cited as running text does,
// "Đề án số 01-ĐA/TU", "Số: 01-ĐA/TU", "“01-ĐA/TU”", "(01-ĐA/TU)". The
// kind, if any, is returned apart; "số", quotation marks, brackets and a
// full stop after the code are dropped, and so are
// invisible format characters (a zero-width space would otherwise make a
// look-alike project) and the white space around.
//
// Text that is no code is refused, since it would become a project of its
// own: nothing but a kind ("Đề án": ErrNoCode), no letter ("42": a code
// holds its issuer's letters, ErrCodeLetter), or several codes in one
// ("01-ĐA/TU, 02-ĐA/TU", "01-ĐA/TU và 02-ĐA/TU": ErrCodeMany). Each error
// says what was read.
func ParseCode(s string) (code, kind string, err error) {
	s = strings.TrimSpace(StripFormat(s))
	// Peeled until nothing more comes off, so that a code read is read
	// again as itself: "Đề án “Số 01-ĐA/TU”" is 01-ĐA/TU.
	for code = s; ; {
		rest := unwrap(strings.TrimFunc(code, isCodeEdge))
		k, after := KindPrefix(rest)
		if k != "" {
			after = skipNumberWord(after)
			if kind == "" {
				kind = k
			}
		} else if n, ok := wordsPrefix(after, []string{"số"}); ok {
			after = after[n:] // "Số: 01-ĐA/TU", as a document heads itself
		}
		after = strings.TrimFunc(after, isCodeEdge)
		if after == code {
			break
		}
		code = after
	}
	switch {
	case code == "":
		if kind != "" {
			return "", kind, codeErr(ErrNoCode, "%q is a kind of document without its code", s)
		}
		return "", "", ErrNoCode
	case strings.ContainsAny(code, ",;") && codeWords(code) == 1:
		// "01-ĐA/TU, về việc tăng cường": one code, and a title not in
		// quotes, which "holds more than one code" would misname.
		return "", kind, codeErr(ErrCodeRest, "%q: the words after the code's comma are neither its date nor a title in quotes (write 01-ĐA/TU, ngày 12/7/2016 về “…”)", s)
	case strings.ContainsAny(code, ",;"):
		return "", kind, codeErr(ErrCodeMany, "%q holds more than one code", s)
	case !strings.ContainsFunc(code, unicode.IsLetter):
		return "", kind, codeErr(ErrCodeLetter, "%q is not a document code: it has no letters", s)
	case codeWords(code) > 1:
		return "", kind, codeErr(ErrCodeMany, "%q holds more than one code", s)
	}
	return code, kind, nil
}

// WordsBeforeNumber returns the words a code read by ParseCode holds
// before its number ("Văn bản số" of "Văn bản số 22-QĐ/TW"), when its
// first word has no digit and more follow: a kind this package does not
// know, kept as part of the code.
func WordsBeforeNumber(code string) (string, bool) {
	f := strings.Fields(code)
	for i, w := range f {
		if strings.ContainsFunc(w, unicode.IsDigit) {
			if i == 0 {
				return "", false
			}
			return strings.Join(f[:i], " "), true
		}
	}
	return "", false
}

// WordsAfterCode returns the words a code read by ParseCode holds after
// the code itself ("(khóa XIX)" of "15-NQ/TU (khóa XIX)"), white space
// next to "-" and "/" not counting as a break ("01 - ĐA / TU" has none):
// kept as part of the code, they make it a document of its own.
func WordsAfterCode(code string) (string, bool) {
	f := strings.Fields(code)
	i := 0
	for i < len(f) && !strings.ContainsFunc(f[i], unicode.IsDigit) {
		i++
	}
	for i+1 < len(f) && joinedFields(f[i], f[i+1]) {
		i++
	}
	if i+1 >= len(f) {
		return "", false
	}
	return strings.Join(f[i+1:], " "), true
}

// joinedFields reports whether two fields of a code are one piece of it,
// the space between them standing beside a "-" or "/": "01 - ĐA".
func joinedFields(prev, next string) bool {
	return strings.HasSuffix(prev, "-") || strings.HasSuffix(prev, "/") ||
		strings.HasPrefix(next, "-") || strings.HasPrefix(next, "/")
}

// isCodeEdge reports what may stand around a code but is no part of it:
// white space, quotation marks, the colon of "Số:".
func isCodeEdge(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(":\"'“”‘’«»", r)
}

// unwrap takes off what a code copied from running text brings with it:
// the brackets around it ("(01-ĐA/TU)") and the full stop after it
// ("… theo Đề án số 01-ĐA/TU."). No code ends with a full stop.
func unwrap(s string) string {
	s = strings.TrimRight(s, ".")
	for _, p := range []string{"()", "[]"} {
		if len(s) >= 2 && s[0] == p[0] && s[len(s)-1] == p[1] && !strings.ContainsAny(s[1:len(s)-1], p) {
			return s[1 : len(s)-1]
		}
	}
	return s
}

// skipNumberWord skips what stands between a kind and its code: "số",
// maybe after up to three lower-case words ("Chương trình hành động số"),
// as the importer reads citations too.
func skipNumberWord(s string) string {
	rest := s
	for range 4 {
		t := strings.TrimLeftFunc(rest, unicode.IsSpace)
		if n, ok := wordsPrefix(t, []string{"số"}); ok {
			return t[n:]
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsLower(r) {
			break
		}
		end := strings.IndexFunc(t, unicode.IsSpace)
		if end < 0 {
			break
		}
		rest = t[end:]
	}
	return s
}

// codeWords counts the words of code that hold a digit, white space next
// to "-" and "/" not counting as a break: "01 - ĐA / TU" is one, "01-ĐA/TU
// và 02-ĐA/TU" two.
func codeWords(code string) int {
	n := 0
	f := strings.Fields(code)
	for i, w := range f {
		joined := i > 0 && joinedFields(f[i-1], w)
		if !joined && strings.ContainsFunc(w, unicode.IsDigit) {
			n++
		}
	}
	return max(n, 1)
}
