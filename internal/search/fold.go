package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folding for search: a character is compared by its Unicode
// decomposition (NFD) with every nonspacing or enclosing mark and format
// character dropped, then made lower case, one character at a time. "Đảng ủy Khối"
// folds to "dang uy khoi". Decomposition leaves Đ/đ and the look-alike
// Ð/ð in place (they are letters of their own, not D plus a mark), so a
// short table maps them, ø, and the dashes a word processor substitutes
// for "-".
//
// static/js/search.js folds the query and the snippets by the same rule
// (String.prototype.normalize("NFD"), /[\p{Mn}\p{Me}\p{Cf}]/u, the same table,
// toLowerCase per character); a browser test runs both over every
// character of the planes they meet and compares. The rule folds
// everything internal/text's Fold folds (slugs and codes), and more.

// special lists the characters that decomposition does not fold.
var special = map[rune]rune{
	'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'ø': 'o', 'Ø': 'o',
	'‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
}

// tableSize covers Latin, Greek, Cyrillic, the combining marks, Latin
// Extended Additional (Vietnamese) and the punctuation block: nearly every
// character a bulletin holds folds by one lookup.
const tableSize = 0x3000

// Entries of foldTable: a rune, or one of these.
const (
	drop    = -1 // folds to nothing (a mark, a format character)
	complex = -2 // folds to more than one rune: computed each time
)

var foldTable = func() []rune {
	t := make([]rune, tableSize)
	for r := range t {
		f := foldSlow(rune(r))
		switch utf8.RuneCountInString(f) {
		case 0:
			t[r] = drop
		case 1:
			t[r], _ = utf8.DecodeRuneInString(f)
		default:
			t[r] = complex
		}
	}
	return t
}()

// spellTable maps a rune to how Variant spells it: lower case, ð as đ, a
// format character dropped.
var spellTable = func() []rune {
	t := make([]rune, tableSize)
	for r := range t {
		t[r] = spell(rune(r))
	}
	return t
}()

func spell(r rune) rune {
	switch {
	case r == 'ð' || r == 'Ð':
		return 'đ'
	case unicode.Is(unicode.Cf, r):
		return drop
	}
	return unicode.ToLower(r)
}

// foldSlow folds one rune by the rule, without the table.
func foldSlow(r rune) string {
	if f, ok := special[r]; ok {
		return string(f)
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) || unicode.Is(unicode.Me, d) || unicode.Is(unicode.Cf, d) {
			continue
		}
		b.WriteRune(unicode.ToLower(d))
	}
	return b.String()
}

// appendFold appends the folding of r to b.
func appendFold(b []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	case r < tableSize:
		switch f := foldTable[r]; f {
		case drop:
			return b
		case complex:
		default:
			return utf8.AppendRune(b, f)
		}
	}
	return append(b, foldSlow(r)...)
}

// Fold returns s folded for search: "Đảng ủy Khối" → "dang uy khoi",
// "01-ĐA/TU" → "01-da/tu".
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = appendFold(b, r)
	}
	return string(b)
}

// wordRune reports whether a folded rune is part of a word: letters and
// decimal digits, as /[\p{L}\p{Nd}]/u in the script.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Variant is how a word is written, for ranking the words a reader typed
// with their marks above those that only fold alike: lower case,
// precomposed, the look-alike ð as đ, format characters dropped.
// "Đảng" → "đảng".
func Variant(word string) string { return string(appendVariant(nil, word)) }

// appendVariant appends Variant(word) to b.
func appendVariant(b []byte, word string) []byte {
	start := len(b)
	for _, r := range word {
		if r < tableSize {
			r = spellTable[r]
		} else {
			r = spell(r)
		}
		if r != drop {
			b = utf8.AppendRune(b, r)
		}
	}
	for _, c := range b[start:] {
		if c == 0xCC || c == 0xCD { // a combining mark from U+0300–U+036F: compose it
			return append(b[:start], norm.NFC.Bytes(b[start:])...)
		}
	}
	return b
}
