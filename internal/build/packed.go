package build

import (
	"fmt"
	"html/template"
	"sync"

	"github.com/klauspost/compress/s2"
)

// packedHTML is a body's HTML compressed with s2 (model.HTMLText). The
// bodies are most of a build's live heap from the markdown step until
// the search index has read them. s2 keeps 1.7 bytes of the generator's
// HTML in one at 230 MB/s, and gives them back at 450 MB/s: 0.15 s of
// CPU for 36 MB of bodies, and 0.08 s each time every body is read.
// zstd keeps 2.1 in one for three times the CPU; flate was slower still.
type packedHTML []byte

// packs are the buffers s2 compresses into (at most its bound for the
// body: the packed text is then copied to a slice of its own length) and
// decompresses into (the text is then copied to a string).
var packs sync.Pool

func packHTML(h string) packedHTML {
	n := s2.MaxEncodedLen(len(h))
	if n < 0 {
		// Longer than s2 takes (4 GiB): the loader's size limit keeps
		// any content file far below.
		panic(fmt.Sprintf("body of %d bytes too long to pack", len(h)))
	}
	buf, _ := packs.Get().(*[]byte)
	if buf == nil || cap(*buf) < n {
		b := make([]byte, n)
		buf = &b
	}
	out := packedHTML(append([]byte(nil), s2.Encode((*buf)[:n], []byte(h))...))
	packs.Put(buf)
	return out
}

// HTML unpacks the body. The bytes are the build's own, written by
// packHTML: failing to read them is a bug.
func (p packedHTML) HTML() template.HTML {
	buf, _ := packs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	b, err := s2.Decode((*buf)[:cap(*buf)], p) // into the buffer when it is long enough
	if err != nil {
		panic(fmt.Sprintf("unpacking a body: %v", err))
	}
	h := template.HTML(b)
	*buf = b[:0]
	packs.Put(buf)
	return h
}
