package build_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/output"
	"bulletin/internal/sitetest"
)

// photoJPEG encodes a w × h photo: a gradient, red on its left half.
func photoJPEG(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 90, 255}
			if x < w/2 {
				c.R = 200
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

// withFiles adds binary files to the site of a txtar archive.
func withFiles(archive string, files map[string][]byte) fstest.MapFS {
	fsys := sitetest.Parse(archive)
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// buildPhotos builds fsys with its own photo cache folder.
func buildPhotos(t *testing.T, fsys fstest.MapFS, cache string) *sitetest.Site {
	t.Helper()
	return sitetest.BuildWith(t, fsys, build.Options{PhotoCache: cache})
}

func decodeOut(t *testing.T, s *sitetest.Site, name string) image.Image {
	t.Helper()
	img, _, err := image.Decode(strings.NewReader(s.File(t, name)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return img
}

func sizeOf(img image.Image) string {
	b := img.Bounds()
	return strings.Join([]string{itoa(b.Dx()), itoa(b.Dy())}, "×")
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

const leadArticle = `
-- site.yaml --
title: Tin kiểm tra
base_url: https://kiemtra.example.vn/
-- content/articles/a.md --
---
title: Kiểm tra công tác dân vận
date: 2018-08-06 16:41
image:
  src: /images/kiem-tra.jpg
  alt: Đoàn kiểm tra làm việc tại hội trường
  caption: Quang cảnh buổi làm việc
  credit: Văn phòng Tỉnh ủy
---
Nội dung.
`

// TestLeadPhoto: an article's image object is shown at its widths with
// srcset, sizes, its size, its alt, and a caption with the credit; the
// files are there, as wide as the page says.
func TestLeadPhoto(t *testing.T) {
	fsys := withFiles(leadArticle, map[string][]byte{"static/images/kiem-tra.jpg": photoJPEG(t, 700, 350)})
	s := buildPhotos(t, fsys, t.TempDir())
	s.Contains(t, "2018/08/kiem-tra-cong-tac-dan-van/index.html", `<figure class="lead-image">
<img src="/images/kiem-tra.jpg" srcset="/images/kiem-tra-480w.jpg 480w, /images/kiem-tra.jpg 700w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)" width="700" height="350" alt="Đoàn kiểm tra làm việc tại hội trường" fetchpriority="high">
<figcaption><span class="caption">Quang cảnh buổi làm việc</span> <span class="credit">Ảnh: Văn phòng Tỉnh ủy</span></figcaption>
</figure>`,
		`<meta property="og:image" content="https://kiemtra.example.vn/images/kiem-tra.jpg">
<meta property="og:image:width" content="700">
<meta property="og:image:height" content="350">
<meta property="og:image:alt" content="Đoàn kiểm tra làm việc tại hội trường">`,
		`<meta name="twitter:image:alt" content="Đoàn kiểm tra làm việc tại hội trường">`)
	s.Lacks(t, "2018/08/kiem-tra-cong-tac-dan-van/index.html", `loading="lazy"`) // above the fold
	if got := sizeOf(decodeOut(t, s, "images/kiem-tra.jpg")); got != "700×350" {
		t.Errorf("images/kiem-tra.jpg is %s", got)
	}
	if got := sizeOf(decodeOut(t, s, "images/kiem-tra-480w.jpg")); got != "480×240" {
		t.Errorf("images/kiem-tra-480w.jpg is %s", got)
	}
	if r := s.Result.Photos; r.Photos != 1 || r.Files != 2 {
		t.Errorf("photos %+v", r)
	}
	s.Lacks(t, "index.html", `card-image`) // thumbnails are off unless the site asks
}

// gpsLatitude is the fixture's GPS latitude as stored: 21/1, 35/1, 978/25.
var gpsLatitude = []byte{0, 0, 0, 21, 0, 0, 0, 1, 0, 0, 0, 35, 0, 0, 0, 1, 0, 0, 3, 0xD2, 0, 0, 0, 25}

// TestCameraPhotoIsPublishedUprightWithoutGPS: the shared fixture (640 ×
// 320 stored, EXIF orientation 6, a GPS position) as a lead image and in a
// body: the file under its own name is the upright 320 × 640 photo, the
// page says so, and no file of the site holds EXIF or the position.
func TestCameraPhotoIsPublishedUprightWithoutGPS(t *testing.T) {
	fixture, err := os.ReadFile("../photo/testdata/photo-exif.jpg")
	if err != nil {
		t.Fatal(err)
	}
	fsys := withFiles(`
-- content/articles/a.md --
---
title: Ảnh
date: 2018-08-06
image: /images/photo.jpg
---
![Hội trường](/images/photo.jpg)
`, map[string][]byte{"static/images/photo.jpg": fixture})
	s := buildPhotos(t, fsys, t.TempDir())
	s.Contains(t, "2018/08/anh/index.html",
		`<img src="/images/photo.jpg" width="320" height="640" alt="" fetchpriority="high">`,
		`<img src="/images/photo.jpg" alt="Hội trường" width="320" height="640" loading="lazy" decoding="async">`)
	img := decodeOut(t, s, "images/photo.jpg")
	if got := sizeOf(img); got != "320×640" {
		t.Errorf("published %s, want 320×640", got)
	}
	if r, _, b, _ := img.At(10, 320).RGBA(); r>>8 < 0xC0 || b>>8 > 0x40 {
		t.Errorf("left side is not yellow (the stored bottom): the photo is not upright")
	}
	for _, name := range s.Out.Names() {
		data := s.File(t, name)
		for _, leak := range []string{"Exif\x00\x00", string(gpsLatitude), "EOS 80D"} {
			if strings.Contains(data, leak) {
				t.Errorf("%s holds %q", name, leak)
			}
		}
	}
}

// TestPhotoNoPageShowsLeavesWithoutGPS: a photo under static/ that no
// published page shows (here, a draft's) is copied, not resized, but
// without its metadata: the same image data, still turned by its
// orientation tag, and no GPS position.
func TestPhotoNoPageShowsLeavesWithoutGPS(t *testing.T) {
	fixture, err := os.ReadFile("../photo/testdata/photo-exif.jpg")
	if err != nil {
		t.Fatal(err)
	}
	fsys := withFiles(`
-- content/articles/a.md --
---
title: Nháp
date: 2018-08-06
draft: true
image: {src: /images/nhap.jpg, alt: Hội trường}
---
x
`, map[string][]byte{"static/images/nhap.jpg": fixture, "static/tai-ve/anh-goc.jpg": fixture})
	s := buildPhotos(t, fsys, t.TempDir())
	for _, name := range []string{"images/nhap.jpg", "tai-ve/anh-goc.jpg"} {
		data := s.File(t, name)
		if strings.Contains(data, string(gpsLatitude)) || strings.Contains(data, "EOS 80D") {
			t.Errorf("%s holds the camera's metadata", name)
		}
		if !strings.Contains(data, "Exif\x00\x00MM") || len(data) >= len(fixture) {
			t.Errorf("%s: want the photo with its orientation alone, got %d bytes", name, len(data))
		}
		if got := sizeOf(decodeOut(t, s, name)); got != "640×320" {
			t.Errorf("%s is %s, want the stored 640×320 (copied, not resized)", name, got)
		}
	}
	if s.Has("images/nhap-480w.jpg") {
		t.Error("a draft's photo was resized for the published site")
	}
}

// TestBodyPhotos: images in a body, site-absolute (under the site's
// path), relative to the Markdown file into static/, or relative to the
// page, are shown at their widths; a file that is no photo keeps its
// address, made the site's when written relative to the file.
func TestBodyPhotos(t *testing.T) {
	fsys := withFiles(`
-- site.yaml --
base_url: https://tinh.example.vn/kiem-tra/
-- content/articles/2018/a.md --
---
title: A
date: 2018-01-05
---
![Hội trường](/kiem-tra/images/a.jpg)

![Sơ đồ](../../../static/images/so-do.svg)

![Cùng ảnh](../../../static/images/a.jpg)

![Ảnh bên](anh-ben.jpg)
-- static/images/so-do.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
`, map[string][]byte{
		"static/images/a.jpg":              photoJPEG(t, 700, 350),
		"static/2018/01/a/anh-ben.jpg":     photoJPEG(t, 120, 60),
		"static/images/khong-dung-den.jpg": photoJPEG(t, 50, 50),
	})
	s := buildPhotos(t, fsys, t.TempDir())
	const photo = `src="/kiem-tra/images/a.jpg" alt="%s" srcset="/kiem-tra/images/a-480w.jpg 480w, /kiem-tra/images/a.jpg 700w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)" width="700" height="350" loading="lazy" decoding="async">`
	s.Contains(t, "2018/01/a/index.html",
		`<img `+strings.Replace(photo, "%s", "Hội trường", 1),
		`<img `+strings.Replace(photo, "%s", "Cùng ảnh", 1),
		`<img src="/kiem-tra/images/so-do.svg" alt="Sơ đồ" loading="lazy" decoding="async">`,
		`<img src="/kiem-tra/2018/01/a/anh-ben.jpg" alt="Ảnh bên" width="120" height="60" loading="lazy" decoding="async">`)
	for _, name := range []string{"images/a.jpg", "images/a-480w.jpg", "2018/01/a/anh-ben.jpg", "images/so-do.svg", "images/khong-dung-den.jpg"} {
		if !s.Has(name) {
			t.Errorf("%s is not published", name)
		}
	}
	if s.Has("2018/01/a/anh-ben-480w.jpg") || s.Has("images/khong-dung-den-480w.jpg") {
		t.Error("a width wider than the photo was made")
	}
}

// TestSecondBuildTakesThePhotoCache: a second run of bulletin makes no
// photo file; it takes them from the cache folder and writes the same
// site, byte for byte.
func TestSecondBuildTakesThePhotoCache(t *testing.T) {
	fsys := withFiles(leadArticle, map[string][]byte{"static/images/kiem-tra.jpg": photoJPEG(t, 1000, 500)})
	cache := t.TempDir()
	cold := buildPhotos(t, fsys, cache)
	if r := cold.Result.Photos; r.Made != 3 || r.Cached != 0 {
		t.Fatalf("first build: %+v, want 3 files made", r)
	}
	warm := buildPhotos(t, fsys, cache)
	if r := warm.Result.Photos; r.Made != 0 || r.Cached != 3 {
		t.Errorf("second build: %+v, want the 3 files from the cache", r)
	}
	if a, b := strings.Join(cold.Out.Names(), " "), strings.Join(warm.Out.Names(), " "); a != b {
		t.Fatalf("files differ:\n%s\n%s", a, b)
	}
	for _, n := range cold.Out.Names() {
		if cold.File(t, n) != warm.File(t, n) {
			t.Errorf("%s differs between a cold and a cached build", n)
		}
	}
}

// TestPreviewFollowsAReplacedPhoto: in the preview, a photo replaced by
// one of another size changes the pages that show it, as a cold build.
func TestPreviewFollowsAReplacedPhoto(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	fsys := withFiles(leadArticle+`
-- content/articles/c.md --
---
title: Bài giữa
date: 2018-08-07
---
Không có ảnh: a và b không là hai bài liền nhau.
-- content/articles/b.md --
---
title: Bài sau
date: 2018-08-08
---
![Lại ảnh đó](/images/kiem-tra.jpg)
`, map[string][]byte{"static/images/kiem-tra.jpg": photoJPEG(t, 700, 350)})
	for _, f := range fsys {
		f.ModTime = t0
	}
	cache := t.TempDir()
	b := build.NewBuilder()
	rebuild := func(ch build.Changes) *output.Memory {
		t.Helper()
		mem := output.NewMemory()
		snap, err := b.Prepare(context.Background(), build.Options{Source: fsys, Now: sitetest.Now, PhotoCache: cache}, ch)
		if err == nil {
			_, err = snap.Write(context.Background(), mem)
		}
		if err != nil {
			t.Fatal(err)
		}
		return mem
	}
	rebuild(build.Everything)
	fsys["static/images/kiem-tra.jpg"] = &fstest.MapFile{Data: photoJPEG(t, 400, 400), ModTime: t0.Add(time.Second)}
	mem := rebuild(build.Changes{Static: []string{"static/images/kiem-tra.jpg"}})
	for page, want := range map[string]string{
		"2018/08/kiem-tra-cong-tac-dan-van/index.html": `<img src="/images/kiem-tra.jpg" width="400" height="400" alt="Đoàn kiểm tra`, // the lead image
		"2018/08/bai-sau/index.html":                   `alt="Lại ảnh đó" width="400" height="400"`,                                   // in the body
	} {
		if data, _ := mem.Get(page); !bytes.Contains(data, []byte(want)) {
			t.Errorf("%s lacks %s:\n%s", page, want, data)
		}
	}
	if _, ok := mem.Get("images/kiem-tra-480w.jpg"); ok {
		t.Error("the 480 file of the old photo is still published")
	}
	cold := buildPhotos(t, fsys, cache)
	for _, n := range cold.Out.Names() {
		if y, ok := mem.Get(n); !ok || !bytes.Equal(y, []byte(cold.File(t, n))) {
			t.Errorf("%s differs from a cold build", n)
		}
	}
}

// TestThumbnails: with thumbnails: true, a card shows the photo's
// narrowest file, small and lazy, with an empty alt (the title says it).
func TestThumbnails(t *testing.T) {
	fsys := withFiles(strings.Replace(leadArticle, "title: Tin kiểm tra\n", "title: Tin kiểm tra\nthumbnails: true\n", 1),
		map[string][]byte{"static/images/kiem-tra.jpg": photoJPEG(t, 700, 350)})
	s := buildPhotos(t, fsys, t.TempDir())
	s.Contains(t, "index.html", `<img class="card-image" src="/images/kiem-tra-480w.jpg" width="480" height="240" alt="" loading="lazy" decoding="async">`)
}

// TestPhotoProblems: a static file may not take the name of a photo's
// width; a photo whose data is cut short stops the build; a .jpg that is
// no JPEG is published as it is, with a warning.
func TestPhotoProblems(t *testing.T) {
	good := photoJPEG(t, 700, 350)
	tests := []struct {
		name  string
		files map[string][]byte
		want  string
	}{
		{"a static file with a width's name", map[string][]byte{"static/images/kiem-tra.jpg": good, "static/images/kiem-tra-480w.jpg": good},
			"static/images/kiem-tra-480w.jpg: this file would replace the generated images/kiem-tra-480w.jpg"},
		{"data cut short", map[string][]byte{"static/images/kiem-tra.jpg": good[:len(good)*2/3]},
			"static/images/kiem-tra.jpg: cannot read the image: invalid JPEG format: short Huffman data (save the photo again as JPEG or PNG)"},
		// Cut before its size: it was published with a warning.
		{"cut short before its size", map[string][]byte{"static/images/kiem-tra.jpg": good[:200]},
			"static/images/kiem-tra.jpg: the photo is cut short: unexpected EOF (save the photo again as JPEG or PNG)"},
	}
	for _, tt := range tests {
		_, err := sitetest.Try(withFiles(leadArticle, tt.files), build.Options{PhotoCache: t.TempDir()})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: error %v\nwant %s", tt.name, err, tt.want)
		}
	}

	fsys := withFiles(leadArticle, map[string][]byte{"static/images/kiem-tra.jpg": []byte("RIFF....WEBPVP8 ")})
	s := buildPhotos(t, fsys, t.TempDir())
	if got := s.File(t, "images/kiem-tra.jpg"); got != "RIFF....WEBPVP8 " {
		t.Errorf("published %q, want the file as it is", got)
	}
	s.Contains(t, "2018/08/kiem-tra-cong-tac-dan-van/index.html", `<img src="/images/kiem-tra.jpg" alt="Đoàn kiểm tra làm việc tại hội trường">`)
	var codes []string
	for _, w := range s.Result.Warnings {
		codes = append(codes, w.Code+" "+w.File)
	}
	if strings.Join(codes, ",") != "photo-unreadable static/images/kiem-tra.jpg" {
		t.Errorf("warnings %v", s.Result.Warnings)
	}
}

// TestPhotoCacheThatCannotBeWritten: the site is built all the same, and
// a warning says the next build will resize the photos again.
func TestPhotoCacheThatCannotBeWritten(t *testing.T) {
	notAFolder := t.TempDir() + "/file"
	if err := os.WriteFile(notAFolder, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := withFiles(leadArticle, map[string][]byte{"static/images/kiem-tra.jpg": photoJPEG(t, 700, 350)})
	s := buildPhotos(t, fsys, notAFolder)
	if !s.Has("images/kiem-tra-480w.jpg") {
		t.Error("the photo is not published")
	}
	if len(s.Result.Warnings) != 1 || s.Result.Warnings[0].Code != "photo-cache" ||
		!strings.Contains(s.Result.Warnings[0].Error(), "warning: resized photos cannot be kept for the next build: ") {
		t.Errorf("warnings %v", s.Result.Warnings)
	}
}
