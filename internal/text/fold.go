package text

import (
	"strings"
	"unicode"
)

// folds maps each base letter to the precomposed letters that fold to it.
// The Vietnamese alphabet is complete here (every vowel with every tone, ă,
// â, ê, ô, ơ, ư, đ); a few other common Latin letters are included so a
// foreign name in a title still gives a readable slug.
var folds = map[rune]string{
	'a': "àáảãạăằắẳẵặâầấẩẫậäåāą",
	'e': "èéẻẽẹêềếểễệëēęě",
	'i': "ìíỉĩịîïī",
	'o': "òóỏõọôồốổỗộơờớởỡợöøō",
	'u': "ùúủũụưừứửữựûüūů",
	'y': "ỳýỷỹỵÿ",
	'd': "đ",
	'c': "çč",
	'n': "ñň",
	's': "š",
	'z': "ž",
	'r': "ř",
}

// foldTable is folds inverted, with the upper-case forms added, so Fold is
// one map lookup per rune.
var foldTable = func() map[rune]rune {
	t := make(map[rune]rune)
	for base, letters := range folds {
		upper := unicode.ToUpper(base)
		for _, r := range letters {
			t[r] = base
			if u := unicode.ToUpper(r); u != r {
				t[u] = upper
			}
		}
	}
	return t
}()

// isMark reports whether r is a combining mark: what NFD text carries its
// tones and vowel marks as, and what Fold drops.
func isMark(r rune) bool {
	switch {
	case r >= 0x0300 && r <= 0x036F, // combining diacritical marks
		r >= 0x1AB0 && r <= 0x1AFF, // ... extended
		r >= 0x1DC0 && r <= 0x1DFF, // ... supplement
		r >= 0x20D0 && r <= 0x20FF, // ... for symbols
		r >= 0xFE20 && r <= 0xFE2F: // half marks
		return true
	}
	return unicode.Is(unicode.Mn, r)
}

// Fold returns s with every tone mark and vowel mark removed and Đ/đ made
// D/d, keeping case: "Đảng ủy Khối" → "Dang uy Khoi". It accepts both
// precomposed (NFC) and decomposed (NFD) input. Other characters are kept.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isMark(r) {
			continue
		}
		if f, ok := foldTable[r]; ok {
			r = f
		}
		b.WriteRune(r)
	}
	return b.String()
}
