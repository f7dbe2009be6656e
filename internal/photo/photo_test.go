package photo

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// made is what one Make wrote.
type made struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *made) write(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = data
	return nil
}

func (m *made) names() string {
	var n []string
	for k := range m.files {
		n = append(n, k)
	}
	sort.Strings(n)
	return strings.Join(n, " ")
}

// build looks up each name in fsys with s and makes the files.
func build(t *testing.T, s *Set, fsys fstest.MapFS, names ...string) (map[string]*model.Photo, *made, Stats) {
	t.Helper()
	s.Start(fsys)
	photos := map[string]*model.Photo{}
	for _, n := range names {
		p, err := s.Lookup(n)
		if err != nil {
			t.Fatalf("Lookup(%s): %v", n, err)
		}
		photos[n] = p
	}
	out := &made{}
	st, err := s.Make(context.Background(), out.write)
	if err != nil {
		t.Fatalf("Make: %v", err)
	}
	return photos, out, st
}

func fixture(t *testing.T) []byte {
	data, err := os.ReadFile("testdata/photo-exif.jpg")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// testJPEG encodes a w × h picture: a gradient, with the left half red.
func testJPEG(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255}
			if x < w/2 {
				c.R = 220
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decode(t *testing.T, name string, data []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return img
}

// segments lists the markers of a JPEG's header, up to the image data.
func segments(data []byte) []string {
	var out []string
	for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
		m := data[i+1]
		if m == 0xDA {
			break
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		seg := data[i+4 : min(i+2+n, len(data))]
		out = append(out, fmt.Sprintf("%02X %q", m, seg[:min(4, len(seg))]))
		i += 2 + n
	}
	return out
}

// TestCameraPhotoComesOutUpright publishes the fixture, stored 640 × 320
// with EXIF orientation 6 (shown upright as 320 × 640) and a GPS position:
// the file published is upright in its pixels, and carries no EXIF.
func TestCameraPhotoComesOutUpright(t *testing.T) {
	src := fixture(t)
	fsys := fstest.MapFS{"images/photo.jpg": {Data: src}}
	photos, out, st := build(t, New(Options{}), fsys, "images/photo.jpg")
	p := photos["images/photo.jpg"]
	want := &model.Photo{URL: "/images/photo.jpg", Width: 320, Height: 640,
		Files: []model.PhotoFile{{URL: "/images/photo.jpg", Width: 320, Height: 640}}}
	if fmt.Sprint(p) != fmt.Sprint(want) {
		t.Errorf("photo = %+v, want %+v", p, want)
	}
	if got := out.names(); got != "images/photo.jpg" {
		t.Errorf("files = %s; want the photo alone, at its own width (320 < 480)", got)
	}
	if st.Photos != 1 || st.Files != 1 || st.Made != 1 || fmt.Sprint(st.Replaced) != "[images/photo.jpg]" {
		t.Errorf("stats = %+v", st)
	}
	data := out.files["images/photo.jpg"]
	img := decode(t, "photo.jpg", data)
	if b := img.Bounds(); b.Dx() != 320 || b.Dy() != 640 {
		t.Fatalf("published %v, want 320 × 640", b)
	}
	// Stored, the photo is blue at the top and yellow at the bottom; the
	// camera was turned, so upright the top row is the right side.
	yellow, blue := img.At(10, 320), img.At(310, 320)
	if r, g, b, _ := yellow.RGBA(); r>>8 < 0xC0 || g>>8 < 0xA0 || b>>8 > 0x40 {
		t.Errorf("left side %v, want yellow (the stored bottom)", yellow)
	}
	if r, _, b, _ := blue.RGBA(); r>>8 > 0x30 || b>>8 < 0x60 {
		t.Errorf("right side %v, want blue (the stored top)", blue)
	}
	for _, seg := range segments(data) {
		if !strings.HasPrefix(seg, "DB ") && !strings.HasPrefix(seg, "C0 ") && !strings.HasPrefix(seg, "C4 ") {
			t.Errorf("published JPEG has segment %s; want only tables and the frame, no metadata", seg)
		}
	}
	if !bytes.Contains(src, gpsLatitude) || !bytes.Contains(src, []byte("Exif\x00\x00")) {
		t.Fatal("the fixture no longer holds what this test looks for")
	}
	for _, leak := range [][]byte{[]byte("Exif"), gpsLatitude, []byte("Canon"), []byte("2018:08:06")} {
		if bytes.Contains(data, leak) {
			t.Errorf("published JPEG holds %q", leak)
		}
	}
}

// gpsLatitude is the fixture's GPS latitude as stored: three rationals,
// 21/1 degrees, 35/1 minutes, 978/25 seconds, big-endian.
var gpsLatitude = []byte{0, 0, 0, 21, 0, 0, 0, 1, 0, 0, 0, 35, 0, 0, 0, 1, 0, 0, 3, 0xD2, 0, 0, 0, 25}

// small are widths as Widths, at a tenth: tests resize small pictures.
var small = Options{Widths: []int{48, 96, 160}}

// TestWidthsNeverExceedTheOriginal: a photo gets the widths narrower than
// itself and its own (at most the last width); each file is as wide as it
// says.
func TestWidthsNeverExceedTheOriginal(t *testing.T) {
	tests := []struct {
		w, h int
		want string
	}{
		{30, 20, "30x20"},
		{48, 32, "48x32"},
		{70, 35, "48x24 70x35"},
		{96, 64, "48x32 96x64"},
		{120, 81, "48x32 96x65 120x81"},
		{170, 100, "48x28 96x56 160x94"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			fsys := fstest.MapFS{"a.jpg": {Data: testJPEG(t, tt.w, tt.h)}}
			photos, out, _ := build(t, New(small), fsys, "a.jpg")
			var got []string
			for _, f := range photos["a.jpg"].Files {
				img := decode(t, f.URL, out.files[strings.TrimPrefix(f.URL, "/")])
				if b := img.Bounds(); b.Dx() != f.Width || b.Dy() != f.Height {
					t.Errorf("%s is %v, says %d × %d", f.URL, b, f.Width, f.Height)
				}
				got = append(got, fmt.Sprintf("%dx%d", f.Width, f.Height))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("widths %s, want %s", strings.Join(got, " "), tt.want)
			}
		})
	}
}

// TestNames: the narrower files are named for their width beside the
// photo; the largest takes the photo's own name.
func TestNames(t *testing.T) {
	fsys := fstest.MapFS{"images/2018/hội-nghị.JPG": {Data: testJPEG(t, 100, 50)}}
	photos, out, _ := build(t, New(small), fsys, "images/2018/hội-nghị.JPG")
	if got, want := out.names(), "images/2018/hội-nghị-48w.JPG images/2018/hội-nghị-96w.JPG images/2018/hội-nghị.JPG"; got != want {
		t.Errorf("files %s, want %s", got, want)
	}
	if p := photos["images/2018/hội-nghị.JPG"]; p.URL != "/images/2018/hội-nghị.JPG" || p.Width != 100 || p.Height != 50 {
		t.Errorf("photo %+v", p)
	}
}

// TestSecondBuildTakesTheCache: a second build, even by another Set (the
// next run of bulletin), makes nothing and writes the same bytes; a photo
// whose bytes changed is made again.
func TestSecondBuildTakesTheCache(t *testing.T) {
	dir := t.TempDir()
	fsys := fstest.MapFS{"a.jpg": {Data: testJPEG(t, 170, 85)}, "b.png": {Data: testPNG(t, 60, 30)}}
	opt := small
	opt.Cache = dir
	_, first, st := build(t, New(opt), fsys, "a.jpg", "b.png")
	if st.Made != 5 || st.Cached != 0 || st.CacheErr != nil {
		t.Fatalf("cold: %+v, want 5 made", st)
	}
	_, second, st := build(t, New(opt), fsys, "a.jpg", "b.png")
	if st.Made != 0 || st.Cached != 5 {
		t.Errorf("cached: %+v, want 5 from the cache", st)
	}
	sameFiles(t, first, second)

	fsys["a.jpg"] = &fstest.MapFile{Data: testJPEG(t, 170, 86)}
	_, _, st = build(t, New(opt), fsys, "a.jpg", "b.png")
	if st.Made != 3 || st.Cached != 2 {
		t.Errorf("a.jpg changed: %+v, want its 3 files made, b.png's 2 from the cache", st)
	}
}

// TestSameBytesWhateverTheCacheHolds: a file made while the others come
// from the cache is the file a cold build makes.
func TestSameBytesWhateverTheCacheHolds(t *testing.T) {
	dir := t.TempDir()
	fsys := fstest.MapFS{"a.jpg": {Data: testJPEG(t, 170, 85)}}
	opt := small
	opt.Cache = dir
	_, cold, _ := build(t, New(opt), fsys, "a.jpg")
	// Keep only the middle width in the cache.
	removed := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(p); !bytes.Equal(data, cold.files["a-96w.jpg"]) {
				os.Remove(p)
				removed++
			}
		}
		return nil
	})
	if removed != 2 {
		t.Fatalf("removed %d cache files, want 2", removed)
	}
	_, warm, st := build(t, New(opt), fsys, "a.jpg")
	if st.Made != 2 || st.Cached != 1 {
		t.Errorf("stats %+v, want 2 made, 1 cached", st)
	}
	sameFiles(t, cold, warm)
	_, again, _ := build(t, New(small), fsys, "a.jpg")
	sameFiles(t, cold, again)
}

