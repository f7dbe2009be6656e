package search

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"slices"
	"strconv"
	"strings"
	"sync"

	"bulletin/internal/model"
	"bulletin/internal/par"
)

// Index is a site's search index: its files are named from the site's
// counts alone (Names), and made, all at once, when the first is asked
// for (File). A one-off build writes them all (Write); a server that
// makes the files a browser asks for reads the site's text only when a
// reader searches.
type Index struct {
	site *model.Site
	n    int // documents: the site's articles, projects and pages
	// docs lists the documents in id order when first asked: their
	// names need only their count, and a preview save that no reader
	// searches after need not order 10,000 documents.
	docs   func() []*document
	shards int

	once   sync.Once
	failed *par.Panic // a panic of the one build, panicked again to every caller (made)
	words  [][]byte   // word shards, by number
	meta   []byte

	known *Kept // the last build's documents' words (Know)
	keep  bool  // make kept (Keep)
	kept  *Kept
	read  int // documents whose words were read, not taken from known
}

// New lists the site's documents; it reads no text yet.
func New(s *model.Site) *Index {
	n := len(s.Articles) + len(s.Projects) + len(s.Docs)
	return &Index{site: s, n: n, docs: sync.OnceValue(func() []*document { return documents(s) }), shards: shardCount(n)}
}

// Fresh is the index of the same documents, none of whose text is read
// yet: for a site whose articles have new bodies but are otherwise as
// they were (a preview's save of a body), which lists the same documents
// in the same order. It costs nothing: a new index would list them
// again.
func (ix *Index) Fresh() *Index {
	return &Index{site: ix.site, n: ix.n, docs: ix.docs, shards: ix.shards}
}

// Know gives the index the words the last build's index kept (Kept): a
// document whose words' key is there is not read again. It is called, as
// Keep is, before any file is made. Words that are not sorted, each once, as an index keeps them (a
// damaged store) are not used at all: two numbers of one word would list
// a document twice under it.
func (ix *Index) Know(k *Kept) {
	if k != nil && !k.ordered() {
		k = nil
	}
	ix.known = k
}

// Keep has the index keep its documents' words once made (Kept), for the
// next build's index.
func (ix *Index) Keep() { ix.keep = true }

// Kept is what the index kept of its documents' words (Keep), once its
// files are made; nil when it kept nothing.
func (ix *Index) Kept() *Kept { return ix.kept }

// Documents is how many documents the index holds.
func (ix *Index) Documents() int { return ix.n }

// Read tells, once the files are made, how many documents' words were
// read, rather than taken as the last build kept them (Know).
func (ix *Index) Read() int { return ix.read }

// shardCount is how many word shards an index of n documents has: one per
// 64 documents, so a shard of the generator's 10,000-article site holds
// about 8 KB.
func shardCount(n int) int { return min(max(1, (n+63)/64), 4096) }

// Names lists the index's files under Dir, sorted: meta.json, the word
// shards w/N.json and the document chunks d/N.json.
func (ix *Index) Names() []string {
	names := []string{Dir + "meta.json"}
	for i := range ix.shards {
		names = append(names, wordShard(i))
	}
	for i := range ix.chunks() {
		names = append(names, docChunkName(i))
	}
	slices.Sort(names)
	return names
}

// Files is how many files the index has.
func (ix *Index) Files() int { return 1 + ix.shards + ix.chunks() }

// Under gives the first file of the index in the folder named, as Names
// would list it; ok is false when the index has no file there.
func (ix *Index) Under(folder string) (name string, ok bool) {
	for _, n := range []string{docChunkName(0), Dir + "meta.json", wordShard(0)} { // in order
		if strings.HasPrefix(n, folder+"/") && ix.Has(n) {
			return n, true
		}
	}
	return "", false
}

// Has reports whether name is a file of the index, as Names would list
// it.
func (ix *Index) Has(name string) bool {
	_, _, ok := ix.part(name)
	return ok
}

// part tells which file of the index name is: meta.json ('m'), word
// shard i ('w') or document chunk i ('d'); ok is false for any name Names
// does not list.
func (ix *Index) part(name string) (kind byte, i int, ok bool) {
	rest, ok := strings.CutPrefix(name, Dir)
	switch {
	case !ok:
		return 0, 0, false
	case rest == "meta.json":
		return 'm', 0, true
	case strings.HasPrefix(rest, "w/"):
		i, ok := number(rest, "w/")
		return 'w', i, ok && i < ix.shards && name == wordShard(i)
	case strings.HasPrefix(rest, "d/"):
		i, ok := number(rest, "d/")
		return 'd', i, ok && i < ix.chunks() && name == docChunkName(i)
	}
	return 0, 0, false
}

func wordShard(i int) string    { return Dir + "w/" + strconv.Itoa(i) + ".json" }
func docChunkName(i int) string { return Dir + "d/" + strconv.Itoa(i) + ".json" }

