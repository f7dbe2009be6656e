package photo

// Not every photo under static/ is shown by a page: one kept for a draft,
// one offered for download, a logo. Those are copied, not resized, but
// they are no more allowed to publish where they were taken. Strip drops
// their metadata without touching the image data: the EXIF block (GPS
// position, camera, date), XMP, IPTC and comments of a JPEG, the eXIf and
// text chunks of a PNG. What decides how the pixels look is kept: a
// JPEG's JFIF, ICC profile and Adobe segments; a PNG's colour chunks; and
// the orientation, rewritten as an EXIF block of that one tag, so the
// photo still shows upright.

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
// none, or when it is no JPEG or PNG it can read (it is then left alone).
func Strip(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		return stripJPEG(data)
	case bytes.HasPrefix(data, pngSignature):
		return stripPNG(data)
	}
	return data
}

// stripJPEG keeps, before the image data, the segments that are not
// metadata.
func stripJPEG(data []byte) []byte {
	out := []byte{0xFF, 0xD8}
	o := orientation(data)
	dropped := false
	for i := 2; ; {
		if i+4 > len(data) || data[i] != 0xFF {
			return data // not a JPEG as expected: leave it
		}
		m := data[i+1]
		if m == 0xDA || m == 0xD9 || m == 0x01 || m >= 0xD0 && m <= 0xD7 || m == 0xFF {
			if !dropped {
				return data
			}
			return append(out, data[i:]...) // the image data, as it was
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		if n < 2 || i+2+n > len(data) {
			return data
		}
		if metadata(m) {
			if m == 0xE1 && o != 1 && bytes.HasPrefix(data[i+4:], []byte("Exif\x00\x00")) {
				out = append(out, orientationSegment(o)...) // where the EXIF block was
				o = 1
			}
			dropped = true
		} else {
			out = append(out, data[i:i+2+n]...)
		}
		i += 2 + n
	}
}

// metadata reports whether a JPEG segment is metadata: every APPn but
// APP0 (JFIF), APP2 (the ICC profile) and APP14 (Adobe: how the colours
// are coded), and comments.
func metadata(marker byte) bool {
	return marker == 0xFE || marker >= 0xE1 && marker <= 0xEF && marker != 0xE2 && marker != 0xEE
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

// stripPNG drops a PNG's text, time and EXIF chunks; an EXIF orientation
// other than 1 is kept, alone in its eXIf chunk.
func stripPNG(data []byte) []byte {
	out := append([]byte(nil), pngSignature...)
	dropped := false
	for i := len(pngSignature); i < len(data); {
		if i+12 > len(data) {
			return data
		}
		n := int(binary.BigEndian.Uint32(data[i:]))
		end := i + 12 + n
		if n < 0 || end > len(data) {
			return data
		}
		switch string(data[i+4 : i+8]) {
		case "tEXt", "zTXt", "iTXt", "tIME":
			dropped = true
		case "eXIf":
			dropped = true
			if o := tiffOrientation(data[i+8 : i+8+n]); o != 1 {
				out = appendChunk(out, "eXIf", orientationTIFF(o))
			}
		default:
			out = append(out, data[i:end]...)
		}
		i = end
	}
	if !dropped {
		return data
	}
	return out
}

func appendChunk(out []byte, kind string, body []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	start := len(out)
	out = append(out, kind...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}
