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
	// The Latin Ð/ð (U+00D0/U+00F0, "eth") looks exactly like Đ/đ and
	// arrives in text that went through Latin-1 or VNI: it is read as đ.
	'd': "đð",
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

// isFormat reports whether r is an invisible format character: a zero-width
// space or joiner, a soft hyphen, a byte order mark, a direction mark.
// Pasted from a word processor or a web page, one sits unseen inside a
// name or a code; it is no part of either.
func isFormat(r rune) bool { return r >= 0x80 && unicode.Is(unicode.Cf, r) }

// Fold returns s with every tone mark and vowel mark removed and Đ/đ (and
// its look-alike Ð/ð) made D/d, keeping case: "Đảng ủy Khối" → "Dang uy
// Khoi". Invisible format characters (zero-width space, soft hyphen, ...)
// are dropped. It accepts both precomposed (NFC) and decomposed (NFD)
// input. Other characters are kept.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isMark(r) || isFormat(r) {
			continue
		}
		if f, ok := foldTable[r]; ok {
			r = f
		}
		b.WriteRune(r)
	}
	return b.String()
}

// StripFormat returns s without its invisible format characters (see
// isFormat), and unchanged when it has none: names and codes are read
// through it, so that "Bùi Hải\u200bTú" is the Bùi Hải Tú of the other
// articles and a code with a zero-width space names no look-alike project.
func StripFormat(s string) string {
	if !strings.ContainsFunc(s, isFormat) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isFormat(r) {
			return -1
		}
		return r
	}, s)
}