// File makes the index file name; ok is false when the index has none.
// The first call reads the whole site; a document chunk is made again
// from its documents each time.
func (ix *Index) File(name string) (data []byte, ok bool) {
	kind, i, ok := ix.part(name)
	if !ok {
		return nil, false
	}
	ix.made(nil, false)
	switch kind {
	case 'm':
		return ix.meta, true
	case 'w':
		return ix.words[i], true
	}
	t := newTokenizer()
	var b []byte
	docs := ix.docs()
	for id := i * perChunk; id < min((i+1)*perChunk, len(docs)); id++ {
		t.text = docs[id].text(t.text[:0])
		b = ix.appendDoc(b, id, t.text)
	}
	return closeChunk(b), true
}

func (ix *Index) chunks() int { return (ix.n + perChunk - 1) / perChunk }

// number reads N from prefix+"N.json".
func number(s, prefix string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimPrefix(s, prefix), ".json")
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && strconv.Itoa(n) == s
}

// Write makes every file of the site's index and hands it to put, from
// several goroutines at once. It reads each document once: the chunks of
// documents go to put as they are read, then the word shards and
// meta.json.
func Write(s *model.Site, put func(name string, data []byte) error) error {
	return New(s).Write(put)
}

// Write makes every file of the index and hands it to put, as the
// function Write does; an index whose files were asked for (File) has
// them made already, and Write makes nothing.
func (ix *Index) Write(put func(name string, data []byte) error) error {
	return ix.WriteKeyed(put, nil)
}

// A Keyed sink keeps with each file the key of what it was made from,
// and puts in the file the last build made from the same key rather than
// have it made again (output.Reuser).
type Keyed interface {
	Reuse(name string, key uint64) (bool, error)
	WriteKeyed(name string, key uint64, data []byte) error
}

// WriteKeyed is Write, with the document chunks given to keyed with their
// key (chunkKey: of every byte the chunk holds): a chunk the last build
// wrote from the same key is put in by keyed, not made. A nil keyed is
// Write.
func (ix *Index) WriteKeyed(put func(name string, data []byte) error, keyed Keyed) error {
	emit := func(chunk int, _ uint64, data func() []byte) error { return put(docChunkName(chunk), data()) }
	if keyed != nil {
		emit = func(chunk int, key uint64, data func() []byte) error {
			name := docChunkName(chunk)
			if done, err := keyed.Reuse(name, key); done || err != nil {
				return err
			}
			return keyed.WriteKeyed(name, key, data())
		}
	}
	if err := ix.made(emit, keyed != nil); err != nil {
		return err
	}
	if err := par.Each(context.Background(), len(ix.words), func(_, i int) error { return put(wordShard(i), ix.words[i]) }); err != nil {
		return err
	}
	return put(Dir+"meta.json", ix.meta)
}

// made builds the index, the first time it is called. A panic in build
// is kept and panics again in every call: sync.Once takes a panic for a
// return, and would leave the index looking made, with no files, to the
// next caller (the preview served the first file asked for as an internal
// error, then the rest as empty or missing).
func (ix *Index) made(emit func(chunk int, key uint64, data func() []byte) error, keyed bool) (err error) {
	ix.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				ix.failed = par.Caught(r)
			}
		}()
		err = ix.build(emit, keyed)
	})
	if ix.failed != nil {
		panic(ix.failed)
	}
	return err
}