// TestPreviewKeepsFilesInMemory: a Set kept between builds with Keep
// takes unchanged photos from memory, and looks again at a replaced one.
func TestPreviewKeepsFilesInMemory(t *testing.T) {
	opt := small
	opt.Keep = true
	s := New(opt)
	t0 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{"a.jpg": {Data: testJPEG(t, 100, 50), ModTime: t0}}
	_, first, st := build(t, s, fsys, "a.jpg")
	if st.Made != 3 {
		t.Fatalf("first build %+v", st)
	}
	_, second, st := build(t, s, fsys, "a.jpg")
	if st.Made != 0 || st.Cached != 3 {
		t.Errorf("second build %+v, want all 3 from memory", st)
	}
	sameFiles(t, first, second)
	fsys["a.jpg"] = &fstest.MapFile{Data: testJPEG(t, 50, 50), ModTime: t0.Add(time.Second)}
	photos, third, _ := build(t, s, fsys, "a.jpg")
	if p := photos["a.jpg"]; p.Width != 50 || len(p.Files) != 2 {
		t.Errorf("replaced photo %+v, want 50 wide in 2 files", p)
	}
	if third.names() != "a-48w.jpg a.jpg" {
		t.Errorf("files %s", third.names())
	}
}

// TestNotPhotos: what Lookup leaves alone, and what it refuses.
func TestNotPhotos(t *testing.T) {
	good := testJPEG(t, 100, 100)
	fsys := fstest.MapFS{
		"logo.svg":     {Data: []byte("<svg/>")},
		"anim.gif":     {Data: []byte("GIF89a")},
		"folder.jpg/x": {Data: good},
		"broken.jpg":   {Data: []byte("not a photo")},
		"huge.png":     {Data: pngHeader(20000, 10000)},
		"cut.jpg":      {Data: good[:len(good)/2]},
	}
	s := New(Options{})
	s.Start(fsys)
	for _, n := range []string{"logo.svg", "anim.gif", "missing.jpg", "folder.jpg"} {
		if p, err := s.Lookup(n); p != nil || err != nil {
			t.Errorf("Lookup(%s) = %v, %v; want nothing", n, p, err)
		}
	}
	for n, want := range map[string]string{
		"broken.jpg": "static/broken.jpg: warning: cannot read the image: image: unknown format; it is published as it is, not resized and with any metadata it holds (save the photo again as JPEG or PNG)",
		"huge.png":   "static/huge.png: warning: 20000 × 10000 pixels is too large to resize (at most 120 million pixels); it is published not resized, but without its metadata (save the photo again as JPEG or PNG)",
	} {
		if _, err := s.Lookup(n); err == nil || err.Error() != want {
			t.Errorf("Lookup(%s) error %v, want %s", n, err, want)
		}
	}
	if p, err := s.Lookup("cut.jpg"); p == nil || err != nil {
		t.Fatalf("cut.jpg: %v, %v: its header reads", p, err)
	}
	_, err := s.Make(context.Background(), (&made{}).write)
	if want := "static/cut.jpg: cannot read the image: invalid JPEG format: short Huffman data (save the photo again as JPEG or PNG)"; err == nil || err.Error() != want {
		t.Errorf("Make: %v, want %s", err, want)
	}
}

