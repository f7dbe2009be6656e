package build

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"sync"
	"time"

	"bulletin/internal/assemble"
	"bulletin/internal/config"
	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/output"
	"bulletin/internal/render"
	"bulletin/internal/search"
	"bulletin/layouts"
	"bulletin/static"
)

// Options is one build's input and output.
type Options struct {
	Source fs.FS       // the site folder: site.yaml, content/, layouts/, static/
	Sink   output.Sink // where the files go
	Theme  *Theme      // nil: the default theme built into the binary
	Drafts bool        // publish drafts
	Future bool        // publish articles dated after Now
	Now    time.Time   // zero: the clock

	// Loaded, when not nil, is told the size in bytes of the content
	// files once they are loaded, before the pages are made: the command
	// line sets its memory limit from it.
	Loaded func(contentBytes int64)

	// Changed, when not nil, lists the site-relative paths that changed
	// since this Builder's last build: the content of every other file is
	// taken as it was, unread and unstatted. The preview server knows it
	// from watching the folders. Nil: look at everything.
	Changed []string
}

// Theme is a set of default layouts and static files that a site's own
// layouts/ and static/ override file by file.
type Theme struct {
	Layouts fs.FS
	Static  fs.FS
}

// DefaultTheme is the theme in the repository's layouts/ and static/.
var DefaultTheme = &Theme{Layouts: layouts.FS, Static: static.FS}

// Step is one timed stage of a build.
type Step struct {
	Name string
	Time time.Duration
}

// Result tells what a build did.
type Result struct {
	Site     *model.Site
	Pages    map[string]int // HTML pages written per kind
	Feeds    int            // RSS and Atom feeds
	Static   int            // files copied from static/
	Rendered int            // pages rendered by a layout
	Reused   int            // pages whose previous bytes were still right
	Changed  []string       // files whose bytes differ from the previous build of this Builder
	Warnings diag.List
	Steps    []Step
	Time     time.Duration
}

// Build runs one cold build.
func Build(ctx context.Context, opt Options) (*Result, error) {
	b := new(Builder)
	b.cache.loader.Forgetful = true
	return b.Build(ctx, opt)
}

// Builder runs builds and keeps what the next build can reuse. It is not
// safe for concurrent use: one build at a time.
type Builder struct {
	cache cache

	// pending gathers Options.Changed until a build has loaded the
	// content, so no change is lost to a build that stopped before.
	pending []string
	unknown bool // a build was told nothing of what changed: walk again
}

// Build runs the pipeline. On problems in the input it returns a
// *diag.ListError holding every problem. Problems found while loading
// stop it before anything is written; a layout that fails on one page, or
// a static file that collides, is found after some files went to the
// sink, so a caller discards the sink on any error (output.Dir.Abort,
// or the server keeping its previous Memory).
func (b *Builder) Build(ctx context.Context, opt Options) (*Result, error) {
	start := time.Now()
	if opt.Theme == nil {
		opt.Theme = DefaultTheme
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	r := &Result{Pages: map[string]int{}}
	var problems diag.List
	step := func(name string, f func()) {
		t := time.Now()
		f()
		r.Steps = append(r.Steps, Step{name, time.Since(t)})
	}

	// What changed since the content was last loaded: this build's
	// changes and those of builds that stopped before loading it.
	b.pending = append(b.pending, opt.Changed...)
	b.unknown = b.unknown || opt.Changed == nil
	changed := b.pending
	if b.unknown {
		changed = nil
	} else if changed == nil {
		changed = []string{}
	}

	var cfg model.Config
	step("config", func() {
		var ps diag.List
		cfg, ps = config.Load(opt.Source)
		problems.Append(ps)
	})
	var rnd *render.Renderer
	step("layouts", func() {
		var ps diag.List
		rnd, ps = render.New(opt.Theme.Layouts, sub(opt.Source, "layouts"))
		problems.Append(ps)
	})
	var in assemble.Input
	step("content", func() {
		set, ps := b.cache.loader.LoadChanged(opt.Source, cfg, changed)
		b.pending, b.unknown = nil, false
		problems.Append(ps)
		if set != nil {
			in = assemble.Input{Articles: set.Articles, Projects: set.Projects, Docs: set.Docs}
			if opt.Loaded != nil {
				opt.Loaded(set.Bytes)
			}
		}
	})
	// Assemble even when files failed to load: two good files on one URL
	// are reported in the same run as the broken ones.
	var site *model.Site
	step("assemble", func() {
		var ps diag.List
		site, ps = assemble.Site(cfg, in, assemble.Options{Drafts: opt.Drafts, Future: opt.Future, Now: opt.Now})
		problems.Append(ps)
	})
	if err := stop(ctx, problems); err != nil {
		return nil, err
	}
	step("markdown", func() { problems.Append(b.cache.markdown(ctx, site)) })
	if err := stop(ctx, problems); err != nil {
		return nil, err
	}
	r.Site, r.Warnings = site, problems.Warnings()

	w := &writer{sink: opt.Sink, prev: b.cache.sums, sums: map[string]uint64{}}
	var err error
	wide := siteWide(sub(opt.Source, "layouts"), opt.Theme.Layouts)
	step("render", func() { err = b.cache.render(ctx, rnd, site, wide, w, r) })
	if err == nil {
		step("feeds", func() { err = b.cache.feeds(site, w, r) })
	}
	if err == nil {
		step("search", func() { err = search.Write(site, w.write) })
	}
	if err == nil {
		step("static", func() { err = copyStatic(opt.Theme.Static, sub(opt.Source, "static"), w, r) })
	}
	if err != nil {
		return nil, err
	}
	r.Changed = w.changed()
	b.cache.sums = w.sums
	r.Time = time.Since(start)
	return r, nil
}

// stop turns the problems so far into the build's error, or reports that
// the caller cancelled.
func stop(ctx context.Context, problems diag.List) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	problems.Sort()
	return problems.Err()
}

// sub is fs.Sub that yields nil when the folder does not exist, so a site
// without layouts/ or static/ simply uses the theme's.
func sub(fsys fs.FS, dir string) fs.FS {
	fi, err := fs.Stat(fsys, dir)
	if err != nil || !fi.IsDir() {
		return nil
	}
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return s
}

// writer hands files to the sink and remembers a checksum of each, so a
// Builder can tell the preview server which files changed.
type writer struct {
	sink output.Sink
	prev map[string]uint64
	mu   sync.Mutex
	sums map[string]uint64
}

func (w *writer) write(name string, data []byte) error {
	return w.put(name, data, checksum(data))
}

// put writes data whose checksum is already known.
func (w *writer) put(name string, data []byte, sum uint64) error {
	if err := w.sink.Write(name, data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	w.mu.Lock()
	w.sums[name] = sum
	w.mu.Unlock()
	return nil
}

func (w *writer) changed() []string {
	var out []string
	for name, sum := range w.sums {
		if old, ok := w.prev[name]; !ok || old != sum {
			out = append(out, name)
		}
	}
	for name := range w.prev {
		if _, ok := w.sums[name]; !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
