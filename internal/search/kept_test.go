package search_test

import (
	"encoding/binary"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"bulletin/internal/search"
	"bulletin/internal/sitetest"
)

// keyedFiles is a sink that keeps each file's key, and puts in the file
// of the last one (last) that has the same key, as output.Dir does. The
// index writes from several goroutines at once.
type keyedFiles struct {
	mu              sync.Mutex
	data            map[string]string
	keys            map[string]uint64
	last            *keyedFiles
	reused, written int
}

func (k *keyedFiles) put(name string, data []byte) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.data[name] = string(data)
	return nil
}

func (k *keyedFiles) Reuse(name string, key uint64) (bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.last == nil || k.last.keys[name] != key || key == 0 {
		return false, nil
	}
	k.data[name], k.keys[name] = k.last.data[name], key
	k.reused++
	return true, nil
}

func (k *keyedFiles) WriteKeyed(name string, key uint64, data []byte) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.data[name], k.keys[name] = string(data), key
	k.written++
	return nil
}

// coldIndex is every file of the site's index, made from nothing.
func coldIndex(t *testing.T, archive string) map[string]string {
	t.Helper()
	files := &keyedFiles{data: map[string]string{}}
	if err := search.Write(sitetest.Build(t, archive).Result.Site, files.put); err != nil {
		t.Fatal(err)
	}
	return files.data
}

// TestKeptWordsAndChunksMakeTheIndexOfAColdBuild rebuilds the index after
// each edit with the words the last index kept and its document chunks
// linked in by key, and compares it with the index made from nothing: the
// same files, and only the documents whose words' source changed read
// again. A project's title is in the text of an article that cites its
// bare code: retitled, the project and that article are read again,
// though the article's file did not change.
func TestKeptWordsAndChunksMakeTheIndexOfAColdBuild(t *testing.T) {
	edits := []struct {
		name     string
		old, new string
		read     int // documents read again
	}{
		{"nothing", "", "", 0},
		{"a title", "title: Công tác xây dựng Đảng ở cơ sở", "title: Công tác xây dựng Đảng ở thôn bản", 1},
		{"a body", "Chi bộ thôn Làng Lừa sinh hoạt đều đặn.", "Chi bộ thôn Làng Lừa sinh hoạt đều đặn hằng tháng.", 1},
		{"a unit", "inspected_unit: UBND huyện Phú Bình", "inspected_unit: UBND huyện Phú Lương", 1},
		{"a project's title", "title: Nâng cao chất lượng công tác dân vận", "title: Nâng cao hiệu quả công tác dân vận", 2},
		{"a page's body", "Trang tin của Ủy ban Kiểm tra Tỉnh ủy.", "Trang tin điện tử của Ủy ban Kiểm tra Tỉnh ủy.", 1},
		{"a new article", "-- content/pages/gioi-thieu.md --", "-- content/articles/2022/moi.md --\n---\ntitle: Bài mới về Đảng ủy Khối\ndate: 2022-06-01\n---\nMột bài mới, zanzibar.\n-- content/pages/gioi-thieu.md --", 1},
	}
	archive := searchSite
	ix := search.New(sitetest.Build(t, archive).Result.Site)
	ix.Keep()
	last := &keyedFiles{data: map[string]string{}, keys: map[string]uint64{}}
	if err := ix.WriteKeyed(last.put, last); err != nil {
		t.Fatal(err)
	}
	if ix.Read() != ix.Documents() || ix.Kept() == nil {
		t.Fatalf("the first index read %d of %d documents, kept %v", ix.Read(), ix.Documents(), ix.Kept() != nil)
	}
	for _, e := range edits {
		if e.old != "" {
			if !strings.Contains(archive, e.old) {
				t.Fatalf("%s: the site has no %q", e.name, e.old)
			}
			archive = strings.Replace(archive, e.old, e.new, 1)
		}
		next := search.New(sitetest.Build(t, archive).Result.Site)
		next.Know(ix.Kept())
		next.Keep()
		out := &keyedFiles{data: map[string]string{}, keys: map[string]uint64{}, last: last}
		if err := next.WriteKeyed(out.put, out); err != nil {
			t.Fatal(err)
		}
		if want := coldIndex(t, archive); !maps.Equal(out.data, want) {
			for name := range want {
				if out.data[name] != want[name] {
					t.Errorf("%s: %s differs from the index made from nothing:\n%s\nwant\n%s", e.name, name, out.data[name], want[name])
				}
			}
			if len(out.data) != len(want) {
				t.Errorf("%s: %d files, want %d", e.name, len(out.data), len(want))
			}
		}
		if next.Read() != e.read {
			t.Errorf("%s: %d documents read again, want %d", e.name, next.Read(), e.read)
		}
		chunks := 0 // a chunk holds perChunk documents
		for name := range out.data {
			if strings.HasPrefix(name, search.Dir+"d/") {
				chunks++
			}
		}
		if e.name == "nothing" && (out.written != 0 || out.reused != chunks) {
			t.Errorf("nothing changed: %d document chunks made, %d linked in; want 0 and %d", out.written, out.reused, chunks)
		}
		ix, last = next, out
	}
}

