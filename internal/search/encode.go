package search

import (
	"strconv"
	"time"

	"bulletin/internal/model"
)

// The index is files under Dir, all JSON:
//
//	meta.json   what the script reads first: the index's version (of
//	            its bytes) and format, the number of documents, of
//	            documents per chunk and of word shards, the ids in the
//	            reader's order (newest first, as runs), where each year
//	            starts in that order and how many documents are dated
//	w/N.json    word shard N: {"word": [spelling, ids, strong ids, ...]}
//	            for the words whose hash (shard) is N modulo the shards
//	d/N.json    document chunk N: [url, title, kind, date, unit, text] for
//	            the documents N×per to (N+1)×per-1
//
// A query reads meta.json, the shard of each word it holds, and the
// document chunks of the results it shows.

// Dir is the folder of the index in the output, beside the search page
// (/search/, a page the assembler lists).
const Dir = "search/"

// perChunk documents share a document chunk. One: a result shown costs its
// own text only (4 KB on the generator's site), where four to a file cost
// 16 KB for each result far from the others, which relevance order makes
// most; the build's time did not tell the two apart on 10,000 articles.
const perChunk = 1

// encodeShard writes the tokens of one shard (their numbers, ascending).
func encodeShard(toks []string, lists []list, shard []int32) []byte {
	b := []byte{'{'}
	prev := "\xff" // no word
	for _, i := range shard {
		key, spelling := splitToken(toks[i])
		if key != prev {
			if prev != "\xff" {
				b = append(b, "],"...)
			}
			b = appendString(b, key)
			b = append(b, ":["...)
			prev = key
		} else {
			b = append(b, ',')
		}
		l := &lists[i]
		b = appendString(b, spelling)
		b = append(b, ',', '"')
		b = appendIDs(b, l.all)
		b = append(b, '"', ',', '"')
		b = appendIDs(b, l.strong)
		b = append(b, '"')
	}
	if prev != "\xff" {
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendDoc appends to a chunk what a result shows of document id, given
// its text: [url, title, kind, date, unit, text], as writeDoc gives it.
func (ix *Index) appendDoc(b []byte, id int, text []byte) []byte {
	if len(b) == 0 {
		b = make([]byte, 0, (len(text)+512)*perChunk*9/8)
		b = append(b, '[')
	} else {
		b = append(b, ',')
	}
	j := jsonParts{b: append(b, '[')}
	ix.writeDoc(&j, id, docText{text: text})
	return append(j.b, ']')
}

// docText is a document's text, as a chunk shows it, or the key of what it
// is made of (textKey), as docKey hashes it.
type docText struct {
	text   []byte
	source uint64
}

// A docWriter takes the parts of what a result shows of a document, one
// after another: jsonParts writes them into a chunk, keyHash hashes them
// (docKey).
type docWriter interface {
	str(s string)
	docText(t docText)
}

// writeDoc gives w what a result shows of document id, given its text:
// url (from the site's root), title, kind, date, unit and text. It is the
// one list of them: the chunk's bytes, its key and the index's version
// are all made from it, so a part added here changes all three.
func (ix *Index) writeDoc(w docWriter, id int, text docText) {
	d := ix.docs()[id]
	w.str(d.URL[1:]) // relative to the site's root
	for _, s := range []string{d.Title, d.Kind, day(d.Date, ix.site.Config.Location), d.Unit} {
		w.str(s)
	}
	w.docText(text)
}

// jsonParts writes the parts it is given as the strings of a JSON array,
// after b.
type jsonParts struct {
	b    []byte
	some bool // a part is written: the next goes after a comma
}

func (j *jsonParts) str(s string) {
	j.comma()
	j.b = appendString(j.b, s)
}

func (j *jsonParts) docText(t docText) {
	j.comma()
	j.b = appendString(j.b, t.text)
}

func (j *jsonParts) comma() {
	if j.some {
		j.b = append(j.b, ',')
	}
	j.some = true
}

// escaped marks the bytes JSON escapes in a string.
var escaped = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

func closeChunk(b []byte) []byte { return append(b, ']') }

// format is the layout of the index, which search.js checks in meta.json
// before it reads anything else (its LAYOUT). 3: a code in the word
// shard of its number and the first character after it (shardKey), so a
// code typed in part finds those that start so; 2 placed it by its number
// and kind, where a script of format 3 would miss it. 2: ids numbered as
// documents came (order.go), the reader's order in meta.json's "order";
// 1, which had no marker, numbered them newest first. A script of one
// format never reads an index of another as its own (a page cached from
// before a rebuild): it asks the reader to reload the page. Change both
// whenever ids, meta.json or the files change meaning.
const format = 3

func meta(docs []*document, shards int, loc *time.Location, version uint32) []byte {
	b := []byte(`{"v":"`)
	b = strconv.AppendUint(b, uint64(version), 36)
	b = append(b, `","format":`...)
	b = strconv.AppendInt(b, format, 10)
	b = append(b, `,"docs":`...)
	b = strconv.AppendInt(b, int64(len(docs)), 10)
	b = append(b, `,"per":`...)
	b = strconv.AppendInt(b, perChunk, 10)
	b = append(b, `,"shards":`...)
	b = strconv.AppendInt(b, int64(shards), 10)
	order := newestFirst(docs)
	b = append(b, `,"order":`...)
	b = appendRuns(b, order)
	// In the reader's order, the dated documents come first, newest
	// first, so each year is one range of it: where it starts, to the
	// next year's start or the first undated document.
	b = append(b, `,"yearStarts":[`...)
	year, dated := 0, 0
	for pos, id := range order {
		d := docs[id]
		if d.Date.IsZero() {
			break
		}
		dated = pos + 1
		if y := inZone(d.Date, loc).Year(); y != year {
			if year != 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(y), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(pos), 10)
			b = append(b, ']')
			year = y
		}
	}
	b = append(b, `],"dated":`...)
	b = strconv.AppendInt(b, int64(dated), 10)
	return append(b, '}', '\n')
}

// day is the calendar day of t in the site's zone, "2018-08-06", or "".
func day(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return inZone(t, loc).Format("2006-01-02")
}

// inZone is t in the site's zone as its URL and archives read it.
func inZone(t time.Time, loc *time.Location) time.Time { return model.Local(t, loc) }

// appendString appends s as a JSON string. Only what JSON requires is
// escaped: the files are fetched as JSON, never inserted into a page. The
// text is valid UTF-8 (the content stage refuses a file that is not), so
// bytes from 0x80 up are copied as they are.
func appendString[T string | []byte](b []byte, s T) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !escaped[c] {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
