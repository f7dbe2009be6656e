package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word is a run of letters and digits of the folded text. Document
// codes are read as words too ("01-ĐA/TU" is the words 01, da, tu) and,
// besides, as one token: the words joined by the "-" and "/" between them,
// the number without its leading zeros ("1-da/tu"). A code starts with a
// word of ASCII digits, has nothing but one "-" or "/" between its words,
// and holds a "/" and some word that is not all digits (a date such as
// 12/7/2016 is no code), as the script's pattern
// /(?<![\p{L}\p{Nd}])[0-9]+(?:[-/][\p{L}\p{Nd}]+)+/gu and its checks read it.
// internal/text keys projects by the whole code the same way, so a
// reader who types "01-DA/TU", "01-đa/tu" or "1-ĐA/TU" finds them all.

// word is one word of a text, as offsets into the scanner's buffers.
type word struct {
	key     [2]int32 // the folded word, in scanner.keys
	spelled [2]int32 // its Variant, in scanner.spells; empty when spelt as it folds
	sep     byte     // the "-" or "/" that alone joins it to the next word, or 0
}

// scanner splits texts into words. It keeps its buffers from one text to
// the next and allocates nothing per word: a site's index reads every
// character of every article, so the loop is written flat.
type scanner struct {
	keys, spells []byte
	words        []word
	spell        bool // keep spellings; false: every word is read as it folds

	// The word being read.
	in     bool // inside a word
	cur    word
	from   int  // where it starts in the text
	to     int  // where it ends so far
	marked bool // spelt otherwise than it folds: its spelling is kept in spells
	slow   bool // its spelling needs Variant: combining marks, a rune that folds to several

	// Between words.
	gap    int  // folded runes since the last word
	gapSep byte // the last of them, when it is "-" or "/"
}

// scan splits s into words; what it returns is valid until the next call.
func (sc *scanner) scan(s []byte) []word {
	sc.keys, sc.spells, sc.words = sc.keys[:0], sc.spells[:0], sc.words[:0]
	sc.in, sc.gap, sc.gapSep = false, 0, 0
	var scratch [16]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c-'a' < 26 || c-'0' < 10:
			case c-'A' < 26:
				c += 'a' - 'A'
			default: // a space, a punctuation mark: ends a word, may join it to the next
				sc.end(s)
				sc.gap++
				sc.gapSep = 0
				if c == '-' || c == '/' {
					sc.gapSep = c
				}
				i++
				continue
			}
			if !sc.in {
				sc.begin(i)
			}
			sc.keys = append(sc.keys, c)
			if sc.marked {
				sc.spells = append(sc.spells, c)
			}
			i++
			sc.to = i
			continue
		}
		r, n := decode(s, i)
		f, v := rune(complex), r
		if r < tableSize {
			f = foldTable[r]
			if sc.spell {
				v = spellTable[r]
			}
		}
		switch {
		case f == drop:
			if sc.in {
				sc.to = i + n // a mark belongs to the letter before it
				sc.slow = sc.slow || sc.spell && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r))
			}
		case f == complex: // rare: a rune that folds to several
			for _, fr := range string(appendFold(scratch[:0], r)) {
				if !wordRune(fr) {
					sc.other(fr, s)
					continue
				}
				if !sc.in {
					sc.begin(i)
				}
				sc.keys = utf8.AppendRune(sc.keys, fr)
				sc.to, sc.slow = i+n, sc.spell
			}
		case wordRune(f):
			if !sc.in {
				sc.begin(i)
			}
			if !sc.marked && v != f && sc.spell {
				// Spelt otherwise from here: so far the spelling was the
				// folded word itself.
				sc.marked = true
				sc.spells = append(sc.spells, sc.keys[sc.cur.key[0]:]...)
			}
			if sc.marked {
				sc.spells = utf8.AppendRune(sc.spells, v)
			}
			if f < utf8.RuneSelf {
				sc.keys = append(sc.keys, byte(f)) // a Vietnamese letter folds to ASCII
			} else {
				sc.keys = utf8.AppendRune(sc.keys, f)
			}
			sc.to = i + n
		default:
			sc.other(f, s)
		}
		i += n
	}
	sc.end(s)
	return sc.words
}

// decode reads the rune at s[i:], which is not ASCII. The two- and
// three-byte forms, every letter of Vietnamese, are read here, not by a
// call; the rest by utf8.DecodeRune.
func decode(s []byte, i int) (rune, int) {
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	} else if c >= 0xE1 && c < 0xF0 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRune(s[i:])
}

// begin starts a word at offset i, and joins the word before to it when
// one "-" or "/" alone stands between them.
func (sc *scanner) begin(i int) {
	if n := len(sc.words); n > 0 && sc.gap == 1 && sc.gapSep != 0 {
		sc.words[n-1].sep = sc.gapSep
	}
	sc.in, sc.from, sc.marked, sc.slow = true, i, false, false
	sc.cur = word{key: [2]int32{int32(len(sc.keys)), 0}, spelled: [2]int32{int32(len(sc.spells)), 0}}
}

// other reads a folded rune that no word holds: it ends a word.
func (sc *scanner) other(r rune, s []byte) {
	sc.end(s)
	sc.gap++
	sc.gapSep = 0
	if r == '-' || r == '/' {
		sc.gapSep = byte(r)
	}
}

// end closes the word being read, if any.
func (sc *scanner) end(s []byte) {
	if !sc.in {
		return
	}
	w := &sc.cur
	w.key[1] = int32(len(sc.keys))
	if sc.slow {
		sc.spells = sc.spells[:w.spelled[0]]
		if v := Variant(string(s[sc.from:sc.to])); v != string(sc.keys[w.key[0]:w.key[1]]) {
			sc.spells = append(sc.spells, v...)
		}
	}
	w.spelled[1] = int32(len(sc.spells))
	sc.words = append(sc.words, *w)
	sc.in, sc.gap, sc.gapSep = false, 0, 0
}

// codes calls emit with the key of each document code among the words of
// the last scan.
func (sc *scanner) codes(emit func(key string)) {
	words := sc.words
	for i := 0; i < len(words); i++ {
		if words[i].sep == 0 || !digits(sc.keys[words[i].key[0]:words[i].key[1]]) {
			continue
		}
		j, slash, letter := i, false, false
		for words[j].sep != 0 && j+1 < len(words) {
			slash = slash || words[j].sep == '/'
			j++
			letter = letter || !digits(sc.keys[words[j].key[0]:words[j].key[1]])
		}
		if slash && letter {
			var b strings.Builder
			b.WriteString(trimZeros(string(sc.keys[words[i].key[0]:words[i].key[1]])))
			for k := i + 1; k <= j; k++ {
				b.WriteByte(words[k-1].sep)
				b.Write(sc.keys[words[k].key[0]:words[k].key[1]])
			}
			emit(b.String())
		}
		i = j
	}
}

// digits reports whether a folded word is all ASCII digits.
func digits(s []byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

func trimZeros(n string) string {
	t := strings.TrimLeft(n, "0")
	if t == "" {
		return "0"
	}
	return t
}
