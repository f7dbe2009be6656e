package photo

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"image"
	_ "image/jpeg" // the formats Lookup reads
	_ "image/png"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// Widths are the widths, in pixels, a photo is published at, narrowest
// first. A photo narrower than one of them gets no file of that width:
// its own width is then its largest. One wider than the last is published
// at most that wide.
var Widths = []int{480, 960, 1600}

// maxPixels bounds the photos Make will decode: a 24-megapixel camera
// photo takes 72 MB once decoded; a file claiming 50,000 × 50,000 pixels
// would take gigabytes.
const maxPixels = 120_000_000

// Options configure a Set.
type Options struct {
	// Cache is the folder files are kept in between builds; "" keeps none
	// on disk.
	Cache string
	// Keep holds this build's files in memory for the next build of the
	// Set too, so a preview rebuild reads no cache file.
	Keep bool
	// Widths replace the package's Widths (tests use small ones).
	Widths []int
}

// Set finds and publishes the photos of one site.
type Set struct {
	opt    Options
	static fs.FS

	mu   sync.Mutex
	used map[string]*entry // this build's, by name under static/
	prev map[string]*entry // the last build's, reused while the file's size and time are unchanged
	mem  map[string][]byte // Keep: files by cache key
}

// entry is one photo: what Lookup learnt of its file, and the files it is
// published as.
type entry struct {
	once sync.Once
	name string // under static/, e.g. "images/a.jpg"

	size int64
	mod  time.Time
	sum  [sha256.Size]byte
	w, h int // as stored, before orientation
	turn int // EXIF orientation, 1–8

	photo *model.Photo // nil: not a photo this package publishes
	files []file       // narrowest first; the last is published as name
	err   error        // a *diag.Problem
}

// file is one width of a photo.
type file struct {
	name          string // output file, e.g. "images/a-480w.jpg"
	width, height int    // upright
	key           string // cache key
}

// New returns a Set that keeps its files as opt says.
func New(opt Options) *Set {
	if opt.Widths == nil {
		opt.Widths = Widths
	}
	return &Set{opt: opt, used: map[string]*entry{}, mem: map[string][]byte{}}
}

// Start begins a build reading the static files from static (the site's
// over the theme's, names in NFC as pages link to them).
func (s *Set) Start(static fs.FS) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.static = static
	s.prev, s.used = s.used, map[string]*entry{}
}

// Lookup returns the photo published for the static file name
// ("images/a.jpg"), or nil when name is no photo this package publishes:
// missing, a folder, or not a .jpg, .jpeg or .png file. The error is a
// *diag.Problem on the file: a warning when it is no photo it can resize
// (the file is then published not resized: see unreadable), an error when
// it cannot be read at all.
// Every photo looked up in a build is published by its Make.
func (s *Set) Lookup(name string) (*model.Photo, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png":
	default:
		return nil, nil
	}
	s.mu.Lock()
	e := s.used[name]
	if e == nil {
		e = &entry{name: name}
		s.used[name] = e
	}
	prev := s.prev[name]
	s.mu.Unlock()
	e.once.Do(func() { s.examine(e, prev) })
	return e.photo, e.err
}

// examine reads what e needs before Make: the file's hash, size and
// orientation. A file unchanged since the last build is not read again.
func (s *Set) examine(e, prev *entry) {
	fi, err := fs.Stat(s.static, e.name)
	if err != nil || !fi.Mode().IsRegular() {
		return // missing: the page links it as written, and check says so
	}
	e.size, e.mod = fi.Size(), fi.ModTime()
	if prev != nil && prev.size == e.size && prev.mod.Equal(e.mod) && !e.mod.IsZero() {
		e.sum, e.w, e.h, e.turn, e.photo, e.files, e.err = prev.sum, prev.w, prev.h, prev.turn, prev.photo, prev.files, prev.err
		return
	}
	data, err := fs.ReadFile(s.static, e.name)
	if err != nil {
		e.err = e.problem("cannot read the file: %v", errors.Unwrap(err)) // not the photo's fault: stop
		return
	}
	e.sum = sha256.Sum256(data)
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil && strips(data) && errors.Is(err, io.ErrUnexpectedEOF) {
		// A JPEG or PNG cut short before its size: as one cut in its image
		// data (make.go), the build stops, rather than publish a broken
		// picture with a warning.
		e.err = e.problem("the photo is cut short: %v", err)
		return
	}
	if err != nil {
		e.err = e.unreadable(data, "cannot read the image: %v", err)
		return
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		e.err = e.unreadable(data, "the image has no pixels")
		return
	}
	if cfg.Width*cfg.Height > maxPixels {
		e.err = e.unreadable(data, "%d × %d pixels is too large to resize (at most %d million pixels)",
			cfg.Width, cfg.Height, maxPixels/1_000_000)
		return
	}
	e.w, e.h = cfg.Width, cfg.Height
	e.turn = orientation(data)
	e.plan(s.opt.Widths)
}

// plan lists the files e is published as and the photo a page shows.
func (e *entry) plan(widths []int) {
	w, h := e.w, e.h
	if transposes(e.turn) {
		w, h = h, w
	}
	own := min(w, widths[len(widths)-1])
	height := func(width int) int {
		if width == w {
			return h
		}
		return max(1, (width*h+w/2)/w)
	}
	for _, width := range widths {
		if width < own {
			e.files = append(e.files, file{name: widthName(e.name, width), width: width, height: height(width)})
		}
	}
	e.files = append(e.files, file{name: e.name, width: own, height: height(own)})
	p := &model.Photo{URL: "/" + e.name, Width: own, Height: height(own)}
	for i := range e.files {
		f := &e.files[i]
		f.key = cacheKey(e.sum, f.width, own, outFormat(e.name))
		p.Files = append(p.Files, model.PhotoFile{URL: "/" + f.name, Width: f.width, Height: f.height})
	}
	e.photo = p
}

// widthName is the name of the file of a photo at one width:
// "images/a.jpg" at 480 is "images/a-480w.jpg".
func widthName(name string, width int) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + strconv.Itoa(width) + "w" + ext
}

// outFormat is the format a photo is published in: PNG stays PNG (a chart,
// a scanned document), anything else is JPEG.
func outFormat(name string) string {
	if strings.EqualFold(path.Ext(name), ".png") {
		return "png"
	}
	return "jpeg"
}

// problem is an error on the photo's file: the build stops.
func (e *entry) problem(format string, args ...any) *diag.Problem {
	p := diag.New(diag.PhotoBroken, "static/"+e.name, 0, "", format, args...)
	p.Hint = "save the photo again as JPEG or PNG"
	return p
}

// unreadable is a warning on a file data that is no photo this package
// can resize: a WebP or HEIC named .jpg, a placeholder, a JPEG or PNG its
// decoder does not read, or one of more than maxPixels. It is published
// as any static file no page shows, through Strip, and the message says
// what that makes of it: a JPEG or PNG loses its metadata, anything else
// is published as it is.
func (e *entry) unreadable(data []byte, format string, args ...any) *diag.Problem {
	p := diag.New(diag.PhotoUnreadable, "static/"+e.name, 0, "", format, args...)
	if strips(data) {
		p.Message += "; it is published not resized, but without its metadata"
	} else {
		p.Message += "; it is published as it is, not resized and with any metadata it holds"
	}
	p.Hint = "save the photo again as JPEG or PNG"
	return p
}
