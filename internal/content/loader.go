package content

import (
	"context"
	"hash/crc32"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/model"
	"bulletin/internal/par"
)

// Set is everything loaded from content/, each list sorted by path. The
// values are the loader's own, shared with every later load that finds
// their files unchanged: no one changes them.
type Set struct {
	Articles []*model.ArticleFile
	Projects []*model.ProjectFile
	Docs     []*model.DocFile
	Bytes    int64 // the size of the content files, as their stamps give it
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
	decoded int      // files decoded (not taken from the cache) by the last Load
	taken   int      // files taken from the cache by the last Load
	last    *listing // what the last walk found, for Update
}

type entry struct {
	hash  uint64
	stamp stamp
	zone  string
	limit int64
	res   result
}

// Load is a one-off load with a fresh Loader.
func Load(fsys fs.FS, cfg model.Config) (*Set, diag.List) {
	return new(Loader).Load(context.Background(), fsys, cfg)
}

// Load reads every content file of the site rooted at fsys. It returns the
// files that decoded without error, and every problem of every file,
// sorted.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, cfg model.Config) (*Set, diag.List) {
	return l.load(ctx, fsys, cfg, nil, false)
}

// Update is Load told which site-relative paths under content/ changed
// since the last Load or Update of this Loader (files, or folders). Only
// those are looked at again; every other file is taken as it was, which
// is true when the paths come from watching the folders (the preview
// server). A file whose stamp is unknown (a link) is read again whatever
// the paths say.
func (l *Loader) Update(ctx context.Context, fsys fs.FS, cfg model.Config, changed []string) (*Set, diag.List) {
	return l.load(ctx, fsys, cfg, changed, true)
}

// load stops reading when ctx is done (the first Ctrl-C): the files not
// read yet are left out, and the caller, seeing ctx done, throws the
// result away.
func (l *Loader) load(ctx context.Context, fsys fs.FS, cfg model.Config, changed []string, known bool) (*Set, diag.List) {
	loc := location(cfg)
	limit := sizeLimit(cfg)
	var probs diag.List
	var (
		paths   []string
		stamps  map[string]stamp
		notRead diag.List
		ok      bool
	)
	if known {
		l.mu.Lock()
		last := l.last
		l.mu.Unlock()
		paths, stamps, notRead, ok = rewalk(fsys, last, changed)
	}
	if !ok {
		paths, stamps, notRead, probs = walk(fsys)
	}
	if !l.Forgetful {
		l.mu.Lock()
		l.last = nil
		if len(probs) == 0 { // a walk that could not read a folder is no base to build on
			l.last = &listing{paths, stamps, notRead}
		}
		l.mu.Unlock()
	}
	for _, w := range notRead {
		c := *w
		probs.Add(&c)
	}
	results := make([]result, len(paths))
	// Files whose stamps are those they had are taken from the cache in
	// one pass, under one lock: on a save, all but one of 10,000. The
	// others are read by the workers.
	todo := make([]int, 0, len(paths))
	zone := loc.String()
	var size int64
	l.mu.Lock()
	for i, p := range paths {
		st := stamps[p]
		size += st.size
		if e, ok := l.cache[p]; ok && e.zone == zone && e.limit == limit && st.known() && e.stamp == st {
			results[i] = e.res
			continue
		}
		todo = append(todo, i)
	}
	l.mu.Unlock()
	var decoded atomic.Int64
	work := make(chan int)
	var wg par.Group
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range work {
				wg.Do(func() { results[i] = l.file(ctx, fsys, paths[i], stamps[paths[i]], loc, limit, &decoded) })
			}
		})
	}
	for _, i := range todo {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	// The files that could not be read have no entry: a file that is
	// gone may keep one only while they do.
	missing := 0
	l.mu.Lock()
	for _, i := range todo {
		if _, ok := l.cache[paths[i]]; !ok {
			missing++
		}
	}
	l.mu.Unlock()
	l.forget(paths, missing, int(decoded.Load()))
	l.mu.Lock()
	l.taken = len(paths) - int(decoded.Load()) - missing
	l.mu.Unlock()
	return collect(size, results, probs)
}

