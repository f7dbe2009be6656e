package search

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"slices"
	"unsafe"

	"bulletin/internal/par"
)

// Kept is what an index keeps of its documents' words for the next
// build's index (Index.Know, Index.Kept): a rebuild after one new article
// reads again the words of that article only, where it read every
// document's (1.05 s of CPU, 0.5 s of a 5.4 s rebuild on two processors,
// at 10,000 articles).
//
// A document's words are a function of what the tokenizer reads of it
// and of nothing else: its kind, its strong fields (strong) and its text,
// which is a function of what textParts gives. Those are hashed, whole,
// into the key its words are kept under (wordsKey), so a document whose
// title, tags, body or a project's title it shows changed is read again,
// with no list of what a document depends on to keep in step with
// docs.go; the text of the others is not even made. The program
// that reads them is the build's store's: a store of another program is
// not used (internal/build).
type Kept struct {
	// Words are the tokens, by number (the index's sorted tokens).
	Words []string
	// Docs holds, by a document's key, its distinct tokens: each token's
	// number times two, plus one when it is in a strong field, ascending,
	// as the differences from the one before, in uvarints.
	Docs map[uint64][]byte
}

// doc is the tokens kept under key, if any.
func (k *Kept) doc(key uint64) ([]byte, bool) {
	if k == nil {
		return nil, false
	}
	enc, ok := k.Docs[key]
	return enc, ok
}

// ordered reports whether k's words are sorted, each once, as kept
// makes them.
func (k *Kept) ordered() bool {
	for i := 1; i < len(k.Words); i++ {
		if k.Words[i-1] >= k.Words[i] {
			return false
		}
	}
	return true
}

// keyHash hashes the parts of a key, each after its length, with two
// CRC-32s side by side (the processor makes both, as render's keys do).
type keyHash struct {
	c, i uint32
	// The length or number being hashed: crc32.Update keeps the slice it
	// is given, as far as the compiler can tell, so a buffer of each call's
	// own would be allocated on every call (several per document).
	scratch [binary.MaxVarintLen64]byte
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func (h *keyHash) bytes(b []byte) {
	h.update(h.scratch[:binary.PutUvarint(h.scratch[:], uint64(len(b)))])
	h.update(b)
}

func (h *keyHash) str(s string) { h.bytes(unsafe.Slice(unsafe.StringData(s), len(s))) }

func (h *keyHash) num(n uint64) {
	h.update(h.scratch[:binary.PutUvarint(h.scratch[:], 8)])
	binary.LittleEndian.PutUint64(h.scratch[:8], n)
	h.update(h.scratch[:8])
}

func (h *keyHash) update(b []byte) {
	h.c = crc32.Update(h.c, castagnoli, b)
	h.i = crc32.Update(h.i, crc32.IEEETable, b)
}

func (h *keyHash) sum() uint64 {
	k := uint64(h.c)<<32 | uint64(h.i)
	if k == 0 {
		k = 1 // 0 is no key
	}
	return k
}

// wordsKey is the key of a document's words: of everything
// tokenizer.document reads, its text by the key of what it is made of.
func wordsKey(kind string, fields []string, source uint64) uint64 {
	var h keyHash
	h.str(kind)
	h.num(uint64(len(fields)))
	for _, f := range fields {
		h.str(f)
	}
	h.num(source)
	return h.sum()
}

// textKey is the key of what d's text is made of: of every part
// textParts gives, each after its kind.
func textKey(d *document) uint64 {
	var h keyHash
	d.textParts(&h)
	return h.sum()
}

// keyHash is a textWriter: it hashes what a text is made of.
func (h *keyHash) html(s string)  { h.num(1); h.str(s) }
func (h *keyHash) field(s string) { h.num(2); h.str(s) }
func (h *keyHash) more(s string)  { h.num(3); h.str(s) }

// keyHash is a docWriter: it hashes a text by the key of what it is made
// of.
func (h *keyHash) docText(t docText) { h.num(t.source) }

// docKey is the key of what a result shows of document id, whose text is
// made of what source is the key of: of every part writeDoc gives.
func (ix *Index) docKey(id int, source uint64) uint64 {
	var h keyHash
	ix.writeDoc(&h, id, docText{source: source})
	return h.sum()
}

// chunkKey is the key of document chunk i, whose documents' docKey are
// shown: of everything appendDoc writes of them, and the format of the
// index.
func chunkKey(i int, shown []uint64) uint64 {
	var h keyHash
	h.num(format)
	h.num(uint64(i))
	for _, k := range shown {
		h.num(k)
	}
	return h.sum()
}

// recall puts in the document being read the tokens kept for it, and
// reports whether it could: tokens that are not the numbers of k.Words,
// or not each word once, ascending, as kept writes them (a damaged
// store), leave nothing put, and the document is read. A word both weak
// and strong, or a difference that wraps past 2^64 to a number before,
// would list the document twice under that word. Each document has at
// least its kind's token.
func (t *tokenizer) recall(k *Kept, enc []byte) bool {
	if len(enc) == 0 {
		return false
	}
	t.ids = t.ids[:0]
	v := uint64(0)
	for len(enc) > 0 {
		d, n := binary.Uvarint(enc)
		if n <= 0 {
			return false
		}
		enc = enc[n:]
		next := v + d
		if len(t.ids) > 0 && next/2 <= v/2 || next/2 >= uint64(len(k.Words)) {
			return false
		}
		v = next
		t.ids = append(t.ids, v)
	}
	if t.from == nil || t.fromWords != k {
		t.from, t.fromWords = make([]int32, len(k.Words)), k
	}
	for _, v := range t.ids {
		g := v / 2
		n := t.from[g] - 1
		if n < 0 {
			n = t.intern(k.Words[g])
			t.from[g] = n + 1
		}
		t.stamp[n], t.pos[n] = t.docs, int32(len(t.arena))
		tok := uint32(n)
		if v&1 != 0 {
			tok |= strongBit
		}
		t.arena = append(t.arena, tok)
	}
	return true
}

// kept is what this index keeps for the next one: its sorted tokens, and
// each document's, numbered in them.
func kept(toks []string, trans [][]int32, tokenizers []*tokenizer, per []docTokens, keys []uint64) *Kept {
	encs := make([][]byte, len(per))
	const batch = 256
	vs := make([][]uint64, par.Workers((len(per)+batch-1)/batch))
	par.Each(context.Background(), (len(per)+batch-1)/batch, func(w, b int) error {
		for id := b * batch; id < min((b+1)*batch, len(per)); id++ {
			dt := per[id]
			tr := trans[dt.worker]
			vs[w] = vs[w][:0]
			for _, tok := range tokenizers[dt.worker].arena[dt.start:dt.end] {
				v := uint64(tr[tok&^strongBit]) * 2
				if tok&strongBit != 0 {
					v++
				}
				vs[w] = append(vs[w], v)
			}
			slices.Sort(vs[w])
			enc := make([]byte, 0, len(vs[w])*2)
			prev := uint64(0)
			for _, v := range vs[w] {
				enc = binary.AppendUvarint(enc, v-prev)
				prev = v
			}
			encs[id] = enc
		}
		return nil
	})
	k := &Kept{Words: toks, Docs: make(map[uint64][]byte, len(per))}
	for id, enc := range encs {
		k.Docs[keys[id]] = enc
	}
	return k
}
