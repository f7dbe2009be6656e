package build

import (
	"bytes"
	"context"
	"runtime"
	"sync"

	"bulletin/internal/content"
	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/photo"
	"bulletin/internal/render"
)

// cache is what a Builder keeps from one build to the next.
type cache struct {
	loader   content.Loader
	md       map[mdKey]*mdEntry // body HTML by source and link table
	pages    map[string]pageEntry
	sums     map[string]uint64    // checksum of every file last written
	codes    uint64               // hash of the link table of the last conversion
	keep     bool                 // keep page bytes for reuse (preview server)
	feedsOut map[string]feedEntry // feeds last written, for reuse
	fp       *fingerprints        // of this build, once rendering starts; nil when nothing is reused
	photoSet *photo.Set           // made on the first build
}

type pageEntry struct {
	sig  uint64
	sum  uint64 // checksum of data, kept so a reused page is not hashed again
	data []byte
}

// NewIncremental returns a Builder that keeps each page's bytes and
// signature, so the next build renders only pages whose content changed.
// It holds the whole site in memory: meant for the preview server.
func NewIncremental() *Builder {
	return &Builder{cache: cache{keep: true}}
}

// render executes the layout of every page, in parallel, reusing the
// previous bytes of a page whose signature is unchanged.
// wide says a site layout reaches the whole site: no page may be reused.
func (c *cache) render(ctx context.Context, rnd *render.Renderer, s *model.Site, wide bool, w *writer, r *Result) error {
	var fp *fingerprints
	if c.keep && !wide {
		fp = newFingerprints(s, rnd.Hash(), c.codes)
	}
	c.fp = fp
	next := make(map[string]pageEntry, len(s.Pages))
	var mu sync.Mutex
	var rendered, reused int
	failed := make([]error, len(s.Pages)) // a layout failing on a page: reported all together
	err := parallel(ctx, len(s.Pages), func(i int) error {
		p := s.Pages[i]
		var sig uint64
		if fp != nil {
			sig = fp.page(p)
			if old, ok := c.pages[p.Path]; ok && old.sig == sig {
				mu.Lock()
				next[p.Path], reused = old, reused+1
				mu.Unlock()
				return w.put(p.Path, old.data, old.sum)
			}
		}
		var buf bytes.Buffer
		buf.Grow(16 << 10)
		if err := rnd.Page(&buf, p); err != nil {
			failed[i] = err
			return nil
		}
		data := buf.Bytes()
		sum := checksum(data)
		mu.Lock()
		rendered++
		if fp != nil {
			next[p.Path] = pageEntry{sig, sum, data}
		}
		mu.Unlock()
		return w.put(p.Path, data, sum)
	})
	if err != nil {
		return err
	}
	if err := gather(failed); err != nil {
		return err
	}
	for _, p := range s.Pages {
		r.Pages[p.Kind]++
	}
	r.Rendered, r.Reused = rendered, reused
	if c.keep {
		c.pages = next
	}
	return nil
}

// parallel runs f(0..n-1) on GOMAXPROCS workers and returns the error of
// the lowest index that failed, so the reported error does not depend on
// scheduling.
func parallel(ctx context.Context, n int, f func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	errs := make([]error, n)
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n || ctx.Err() != nil {
					return
				}
				errs[i] = f(i)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// gather turns the pages' errors into one: every problem, so an editor
// sees at once each page a layout fails on; an error that is no problem
// of the input is returned alone.
func gather(errs []error) error {
	var list diag.List
	for _, err := range errs {
		if err == nil {
			continue
		}
		ps := diag.AsList(err)
		if ps == nil {
			return err
		}
		list.Append(ps)
	}
	list.Sort()
	return list.Err()
}
