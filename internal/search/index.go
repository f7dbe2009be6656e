package search

import (
	"encoding/binary"
	"hash/crc32"
	"runtime"
	"sort"
	"strings"
	"sync"

	"bulletin/internal/model"
)

// A token as the index keys it: the folded word, a zero byte, and the word
// as written when that differs from the folded form ("dang\x00đảng"), so
// sorting the tokens sorts them by word, then spelling.
const spellingSep = "\x00"

// kindKey is the token every document of a kind carries: "!" sorts before
// any word, and is in none.
func kindKey(kind string) string { return "!" + kind }

// docTokens is what one document contributes to the index: its distinct
// tokens, numbered by the worker that read it, and whether each is in a
// strong field.
type docTokens struct {
	worker int
	ids    []int32
	strong []bool
}

// list is the documents (ascending ids) that hold one spelling of a word,
// and those of them that hold it in a strong field.
type list struct {
	all, strong []int32
}

// postings reads every document and returns the sorted tokens and, for
// each, the documents that hold it. Reading runs on every processor, each
// worker numbering the tokens it meets; merging, in document order, keeps
// the ids sorted.
func postings(docs []*document) ([]string, []list) {
	per := make([]docTokens, len(docs))
	workers := make([]*tokenizer, workers(len(docs)))
	for w := range workers {
		workers[w] = newTokenizer()
	}
	each(len(docs), func(w, i int) error {
		docs[i].fill(docs[i])
		per[i] = workers[w].document(docs[i])
		per[i].worker = w
		return nil
	})

	// One numbering for all: the tokens in sorted order.
	global := map[string]int32{}
	for _, t := range workers {
		for _, tok := range t.toks {
			global[tok] = 0
		}
	}
	toks := make([]string, 0, len(global))
	for tok := range global {
		toks = append(toks, tok)
	}
	sort.Strings(toks)
	for i, tok := range toks {
		global[tok] = int32(i)
	}
	trans := make([][]int32, len(workers))
	for w, t := range workers {
		trans[w] = make([]int32, len(t.toks))
		for local, tok := range t.toks {
			trans[w][local] = global[tok]
		}
	}
	lists := make([]list, len(toks))
	for id, dt := range per {
		tr := trans[dt.worker]
		for i, local := range dt.ids {
			l := &lists[tr[local]]
			l.all = append(l.all, int32(id))
			if dt.strong[i] {
				l.strong = append(l.strong, int32(id))
			}
		}
	}
	return toks, lists
}

// tokenizer reads documents; each worker has its own, and numbers the
// tokens it meets in its own dictionary.
type tokenizer struct {
	sc    scanner
	dict  map[string]int32
	toks  []string // by number
	stamp []int32  // by number: the last document (its count) that held it
	pos   []int32  // by number: its place in that document's list
	docs  int32    // documents read
	buf   []byte
	out   docTokens
}

func newTokenizer() *tokenizer { return &tokenizer{dict: map[string]int32{}} }

// document lists the distinct tokens of d, each once, strong when it is
// in a strong field.
func (t *tokenizer) document(d *document) docTokens {
	t.docs++
	t.out = docTokens{ids: make([]int32, 0, 256), strong: make([]bool, 0, 256)}
	t.add([]byte(kindKey(d.Kind)), true)
	for _, f := range d.strong {
		t.text(f, true)
	}
	t.text(d.text, false)
	return t.out
}

func (t *tokenizer) text(s string, strong bool) {
	sc := &t.sc
	for _, w := range sc.scan(s) {
		t.buf = append(t.buf[:0], sc.keys[w.key[0]:w.key[1]]...)
		if w.spelled[1] > w.spelled[0] {
			t.buf = append(t.buf, spellingSep...)
			t.buf = append(t.buf, sc.spells[w.spelled[0]:w.spelled[1]]...)
		}
		t.add(t.buf, strong)
	}
	sc.codes(func(key string) { t.add([]byte(key), strong) })
}

// add puts a token in the document's list, or marks it strong there.
func (t *tokenizer) add(tok []byte, strong bool) {
	n, ok := t.dict[string(tok)]
	if !ok {
		n = int32(len(t.toks))
		s := string(tok)
		t.dict[s] = n
		t.toks = append(t.toks, s)
		t.stamp = append(t.stamp, 0)
		t.pos = append(t.pos, 0)
	}
	if t.stamp[n] == t.docs {
		if strong {
			t.out.strong[t.pos[n]] = true
		}
		return
	}
	t.stamp[n], t.pos[n] = t.docs, int32(len(t.out.ids))
	t.out.ids = append(t.out.ids, n)
	t.out.strong = append(t.out.strong, strong)
}

// splitToken splits a token into its word and its spelling ("" when the
// word is spelt as it folds).
func splitToken(tok string) (key, spelling string) {
	key, spelling, _ = strings.Cut(tok, spellingSep)
	return key, spelling
}

// Write reads the site's documents and hands every file of the index to
// put, by its name in the output ("search/meta.json"). put is called from
// several goroutines at once.
func Write(s *model.Site, put func(name string, data []byte) error) error {
	loc := s.Config.Location
	docs := documents(s)
	toks, lists := postings(docs)
	words, firsts := wordChunks(toks, lists)
	chunks := (len(docs) + perChunk - 1) / perChunk
	sums := make([]uint32, len(words)+chunks)
	err := each(len(words)+chunks, func(_, i int) error {
		f := file{}
		if i < len(words) {
			f = words[i]
		} else {
			f = docChunk(docs, i-len(words), loc)
		}
		sums[i] = crc32.ChecksumIEEE(f.data)
		return put(f.name, f.data)
	})
	if err != nil {
		return err
	}
	// meta.json comes last: its version is a checksum of all the others,
	// so a browser that kept an older chunk asks for the new one.
	version := crc32.NewIEEE()
	for _, sum := range sums {
		binary.Write(version, binary.LittleEndian, sum)
	}
	return put(Dir+"meta.json", meta(docs, firsts, loc, version.Sum32()))
}

// workers is how many goroutines each runs for n items.
func workers(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// each runs f(worker, i) for i in 0..n-1 on workers(n) goroutines and
// returns the error of the lowest i that failed, so the error does not
// depend on scheduling. worker numbers the goroutine, for state of its own.
func each(n int, f func(worker, i int) error) error {
	errs := make([]error, n)
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range workers(n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				errs[i] = f(w, i)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
