package photo

import (
	"bytes"
	"encoding/hex"
	"image"
	"image/png"
	"os"
	"strings"
	"testing"
)

// TestStripJPEG: the fixture copied without its metadata keeps its image
// data (the same pixels), its orientation and nothing else of its EXIF.
func TestStripJPEG(t *testing.T) {
	src := fixture(t)
	out := Strip(src)
	for _, leak := range [][]byte{gpsLatitude, []byte("Canon"), []byte("2018:08:06")} {
		if bytes.Contains(out, leak) {
			t.Errorf("stripped JPEG holds %q", leak)
		}
	}
	if o := orientation(out); o != 6 {
		t.Errorf("orientation %d after stripping, want 6: the photo would show on its side", o)
	}
	if got, want := segments(out), []string{`E0 "JFIF"`, `E1 "Exif"`, `DB "\x00\x06\x04\x05"`}; len(got) < 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("segments %q", got)
	}
	a, b := decode(t, "source", src), decode(t, "stripped", out)
	if !bytes.Equal(a.(*image.YCbCr).Y, b.(*image.YCbCr).Y) || !bytes.Equal(a.(*image.YCbCr).Cb, b.(*image.YCbCr).Cb) {
		t.Error("the pixels changed")
	}
	if len(out) >= len(src) {
		t.Errorf("%d bytes after stripping, %d before", len(out), len(src))
	}
}

// TestStripLeavesAlone what holds no metadata, and what is no JPEG or PNG.
func TestStripLeavesAlone(t *testing.T) {
	clean := testJPEG(t, 20, 10)
	for name, data := range map[string][]byte{
		"a JPEG without metadata": clean,
		"a PNG without text":      testPNG(t, 10, 10),
		"no image":                []byte("<svg/>"),
		"a WebP":                  []byte("RIFF....WEBPVP8 "),
	} {
		if out := Strip(data); !bytes.Equal(out, data) {
			t.Errorf("%s was changed", name)
		}
	}
}

// TestStripPNG drops text and EXIF chunks, keeping an orientation.
func TestStripPNG(t *testing.T) {
	src := testPNG(t, 10, 10)
	// Insert, after IHDR, a text chunk and an eXIf chunk with orientation 8.
	ihdr := len(pngSignature) + 25
	var in []byte
	in = append(in, src[:ihdr]...)
	in = appendChunk(in, "tEXt", []byte("GPS\x0021.58 N, 105.83 E"))
	in = appendChunk(in, "eXIf", orientationTIFF(8))
	in = append(in, src[ihdr:]...)
	if _, err := png.Decode(bytes.NewReader(in)); err != nil {
		t.Fatalf("test PNG: %v", err)
	}
	out := Strip(in)
	if bytes.Contains(out, []byte("tEXt")) || bytes.Contains(out, []byte("105.83")) {
		t.Error("the text chunk is still there")
	}
	if i := bytes.Index(out, []byte("eXIf")); i < 0 || tiffOrientation(out[i+4:]) != 8 {
		t.Error("the orientation is lost")
	}
	a, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if b := decode(t, "src", src); a.At(2, 2) != b.At(2, 2) || a.At(8, 2) != b.At(8, 2) {
		t.Error("the pixels changed")
	}
}

