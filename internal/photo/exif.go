package photo

// A camera or a phone stores a photo as its sensor saw it and writes in
// the EXIF block which way up to show it (the Orientation tag). The photo
// is published without that block, so its pixels are turned upright
// instead. Only the orientation is read; nothing else of the block is kept.
// A PNG may carry the same block in an eXIf chunk: it is read alike.

import (
	"bytes"
	"encoding/binary"
	"image"
)

// orientation returns the EXIF orientation of a JPEG or PNG, 1 to 8; 1
// (as stored) when the file is neither, has no EXIF block or none that
// reads.
func orientation(data []byte) int {
	o := 1
	jpegHeader(data, func(m byte, seg []byte) bool {
		if m == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			o = tiffOrientation(seg[6:])
			return false
		}
		return true
	})
	pngChunks(data, func(kind string, body []byte) bool {
		// A phone's screenshot or a photo saved as PNG turns as a JPEG
		// does, and a browser shows it turned. The chunk is read wherever
		// it stands before IEND, as Strip keeps it wherever it stands.
		if kind == "eXIf" {
			o = tiffOrientation(pngEXIF(body))
			return false
		}
		return true
	})
	return o
}

// pngEXIF is the TIFF structure of an eXIf chunk's body: the chunk holds
// it bare, but some programs write the JPEG's "Exif\0\0" before it.
func pngEXIF(body []byte) []byte {
	return bytes.TrimPrefix(body, []byte("Exif\x00\x00"))
}

// tiffOrientation reads tag 0x0112 from the first IFD of an EXIF block (a
// TIFF structure, in either byte order).
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	if bo.Uint16(t[2:]) != 42 {
		return 1
	}
	off := uint64(bo.Uint32(t[4:]))
	if off+2 > uint64(len(t)) {
		return 1
	}
	entries := uint64(bo.Uint16(t[off:]))
	for k := range entries {
		e := off + 2 + 12*k
		if e+12 > uint64(len(t)) {
			return 1
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		// A SHORT, count 1: the value sits in the first two bytes of the
		// entry's value field.
		if bo.Uint16(t[e+2:]) != 3 {
			return 1
		}
		if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}

// transposes reports whether orientation o swaps width and height.
func transposes(o int) bool { return o >= 5 && o <= 8 }

// upright returns src turned as orientation o says, so it shows as the
// camera meant without the tag. src is returned as is for 1.
func upright(src *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return src
	}
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := sw, sh
	if transposes(o) {
		dw, dh = sh, sw
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for dy := range dh {
		for dx := range dw {
			sx, sy := source(o, dx, dy, sw, sh)
			s := src.PixOffset(src.Rect.Min.X+sx, src.Rect.Min.Y+sy)
			d := dst.PixOffset(dx, dy)
			copy(dst.Pix[d:d+4], src.Pix[s:s+4])
		}
	}
	return dst
}

// source maps a pixel of the upright image to the stored one, for a stored
// image sw × sh. EXIF says where the stored first row and column go: for
// 6, the first row is the right side and the first column the top.
func source(o, dx, dy, sw, sh int) (sx, sy int) {
	switch o {
	case 2: // mirrored
		return sw - 1 - dx, dy
	case 3: // upside down
		return sw - 1 - dx, sh - 1 - dy
	case 4: // mirrored upside down
		return dx, sh - 1 - dy
	case 5: // mirrored, on its left side
		return dy, dx
	case 6: // on its left side: turn a quarter clockwise
		return dy, sh - 1 - dx
	case 7: // mirrored, on its right side
		return sw - 1 - dy, sh - 1 - dx
	case 8: // on its right side: turn a quarter anticlockwise
		return sw - 1 - dy, dx
	}
	return dx, dy
}
