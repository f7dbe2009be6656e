package search

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// The index is files under Dir, all JSON:
//
//	meta.json   what the script reads first: the build's version, the
//	            number of documents, the first word of every word chunk,
//	            the first id of every year
//	w/N.json    word chunk N: {"word": [spelling, ids, strong ids, ...]}
//	            for the words from its first to the next chunk's, sorted
//	d/N.json    document chunk N: [url, title, kind, date, unit, text] for
//	            the documents N×per to (N+1)×per-1
//
// A query reads meta.json, the chunk of each word it holds, and the
// document chunks of the results it shows.

// Dir is the folder of the index in the output, beside the search page.
const Dir = "search/"

// Sizes of the chunks. A word chunk is cut once it passes wordChunk bytes:
// a word's lists are never split, so a chunk holding a word of every
// document is larger. perChunk documents share a document chunk: fewer
// files to write, more text fetched for results that are far apart.
const (
	wordChunk = 12 << 10
	perChunk  = 4
)

type file struct {
	name string
	data []byte
}

// wordChunks groups the sorted tokens into chunks and returns them with
// the first word of each.
func wordChunks(toks []string, lists []list) ([]file, []string) {
	var files []file
	var firsts []string
	var b []byte
	flush := func() {
		if len(b) == 0 {
			return
		}
		b = append(b, "]}"...)
		files = append(files, file{Dir + "w/" + strconv.Itoa(len(files)) + ".json", b})
		b = nil
	}
	prev := "\xff" // no word
	for i, tok := range toks {
		key, spelling := splitToken(tok)
		if key != prev {
			if len(b) >= wordChunk {
				flush()
			}
			if len(b) == 0 {
				b = append(b, '{')
				firsts = append(firsts, key)
			} else {
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
	flush()
	return files, firsts
}

// docChunk writes what a result shows of the documents of chunk n.
func docChunk(docs []*document, n int, loc *time.Location) file {
	lo := n * perChunk
	hi := min(lo+perChunk, len(docs))
	size := 2
	for _, d := range docs[lo:hi] {
		size += len(d.text) + len(d.Title) + len(d.URL) + len(d.Unit) + 48
	}
	b := make([]byte, 0, size+size/16)
	b = append(b, '[')
	for i, d := range docs[lo:hi] {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendString(b, d.URL[1:]) // relative to the site's root
		for _, s := range []string{d.Title, d.Kind, day(d.Date, loc), d.Unit, d.text} {
			b = append(b, ',')
			b = appendString(b, s)
		}
		b = append(b, ']')
	}
	b = append(b, ']')
	return file{Dir + "d/" + strconv.Itoa(n) + ".json", b}
}

func meta(docs []*document, firsts []string, loc *time.Location, version uint32) []byte {
	b := []byte(`{"v":"`)
	b = strconv.AppendUint(b, uint64(version), 36)
	b = append(b, `","docs":`...)
	b = strconv.AppendInt(b, int64(len(docs)), 10)
	b = append(b, `,"per":`...)
	b = strconv.AppendInt(b, perChunk, 10)
	b = append(b, `,"words":[`...)
	for i, w := range firsts {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, w)
	}
	// Ids run newest first, so each year is one range: its first id.
	b = append(b, `],"years":[`...)
	year, dated := 0, 0
	for id, d := range docs {
		if d.Date.IsZero() {
			break
		}
		dated = id + 1
		if y := inZone(d.Date, loc).Year(); y != year {
			if year != 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(y), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(id), 10)
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

func inZone(t time.Time, loc *time.Location) time.Time {
	if loc != nil {
		return t.In(loc)
	}
	return t
}

// appendString appends s as a JSON string. Only what JSON requires is
// escaped: the files are fetched as JSON, never inserted into a page.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || n != 1 {
				i += n
				continue
			}
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
			if c >= utf8.RuneSelf {
				b = append(b, `\ufffd`...) // not UTF-8
			} else {
				b = append(b, `\u00`...)
				b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
			}
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
