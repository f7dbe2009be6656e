package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// testProfile is an ICC profile of size bytes for the colour space space
// ("RGB ", "GRAY"): a header and no tags, then bytes that count, so a
// part out of place shows.
func testProfile(size int, space string) []byte {
	p := make([]byte, size)
	for i := range p {
		p[i] = byte(i * 7)
	}
	binary.BigEndian.PutUint32(p, uint32(size))
	copy(p[4:], "test")
	copy(p[12:], "mntr")
	copy(p[16:], space)
	copy(p[20:], "XYZ ")
	copy(p[36:], "acsp")
	binary.BigEndian.PutUint32(p[128:], 0) // no tags
	return p
}

// iccSegment is an APP2 segment holding part num of count of a profile.
func iccSegment(num, count int, part []byte) []byte {
	return segment(0xE2, "ICC_PROFILE\x00"+string([]byte{byte(num), byte(count)})+string(part))
}

// iccChunk is a PNG's iCCP chunk for profile p.
func iccChunk(p []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(p)
	w.Close()
	return chunk("iCCP", append([]byte("Display P3\x00\x00"), z.Bytes()...))
}

// TestResizedKeepTheProfile: every width of a photo carries the source's
// ICC profile, in the form of the format it is published in: a JPEG's
// APP2 segments right after SOI, numbered in order; a PNG's iCCP chunk
// right after IHDR. A photo with no profile, or one for other colours
// than RGB, gets none. The files decode, and two builds make the same
// bytes.
func TestResizedKeepTheProfile(t *testing.T) {
	p3 := testProfile(70000, "RGB ") // two APP2 segments in a JPEG
	small3 := testProfile(600, "RGB ")
	jpg, pic := testJPEG(t, 170, 85), testPNG(t, 100, 50)
	tests := []struct {
		name string
		file string
		data []byte
		want []byte // the profile every width carries
	}{
		{"a JPEG in Display P3", "a.jpg", jpegAfterSOI(jpg, iccSegment(1, 2, p3[:40000]), iccSegment(2, 2, p3[40000:])), p3},
		{"a JPEG whose segments are out of order, after others", "a.jpg",
			jpegAfterSOI(jpg, segment(0xE1, "Exif\x00\x00"), iccSegment(2, 2, small3[300:]), segment(0xE2, "MPF\x00"), iccSegment(1, 2, small3[:300])), small3},
		{"a PNG in Display P3", "a.png", pngWith(pic, iccChunk(p3)), p3},
		{"a PNG saved as .jpg", "a.jpg", pngWith(pic, iccChunk(small3)), small3},
		{"a JPEG saved as .png", "a.png", jpegAfterSOI(jpg, iccSegment(1, 1, small3)), small3},
		{"a JPEG without a profile", "a.jpg", jpg, nil},
		{"a PNG without a profile", "a.png", pic, nil},
		{"a JPEG with a grey profile", "a.jpg", jpegAfterSOI(jpg, iccSegment(1, 1, testProfile(600, "GRAY"))), nil},
		{"a JPEG missing a part of its profile", "a.jpg", jpegAfterSOI(jpg, iccSegment(2, 2, small3[300:])), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: {Data: tt.data}}
			photos, out, _ := build(t, New(small), fsys, tt.file)
			if len(photos[tt.file].Files) < 2 {
				t.Fatalf("files %s: want several widths", out.names())
			}
			for _, f := range photos[tt.file].Files {
				name := strings.TrimPrefix(f.URL, "/")
				data := out.files[name]
				if got := iccProfile(data); !bytes.Equal(got, tt.want) {
					t.Errorf("%s: a profile of %d bytes, want %d", name, len(got), len(tt.want))
				}
				if tt.want != nil {
					if strings.HasSuffix(name, ".png") {
						if at := len(pngSignature) + 25; string(data[at+4:at+8]) != "iCCP" {
							t.Errorf("%s: no iCCP right after IHDR", name)
						}
					} else if got := iccNumbers(data); got != wantNumbers(len(tt.want)) {
						t.Errorf("%s: profile segments %s, want %s right after SOI", name, got, wantNumbers(len(tt.want)))
					}
				}
				img := decode(t, name, data)
				if b := img.Bounds(); b.Dx() != f.Width || b.Dy() != f.Height {
					t.Errorf("%s is %v, says %d × %d", name, b, f.Width, f.Height)
				}
			}
			_, again, _ := build(t, New(small), fsys, tt.file)
			sameFiles(t, out, again)
		})
	}
}

// iccNumbers lists the numbers ("1/2 2/2") of the ICC_PROFILE segments
// of a JPEG's header, in file order, from the segment right after SOI.
func iccNumbers(data []byte) string {
	var out []string
	for i := 2; i+4 <= len(data) && data[i] == 0xFF && data[i+1] == 0xE2; {
		n := int(data[i+2])<<8 | int(data[i+3])
		seg := data[i+4 : i+2+n]
		if !bytes.HasPrefix(seg, iccName) {
			break
		}
		out = append(out, fmt.Sprintf("%d/%d", seg[12], seg[13]))
		i += 2 + n
	}
	return strings.Join(out, " ")
}

// wantNumbers are the numbers of the segments of a profile of size bytes.
func wantNumbers(size int) string {
	n := (size + iccSegmentData - 1) / iccSegmentData
	var out []string
	for k := 1; k <= n; k++ {
		out = append(out, fmt.Sprintf("%d/%d", k, n))
	}
	return strings.Join(out, " ")
}