// TestStripEndsWithTheImage: what follows a JPEG's end of image (EOI) or
// a PNG's IEND is no part of the photo (a phone's trailer, a second
// picture, a file appended with cat) and is not published; nor is any
// segment or chunk that is no part of how the photo looks, wherever it
// stands. The copy decodes to the same pixels.
func TestStripEndsWithTheImage(t *testing.T) {
	camera := fixture(t) // GPS, camera, date
	plain := testJPEG(t, 64, 48)
	if !bytes.Contains(plain, []byte{0xFF, 0x00}) {
		t.Fatal("the test JPEG has no stuffed zero (FF00) in its image data")
	}
	progressive, err := os.ReadFile("testdata/progressive.jpg") // 40 × 40, 10 scans
	if err != nil {
		t.Fatal(err)
	}
	pic := testPNG(t, 10, 10)
	// A PNG as a phone saves it: its EXIF (the camera's, GPS included)
	// and a text chunk after IHDR.
	gpsPNG := pngWith(pic, chunk("eXIf", cameraTIFF(t)), chunk("tEXt", []byte("GPS\x0021.58 N, 105.83 E")))

	tests := []struct {
		name      string
		in, image []byte // image: the picture the copy must show
		turn      int    // the orientation the copy keeps
	}{
		{"a JPEG, then a camera photo (cat)", cat(plain, camera), plain, 1},
		{"a camera photo, then itself", cat(camera, camera), camera, 6},
		{"a camera photo, then a phone's trailer", cat(camera, []byte("SEFH\x00\x00GPS 21.58 N, 105.83 E")), camera, 6},
		{"a progressive JPEG, then a camera photo", cat(progressive, camera), progressive, 1},
		{"a progressive JPEG with a comment between scans", jpegBefore(progressive, 2, segment(0xFE, "GPS 21.58 N, 105.83 E")), progressive, 1},
		{"a JPEG with a multi-picture index and its second picture", cat(jpegAfterSOI(plain, segment(0xE2, "MPF\x00MM\x00\x2A\x00\x00\x00\x08")), camera), plain, 1},
		{"a JPEG with a thumbnail in its JFIF segment", jfifThumbnail(plain), plain, 1},
		{"a PNG with GPS, then two line ends", cat(gpsPNG, []byte("\n\n")), pic, 6},
		{"a PNG, then a camera photo", cat(pic, camera), pic, 1},
		{"a PNG with chunks of its own", pngWith(pic, chunk("gpSi", []byte("21.58 N, 105.83 E")), chunk("caBX", []byte("GPS 21.58")), chunk("GPSX", []byte("21.58 N"))), pic, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Strip(tt.in)
			for _, leak := range [][]byte{gpsLatitude, []byte("GPS"), []byte("105.83"), []byte("Canon"), []byte("2018:08:06"), []byte("SEFH"), []byte("MPF"), []byte("tEXt"), []byte("gpSi"), []byte("caBX"), []byte("GPSX"), []byte("THUMB!")} {
				if bytes.Contains(out, leak) {
					t.Errorf("the copy holds %q", leak)
				}
			}
			end := []byte{0xFF, 0xD9}
			if bytes.HasPrefix(out, pngSignature) {
				end = []byte("IEND\xAE\x42\x60\x82")
			}
			if !bytes.HasSuffix(out, end) {
				t.Errorf("the copy ends in % X, not with the image", out[max(0, len(out)-8):])
			}
			if o := orientation(out); bytes.HasPrefix(out, pngSignature) {
				if i := bytes.Index(out, []byte("eXIf")); tt.turn != 1 && (i < 0 || tiffOrientation(out[i+4:]) != tt.turn) {
					t.Errorf("the PNG's orientation is lost")
				}
			} else if o != tt.turn {
				t.Errorf("orientation %d, want %d", o, tt.turn)
			}
			samePixels(t, decode(t, "the image", tt.image), decode(t, "the copy", out))
		})
	}
}

// TestStripCutShort: a JPEG or PNG cut short (or damaged) keeps what
// reads of it, and none of its metadata: not the part of an EXIF block
// that is there, nor what follows a segment that claims more bytes than
// the file holds.
func TestStripCutShort(t *testing.T) {
	camera := fixture(t)
	gpsPNG := pngWith(testPNG(t, 10, 10), chunk("tEXt", []byte("GPS\x0021.58 N, 105.83 E")))
	idat := bytes.Index(gpsPNG, []byte("IDAT"))
	tests := []struct {
		name  string
		in    []byte
		whole []byte // the file it was cut from
	}{
		{"a JPEG cut in its EXIF block", camera[:200], camera},
		{"a JPEG cut in its image data", camera[:len(camera)*2/3], camera},
		{"a JPEG whose first segment claims more than the file", cat(camera[:4], []byte{0xFF, 0xFF}, camera[6:]), camera},
		{"a PNG cut in its IDAT", gpsPNG[:idat+10], gpsPNG},
	}
	for _, tt := range tests {
		out := Strip(tt.in)
		for _, leak := range [][]byte{[]byte("Canon"), gpsLatitude, []byte("105.83")} {
			if bytes.Contains(out, leak) {
				t.Errorf("%s: the copy holds %q", tt.name, leak)
			}
		}
		if whole := Strip(tt.whole); !bytes.HasPrefix(whole, out) {
			t.Errorf("%s: % X is not the start of the whole file stripped", tt.name, out[:min(len(out), 40)])
		}
	}
}

