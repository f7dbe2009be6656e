package text

import (
	"bytes"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Compose returns b in Unicode NFC: a Vietnamese letter written as a base
// letter plus combining marks ("e" U+0302 U+0301, as Unikey's "Unicode tổ
// hợp" setting and text copied from some PDFs give) becomes the one
// precomposed letter ("ế") that NFC keyboards type. Without it, two
// spellings that look the same compare different: a team lead would be
// two people, a document title "cited differently", and the keywords that
// the code links and the importer look for ("Đề án số", "Trưởng đoàn")
// would not be found.
//
// Text with no combining mark from U+0300–U+036F (every such mark is
// encoded with a lead byte 0xCC or 0xCD) is returned as is, without the
// cost of a full normalisation pass: that is nearly every file.
func Compose(b []byte) []byte {
	if bytes.IndexByte(b, 0xCC) < 0 && bytes.IndexByte(b, 0xCD) < 0 {
		return b
	}
	return norm.NFC.Bytes(b)
}

// ComposeString is Compose for a string: a file name, a path.
func ComposeString(s string) string {
	if strings.IndexByte(s, 0xCC) < 0 && strings.IndexByte(s, 0xCD) < 0 {
		return s
	}
	return norm.NFC.String(s)
}