// collect makes the Set of the files decoded into results, size bytes in
// all, and sorts every problem.
func collect(size int64, results []result, probs diag.List) (*Set, diag.List) {
	set := &Set{Bytes: size}
	for _, r := range results { // in path order, as walk sorted them
		for _, p := range r.probs {
			c := *p
			probs.Add(&c)
		}
		switch {
		case r.article != nil:
			set.Articles = append(set.Articles, r.article)
		case r.project != nil:
			set.Projects = append(set.Projects, r.project)
		case r.doc != nil:
			set.Docs = append(set.Docs, r.doc)
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

// Taken reports how many files the last Load took from the cache, by
// their stamps or their bytes: for a Loader given another process's files
// (Restore), how many of them it used.
func (l *Loader) Taken() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.taken
}

// file reads and decodes one file, or takes it from the cache: without
// reading it when its size and modification time are those it had, else
// when its bytes hash as they did.
//
// Only a regular file of at most limit bytes is read (see package input):
// a named pipe, a device or a huge file is an error on that file.
func (l *Loader) file(ctx context.Context, fsys fs.FS, p string, st stamp, loc *time.Location, limit int64, decoded *atomic.Int64) result {
	zone := loc.String()
	l.mu.Lock()
	e, ok := l.cache[p]
	l.mu.Unlock()
	ok = ok && e.zone == zone && e.limit == limit
	if ok && st.known() && e.stamp == st {
		return e.res
	}
	data, err := input.ReadFile(ctx, fsys, p, limit)
	if err != nil {
		if ok && ctx.Err() == nil {
			// The cache is the site as the last load read it: a file
			// it could not read has no entry (With, the editor's
			// preview, would show its last good text).
			l.mu.Lock()
			delete(l.cache, p)
			l.mu.Unlock()
		}
		return fail(input.Problem(p, err))
	}
	sum := Hash(data)
	if ok && e.hash == sum {
		l.mu.Lock()
		l.cache[p] = entry{hash: sum, stamp: st, zone: zone, limit: limit, res: e.res}
		l.mu.Unlock()
		return e.res
	}
	res := decodeFile(p, data, loc)
	decoded.Add(1)
	if l.Forgetful {
		return res
	}
	l.mu.Lock()
	if l.cache == nil {
		l.cache = make(map[string]entry)
	}
	l.cache[p] = entry{hash: sum, stamp: st, zone: zone, limit: limit, res: res}
	l.mu.Unlock()
	return res
}

// forget drops cached files that are gone, so the cache does not grow
// with every file ever renamed during a preview session, and a file put
// back is read again. missing is how many of paths have no entry.
func (l *Loader) forget(paths []string, missing, decoded int) {
	l.mu.Lock()
	l.decoded = decoded
	// Every listed file with an entry is in the cache: when the cache
	// holds no more than those, it holds no file that is gone, and a
	// save, which removes nothing, need not build the map of 10,000
	// paths below.
	exact := len(l.cache) == len(paths)-missing
	l.mu.Unlock()
	if exact {
		return
	}
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

// sizeLimit is the largest content file read: max_file_size, or input's
// default.
func sizeLimit(cfg model.Config) int64 {
	if cfg.MaxFileSize > 0 {
		return cfg.MaxFileSize
	}
	return input.DefaultLimit
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

// Hash is the version of a file's bytes that caches key on: two CRC-32s
// (Castagnoli and IEEE, both computed by the processor on amd64 and arm64)
// side by side, a 64-bit sum that costs a fraction of FNV on 10,000 files.
func Hash(data []byte) uint64 {
	return uint64(crc32.Checksum(data, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(data))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)