// TestTransparency: a PNG keeps its transparency; published as JPEG, what
// was transparent is white.
func TestTransparency(t *testing.T) {
	clear := testPNG(t, 100, 100)
	fsys := fstest.MapFS{"a.png": {Data: clear}, "b.jpg": {Data: clear}}
	_, out, _ := build(t, New(Options{}), fsys, "a.png", "b.jpg")
	if _, _, _, a := decode(t, "a.png", out.files["a.png"]).At(90, 50).RGBA(); a != 0 {
		t.Errorf("a.png: alpha %d at a transparent pixel, want 0", a)
	}
	if r, g, b, _ := decode(t, "b.jpg", out.files["b.jpg"]).At(90, 50).RGBA(); r>>8 < 0xF0 || g>>8 < 0xF0 || b>>8 < 0xF0 {
		t.Errorf("b.jpg: (%d, %d, %d) at a transparent pixel, want white", r>>8, g>>8, b>>8)
	}
}

// testPNG is a w × h PNG, green on the left half, transparent on the right.
func testPNG(t testing.TB, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w / 2 {
			img.SetNRGBA(x, y, color.NRGBA{0, 160, 0, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader is the start of a PNG claiming w × h pixels.
func pngHeader(w, h int) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := buf.Bytes()[:33] // signature and IHDR
	b[16], b[17], b[18], b[19] = byte(w>>24), byte(w>>16), byte(w>>8), byte(w)
	b[20], b[21], b[22], b[23] = byte(h>>24), byte(h>>16), byte(h>>8), byte(h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func sameFiles(t *testing.T, a, b *made) {
	t.Helper()
	if a.names() != b.names() {
		t.Fatalf("files %s, then %s", a.names(), b.names())
	}
	for n, data := range a.files {
		if !bytes.Equal(data, b.files[n]) {
			t.Errorf("%s differs between builds", n)
		}
	}
}

// TestPNGPhotoComesOutUpright: a PNG stored 200 × 100, green on its left
// half, with EXIF orientation 6 in an eXIf chunk, shows upright as 100 ×
// 200, green on top. The page says so, and every width is turned.
func TestPNGPhotoComesOutUpright(t *testing.T) {
	stored := testPNG(t, 200, 100)
	src := cat(stored[:len(pngSignature)+25], chunk("eXIf", orientationTIFF(6)), stored[len(pngSignature)+25:])
	fsys := fstest.MapFS{"chart.png": {Data: src}}
	photos, out, _ := build(t, New(small), fsys, "chart.png")
	p := photos["chart.png"]
	if got := fmt.Sprint(p.Width, "×", p.Height, " ", p.Files); got != "100×200 [{/chart-48w.png 48 96} {/chart-96w.png 96 192} {/chart.png 100 200}]" {
		t.Errorf("photo %s, want it upright: 100 × 200", got)
	}
	for _, f := range p.Files {
		name := strings.TrimPrefix(f.URL, "/")
		img := decode(t, name, out.files[name])
		if b := img.Bounds(); b.Dx() != f.Width || b.Dy() != f.Height {
			t.Errorf("%s is %v, want %d × %d", name, b, f.Width, f.Height)
		}
		top, bottom := img.At(f.Width/2, f.Height/8), img.At(f.Width/2, f.Height*7/8)
		if _, g, _, a := top.RGBA(); g>>8 < 0x80 || a>>8 != 0xFF {
			t.Errorf("%s: top %v, want green (the stored left half)", name, top)
		}
		if _, _, _, a := bottom.RGBA(); a != 0 {
			t.Errorf("%s: bottom %v, want transparent (the stored right half)", name, bottom)
		}
		if bytes.Contains(out.files[name], []byte("eXIf")) {
			t.Errorf("%s keeps an orientation tag: it would be turned twice", name)
		}
	}
}

// TestUnreadableSaysWhatIsPublished: the warning on a .jpg or .png that
// is not resized says what the build publishes of it, which is what
// Strip makes of it: a JPEG or PNG (too large, or in a form the decoder
// does not read) without its metadata, anything else as it is.
func TestUnreadableSaysWhatIsPublished(t *testing.T) {
	lossless := fixture(t) // the camera photo, its frame marked lossless (SOF3)
	lossless = cat(lossless[:bytes.Index(lossless, []byte{0xFF, 0xC0})+1], []byte{0xC3}, lossless[bytes.Index(lossless, []byte{0xFF, 0xC0})+2:])
	huge := cat(pngHeader(20000, 10000), chunk("tEXt", []byte("GPS\x0021.58 N, 105.83 E")))
	tests := []struct {
		name string
		data []byte
		want string // how the message ends
		kept bool   // the file is published as it is
	}{
		{"huge.png", huge, "; it is published not resized, but without its metadata", false},
		{"lossless.jpg", lossless, "; it is published not resized, but without its metadata", false},
		{"webp.jpg", []byte("RIFF....WEBPVP8 GPS 21.58 N"), "; it is published as it is, not resized and with any metadata it holds", true},
	}
	for _, tt := range tests {
		s := New(Options{})
		s.Start(fstest.MapFS{tt.name: {Data: tt.data}})
		_, err := s.Lookup(tt.name)
		p, ok := err.(*diag.Problem)
		if !ok || p.Code != diag.PhotoUnreadable || !strings.HasSuffix(p.Message, tt.want) {
			t.Errorf("%s: %v, want a photo-unreadable warning ending %q", tt.name, err, tt.want)
		}
		out := Strip(tt.data)
		if kept := bytes.Equal(out, tt.data); kept != tt.kept {
			t.Errorf("%s: published as it is: %v, the message says %v", tt.name, kept, tt.kept)
		}
		if !tt.kept && (bytes.Contains(out, gpsLatitude) || bytes.Contains(out, []byte("105.83"))) {
			t.Errorf("%s: the copy holds the GPS position", tt.name)
		}
	}
}
