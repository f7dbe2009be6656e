package build

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"io/fs"
	"regexp"
	"time"

	"bulletin/internal/content"
	"bulletin/internal/model"
)

// A page's signature hashes everything the layouts can show on it: the
// layouts themselves, the site settings and navigation, and the
// fingerprint of every article, project and term the page reaches. Two
// builds that give a page the same signature give it the same bytes, which
// is what lets the preview server skip it. The signatures follow what the
// default theme reaches; the rebuild tests compare an incremental build
// with a cold one to keep that true. A site's own layout may reach further
// (a "latest news" box over .Site.Articles on every page): when one of the
// site's layouts reads .Site beyond .Site.Config and .Site.Docs, every page
// is rendered on every build (siteWide).

// hasher feeds values to a 64-bit hash. The sums are compared only within
// one process (the preview's caches), so maphash, with its per-process
// seed and the processor's AES instructions, serves; fixed-width values
// go in as bytes rather than formatted text, which allocated on every call.
type hasher struct{ h maphash.Hash }

var hashSeed = maphash.MakeSeed()

func newHasher() *hasher {
	h := &hasher{}
	h.h.SetSeed(hashSeed)
	return h
}

func (h *hasher) str(s string) *hasher {
	h.h.WriteString(s)
	h.h.WriteByte(0xff) // separator: ("ab","c") ≠ ("a","bc"); 0xff is never in UTF-8
	return h
}

func (h *hasher) u64(v uint64) *hasher {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.h.Write(b[:])
	return h
}

func (h *hasher) int(v int) *hasher { return h.u64(uint64(v)) }

// time hashes the instant and the zone it is shown in.
func (h *hasher) time(t time.Time) *hasher {
	name, offset := t.Zone()
	return h.u64(uint64(t.Unix())).int(t.Nanosecond()).int(offset).str(name)
}

func (h *hasher) bool(b bool) *hasher {
	if b {
		return h.u64(1)
	}
	return h.u64(0)
}

func (h *hasher) sum() uint64 { return h.h.Sum64() }

func checksum(b []byte) uint64 { return content.Hash(b) }

type fingerprints struct {
	global   uint64
	articles map[*model.Article]uint64
	projects map[*model.Project]uint64
	terms    map[*model.Term]uint64
	all      map[string]uint64 // projects page and taxonomy pages
}

// codes is the hash of the link table the bodies were converted with: a
// body's HTML is a function of its file (Hash, Path), that table, the pages
// its links to other files name (Linked) and the settings, so hashing
// those stands for hashing the HTML itself.
func newFingerprints(s *model.Site, layouts, codes uint64) *fingerprints {
	c := s.Config
	g := newHasher().u64(layouts).u64(codes).str(c.Title).str(c.Description).str(c.BaseURL).
		str(c.Language).str(c.TimeZone).int(c.PageSize).int(c.FeedSize).bool(c.UnsafeHTML).bool(c.LinkCodes).
		bool(c.Thumbnails)
	// Every page may show .Site.Config and .Site.Docs (the theme lists the
	// stand-alone pages in its navigation; a site's layout may show more of
	// them): all of both is in every signature. Editing a stand-alone page
	// renders every page again; such edits are rare.
	for _, d := range s.Docs {
		g.str(d.URL).str(d.Title).u64(d.Hash).u64(d.Linked).time(d.Date).str(d.Summary)
	}
	fp := &fingerprints{
		global:   g.sum(),
		articles: make(map[*model.Article]uint64, len(s.Articles)),
		projects: make(map[*model.Project]uint64, len(s.Projects)),
		terms:    map[*model.Term]uint64{},
		all:      map[string]uint64{},
	}
	all := newHasher()
	for _, p := range s.Projects {
		h := newHasher().u64(p.Hash).u64(p.Linked).str(p.Path).str(p.Code).str(p.Title).str(p.URL).time(p.Date).
			str(p.Issuer).str(p.Period).int(len(p.Articles)).int(p.Outcomes())
		fp.projects[p] = h.sum()
		all.u64(h.sum())
	}
	fp.all["projects"] = all.sum()
	for _, t := range s.Taxonomies {
		all := newHasher().str(t.Key).str(t.Title).str(t.Label)
		for _, term := range t.Terms {
			h := newHasher().str(term.Name).str(term.URL).str(term.Role).int(len(term.Articles))
			fp.terms[term] = h.sum()
			all.u64(h.sum())
		}
		fp.all[t.Key] = all.sum()
	}
	for _, a := range s.Articles {
		h := newHasher().u64(a.Hash).u64(a.Linked).str(a.Path).str(a.URL).bool(a.Future).str(a.Summary)
		photoSum(h, a.Photo) // the lead photo's files: a photo replaced by one of another size shows otherwise
		for _, p := range a.Projects {
			// What an article shows of its documents, falling back to the
			// project's title and date where it gives none.
			h.str(p.URL).str(p.Code).str(p.Title).time(p.Date)
		}
		for _, t := range append([]*model.Term{a.TeamLeadT, a.UnitT}, a.TagsT...) {
			if t != nil {
				h.str(t.URL).str(t.Name)
			}
		}
		fp.articles[a] = h.sum()
	}
	return fp
}

func (fp *fingerprints) page(p *model.Page) uint64 {
	h := newHasher().u64(fp.global).str(p.Kind).str(p.URL).str(p.Title)
	if pg := p.Pager; pg != nil {
		h.int(pg.Number).int(pg.Total).str(pg.PrevURL).str(pg.NextURL).str(pg.FirstURL).str(pg.LastURL)
	}
	for _, a := range []*model.Article{p.Article, p.Prev, p.Next} {
		if a != nil {
			h.u64(fp.articles[a])
		} else {
			h.str("-")
		}
	}
	for _, a := range p.Articles {
		h.u64(fp.articles[a])
	}
	if p.Project != nil {
		h.u64(fp.projects[p.Project])
	}
	if p.Term != nil {
		h.u64(fp.terms[p.Term])
	}
	if p.Taxonomy != nil {
		h.u64(fp.all[p.Taxonomy.Key])
	}
	if p.Kind == model.KindProjects {
		h.u64(fp.all["projects"])
	}
	if p.Doc != nil {
		h.u64(p.Doc.Hash).u64(p.Doc.Linked).time(p.Doc.Date)
	}
	return h.sum()
}

// siteRef finds each use of .Site in a layout and what it reads.
var siteRef = regexp.MustCompile(`\.Site\b(\.\w+)?`)

// siteWide reports whether any layout in fsys (the site's own layouts/,
// nil when it has none) reads .Site beyond its settings and pages list. A
// file identical to the theme's is the theme's (this repository's own site
// is built from the theme's folder), whose reach the signatures follow.
func siteWide(fsys, theme fs.FS) bool {
	if fsys == nil {
		return false
	}
	wide := false
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || wide {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil
		}
		if same, err := fs.ReadFile(theme, name); err == nil && bytes.Equal(same, data) {
			return nil
		}
		for _, m := range siteRef.FindAllSubmatch(data, -1) {
			if f := string(m[1]); f != ".Config" && f != ".Docs" {
				wide = true
			}
		}
		return nil
	})
	return wide
}