// TestStripJPEGScans reads the image data of a JPEG as a decoder does:
// FF00 is a stuffed FF and FFD0–FFD7 restart markers, both image data;
// the next marker ends the scan, and the image ends at EOI.
func TestStripJPEGScans(t *testing.T) {
	const (
		soi = "FFD8 "
		sos = "FFDA0002 " // a scan's header, as short as it gets
		dht = "FFC40004ABCD "
		com = "FFFE0005C0FFEE "
		eoi = "FFD9 "
	)
	tests := []struct{ name, in, want string }{
		{"stuffed zeros and restarts", soi + sos + "11FF0022FFD333FFD7 " + eoi + "FFE1000400FF", soi + sos + "11FF0022FFD333FFD7 " + eoi},
		{"tables between scans", soi + sos + "11 " + dht + sos + "22FF00 " + eoi + "AB", soi + sos + "11 " + dht + sos + "22FF00 " + eoi},
		{"a comment between scans", soi + sos + "11 " + com + sos + "22 " + eoi, soi + sos + "11 " + sos + "22 " + eoi},
		{"fill bytes before EOI", soi + sos + "11FFFF " + eoi + "00", soi + sos + "11 " + eoi},
		{"cut short in the image data", soi + com + sos + "11FF0022", soi + sos + "11FF0022"},
		{"a second image inside the scan (a photo cut short, then another)", soi + sos + "11 " + soi + com + sos + "22 " + eoi, soi + sos + "11"},
		{"a segment longer than the file after the scan", soi + sos + "11 FFC4FFFF00", soi + sos + "11"},
	}
	for _, tt := range tests {
		if got, want := Strip(unhex(t, tt.in)), unhex(t, tt.want); !bytes.Equal(got, want) {
			t.Errorf("%s:\n got % X\nwant % X", tt.name, got, want)
		}
	}
}

func unhex(t *testing.T, s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func cat(files ...[]byte) []byte { return bytes.Join(files, nil) }

// cameraTIFF is the fixture's EXIF block (GPS, camera, date, orientation
// 6) without its "Exif\0\0" prefix, as a PNG's eXIf chunk holds it.
func cameraTIFF(t *testing.T) []byte {
	data := fixture(t)
	i := bytes.Index(data, []byte("Exif\x00\x00"))
	if i < 4 || data[i-4] != 0xFF || data[i-3] != 0xE1 {
		t.Fatal("the fixture has no EXIF block")
	}
	n := int(data[i-2])<<8 | int(data[i-1])
	return data[i+6 : i-2+n]
}

func chunk(kind string, body []byte) []byte { return appendChunk(nil, kind, body) }

// pngWith inserts chunks into a PNG after its IHDR.
func pngWith(src []byte, chunks ...[]byte) []byte {
	ihdr := len(pngSignature) + 25
	return cat(src[:ihdr], cat(chunks...), src[ihdr:])
}

// jpegAfterSOI inserts segments into a JPEG right after its SOI.
func jpegAfterSOI(src []byte, segs ...[]byte) []byte {
	return cat(src[:2], cat(segs...), src[2:])
}

// jpegBefore inserts a segment before the n-th scan (SOS, from 1) of a
// JPEG, found by walking its markers.
func jpegBefore(src []byte, n int, seg []byte) []byte {
	scans := 0
	for i := 2; i+1 < len(src); i++ {
		if src[i] == 0xFF && src[i+1] == 0xDA {
			if scans++; scans == n {
				return cat(src[:i], seg, src[i:])
			}
		}
	}
	panic("no such scan")
}

// jfifThumbnail gives a JPEG a JFIF segment with a 2 × 1 thumbnail,
// whose pixels spell "THUMB!".
func jfifThumbnail(src []byte) []byte {
	if bytes.Contains(src[:20], []byte("JFIF")) {
		panic("the encoder writes JFIF now")
	}
	return jpegAfterSOI(src, segment(0xE0, "JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x02\x01THUMB!"))
}

// segment is a JPEG segment with marker m.
func segment(m byte, body string) []byte {
	n := 2 + len(body)
	return append([]byte{0xFF, m, byte(n >> 8), byte(n)}, body...)
}

// samePixels fails the test when a and b differ in size or in any pixel.
func samePixels(t *testing.T, a, b image.Image) {
	t.Helper()
	if a.Bounds() != b.Bounds() {
		t.Fatalf("%v, want %v", b.Bounds(), a.Bounds())
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				t.Fatalf("pixel (%d, %d) is %v, was %v", x, y, b.At(x, y), a.At(x, y))
			}
		}
	}
}