// TestDamagedKeptWordsAreReadAgain gives the index kept words that are
// not numbers of its tokens, not whole, or not each token once: each such
// document is read (every one, when the words themselves are not the
// sorted distinct tokens an index keeps), and the index is the one made
// from nothing.
func TestDamagedKeptWordsAreReadAgain(t *testing.T) {
	site := sitetest.Build(t, searchSite).Result.Site
	ix := search.New(site)
	ix.Keep()
	if err := ix.Write(func(string, []byte) error { return nil }); err != nil {
		t.Fatal(err)
	}
	// Each document's tokens as numbers, and back: the differences are
	// taken modulo 2^64, as a uvarint can hold any.
	decoded := func(b []byte) (vs []uint64) {
		v := uint64(0)
		for len(b) > 0 {
			d, n := binary.Uvarint(b)
			v, b = v+d, b[n:]
			vs = append(vs, v)
		}
		return vs
	}
	encoded := func(vs []uint64) (b []byte) {
		prev := uint64(0)
		for _, v := range vs {
			b, prev = binary.AppendUvarint(b, v-prev), v
		}
		return b
	}
	eachDoc := func(damage func([]byte) []byte) func(*search.Kept) {
		return func(k *search.Kept) {
			for key, enc := range k.Docs {
				k.Docs[key] = damage(enc)
			}
		}
	}
	damaged := map[string]func(*search.Kept){
		"cut short":      eachDoc(func(b []byte) []byte { return append(b[:len(b)-1:len(b)-1], 0x80) }),
		"past the words": eachDoc(func(b []byte) []byte { return append(b[:len(b):len(b)], 0xff, 0xff, 0x7f) }),
		"a token twice":  eachDoc(func(b []byte) []byte { return append(b[:len(b):len(b)], 0) }),
		"a token both weak and strong": eachDoc(func(b []byte) []byte {
			vs := decoded(b)
			vs = append(vs, vs[len(vs)-1]^1)
			slices.Sort(vs)
			return encoded(vs)
		}),
		"a difference past 2^64, back to a token before": eachDoc(func(b []byte) []byte {
			vs := decoded(b)
			return encoded(append(vs, vs[len(vs)-2]))
		}),
		"a word twice in the words": func(k *search.Kept) { k.Words[1] = k.Words[0] },
		"no tokens":                 eachDoc(func([]byte) []byte { return nil }),
	}
	for name, damage := range damaged {
		k := *ix.Kept()
		k.Words, k.Docs = slices.Clone(k.Words), maps.Clone(k.Docs)
		damage(&k)
		next := search.New(site)
		next.Know(&k)
		got := &keyedFiles{data: map[string]string{}}
		if err := next.Write(got.put); err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(got.data, coldIndex(t, searchSite)) {
			t.Errorf("%s: the index differs from the one made from nothing", name)
		}
		if next.Read() != next.Documents() {
			t.Errorf("%s: %d of %d documents read", name, next.Read(), next.Documents())
		}
	}
}
