package photo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"runtime"
	"sort"
	"sync"

	"golang.org/x/image/draw"

	"bulletin/internal/diag"
	"bulletin/internal/par"
)

// Stats tell what Make did.
type Stats struct {
	Photos int // photos published
	Files  int // files written, every width of every photo
	Made   int // files resized and encoded by this build
	Cached int // files taken from the cache (folder or memory)

	// Replaced lists the static files (names under static/) published
	// as their largest width instead of being copied: the caller's copy
	// of static/ leaves them out.
	Replaced []string
	// CacheErr is the first failure to keep a file in the cache folder:
	// the build goes on, but the next one makes the file again.
	CacheErr error
}

// Make writes every file of every photo looked up since Start, making in
// parallel those the cache does not hold. write is called from several
// goroutines at once. Problems (a photo whose data cannot be decoded) come
// back as a *diag.ListError, every one of them.
func (s *Set) Make(ctx context.Context, write func(name string, data []byte) error) (Stats, error) {
	s.mu.Lock()
	var list []*entry
	for _, e := range s.used {
		if e.photo != nil {
			list = append(list, e)
		}
	}
	s.mu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i].name < list[j].name })

	var st Stats
	var mu sync.Mutex
	problems := make([]error, len(list))
	next := make(chan int)
	var wg par.Group
	for range min(runtime.GOMAXPROCS(0), len(list)) {
		wg.Go(func() {
			for i := range next {
				wg.Do(func() {
					made, cached, cacheErr, err := s.publish(list[i], write)
					problems[i] = err
					mu.Lock()
					st.Made, st.Cached = st.Made+made, st.Cached+cached
					if st.CacheErr == nil {
						st.CacheErr = cacheErr
					}
					mu.Unlock()
				})
			}
		})
	}
	for i := range list {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return st, err
	}
	s.forget(list)
	var out diag.List
	for i, e := range list {
		if err := problems[i]; err != nil {
			var p *diag.Problem
			if !errors.As(err, &p) {
				return st, err // the output failed, not the photo
			}
			out.Add(p)
			continue
		}
		st.Photos++
		st.Files += len(e.files)
		st.Replaced = append(st.Replaced, e.name)
	}
	return st, out.Err()
}

// forget drops from memory the files of photos this build did not publish,
// so a preview running all day holds only the current ones.
func (s *Set) forget(list []*entry) {
	if !s.opt.Keep {
		return
	}
	keep := map[string]bool{}
	for _, e := range list {
		for _, f := range e.files {
			keep[f.key] = true
		}
	}
	s.mu.Lock()
	for k := range s.mem {
		if !keep[k] {
			delete(s.mem, k)
		}
	}
	s.mu.Unlock()
}

// publish writes every file of one photo, from the cache or made now.
func (s *Set) publish(e *entry, write func(string, []byte) error) (made, cached int, cacheErr, err error) {
	data := make([][]byte, len(e.files))
	missing := false
	for i, f := range e.files {
		if b, ok := s.cached(f.key); ok {
			data[i] = b
			cached++
		} else {
			missing = true
		}
	}
	if missing {
		made, cacheErr, err = s.produce(e, data)
		if err != nil {
			return 0, cached, nil, err
		}
	}
	for i, f := range e.files {
		if s.opt.Keep {
			s.mu.Lock()
			s.mem[f.key] = data[i]
			s.mu.Unlock()
		}
		if err := write(f.name, data[i]); err != nil {
			return made, cached, cacheErr, err
		}
	}
	return made, cached, cacheErr, nil
}

// produce decodes the photo and fills in the files data lacks. The largest
// is always resized from the source and the others from the largest, so a
// file's bytes do not depend on which others the cache held.
func (s *Set) produce(e *entry, data [][]byte) (made int, cacheErr, err error) {
	src, err := fs.ReadFile(s.static, e.name)
	if err != nil {
		return 0, nil, e.problem("cannot read the file: %v", errors.Unwrap(err))
	}
	img, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return 0, nil, e.problem("cannot read the image: %v", err)
	}
	format := outFormat(e.name)
	icc := iccForm(iccProfile(src), format) // the source's colours, for every width
	last := len(e.files) - 1
	largest := resize(img, e.files[last].width, e.files[last].height, e.turn)
	for i := last; i >= 0; i-- {
		if data[i] != nil {
			continue
		}
		f := e.files[i]
		px := largest
		if i != last {
			px = resize(largest, f.width, f.height, 1)
		}
		b, err := encode(px, format, icc)
		if err != nil {
			return made, cacheErr, fmt.Errorf("encoding %s: %w", f.name, err)
		}
		data[i] = b
		made++
		if err := s.store(f.key, b); err != nil && cacheErr == nil {
			cacheErr = err
		}
	}
	return made, cacheErr, nil
}

// resize scales src, stored with orientation turn, to w × h upright
// pixels: by a box average to within twice the size, then Catmull-Rom,
// which keeps the detail of text and faces that a cheaper filter blurs.
func resize(src image.Image, w, h, turn int) *image.RGBA {
	sw, sh := w, h // in the stored orientation
	if transposes(turn) {
		sw, sh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
	b := src.Bounds()
	if k := min(b.Dx()/sw, b.Dy()/sh); k >= 2 {
		src = shrink(src, k) // see shrink.go: the same photo, a fraction of the work
		b = src.Bounds()
	}
	if b.Dx() == sw && b.Dy() == sh {
		draw.Draw(dst, dst.Rect, src, b.Min, draw.Src) // its own size: copied, not resampled
	} else {
		draw.CatmullRom.Scale(dst, dst.Rect, src, b, draw.Src, nil)
	}
	return upright(dst, turn)
}

// encode writes px as JPEG or PNG, with icc (iccForm: the source's colour
// profile, or nil). A JPEG has no transparency: what was transparent (a
// PNG saved as .jpg) is shown on white, not black.
func encode(px *image.RGBA, format string, icc []byte) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, px)
	} else {
		if !px.Opaque() {
			onWhite(px)
		}
		err = jpeg.Encode(&buf, px, &jpeg.Options{Quality: quality})
	}
	if err != nil {
		return nil, err
	}
	return withICC(buf.Bytes(), icc, format), nil
}

// onWhite lays premultiplied pixels over white.
func onWhite(px *image.RGBA) {
	for i := 0; i+3 < len(px.Pix); i += 4 {
		a := px.Pix[i+3]
		px.Pix[i] += 255 - a
		px.Pix[i+1] += 255 - a
		px.Pix[i+2] += 255 - a
		px.Pix[i+3] = 255
	}
}
