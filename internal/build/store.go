package build

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"bulletin/internal/config"
	"bulletin/internal/content"
	"bulletin/internal/markdown"
	"bulletin/internal/model"
	"bulletin/internal/output"
	"bulletin/internal/par"
	"bulletin/internal/search"
)

// The store is what a one-off build keeps for the next one (Options.Store:
// cmd/bulletin keeps one for each output folder in the user's cache
// folder): each content file as decoded, and its body as converted, with
// the stamp and hash of the file. The next build takes
// back each file whose stamp is unchanged (the status-change time, which
// no copy or touch can set back, included: content.Kept) and each
// conversion that is still right (mdEntry.fresh), and reads, decodes and
// converts only the rest. On the generator's 10,000 articles, that is
// most of what a rebuild after one new article spent on content/.
//
// The store is a cache: a file that is missing, unreadable, written by
// another program, not whole or damaged (storeEnd) is not used, and the build reads
// everything, as it would without one. It is written by encoding/gob, a
// header and then one record per file, so it is neither held whole in
// memory when written nor when read.

// storeHeader opens the store: the program that wrote it (whose decoder
// and converter made its values), the rules of the time zone its dates
// were read in, and how many records follow.
type storeHeader struct {
	Program string
	// The site's time zone and zoneRules of it. Under another zone, the
	// loader decodes every file again (content.Kept.Zone); under the
	// same name with other rules, nothing is taken back.
	ZoneName string
	Zone     uint64
	Files    int
	// Words: the search index's words follow the files (search.Kept).
	Words bool
}

// storedFile is one content file: as decoded, and its body as converted
// (nil when the build did not convert it: a draft, an article not out
// yet).
type storedFile struct {
	File content.Kept
	Body *storedBody
}

// storedBody is an mdEntry, under the code-link and HTML settings it was
// converted with.
type storedBody struct {
	Codes  bool
	Unsafe bool
	HTML   []byte // packedHTML
	Lead   string
	Links  []model.Link
	Linked uint64
	Pages  []markdown.PageLink
	Images []markdown.ImageUse
	Uses   markdown.CodeUses
	Flat   *markdown.Flat
}

// Restoring is a store being taken back for a Build (Options.Restoring).
type Restoring struct {
	path string
	g    par.Group // a panic there panics again in the Build that waits (Wait)
	b    *Builder
	n    int
	err  error
}

// Restore starts taking back the store at path, for the site at source,
// on a goroutine of its own: bulletin build starts it once it knows there
// is something to build, and the store (a 40 MB file decoded in a quarter
// of a second at 10,000 articles, a second at 50,000) is read while the
// output folder is checked and made ready on the other processor. A build
// that does not use it loses only that work.
func Restore(path string, source fs.FS) *Restoring {
	r := &Restoring{path: filepath.Clean(path), b: &Builder{}}
	r.g.Go(func() {
		cfg, _ := config.Load(source)
		if r.n, r.err = r.b.restore(path, cfg); r.err != nil {
			*r.b, r.n = Builder{}, 0 // nothing half taken back
		}
	})
	return r
}

// Wait waits until the store is taken back; a panic there panics again
// here, the first time. Build waits for the one it is handed; a caller
// that started one and then builds nothing (the output folder refused)
// waits for it itself, so that nothing of the build goes on after it.
func (r *Restoring) Wait() { r.g.Wait() }

// of reports whether r takes back the store at path, spelled alike once
// cleaned ("content/../public.store" is "public.store"). A store is a
// cache: which file it is only says how much a build reads again.
func (r *Restoring) of(path string) bool { return path != "" && r.path == filepath.Clean(path) }

