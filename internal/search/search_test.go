package search

import (
	"encoding/json"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"bulletin/internal/model"
	"bulletin/internal/text"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đảng ủy Khối", "dang uy khoi"},
		{"ĐẢNG ỦY KHỐI", "dang uy khoi"},
		{"Ðảng ủy", "dang uy"}, // the look-alike Ð (U+00D0) of Latin-1 and VNI text
		{"ðảng", "dang"},
		{"01-ĐA/TU", "01-da/tu"},
		{"01–ĐA/TU", "01-da/tu"}, // an en dash, as a word processor writes it
		{"Kie\u0302\u0309m tra", "kiem tra"},
		{"Đa\u200bng", "dang"}, // a zero-width space is no character of a name
		{"Nghị quyết 18", "nghi quyet 18"},
		{"Søren Ærø", "soren æro"}, // ø has no decomposition: the table folds it; æ stays
		{"Crème brûlée", "creme brulee"},
		{"日本", "日本"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldFoldsWhatSlugsFold keeps search a superset of the site's own
// folding: whatever two spellings share a slug or a code key, a search
// finds one by the other.
func TestFoldFoldsWhatSlugsFold(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if unicode.Is(unicode.Categories["Cn"], r) {
			continue // unassigned: text.Fold drops some ranges whole
		}
		s := string(r)
		if f := text.Fold(s); f != s {
			if got, want := Fold(s), strings.ToLower(f); got != want {
				t.Errorf("Fold(%q) = %q; text.Fold gives %q", s, got, f)
			}
		}
	}
}

func TestVariant(t *testing.T) {
	for in, want := range map[string]string{
		"Đảng":                         "đảng",
		"ĐẢNG":                         "đảng",
		"Ðảng":                         "đảng",
		"Kie\u0302\u0309m":             "kiểm",
		"đa\u200bng":                   "đang",
		"kiem":                         "kiem",
		"KH":                           "kh",
		"\u0110e\u0302\u0300 a\u0301n": "đề án",
	} {
		if got := Variant(in); got != want {
			t.Errorf("Variant(%q) = %q, want %q", in, got, want)
		}
	}
}

// scanned is what a scan finds, as text: the words ("key" or
// "key=spelling", a "-" or "/" after one that joins the next) and the codes.
func scanned(s string) (words, codes []string) {
	sc := scanner{spell: true}
	for _, w := range sc.scan([]byte(s)) {
		word := string(sc.keys[w.key[0]:w.key[1]])
		if w.spelled[1] > w.spelled[0] {
			word += "=" + string(sc.spells[w.spelled[0]:w.spelled[1]])
		}
		if w.sep != 0 {
			word += string(w.sep)
		}
		words = append(words, word)
	}
	sc.codes(func(key string) { codes = append(codes, key) })
	return words, codes
}

func TestScan(t *testing.T) {
	tests := []struct {
		in           string
		words, codes []string
	}{
		{"Đảng ủy Khối các cơ quan", []string{"dang=đảng", "uy=ủy", "khoi=khối", "cac=các", "co=cơ", "quan"}, nil},
		{"Đề án số 01-ĐA/TU, ngày 12/7/2016.", []string{"de=đề", "an=án", "so=số", "01-", "da=đa/", "tu", "ngay=ngày", "12/", "7/", "2016"}, []string{"1-da/tu"}},
		{"4950/QĐ-UBND và 15-CTr/TU", []string{"4950/", "qd=qđ-", "ubnd", "va=và", "15-", "ctr/", "tu"}, []string{"4950/qd-ubnd", "15-ctr/tu"}},
		{"98/NQ-HĐND; 2016 - 2020", []string{"98/", "nq-", "hdnd=hđnd", "2016", "2020"}, []string{"98/nq-hdnd"}},
		{"Kie\u0302\u0309m tra", []string{"kiem=kiểm", "tra"}, nil},
		{"01 – ĐA / TU", []string{"01", "da=đa", "tu"}, nil}, // spaced apart: words, no code
		{"01–ĐA/TU", []string{"01-", "da=đa/", "tu"}, []string{"1-da/tu"}},
		{"ngày 12/7/2016-đoàn", []string{"ngay=ngày", "12/", "7/", "2016-", "doan=đoàn"}, []string{"12/7/2016-doan"}},
		{"số 3-Đoàn", []string{"so=số", "3-", "doan=đoàn"}, nil}, // no "/": no code
		{"000/KH", []string{"000/", "kh"}, []string{"0/kh"}},
	}
	for _, tt := range tests {
		words, codes := scanned(tt.in)
		if !reflect.DeepEqual(words, tt.words) || !reflect.DeepEqual(codes, tt.codes) {
			t.Errorf("scan(%q):\n got %q %q\nwant %q %q", tt.in, words, codes, tt.words, tt.codes)
		}
	}
}

func TestPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>Một</p>\n<p>Hai &amp; ba</p>", "Một Hai & ba"},
		{"<table><tr><td>1</td><td>2</td></tr></table>", "1 2"},
		{"<p>Kiểm <em>tra</em>, giám sát</p>", "Kiểm tra, giám sát"},
		{"<p>x<script>alert(1)</script>y<style>p{}</style></p>", "xy"},
		{`<p>Văn bản<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>` +
			`<div class="footnotes"><ol><li><p>Chú thích.&#160;<a href="#fnref:1" class="footnote-backref"><span>↩︎</span><span>Quay lại</span></a></p></li></ol></div>`,
			"Văn bản. Chú thích."},
		{"<p>a\u00a0b\u2003c</p>", "a b c"},
		{"<p>cắt <b", "cắt"},
	}
	for _, tt := range tests {
		if got := string(plain(nil, tt.in)); got != tt.want {
			t.Errorf("plain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIDsRoundTrip(t *testing.T) {
	lists := [][]int32{{}, {0}, {5}, {0, 1, 2, 3}, {31, 32, 33, 1023, 1024, 40000}}
	rng := rand.New(rand.NewSource(1))
	for _, density := range []int{2, 7, 50, 400} {
		var ids []int32
		for id := int32(0); id < 10000; id++ {
			if rng.Intn(density) == 0 {
				ids = append(ids, id)
			}
		}
		lists = append(lists, ids)
	}
	for _, ids := range lists {
		enc := string(appendIDs(nil, ids))
		if got := decodeIDs(enc); !slices.Equal(got, ids) {
			t.Errorf("decode(encode(%d ids)) gave %d ids", len(ids), len(got))
		}
		if strings.ContainsAny(enc, `"\`) {
			t.Errorf("encoding needs JSON escapes: %q", enc)
		}
	}
	// A word in nearly every document takes the bitmap, whatever the count.
	all := make([]int32, 10000)
	for i := range all {
		all[i] = int32(i)
	}
	if enc := appendIDs(nil, all); enc[0] != '~' || len(enc) > 10000/6+2 {
		t.Errorf("10,000 consecutive ids: %d bytes, want a bitmap of %d", len(enc), 10000/6+2)
	}
}

func TestShardKeyPlacesACodeByNumberAndFirstCharacter(t *testing.T) {
	for key, want := range map[string]string{
		"dang":           "dang",
		"1-da/tu":        "1-d",
		"1-da/":          "1-d", // the prefix "đề án 01" looks for
		"1-d":            "1-d", // 01-Đ, typed on the way to 01-ĐA/TU
		"123/kh-ubnd":    "123/k",
		"123/kh-":        "123/k",
		"123/k":          "123/k",
		"0/kh":           "0/k",
		"12/7/2016-doan": "12/7",
		"5/日本":           "5/日",
		"5-":             "5-",
	} {
		if got := shardKey(key); got != want {
			t.Errorf("shardKey(%q) = %q, want %q", key, got, want)
		}
	}
}

// TestAppendStringIsJSON reads back what appendString writes, for texts
// with every character JSON escapes at every place in an 8-byte stride.
func TestAppendStringIsJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", "Đảng", " ", `"`, `\`, "\n", "\t", "\x01", "\x1f", "ủy", "“x”", "\u2028", "~"}
	for range 2000 {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		var got string
		if err := json.Unmarshal(appendString(nil, s), &got); err != nil || got != s {
			t.Fatalf("appendString(%q) = %s: reads back %q, %v", s, appendString(nil, s), got, err)
		}
	}
}

// A panic while the index is made (a bug met on some text) comes back from
// every call that needs the index, not only from the first: the preview
// made the first file asked for an internal error, and then served the
// index as made, with no meta.json (404) and nil word shards.
func TestAPanicMakingTheIndexComesBackEachTime(t *testing.T) {
	ix := New(&model.Site{Articles: []*model.Article{nil}}) // nil: a bug
	for _, name := range []string{Dir + "meta.json", Dir + "meta.json", wordShard(0)} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("File(%s) did not panic", name)
				}
			}()
			data, ok := ix.File(name)
			t.Errorf("File(%s) = %q, %v", name, data, ok)
		}()
	}
}
