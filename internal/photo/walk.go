package photo

import (
	"bytes"
	"encoding/binary"
)

// jpegHeader calls visit with each segment of a JPEG's header, before its
// image data: the marker and the segment's contents (after its length),
// until visit returns false. It stops at the image data (SOS, EOI) and
// where no marker stands; ok is false when a segment's length does not
// read. What reads a JPEG's metadata (the orientation, the ICC profile)
// walks it so; Strip goes on through the image data, which this does not.
func jpegHeader(data []byte, visit func(m byte, seg []byte) bool) (ok bool) {
	if !bytes.HasPrefix(data, jpegSOI) {
		return true
	}
	for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
		m := data[i+1]
		switch {
		case m == 0xFF: // a fill byte
			i++
			continue
		case m == 0x01 || m >= 0xD0 && m <= 0xD8: // markers without a length
			i += 2
			continue
		case m == 0xDA || m == 0xD9: // the image data: metadata comes before it
			return true
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		if n < 2 || i+2+n > len(data) {
			return false
		}
		if !visit(m, data[i+4:i+2+n]) {
			return true
		}
		i += 2 + n
	}
	return true
}

// pngChunks calls visit with each chunk of a PNG up to IEND, its type and
// body, until visit returns false; ok is false when a chunk's length does
// not read.
func pngChunks(data []byte, visit func(kind string, body []byte) bool) (ok bool) {
	if !bytes.HasPrefix(data, pngSignature) {
		return true
	}
	for i := len(pngSignature); i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		if n < 0 || i+12+n > len(data) {
			return false
		}
		kind := string(data[i+4 : i+8])
		if !visit(kind, data[i+8:i+8+n]) || kind == "IEND" {
			return true
		}
		i += 12 + n
	}
	return true
}
