package importer

import (
	"bytes"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// Decode returns the text of a plain-text file as UTF-8. Windows tools
// (Notepad's "Unicode", Word's "Unicode Text") save UTF-16 with a byte
// order mark, which says unambiguously how to read it; that is converted.
// Any other text that is not UTF-8 is refused: Vietnamese has several
// legacy 8-bit encodings (TCVN3, VNI, Windows-1258) that cannot be told
// apart from the bytes, and a wrong guess would import gibberish.
func Decode(src []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return fromUTF16(src[2:], func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 })
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return fromUTF16(src[2:], func(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) })
	case !utf8.Valid(src):
		return nil, errors.New("importer: the text is not UTF-8: save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8); " +
			"text in TCVN3 (.Vn fonts), VNI or Windows-1258 can be converted to Unicode with Unikey's converter first")
	}
	return src, nil
}

func fromUTF16(b []byte, unit func([]byte) uint16) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, errors.New("importer: the text is UTF-16 with an odd number of bytes: the file is cut short")
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = unit(b[2*i:])
	}
	return []byte(string(utf16.Decode(units))), nil
}
