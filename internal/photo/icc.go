package photo

// A photo taken or edited in a wide colour space (Adobe RGB, Display P3)
// says so with an ICC profile: a browser that finds none shows its
// numbers as sRGB, duller or shifted. The files made from a photo are
// encoded anew, with nothing of the source but its pixels, so the profile
// is carried over: in a JPEG as APP2 "ICC_PROFILE" segments (split as
// the ICC specification says, at most 65,519 bytes of profile each), in a
// PNG as an iCCP chunk, whichever form the source held it in. It decides
// how the pixels look and tells nothing of where the photo was taken.

import (
	"bytes"
	"compress/zlib"
	"io"
	"sort"
)

const (
	iccSegmentData = 65519                // profile bytes in one APP2 segment: 65535 - 2 (length) - 12 (name) - 2 (numbers)
	iccMax         = 255 * iccSegmentData // the most a JPEG can carry: 255 segments
)

var iccName = []byte("ICC_PROFILE\x00")

// iccProfile returns the ICC profile a JPEG or PNG holds: a JPEG's APP2
// segments joined in the order of their numbers, or a PNG's iCCP chunk
// inflated. It is nil when there is none, none that reads whole, or one
// for colours other than RGB (a grey or CMYK photo's): the files made are
// RGB, and a profile for other colours would be misread or ignored.
func iccProfile(data []byte) []byte {
	var p []byte
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		p = jpegICC(data)
	case bytes.HasPrefix(data, pngSignature):
		p = pngICC(data)
	}
	// The header is 128 bytes, then the count of tags; the colour space
	// is at 16 and the file signature at 36.
	if len(p) < 132 || string(p[16:20]) != "RGB " || string(p[36:40]) != "acsp" {
		return nil
	}
	return p
}

// jpegICC joins the ICC_PROFILE segments of a JPEG's header, each
// numbered i of n.
func jpegICC(data []byte) []byte {
	type part struct {
		i    int
		data []byte
	}
	var parts []part
	count, bad := 0, false
	ok := jpegHeader(data, func(m byte, seg []byte) bool {
		if m != 0xE2 || !bytes.HasPrefix(seg, iccName) || len(seg) < len(iccName)+2 {
			return true
		}
		num, of := int(seg[len(iccName)]), int(seg[len(iccName)+1])
		if count == 0 {
			count = of
		}
		if of != count || num < 1 || num > count {
			bad = true
			return false
		}
		parts = append(parts, part{num, seg[len(iccName)+2:]})
		return true
	})
	if !ok || bad || len(parts) == 0 || len(parts) != count {
		return nil
	}
	sort.Slice(parts, func(a, b int) bool { return parts[a].i < parts[b].i })
	var p []byte
	for k, pt := range parts {
		if pt.i != k+1 {
			return nil // a number twice, so another missing
		}
		p = append(p, pt.data...)
	}
	return p
}

// pngICC inflates a PNG's iCCP chunk: a name, a zero byte, the method (0,
// zlib), the profile compressed. It comes before the image data.
func pngICC(data []byte) []byte {
	var p []byte
	ok := pngChunks(data, func(kind string, body []byte) bool {
		switch kind {
		case "IDAT":
			return false
		case "iCCP":
			p = inflateICC(body)
			return false
		}
		return true
	})
	if !ok {
		return nil
	}
	return p
}

// inflateICC is the profile of an iCCP chunk's body, or nil.
func inflateICC(body []byte) []byte {
	z := bytes.IndexByte(body, 0)
	if z < 1 || z+2 > len(body) || body[z+1] != 0 {
		return nil
	}
	r, err := zlib.NewReader(bytes.NewReader(body[z+2:]))
	if err != nil {
		return nil
	}
	// No more than a JPEG could carry: a few bytes may not inflate to
	// gigabytes.
	p, err := io.ReadAll(io.LimitReader(r, iccMax+1))
	if err != nil || len(p) > iccMax {
		return nil
	}
	return p
}

// iccForm returns profile p as format carries it: the APP2 segments of a
// JPEG, or the iCCP chunk of a PNG; nil for no profile. It is made once
// for every width of a photo, and always the same way: the same source,
// the same bytes.
func iccForm(p []byte, format string) []byte {
	if p == nil {
		return nil
	}
	if format == "png" {
		var z bytes.Buffer
		w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		w.Write(p)
		w.Close()
		body := append([]byte("ICC profile\x00\x00"), z.Bytes()...) // name, method 0
		return appendChunk(nil, "iCCP", body)
	}
	var out []byte
	count := (len(p) + iccSegmentData - 1) / iccSegmentData
	for k := range count {
		part := p[k*iccSegmentData : min(len(p), (k+1)*iccSegmentData)]
		n := 2 + len(iccName) + 2 + len(part)
		out = append(out, 0xFF, 0xE2, byte(n>>8), byte(n))
		out = append(out, iccName...)
		out = append(out, byte(k+1), byte(count))
		out = append(out, part...)
	}
	return out
}

// withICC inserts form, made by iccForm, into a file encoded by this
// package: in a JPEG after SOI (and after the JFIF segment if there is
// one, which must come first), in a PNG after IHDR (iCCP must come before
// the palette and the image data).
func withICC(file, form []byte, format string) []byte {
	if form == nil {
		return file
	}
	at := 2
	if format == "png" {
		at = len(pngSignature) + 12 + 13 // IHDR holds 13 bytes
	} else if len(file) >= 8 && file[2] == 0xFF && file[3] == 0xE0 && bytes.HasPrefix(file[6:], []byte("JFIF")) {
		at = 4 + (int(file[4])<<8 | int(file[5]))
	}
	out := make([]byte, 0, len(file)+len(form))
	out = append(out, file[:at]...)
	out = append(out, form...)
	return append(out, file[at:]...)
}
