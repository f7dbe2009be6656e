package photo

// Not every photo under static/ is shown by a page: one kept for a draft,
// one offered for download, a logo. Those are copied, not resized, but
// they are no more allowed to publish where they were taken. Strip keeps
// of them only the image and what decides how its pixels look: a JPEG's
// JFIF (without a thumbnail), ICC profile and Adobe segments, a PNG's
// critical and colour chunks; and the orientation, rewritten as an EXIF
// block of that one tag, so the photo still shows upright. Everything
// else is dropped, wherever it stands: the EXIF block (GPS position,
// camera, date), XMP, IPTC, comments, a multi-picture index, a PNG's text
// and private chunks, and whatever follows the image's end (a phone's
// trailer, a second picture, a file appended with cat), which a browser
// never shows and a reader of the file finds all the same.

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"path"
	"strings"
)

// Strippable reports whether Strip reads the file name: a .jpg, .jpeg or
// .png.
func Strippable(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png":
		return true
	}
	return false
}

// Strip returns data without its metadata, or data itself when it holds
// none, or when it is no JPEG or PNG (it is then left alone). A JPEG or
// PNG that is damaged or cut short keeps what reads of it, up to where it
// stops reading: bytes it cannot tell from metadata are not published.
func Strip(data []byte) []byte {
	var out []byte
	switch {
	case bytes.HasPrefix(data, jpegSOI):
		out = stripJPEG(data)
	case bytes.HasPrefix(data, pngSignature):
		out = stripPNG(data)
	default:
		return data
	}
	if bytes.Equal(out, data) {
		return data
	}
	return out
}

var jpegSOI = []byte{0xFF, 0xD8}

// strips reports whether Strip reads data, a JPEG or PNG by its first
// bytes (as Strip's cases), whatever else it holds or lacks: of such a
// file, no metadata is published.
func strips(data []byte) bool {
	return bytes.HasPrefix(data, jpegSOI) || bytes.HasPrefix(data, pngSignature)
}

