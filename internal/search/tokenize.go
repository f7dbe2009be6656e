package search

import (
	"hash/fnv"
	"strings"
	"unicode/utf8"
)

// A token as the index keys it: the folded word, a zero byte, and the word
// as written when that differs from the folded form ("dang\x00đảng"), so
// sorting the tokens sorts them by word, then spelling.
const spellingSep = "\x00"

// splitToken splits a token into its word and its spelling ("" when the
// word is spelt as it folds).
func splitToken(tok string) (key, spelling string) {
	key, spelling, _ = strings.Cut(tok, spellingSep)
	return key, spelling
}

// kindKey is the token every document of a kind carries: "!" is in no
// word or code.
func kindKey(kind string) string { return "!" + kind }

// shard is the hash that places a word in a shard: FNV-1a of its UTF-8
// bytes, as the script computes it. A code is placed by its number and
// the first character after it ("1-d" for 1-da/tu, "123/k" for
// 123/kh-ubnd), so every code that starts with what a reader has typed
// of one, from that character on ("123/K", "123/KH", "đề án 01": 1-da/),
// is in the shard of what was typed, and a query reads that shard alone.
func shard(key string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(shardKey(key)))
	return h.Sum32()
}

// shardKey is key up to the first rune after its first "-" or "/", or
// all of it.
func shardKey(key string) string {
	first := strings.IndexAny(key, "-/")
	if first < 0 {
		return key
	}
	_, n := utf8.DecodeRuneInString(key[first+1:])
	return key[:first+1+n]
}

// docTokens is what one document contributes to the index: its distinct
// tokens, numbered by the worker that read it, in that worker's arena
// from start to end, the top bit set on a token in a strong field.
type docTokens struct {
	worker     int
	start, end int
}

const strongBit = 1 << 31

// list is the documents (ascending ids) that hold one spelling of a word,
// and those of them that hold it in a strong field.
type list struct {
	all, strong []int32
}

// tokenizer reads documents; each worker has its own, and numbers the
// tokens it meets in its own dictionary.
type tokenizer struct {
	sc     scanner
	dict   map[string]int32
	toks   []string // by number
	stamp  []int32  // by number: the last document (its count) that held it
	pos    []int32  // by number: its place in the arena in that document
	docs   int32    // documents read
	arena  []uint32 // the tokens of every document read, one after another
	buf    []byte
	fields []string
	text   []byte // the last document's text

	// Recalling kept tokens (kept.go): each kept token's number here
	// plus one (0: not met yet), for the Kept it was made for.
	from      []int32
	fromWords *Kept
	ids       []uint64
}

func newTokenizer() *tokenizer { return &tokenizer{dict: map[string]int32{}} }

// document reads d: its distinct tokens, each once, strong when it is in a
// strong field. key is the key of its words (wordsKey), source that of
// what its text is made of (textKey); with known, words kept under that
// key are taken as they are, and read reports whether they were read
// instead. Only then is the text made: it is left in t.text until the
// next call.
func (t *tokenizer) document(d *document, known *Kept) (out docTokens, key, source uint64, read bool) {
	t.docs++
	out.start = len(t.arena)
	t.fields = d.strong(t.fields[:0])
	if known == nil {
		// Nothing to take: the text is made as its key is, in one pass,
		// its body's HTML unpacked once (every document of a cold build).
		var h keyHash
		text := textBytes{t.text[:0]}
		d.textParts(both{&h, &text})
		source, t.text = h.sum(), text.b
	} else {
		source = textKey(d)
	}
	key = wordsKey(d.Kind, t.fields, source)
	if enc, ok := known.doc(key); ok && t.recall(known, enc) {
		out.end = len(t.arena)
		return out, key, source, false
	}
	if known != nil {
		t.text = d.text(t.text[:0])
	}
	t.add([]byte(kindKey(d.Kind)), true)
	for _, f := range t.fields {
		t.read([]byte(f), true)
	}
	t.read(t.text, false)
	out.end = len(t.arena)
	return out, key, source, true
}

// read adds the words of s. Spellings are kept in strong fields only: a
// query typed with marks ranks first the titles, units, team leads and
// tags spelt so; in a body, where "đảng" and "đang" both abound, every
// spelling counts alike, which spares reading the spelling of every word.
func (t *tokenizer) read(s []byte, strong bool) {
	sc := &t.sc
	sc.spell = strong
	for _, w := range sc.scan(s) {
		key := sc.keys[w.key[0]:w.key[1]]
		if w.spelled[1] > w.spelled[0] {
			t.buf = append(append(append(t.buf[:0], key...), spellingSep...), sc.spells[w.spelled[0]:w.spelled[1]]...)
			key = t.buf
		}
		t.add(key, strong)
	}
	sc.codes(func(key string) { t.add([]byte(key), strong) })
}

// add puts a token in the document's list, or marks it strong there.
func (t *tokenizer) add(tok []byte, strong bool) {
	n, ok := t.dict[string(tok)]
	if !ok {
		n = t.intern(string(tok))
	}
	if t.stamp[n] == t.docs {
		if strong {
			t.arena[t.pos[n]] |= strongBit
		}
		return
	}
	t.stamp[n], t.pos[n] = t.docs, int32(len(t.arena))
	tok32 := uint32(n)
	if strong {
		tok32 |= strongBit
	}
	t.arena = append(t.arena, tok32)
}

// intern numbers a token the tokenizer has not met.
func (t *tokenizer) intern(s string) int32 {
	if n, ok := t.dict[s]; ok {
		return n
	}
	n := int32(len(t.toks))
	t.dict[s] = n
	t.toks = append(t.toks, s)
	t.stamp = append(t.stamp, 0)
	t.pos = append(t.pos, 0)
	return n
}
