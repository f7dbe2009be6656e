package content

import (
	"hash/fnv"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// Set is everything loaded from content/, each list sorted by path.
type Set struct {
	Articles []*model.Article
	Projects []*model.Project
	Docs     []*model.Doc
}

// Loader loads content and remembers each file's decoded result, keyed by
// path, hash of its bytes and time zone, so a rebuild after an edit only
// decodes the files that changed. The zero Loader is ready to use; it is
// safe for concurrent use.
type Loader struct {
	// Forgetful makes the Loader keep nothing between loads: a one-off
	// build then holds no second reference to every file's bytes.
	Forgetful bool

	mu      sync.Mutex
	cache   map[string]entry
	decoded int // files decoded (not taken from the cache) by the last Load
}

type entry struct {
	hash uint64
	zone string
	res  result
}

// Load is a one-off load with a fresh Loader.
func Load(fsys fs.FS, cfg model.Config) (*Set, diag.List) {
	return new(Loader).Load(fsys, cfg)
}

// Load reads every content file of the site rooted at fsys. It returns the
// files that decoded without error, and every problem of every file,
// sorted. The structs are fresh shallow copies on each call: later stages
// set fields on them (URL, Projects, ...) without touching the cache.
func (l *Loader) Load(fsys fs.FS, cfg model.Config) (*Set, diag.List) {
	loc := location(cfg)
	paths, probs := walk(fsys)
	results := make([]result, len(paths))
	var decoded atomic.Int64
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := range work {
				results[i] = l.file(fsys, paths[i], loc, &decoded)
			}
		})
	}
	for i := range paths {
		work <- i
	}
	close(work)
	wg.Wait()
	l.forget(paths, int(decoded.Load()))

	set := &Set{}
	for _, r := range results { // in path order, as walk sorted them
		for _, p := range r.probs {
			c := *p
			probs.Add(&c)
		}
		switch {
		case r.article != nil:
			a := *r.article
			set.Articles = append(set.Articles, &a)
		case r.project != nil:
			p := *r.project
			set.Projects = append(set.Projects, &p)
		case r.doc != nil:
			d := *r.doc
			set.Docs = append(set.Docs, &d)
		}
	}
	probs.Sort()
	return set, probs
}

// Decoded reports how many files the last Load decoded rather than took
// from the cache: for tests and the preview server's log.
func (l *Loader) Decoded() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.decoded
}

// file reads and decodes one file, or takes it from the cache.
func (l *Loader) file(fsys fs.FS, p string, loc *time.Location, decoded *atomic.Int64) result {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return fail(diag.Errorf(p, 0, "", "cannot read: %v", err))
	}
	h := fnv.New64a()
	h.Write(data)
	sum, zone := h.Sum64(), loc.String()

	l.mu.Lock()
	e, ok := l.cache[p]
	l.mu.Unlock()
	if ok && e.hash == sum && e.zone == zone {
		return e.res
	}
	res := decodeFile(p, sum, data, loc)
	decoded.Add(1)
	if l.Forgetful {
		return res
	}
	l.mu.Lock()
	if l.cache == nil {
		l.cache = make(map[string]entry)
	}
	l.cache[p] = entry{hash: sum, zone: zone, res: res}
	l.mu.Unlock()
	return res
}

// forget drops cached files that are gone, so the cache does not grow
// with every file ever renamed during a preview session.
func (l *Loader) forget(paths []string, decoded int) {
	keep := make(map[string]bool, len(paths))
	for _, p := range paths {
		keep[p] = true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for p := range l.cache {
		if !keep[p] {
			delete(l.cache, p)
		}
	}
	l.decoded = decoded
}

// location is the zone for dates written without one. A zero Config (in
// tests) means Vietnam's: UTC+7, which it has kept since 1975.
func location(cfg model.Config) *time.Location {
	if cfg.Location != nil {
		return cfg.Location
	}
	if loc, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return loc
	}
	return time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)
}
