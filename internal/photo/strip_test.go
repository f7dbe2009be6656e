package photo

import (
	"bytes"
	"image"
	"image/png"
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

// TestStripLeavesAlone what holds no metadata, and what it cannot read.
func TestStripLeavesAlone(t *testing.T) {
	clean := testJPEG(t, 20, 10)
	for name, data := range map[string][]byte{
		"a JPEG without metadata": clean,
		"a PNG without text":      testPNG(t, 10, 10),
		"no image":                []byte("<svg/>"),
		"a JPEG cut short":        fixture(t)[:100],
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