// stripJPEG keeps the segments that are not metadata and the image data,
// up to the end of the image (EOI). In a progressive JPEG, tables and
// further scans follow the first scan: they are read as the header is.
func stripJPEG(data []byte) []byte {
	out := []byte{0xFF, 0xD8}
	o := orientation(data)
	for i := 2; i < len(data); {
		if i+2 > len(data) || data[i] != 0xFF {
			return out // not a marker where one must be: the image stops here
		}
		m := data[i+1]
		switch {
		case m == 0xFF: // a fill byte before a marker
			i++
			continue
		case m == 0xD9: // EOI: what follows is no part of this image
			return append(out, 0xFF, 0xD9)
		case m == 0x01 || m >= 0xD0 && m <= 0xD7: // markers without a length
			out = append(out, data[i:i+2]...)
			i += 2
			continue
		case m == 0x00 || m == 0xD8: // no marker here, or another image begins
			return out
		}
		if i+4 > len(data) {
			return out
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		if n < 2 || i+2+n > len(data) {
			return out
		}
		seg := data[i : i+2+n]
		i += 2 + n
		switch {
		case m == 0xDA: // SOS: its header, then the entropy-coded data
			end := scanEnd(data, i)
			out = append(out, seg...)
			out = append(out, data[i:end]...)
			i = end
		case m == 0xE1 && o != 1 && bytes.HasPrefix(seg[4:], []byte("Exif\x00\x00")):
			out = append(out, orientationSegment(o)...) // where the EXIF block was
			o = 1
		case m == 0xE0 && bytes.HasPrefix(seg[4:], []byte("JFIF\x00")) && n > 16:
			// A JFIF segment may hold a thumbnail after its 14 bytes: a
			// picture of its own, uncropped perhaps. Keep the segment without it.
			out = append(out, 0xFF, 0xE0, 0, 16)
			out = append(out, seg[4:4+12]...)
			out = append(out, 0, 0) // no thumbnail
		case kept(m, seg[4:]):
			out = append(out, seg...)
		}
	}
	return out // cut short in the image data: published as far as it goes
}

// scanEnd returns where the entropy-coded data that starts at i ends: at
// the first marker, or at the end of data. In that data an FF byte is
// written FF00, and FFD0–FFD7 are restart markers, part of it.
func scanEnd(data []byte, i int) int {
	for {
		j := bytes.IndexByte(data[i:], 0xFF)
		if j < 0 {
			return len(data)
		}
		i += j
		if i+1 == len(data) {
			return i
		}
		if m := data[i+1]; m != 0x00 && (m < 0xD0 || m > 0xD7) {
			return i
		}
		i += 2
	}
}

// kept reports whether a JPEG segment with marker m and contents body is
// published: every segment but comments and application segments (APPn),
// of which only those that decide how the pixels look: JFIF (APP0), the
// ICC profile (APP2; not the multi-picture index or FlashPix data that
// also use it) and Adobe's (APP14: how the colours are coded).
func kept(m byte, body []byte) bool {
	switch {
	case m == 0xFE:
		return false
	case m == 0xE0:
		return bytes.HasPrefix(body, []byte("JFIF\x00"))
	case m == 0xE2:
		return bytes.HasPrefix(body, []byte("ICC_PROFILE\x00"))
	case m == 0xEE:
		return bytes.HasPrefix(body, []byte("Adobe"))
	case m >= 0xE1 && m <= 0xEF:
		return false
	}
	return true
}

// orientationSegment is an APP1 EXIF block holding only orientation o.
func orientationSegment(o int) []byte {
	tiff := orientationTIFF(o)
	seg := []byte{0xFF, 0xE1, 0, byte(2 + 6 + len(tiff))}
	seg = append(seg, "Exif\x00\x00"...)
	return append(seg, tiff...)
}

// orientationTIFF is an EXIF (TIFF) structure with one tag, orientation.
func orientationTIFF(o int) []byte {
	t := []byte("MM\x00\x2A\x00\x00\x00\x08" + // big-endian, first IFD at 8
		"\x00\x01" + // one entry
		"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00" + // Orientation, SHORT, 1
		"\x00\x00\x00\x00") // no next IFD
	t[19] = byte(o) // the SHORT, big-endian, in the first two bytes of the value
	return t
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// stripPNG keeps a PNG's image chunks and those that decide how its
// pixels look, up to IEND; an EXIF orientation other than 1 is kept, alone
// in its eXIf chunk.
func stripPNG(data []byte) []byte {
	out := append([]byte(nil), pngSignature...)
	for i := len(pngSignature); i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		end := i + 12 + n
		if n < 0 || end > len(data) {
			break // cut short or damaged: the image stops here
		}
		kind := string(data[i+4 : i+8])
		switch {
		case kind == "eXIf":
			if o := tiffOrientation(pngEXIF(data[i+8 : i+8+n])); o != 1 {
				out = appendChunk(out, "eXIf", orientationTIFF(o))
			}
		case pngKept[kind]:
			out = append(out, data[i:end]...)
		}
		if kind == "IEND" {
			break // what follows is no part of this image
		}
		i = end
	}
	return out
}

// pngKept are the chunks of a PNG's image and those that decide how its
// pixels show: transparency, colour, physical size, and an animated PNG's
// frames. Any other chunk (text, time, EXIF, a program's private chunk,
// even one marked critical, which a decoder would refuse) is dropped.
var pngKept = map[string]bool{
	"IHDR": true, "PLTE": true, "IDAT": true, "IEND": true,
	"tRNS": true, "gAMA": true, "cHRM": true, "sRGB": true, "iCCP": true,
	"cICP": true, "mDCV": true, "cLLI": true, "sBIT": true, "bKGD": true,
	"pHYs": true, "hIST": true, "sPLT": true,
	"acTL": true, "fcTL": true, "fdAT": true,
}

func appendChunk(out []byte, kind string, body []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	start := len(out)
	out = append(out, kind...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}
