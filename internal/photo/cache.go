package photo

// The cache folder holds every file Make has made, named by its key, in
// sub-folders by the key's first two digits. It is never inside the site:
// nothing an editor wrote is touched, and the output stays only what the
// build wrote. Files appear whole (written aside, then renamed), so an
// interrupted build leaves no half file to be taken for a made one. It
// only grows; deleting it costs the next build the time to make the
// files again, nothing more.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
)

// quality is the JPEG quality of every file: photos of meetings and
// visits, where 82 is hard to tell from the original at a third of its
// size.
const quality = 82

// settings names everything besides the source bytes and the width that
// decides a file's bytes: the encoders, the resampling and this package's
// own way of using them. A new Go or x/image release may encode otherwise,
// so their versions are part of it: a cache made by another build of
// bulletin is not taken for this one's. The number goes up whenever this
// package makes other bytes of the same source: 3, every width carries
// the source's ICC profile (icc.go); 4, a PNG is turned by its eXIf
// orientation (a square one keeps its widths, so only this tells its
// files apart).
var settings = "bulletin photo 4; box by whole factors, then catmull-rom; jpeg q" + strconv.Itoa(quality) + "; png default; icc kept; " +
	runtime.Version() + "; x/image " + moduleVersion("golang.org/x/image")

func moduleVersion(path string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == path {
				return m.Version
			}
		}
	}
	return "unknown"
}

// cacheKey names one file: the source's hash, the width, the width of the
// largest file (the narrower ones are resized from it) and the format,
// under the settings.
func cacheKey(sum [sha256.Size]byte, width, largest int, format string) string {
	h := sha256.New()
	h.Write([]byte(settings))
	h.Write([]byte{0})
	h.Write(sum[:])
	fmt.Fprintf(h, "\x00%d\x00%d\x00%s", width, largest, format)
	return hex.EncodeToString(h.Sum(nil))[:40] + "." + format
}

// DefaultCache is where builds keep the photos they made unless told
// otherwise: $BULLETIN_CACHE_DIR/images when that is set, else bulletin/images
// in the user's cache folder (~/.cache/bulletin/images on Linux); "" when
// neither is known, and then nothing is kept.
func DefaultCache() string {
	if d := os.Getenv("BULLETIN_CACHE_DIR"); d != "" {
		return filepath.Join(d, "images")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "bulletin", "images")
}

func (s *Set) cachePath(key string) string {
	return filepath.Join(s.opt.Cache, key[:2], key)
}

// cached returns the file under key from memory or the cache folder.
func (s *Set) cached(key string) ([]byte, bool) {
	s.mu.Lock()
	data, ok := s.mem[key]
	s.mu.Unlock()
	if ok || s.opt.Cache == "" {
		return data, ok
	}
	data, err := os.ReadFile(s.cachePath(key))
	if err != nil || len(data) == 0 {
		return nil, false
	}
	return data, true
}

// store keeps a file made under key in the cache folder.
func (s *Set) store(key string, data []byte) error {
	if s.opt.Cache == "" {
		return nil
	}
	p := s.cachePath(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".made-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
