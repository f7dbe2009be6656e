package photo

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"testing"

	"golang.org/x/image/draw"
)

// TestShrinkAverages: each pixel is the rounded average of its block; a
// block cut short by the edge averages what there is.
func TestShrinkAverages(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 5, 4))
	for i := range g.Pix {
		g.Pix[i] = uint8(i * 10)
	}
	got := shrink(g, 2).(*image.Gray)
	// Rows 0-1 and 2-3; columns 0-1 and 2-3 (column 4 left out).
	want := []uint8{(0 + 10 + 50 + 60 + 2) / 4, (20 + 30 + 70 + 80 + 2) / 4, (100 + 110 + 150 + 160 + 2) / 4, (120 + 130 + 170 + 180 + 2) / 4}
	if got.Rect.Dx() != 2 || got.Rect.Dy() != 2 || !bytes.Equal(got.Pix, want) {
		t.Errorf("shrink = %v %v, want 2×2 %v", got.Rect, got.Pix, want)
	}
}

// TestShrinkKeepsThePicture: resizing through shrink gives, within what
// two good filters differ by, the picture Catmull-Rom alone gives, for
// each kind of image a decoder returns: nothing is shifted, swapped or
// lost. Sizes the factor divides are compared closely; others (481 ×
// 323, where up to k-1 rows are left out) within the stretch of less
// than a pixel that costs.
func TestShrinkKeepsThePicture(t *testing.T) {
	for _, tt := range []struct {
		w, h, to int
		min      float64 // dB
	}{
		{480, 360, 240, 40}, {480, 360, 160, 40}, {480, 360, 96, 40},
		{481, 323, 230, 40}, {481, 323, 95, 30},
	} {
		for name, src := range pictures(tt.w, tt.h) {
			h := tt.to * tt.h / tt.w
			got := resize(src, tt.to, h, 1)
			want := image.NewRGBA(image.Rect(0, 0, tt.to, h))
			draw.CatmullRom.Scale(want, want.Rect, src, src.Bounds(), draw.Src, nil)
			if p := psnr(got, want); p < tt.min {
				t.Errorf("%s %d×%d to %d: PSNR %.1f dB against Catmull-Rom alone, want ≥ %.0f", name, tt.w, tt.h, tt.to, p, tt.min)
			}
		}
	}
}

// pictures is one w × h picture as each kind of image: YCbCr 4:2:0 (a
// decoded JPEG), RGBA and Gray. Its waves are slow enough for both filters
// to keep them whole at a tenth of the size: what differs then is where
// things are.
func pictures(w, h int) map[string]image.Image {
	rgba := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			rgba.SetRGBA(x, y, color.RGBA{uint8(128 + 100*math.Sin(float64(x)/21)), uint8(128 + 100*math.Cos(float64(y)/16)), uint8((x + 2*y) / 5), 255})
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, rgba, &jpeg.Options{Quality: 95})
	ycc, _ := jpeg.Decode(&buf)
	gray := image.NewGray(rgba.Rect)
	draw.Draw(gray, gray.Rect, rgba, image.Point{}, draw.Src)
	return map[string]image.Image{"YCbCr": ycc, "RGBA": rgba, "Gray": gray}
}

// psnr compares two pictures away from their edges, where filters differ
// most in how they read past the border.
func psnr(a, b *image.RGBA) float64 {
	var se, n float64
	for y := 2; y < a.Rect.Dy()-2; y++ {
		for x := 2; x < a.Rect.Dx()-2; x++ {
			for c := range 3 {
				d := float64(a.Pix[a.PixOffset(x, y)+c]) - float64(b.Pix[b.PixOffset(x, y)+c])
				se += d * d
				n++
			}
		}
	}
	mse := se / n
	if mse == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(255*255/mse)
}
