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
//
// Text that is UTF-8 read as Windows-1252 (or Latin-1) and saved again as
// UTF-8, "Kiá»m tra" for "Kiểm tra", is read back as it was written:
// see repair.
func Decode(src []byte) ([]byte, error) {
	text, _, err := decode(src)
	return text, err
}

// decode is Decode, telling whether the text was repaired.
func decode(src []byte) ([]byte, bool, error) {
	text, err := fromBytes(src)
	if err != nil {
		return nil, false, err
	}
	fixed, repaired := repair(text)
	return fixed, repaired, nil
}

func fromBytes(src []byte) ([]byte, error) {
	if err := notText(src); err != nil {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return fromUTF16(src[2:], func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 })
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return fromUTF16(src[2:], func(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) })
	case !utf8.Valid(src):
		return nil, errors.New("the text is not UTF-8: save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8); " +
			"text in TCVN3 (.Vn fonts), VNI or Windows-1258 can be converted to Unicode with Unikey's converter first")
	}
	return src, nil
}

func fromUTF16(b []byte, unit func([]byte) uint16) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, errors.New("the text is UTF-16 with an odd number of bytes: the file is cut short")
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = unit(b[2*i:])
	}
	return []byte(string(utf16.Decode(units))), nil
}

// cp1252 maps the characters Windows-1252 gives the bytes 0x80–0x9F to
// those bytes; Latin-1 (and the bytes Windows-1252 leaves undefined) read
// every byte up to 0xFF as the code point of its value.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B,
	'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
	'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// repair undoes a double encoding: UTF-8 bytes read one by one as
// Windows-1252 or Latin-1 characters and written out again as UTF-8. The
// text is repaired only when every character maps back to one byte and
// the bytes are UTF-8 with characters beyond ASCII: Vietnamese written
// properly has letters (ạ, ể, ộ) that map to no byte, and Latin-1 text
// that is no double encoding ("café") does not make UTF-8 again.
func repair(text []byte) ([]byte, bool) {
	repaired := false
	for range 3 { // encoded twice over, and more, comes back too
		out := make([]byte, 0, len(text))
		wide := false
		for _, r := range string(text) {
			b, ok := cp1252[r]
			switch {
			case ok:
			case r < 0x100:
				b = byte(r)
			default:
				return text, repaired
			}
			wide = wide || b >= 0x80
			out = append(out, b)
		}
		if !wide || !utf8.Valid(out) {
			return text, repaired
		}
		text, repaired = out, true
	}
	return text, repaired
}