// restore takes back what the build before kept in the store at path. An
// error says why nothing was taken: the build then reads everything.
func (b *Builder) restore(path string, cfg model.Config) (files int, err error) {
	self, err := program()
	if err != nil {
		return 0, err
	}
	// Looked at before it is opened: opening a named pipe waits for a
	// program to write into it, and the build would hang there.
	if fi, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return 0, nil
	} else if err == nil && !fi.Mode().IsRegular() {
		return 0, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	in := &summed{r: bufio.NewReaderSize(f, 1<<16), sum: crc32.NewIEEE()}
	dec := gob.NewDecoder(in)
	var h storeHeader
	if err := dec.Decode(&h); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if h.Program != self {
		return 0, fmt.Errorf("%s: written by another program", path)
	}
	if h.ZoneName == zoneName(cfg.Location) && h.Zone != zoneRules(cfg.Location) {
		return 0, fmt.Errorf("%s: written under other rules for the time zone %s (the zone database changed)", path, h.ZoneName)
	}
	kept := make([]content.Kept, 0, h.Files)
	bodies := make([]*storedBody, 0, h.Files)
	for range h.Files {
		var r storedFile
		if err := dec.Decode(&r); err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
		kept = append(kept, r.File)
		bodies = append(bodies, r.Body)
	}
	var words *search.Kept
	if h.Words {
		words = new(search.Kept)
		if err := dec.Decode(words); err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
	}
	sum := in.sum.Sum32()
	var end storeEnd
	if err := dec.Decode(&end); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if end.Sum != sum {
		return 0, fmt.Errorf("%s: damaged (its checksum is not that of its bytes)", path)
	}
	if err := b.loader.Restore(kept, cfg); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if b.md.entries == nil {
		b.md.entries = make(map[mdKey]*mdEntry, len(kept))
	}
	b.md.urls = nil // the stored entries' codes are looked at again
	for i := range kept {
		sb := bodies[i]
		if sb == nil {
			continue
		}
		e := &mdEntry{body: model.NewBody(packedHTML(sb.HTML), sb.Lead), pages: sb.Pages, images: sb.Images, codes: sb.Uses, flat: sb.Flat}
		e.body.Links, e.body.Linked = sb.Links, sb.Linked
		b.md.entries[mdKey{kept[i].Source(), sb.Codes, sb.Unsafe}] = e
	}
	b.words = words
	return len(kept), nil
}

// save writes the store for the next build: every file the loader holds
// from this build, and its body's conversion, with the time its load
// started (content.Loader.Keep). The file is written beside path and
// renamed over it, so a build that reads it finds the last whole store.
func (b *Builder) save(path string) (err error) {
	self, err := program()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	kept := b.loader.Keep(b.began)
	bodies := make(map[*model.Source]mdKey, len(b.md.entries))
	for k := range b.md.entries {
		bodies[k.source] = k
	}
	return output.WriteAside(path, func(out io.Writer) error {
		sum := crc32.NewIEEE()
		w := io.MultiWriter(out, sum)
		enc := gob.NewEncoder(w)
		if err := enc.Encode(storeHeader{Program: self, ZoneName: zoneName(b.cfg.Location),
			Zone: zoneRules(b.cfg.Location), Files: len(kept), Words: b.words != nil}); err != nil {
			return err
		}
		for i := range kept {
			r := storedFile{File: kept[i]}
			if k, ok := bodies[kept[i].Source()]; ok {
				e := b.md.entries[k]
				html, _ := e.body.Text().(packedHTML) // the conversion's own (convert)
				r.Body = &storedBody{Codes: k.codes, Unsafe: k.unsafe, HTML: html, Lead: e.body.Lead,
					Links: e.body.Links, Linked: e.body.Linked, Pages: e.pages, Images: e.images, Uses: e.codes, Flat: e.flat}
			}
			if err := enc.Encode(&r); err != nil {
				return err
			}
		}
		if b.words != nil {
			if err := enc.Encode(b.words); err != nil {
				return err
			}
		}
		return enc.Encode(storeEnd{Sum: sum.Sum32()})
	})
}

// storeEnd closes the store: the checksum (CRC-32) of every byte before
// it. A store whose bytes changed since it was written (a bit flipped on
// the disk, a hand that edited it) would still decode, a title or a
// search word changed in it, and the build would publish that: it is not
// used. Reading it costs a few milliseconds for 40 MB.
type storeEnd struct {
	Sum uint32
}

// summed is a reader that sums the bytes read through it. It is a
// ByteReader, so gob reads exactly the bytes of each record from it
// rather than reading ahead through a buffer of its own.
type summed struct {
	r   *bufio.Reader
	sum hash.Hash32
	one [1]byte
}

func (s *summed) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.sum.Write(p[:n])
	return n, err
}

func (s *summed) ReadByte() (byte, error) {
	c, err := s.r.ReadByte()
	if err == nil {
		s.one[0] = c
		s.sum.Write(s.one[:])
	}
	return c, err
}

// zoneName is the name the loader keys each file's zone by.
func zoneName(loc *time.Location) string {
	if loc == nil {
		return ""
	}
	return loc.String()
}

// zoneRules hashes the name of loc and the offsets it gives over the
// years a date can have. The zone database is the machine's, not the
// program's: an upgrade of it can change a zone's past offsets under the
// same name, and a date kept as the instant the old rules made of it
// would no longer be the date written (01/03/1960 at +08:00 is 29/02 at
// +07:00).
func zoneRules(loc *time.Location) uint64 {
	h := newHasher()
	if loc == nil {
		return h.sum()
	}
	h.str(loc.String())
	end := time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC)
	for t := time.Date(1900, 1, 1, 0, 0, 0, 0, loc); t.Before(end); {
		name, off := t.Zone()
		_, next := t.ZoneBounds()
		h.str(name).u64(uint64(int64(off))).u64(uint64(t.Unix()))
		if next.IsZero() {
			break // no change after t
		}
		t = next
	}
	return h.sum()
}
