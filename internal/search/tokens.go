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
// character of every article.
type scanner struct {
	keys, spells []byte
	words        []word
}

// scan splits s into words; what it returns is valid until the next call.
func (sc *scanner) scan(s string) []word {
	sc.keys, sc.spells, sc.words = sc.keys[:0], sc.spells[:0], sc.words[:0]
	var (
		in      bool // inside a word
		w       word
		from    int  // where the word starts in s
		to      int  // where it ends so far
		marked  bool // spelt otherwise than it folds
		slow    bool // its spelling needs Variant: combining marks, a rune that folds to several
		gap     int  // folded runes since the last word
		gapSep  byte // the last of them, when it is "-" or "/"
		scratch [16]byte
	)
	end := func() {
		if !in {
			return
		}
		in = false
		w.key[1] = int32(len(sc.keys))
		switch {
		case slow:
			sc.spells = sc.spells[:w.spelled[0]]
			v := Variant(s[from:to])
			if v != string(sc.keys[w.key[0]:w.key[1]]) {
				sc.spells = append(sc.spells, v...)
			}
		case !marked:
			sc.spells = sc.spells[:w.spelled[0]]
		}
		w.spelled[1] = int32(len(sc.spells))
		sc.words = append(sc.words, w)
		gap, gapSep = 0, 0
	}
	begin := func(at int) {
		if n := len(sc.words); n > 0 && gap == 1 && gapSep != 0 {
			sc.words[n-1].sep = gapSep
		}
		in, from, marked, slow = true, at, false, false
		w = word{key: [2]int32{int32(len(sc.keys)), 0}, spelled: [2]int32{int32(len(sc.spells)), 0}}
	}
	other := func(r rune) {
		end()
		gap++
		if r == '-' || r == '/' {
			gapSep = byte(r)
		} else {
			gapSep = 0
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
				other(rune(c))
				i++
				continue
			}
			if !in {
				begin(i)
			}
			sc.keys = append(sc.keys, c)
			sc.spells = append(sc.spells, c)
			i++
			to = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		f, v := rune(complex), r
		if r < tableSize {
			f, v = foldTable[r], spellTable[r]
		}
		switch {
		case f == drop:
			if in {
				to = i + n // a mark belongs to the letter before it
				slow = slow || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
			}
		case f == complex:
			for _, fr := range string(appendFold(scratch[:0], r)) {
				if !wordRune(fr) {
					other(fr)
					continue
				}
				if !in {
					begin(i)
				}
				sc.keys = utf8.AppendRune(sc.keys, fr)
				to, slow = i+n, true
			}
		case wordRune(f):
			if !in {
				begin(i)
			}
			sc.keys = utf8.AppendRune(sc.keys, f)
			sc.spells = utf8.AppendRune(sc.spells, v)
			marked = marked || v != f
			to = i + n
		default:
			other(f)
		}
		i += n
	}
	end()
	return sc.words
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
