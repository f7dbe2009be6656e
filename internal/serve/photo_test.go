package serve

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"strings"
	"testing"
)

func testPhoto(t *testing.T, w, h int) string {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{uint8(x), uint8(y), 100, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestPreviewShowsPhotos: the preview builds photos into memory like
// bulletin build: the page's widths are served, and a photo replaced
// while it runs is served at its new size.
func TestPreviewShowsPhotos(t *testing.T) {
	t.Setenv("BULLETIN_CACHE_DIR", t.TempDir())
	ts := start(t, map[string]string{
		fileA:                 strings.Replace(articleA, "---\nĐoàn", "image: {src: /images/a.jpg, alt: Hội trường}\n---\nĐoàn", 1),
		"static/images/a.jpg": testPhoto(t, 600, 300),
	})
	page := ts.mustGet(urlA)
	if !strings.Contains(page, `srcset="/images/a-480w.jpg 480w, /images/a.jpg 600w"`) {
		t.Fatalf("page has no srcset:\n%s", page)
	}
	for path, size := range map[string]string{"/images/a-480w.jpg": "480×240", "/images/a.jpg": "600×300"} {
		resp, err := http.Get(ts.url + path)
		if err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/jpeg" || err != nil {
			t.Fatalf("GET %s: %d %s %v", path, resp.StatusCode, resp.Header.Get("Content-Type"), err)
		}
		if b := img.Bounds(); itoa(b.Dx())+"×"+itoa(b.Dy()) != size {
			t.Errorf("%s is %v, want %s", path, b, size)
		}
	}
	gen := ts.Last().Gen
	ts.write("static/images/a.jpg", testPhoto(t, 300, 300))
	if r := ts.wait(gen); !r.OK() {
		t.Fatalf("rebuild failed: %v", r.Err)
	}
	if page := ts.mustGet(urlA); !strings.Contains(page, `<img src="/images/a.jpg" width="300" height="300" alt="Hội trường"`) {
		t.Errorf("the replaced photo is not shown at its size:\n%s", page)
	}
	if code, _ := ts.get("/images/a-480w.jpg"); code != http.StatusNotFound {
		t.Errorf("GET the old photo's 480 file: %d, want 404", code)
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// flatPhoto is a JPEG of one colour, its blue b.
func flatPhoto(t *testing.T, w, h int, b uint8) string {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{40, 40, b, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
