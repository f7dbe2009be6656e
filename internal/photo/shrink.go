package photo

// Catmull-Rom reads, for each pixel it writes, a window of the source as
// wide as twice the ratio of the sizes: shrinking a 4000-pixel photo to
// 1600 it does most of a build's work. Averaging k × k blocks first (k the
// whole part of the ratio) leaves it a ratio under 2 for a fraction of the
// cost, and a box average is the right filter for a whole factor: every
// source pixel counts once. Libraries that resize photos do the same
// ("shrink" then "reduce" in libvips).

import "image"

// shrink returns img k times smaller, each pixel the average of a k × k
// block, for the image types the JPEG and PNG decoders give photos in
// (YCbCr, Gray, RGBA); other types, and k < 2, come back as they are.
func shrink(img image.Image, k int) image.Image {
	if k < 2 {
		return img
	}
	b := img.Bounds()
	// Whole blocks only: the last k-1 columns or rows at most are left
	// out. Catmull-Rom then stretches the rest by less than one pixel of
	// the result over its whole width (none for the usual camera sizes,
	// 4000, 6000, 5472, which the factors divide); a last block cut short
	// would put a thin strip of the photo in a whole pixel instead.
	w, h := b.Dx()/k, b.Dy()/k
	if w < 1 || h < 1 {
		return img
	}

	if b.Min != (image.Point{}) {
		return img // decoders give images at the origin; a sub-image is resized as it is
	}
	switch src := img.(type) {
	case *image.YCbCr:
		// The colour of a block is the average over its pixels, each with
		// the colour sample it is drawn with: the result has a colour
		// sample per pixel (4:4:4), not one per two, which at a tenth of
		// the size would blur colour the source had sharp.
		hs, vs := shifts(src.SubsampleRatio)
		dst := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio444)
		shrinkPlane(dst.Y, dst.YStride, w, h, src.Y, src.YStride, k, 1, 0, 0)
		shrinkPlane(dst.Cb, dst.CStride, w, h, src.Cb, src.CStride, k, 1, hs, vs)
		shrinkPlane(dst.Cr, dst.CStride, w, h, src.Cr, src.CStride, k, 1, hs, vs)
		return dst
	case *image.Gray:
		dst := image.NewGray(image.Rect(0, 0, w, h))
		shrinkPlane(dst.Pix, dst.Stride, w, h, src.Pix, src.Stride, k, 1, 0, 0)
		return dst
	case *image.RGBA:
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		shrinkPlane(dst.Pix, dst.Stride, w, h, src.Pix, src.Stride, k, 4, 0, 0)
		return dst
	}
	return img
}

// shifts says how many pixels share a colour sample of a YCbCr image:
// 1 << hs across, 1 << vs down.
func shifts(s image.YCbCrSubsampleRatio) (hs, vs uint) {
	switch s {
	case image.YCbCrSubsampleRatio422:
		return 1, 0
	case image.YCbCrSubsampleRatio420:
		return 1, 1
	case image.YCbCrSubsampleRatio440:
		return 0, 1
	case image.YCbCrSubsampleRatio411:
		return 2, 0
	case image.YCbCrSubsampleRatio410:
		return 2, 1
	}
	return 0, 0
}

// shrinkPlane averages the k × k blocks of pixels of a plane into dst, dw
// × dh samples of n channels. A plane sampled once for 1 << hs pixels
// across and 1 << vs down (colour, in a YCbCr image) is read at each
// pixel's sample. The k rows of a block are summed sample by sample
// first, then each k columns of the sums: two plain loops the compiler
// keeps free of bounds checks.
func shrinkPlane(dst []uint8, dstride, dw, dh int, src []uint8, sstride, k, n int, hs, vs uint) {
	acc := make([]uint32, dw*k*n) // the columns of whole blocks
	area := uint32(k * k)
	for y := range dh {
		clear(acc)
		for sy := y * k; sy < y*k+k; sy++ {
			row := src[(sy>>vs)*sstride:]
			if hs == 0 {
				row = row[:len(acc)]
				for i, v := range row {
					acc[i] += uint32(v)
				}
				continue
			}
			for sx := range dw * k { // n is 1: a colour plane
				acc[sx] += uint32(row[sx>>hs])
			}
		}
		out := dst[y*dstride : y*dstride+dw*n]
		for x := range dw {
			for c := range n {
				var sum uint32
				for i := x * k * n; i < (x+1)*k*n; i += n {
					sum += acc[i+c]
				}
				out[x*n+c] = uint8((sum + area/2) / area)
			}
		}
	}
}
