package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese alphabetical order, as dictionaries and indexes sort: the
// letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, so "đ"
// comes after every "d" word, and "ô", "ơ" after "o"; then, between words
// that differ only there, the tones in the order ngang, huyền, hỏi, ngã,
// sắc, nặng. Case does not count. Numbers come before letters, by value
// ("Phường 2" before "Phường 10" before "Phường An").

// letters maps a base letter and its vowel mark (breve, circumflex, horn)
// to its place in the alphabet.
var letters = func() map[string]int {
	order := []string{"a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k", "l", "m", "n",
		"o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w", "x", "y", "z"}
	m := make(map[string]int, len(order))
	for i, l := range order {
		m[l] = i + 1
	}
	return m
}()

// tones ranks the tone marks; no mark is 0.
var tones = map[rune]byte{'\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5}

// CollateKey returns a key whose byte order is Vietnamese alphabetical
// order of s: compare keys with < or strings.Compare.
func CollateKey(s string) string {
	var primary, secondary strings.Builder
	for _, word := range strings.Fields(norm.NFD.String(strings.ToLower(s))) {
		rs := []rune(word)
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			if unicode.Is(unicode.Mn, r) || isFormat(r) {
				continue // marks are read with their letter below
			}
			if r >= '0' && r <= '9' {
				i = appendNumber(&primary, &secondary, rs, i)
				continue
			}
			if r == 'ð' { // the look-alike of đ (ToLower made Ð ð)
				r = 'đ'
			}
			letter, tone := string(r), byte(0)
			for i+1 < len(rs) && unicode.Is(unicode.Mn, rs[i+1]) {
				m := rs[i+1]
				if t, ok := tones[m]; ok {
					tone = t
				} else if _, ok := letters[letter+string(m)]; ok {
					letter += string(m)
				}
				i++
			}
			if rank, ok := letters[letter]; ok {
				// After the word break, digits and punctuation (ASCII), before
				// other scripts (UTF-8 from 0xC2).
				primary.WriteByte(byte(0x80 + rank))
			} else {
				primary.WriteString(letter) // punctuation, other scripts: as they are
			}
			secondary.WriteByte('0' + tone)
		}
		primary.WriteByte(0x01) // word break: "an" before "an nam" before "anh"
		secondary.WriteByte('/')
	}
	return primary.String() + "\x00" + secondary.String()
}

// appendNumber writes the run of digits that starts at rs[i] by its
// value: its length without leading zeros (a byte below the letters'),
// then its digits, so 2 < 10. It returns the index of the run's last digit.
func appendNumber(primary, secondary *strings.Builder, rs []rune, i int) int {
	j := i
	for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
		secondary.WriteByte('0')
		j++
	}
	digits := strings.TrimLeft(string(rs[i:j]), "0")
	primary.WriteByte(byte(0x30 + min(len(digits), 0x4f))) // 79 digits; beyond, by their text
	primary.WriteString(digits)
	return j - 1
}