// build reads every document's words, a chunk of documents at a time on
// every processor, and makes the word shards and meta.json. With emit, it
// makes each chunk of documents too and hands it on, with its key when
// keyed (chunkKey, of its documents' docKey), to be made when emit asks
// for its bytes.
func (ix *Index) build(emit func(chunk int, key uint64, data func() []byte) error, keyed bool) error {
	docs := ix.docs()
	per := make([]docTokens, len(docs))
	shown := make([]uint64, len(docs)) // docKey: for the version, and the chunks' keys
	keys := make([]uint64, len(docs))
	read := make([]bool, len(docs))
	tokenizers := make([]*tokenizer, par.Workers(ix.chunks()))
	for w := range tokenizers {
		tokenizers[w] = newTokenizer()
	}
	// Per worker, the texts of the chunk's documents it read, one after
	// another, and where each ends: the chunk is made (or not) once all
	// are read, and the text of a document whose words were taken as kept
	// is made only if the chunk is.
	bufs := make([][]byte, len(tokenizers))
	ends := make([][]int, len(tokenizers))
	err := par.Each(context.Background(), ix.chunks(), func(w, chunk int) error {
		t := tokenizers[w]
		bufs[w], ends[w] = bufs[w][:0], ends[w][:0]
		first := chunk * perChunk
		for id := first; id < min((chunk+1)*perChunk, len(docs)); id++ {
			var source uint64
			per[id], keys[id], source, read[id] = t.document(docs[id], ix.known)
			per[id].worker = w
			shown[id] = ix.docKey(id, source)
			if emit != nil && read[id] {
				bufs[w] = append(bufs[w], t.text...)
			}
			ends[w] = append(ends[w], len(bufs[w]))
		}
		if emit == nil {
			return nil
		}
		n := len(ends[w])
		var key uint64
		if keyed {
			key = chunkKey(chunk, shown[first:first+n])
		}
		return emit(chunk, key, func() []byte {
			var b, made []byte
			for i, end := range ends[w] {
				text := bufs[w][:end]
				if i > 0 {
					text = text[ends[w][i-1]:]
				}
				if !read[first+i] {
					made = docs[first+i].text(made[:0])
					text = made
				}
				b = ix.appendDoc(b, first+i, text)
			}
			return closeChunk(b)
		})
	})
	if err != nil {
		return err
	}
	for _, r := range read {
		if r {
			ix.read++
		}
	}
	toks, trans := numbering(tokenizers)
	ix.words = shards(toks, ix.shards, gather(toks, trans, tokenizers, per, ix.shards))
	if ix.keep {
		ix.kept = kept(toks, trans, tokenizers, per, keys)
	}

	version := crc32.NewIEEE()
	for _, w := range ix.words {
		version.Write(w)
	}
	var k8 [8]byte
	for _, k := range shown {
		binary.LittleEndian.PutUint64(k8[:], k)
		version.Write(k8[:])
	}
	ix.meta = meta(docs, ix.shards, ix.site.Config.Location, version.Sum32())
	return nil
}

// gather makes each token's lists of documents: every worker reads the
// tokens of every document in id order, so the lists come out sorted, and
// keeps those of the shards it owns. It counts them first, so each list
// is allocated once.
func gather(toks []string, trans [][]int32, tokenizers []*tokenizer, per []docTokens, shards int) []list {
	owner := make([]int32, len(toks))
	n := par.Workers(shards)
	for g, tok := range toks {
		key, _ := splitToken(tok)
		owner[g] = int32(shard(key) % uint32(shards) % uint32(n))
	}
	lists := make([]list, len(toks))
	all := make([]int32, len(toks))
	strong := make([]int32, len(toks))
	par.Each(context.Background(), n, func(_, w int) error {
		visit := func(f func(g int32, id int, strong bool)) {
			for id, dt := range per {
				tr, arena := trans[dt.worker], tokenizers[dt.worker].arena[dt.start:dt.end]
				for _, tok := range arena {
					if g := tr[tok&^strongBit]; owner[g] == int32(w) {
						f(g, id, tok&strongBit != 0)
					}
				}
			}
		}
		visit(func(g int32, _ int, s bool) {
			all[g]++
			if s {
				strong[g]++
			}
		})
		size := 0
		for g := range toks {
			if owner[g] == int32(w) {
				size += int(all[g] + strong[g])
			}
		}
		space := make([]int32, 0, size)
		for g := range toks {
			if owner[g] == int32(w) {
				lists[g].all, space = space[:0:all[g]], space[all[g]:cap(space)]
				lists[g].strong, space = space[:0:strong[g]], space[strong[g]:cap(space)]
			}
		}
		visit(func(g int32, id int, s bool) {
			l := &lists[g]
			l.all = append(l.all, int32(id))
			if s {
				l.strong = append(l.strong, int32(id))
			}
		})
		return nil
	})
	return lists
}

// shards writes the word shards, in parallel.
func shards(toks []string, n int, lists []list) [][]byte {
	byShard := make([][]int32, n)
	for g, tok := range toks {
		key, _ := splitToken(tok)
		s := shard(key) % uint32(n)
		byShard[s] = append(byShard[s], int32(g))
	}
	out := make([][]byte, n)
	par.Each(context.Background(), n, func(_, s int) error {
		out[s] = encodeShard(toks, lists, byShard[s])
		return nil
	})
	return out
}

// numbering gives every token the workers met one number, its place in
// sorted order, and returns the tokens and, per worker, its numbers in
// the new numbering.
func numbering(tokenizers []*tokenizer) ([]string, [][]int32) {
	global := map[string]int32{}
	for _, t := range tokenizers {
		for _, tok := range t.toks {
			global[tok] = 0
		}
	}
	toks := make([]string, 0, len(global))
	for tok := range global {
		toks = append(toks, tok)
	}
	slices.Sort(toks)
	for i, tok := range toks {
		global[tok] = int32(i)
	}
	trans := make([][]int32, len(tokenizers))
	for w, t := range tokenizers {
		trans[w] = make([]int32, len(t.toks))
		for local, tok := range t.toks {
			trans[w][local] = global[tok]
		}
	}
	return toks, trans
}
