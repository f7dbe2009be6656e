package text

import (
	"fmt"
	"strings"
	"unicode"
)

// Slug makes a URL segment of s: folded to ASCII, lower case, every run of
// anything but a-z and 0-9 made one "-", with no "-" at either end.
// "Đảng ủy Khối" → "dang-uy-khoi"; "4950/QĐ-UBND" → "4950-qd-ubnd".
// It returns "" when s has no letter or digit at all; callers decide
// whether that is an error. Text whose letters or digits do not fold to
// ASCII at all ("日本", "Москва") is spelt by code points, "u65e5-u672c",
// so every name with a letter has an address, and two such names never
// share one.
//
// A slug is cut, at a word, to MaxSlug bytes: it names a folder of the
// built site (and the file "new" writes), and file systems refuse names
// past 255 bytes. Official titles run to 300 characters.
func Slug(s string) string {
	slug := slug(s)
	if slug == "" {
		slug = codePoints(s)
	}
	if len(slug) <= MaxSlug {
		return slug
	}
	cut := slug[:MaxSlug]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		cut = cut[:i]
	}
	return cut
}

// MaxSlug is the longest slug, in bytes (ASCII: characters too).
const MaxSlug = 200

func slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false // a separator is pending: written only before the next letter
	for _, r := range Fold(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		default:
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
	}
	return b.String()
}

// codePoints spells the letters and digits of s as "u" and their code
// points in hexadecimal, joined by "-": the slug of text with nothing that
// folds to ASCII.
func codePoints(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		fmt.Fprintf(&b, "u%x", r)
	}
	return b.String()
}

// CodeKey returns the identity of a document code. Codes that differ only
// by diacritics (Đ or D, with or without marks), case, or white space
// anywhere are the same key: CodeKey("01-ĐA/TU") == CodeKey(" 01-da/tu ").
// Punctuation stays significant, so "123/KH-UBND" and "123-KH-UBND" differ;
// only the dash look-alikes a word processor substitutes (‐ ‑ – — −) count
// as "-", since an editor cannot see the difference.
func CodeKey(code string) string {
	var b strings.Builder
	b.Grow(len(code))
	for _, r := range Fold(code) {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= 0x2010 && r <= 0x2015, r == 0x2212:
			r = '-'
		default:
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CodeSlug is the URL segment of a document code: "01-ĐA/TU" → "01-da-tu".
// It is made from the code's key, so that codes that are one project
// ("01 - ĐA / TU", "0 1-DA/TU") have one URL, whatever their spacing.
func CodeSlug(code string) string { return Slug(CodeKey(code)) }
