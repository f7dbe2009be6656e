package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"os"
	"strings"
	"testing"
)

// exifJPEG is the start of a JPEG whose EXIF block holds one tag, the
// orientation o, in the byte order bo; then the image data begins.
func exifJPEG(bo binary.ByteOrder, o uint16) []byte {
	tiff := make([]byte, 8+2+12+4)
	if bo == binary.LittleEndian {
		copy(tiff, "II")
	} else {
		copy(tiff, "MM")
	}
	bo.PutUint16(tiff[2:], 42)
	bo.PutUint32(tiff[4:], 8)
	bo.PutUint16(tiff[8:], 1)       // one entry
	bo.PutUint16(tiff[10:], 0x0112) // Orientation
	bo.PutUint16(tiff[12:], 3)      // SHORT
	bo.PutUint32(tiff[14:], 1)      // count
	bo.PutUint16(tiff[18:], o)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0} // SOI, an empty APP0
	out = append(out, 0xFF, 0xE1, byte((len(seg)+2)>>8), byte(len(seg)+2))
	out = append(out, seg...)
	return append(out, 0xFF, 0xDA, 0, 2)
}

func TestOrientation(t *testing.T) {
	fixture, err := os.ReadFile("testdata/photo-exif.jpg")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"the fixture: a camera's big-endian EXIF", fixture, 6},
		{"little-endian 8", exifJPEG(binary.LittleEndian, 8), 8},
		{"big-endian 3", exifJPEG(binary.BigEndian, 3), 3},
		{"out of range", exifJPEG(binary.BigEndian, 9), 1},
		{"no EXIF", []byte{0xFF, 0xD8, 0xFF, 0xDA, 0, 2}, 1},
		{"not a JPEG", []byte("\x89PNG\r\n\x1a\n"), 1},
		{"cut short", exifJPEG(binary.BigEndian, 6)[:20], 1},
		{"empty", nil, 1},
	}
	for _, tt := range tests {
		if got := orientation(tt.data); got != tt.want {
			t.Errorf("%s: orientation = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestUpright turns a stored 3 × 2 image for each EXIF orientation and
// compares it with the picture as the EXIF standard describes it.
func TestUpright(t *testing.T) {
	// Stored:
	//	A B C
	//	D E F
	stored := image.NewRGBA(image.Rect(0, 0, 3, 2))
	for i, r := range "ABCDEF" {
		stored.Set(i%3, i/3, color.RGBA{uint8(r), 0, 0, 255})
	}
	want := map[int]string{
		1: "ABC/DEF",
		2: "CBA/FED", // mirrored
		3: "FED/CBA", // upside down
		4: "DEF/ABC", // mirrored upside down
		5: "AD/BE/CF",
		6: "DA/EB/FC", // its first row is the right side: turned clockwise
		7: "FC/EB/DA",
		8: "CF/BE/AD", // its first row is the left side: turned anticlockwise
	}
	for o := 1; o <= 8; o++ {
		img := upright(stored, o)
		var rows []string
		for y := 0; y < img.Rect.Dy(); y++ {
			var row []byte
			for x := 0; x < img.Rect.Dx(); x++ {
				row = append(row, img.RGBAAt(x, y).R)
			}
			rows = append(rows, string(row))
		}
		if got := strings.Join(rows, "/"); got != want[o] {
			t.Errorf("orientation %d: %s, want %s", o, got, want[o])
		}
	}
}

// exifPNG is a 4 × 2 PNG whose eXIf chunk holds the orientation o in the
// byte order bo, as raw TIFF (with the JPEG's "Exif\0\0" before it when
// prefixed, as some programs write it), after IHDR or, late, after IDAT.
func exifPNG(t testing.TB, bo binary.ByteOrder, o uint16, prefixed, late bool) []byte {
	tiff := exifJPEG(bo, o)
	tiff = tiff[bytes.Index(tiff, []byte("Exif\x00\x00"))+6 : len(tiff)-4] // the TIFF structure, without the SOS after it
	if prefixed {
		tiff = append([]byte("Exif\x00\x00"), tiff...)
	}
	src := testPNG(t, 4, 2)
	at := len(pngSignature) + 25 // after IHDR
	if late {
		at = len(src) - 12 // before IEND
	}
	return cat(src[:at], appendChunk(nil, "eXIf", tiff), src[at:])
}

// TestPNGOrientation: a PNG's eXIf chunk is read as a JPEG's EXIF block.
func TestPNGOrientation(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"big-endian 6", exifPNG(t, binary.BigEndian, 6, false, false), 6},
		{"little-endian 8", exifPNG(t, binary.LittleEndian, 8, false, false), 8},
		{"after the image data", exifPNG(t, binary.BigEndian, 3, false, true), 3},
		{`with "Exif\0\0" before it`, exifPNG(t, binary.LittleEndian, 5, true, false), 5},
		{"out of range", exifPNG(t, binary.BigEndian, 9, false, false), 1},
		{"no eXIf", testPNG(t, 4, 2), 1},
		{"cut short", exifPNG(t, binary.BigEndian, 6, false, false)[:40], 1},
	}
	for _, tt := range tests {
		if got := orientation(tt.data); got != tt.want {
			t.Errorf("%s: orientation = %d, want %d", tt.name, got, tt.want)
		}
	}
	// The copy of a PNG no page shows keeps the orientation it is turned by.
	if out := Strip(exifPNG(t, binary.LittleEndian, 5, true, false)); orientation(out) != 5 {
		t.Errorf("stripped, orientation %d, want 5", orientation(out))
	}
}
