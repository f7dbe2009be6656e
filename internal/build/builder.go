package build

import (
	"context"
	"sync"
	"time"

	"bulletin/internal/assemble"
	"bulletin/internal/config"
	"bulletin/internal/content"
	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/photo"
	"bulletin/internal/render"
	"bulletin/internal/search"
)

// Builder prepares snapshots of one site and keeps, from one to the next,
// what a change leaves as it was: the settings, the parsed layouts, each
// file's decoded content, each body's HTML and the static files. Each
// kept result is a function of the files it came from, and Changes says
// which files changed, so a snapshot is what a cold build would make. It
// is safe for concurrent use, one Prepare or Look at a time (the others
// wait). The zero Builder
// keeps nothing beyond one build: what a one-off `bulletin build` needs.
type Builder struct {
	mu    sync.Mutex // one Prepare or Look at a time
	keep  bool       // a preview's Builder: keep what the next build reuses
	theme *Theme     // the theme the kept results came from
	todo  todo       // what the next Prepare must read again

	cfg         model.Config
	cfgProblems diag.List
	rnd         *render.Renderer // nil when the layouts have errors
	rndProblems diag.List
	loader      content.Loader
	md          markdownCache
	static      staticSet
	photos      *photo.Set // made on the first build
	began       time.Time  // when the last load started, for the store
	urls        assemble.URLs
	words       *search.Kept // the search index's words, as a one-off build's store keeps them

	// What a save of article bodies alone builds on (bodies.go): the
	// last snapshot, when it succeeded and nothing failed since.
	last *lastBuild

	// again holds the options of a Prepare that panicked, after which
	// the Builder kept nothing: Look prepares with them first
	// (internal.go).
	again *Options
}

// NewBuilder returns a Builder for the preview server: it holds the whole
// site in memory between builds.
func NewBuilder() *Builder { return &Builder{keep: true} }

// todo is what the next Prepare must look at again: the changes handed to
// the builds that have not yet applied them (one cancelled midway leaves
// its part here for the next).
type todo struct {
	config, layouts bool
	contentAll      bool
	content         []string
	staticAll       bool
	static          []string
}

func (t *todo) add(ch Changes) {
	t.config = t.config || ch.All || ch.Config
	t.layouts = t.layouts || ch.All || len(ch.Layouts) > 0
	t.contentAll = t.contentAll || ch.All
	t.content = append(t.content, ch.Content...)
	t.staticAll = t.staticAll || ch.All
	t.static = append(t.static, ch.Static...)
}

// Prepare builds a Snapshot of the site after ch: loaded, assembled and
// converted, ready to render any of its files. The first Prepare of a
// Builder reads everything, whatever ch says. On problems in the input it
// returns a *diag.ListError holding every problem, and the Builder keeps
// what it read, so the next Prepare after a fix reads only the fix.
func (b *Builder) Prepare(ctx context.Context, opt Options, ch Changes) (*Snapshot, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.prepareSafely(ctx, opt, ch)
}

func (b *Builder) prepare(ctx context.Context, opt Options, ch Changes) (*Snapshot, error) {
	start := time.Now()
	if opt.Theme == nil {
		opt.Theme = DefaultTheme
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if b.theme != opt.Theme {
		b.theme, ch.All = opt.Theme, true
	}
	b.todo.add(ch)
	if snap := b.bodies(ctx, opt, start); snap != nil {
		return snap, nil
	}
	b.last = nil // set again below if this build succeeds
	snap := &Snapshot{keep: b.keep, drafts: opt.Drafts}
	var problems diag.List
	step := func(name string, f func()) {
		t := time.Now()
		f()
		snap.Steps = append(snap.Steps, Step{name, time.Since(t)})
	}

	step("config", func() {
		if b.todo.config {
			b.cfg, b.cfgProblems = config.Load(opt.Source)
			b.todo.config = false
		}
		problems.Append(b.cfgProblems)
	})
	step("layouts", func() {
		if b.todo.layouts {
			b.rnd, b.rndProblems = render.New(opt.Theme.Layouts, sub(opt.Source, "layouts"))
			b.todo.layouts = false
		} else if b.rnd != nil {
			b.rnd.Forget() // partials rendered for the last snapshot's values
		}
		problems.Append(b.rndProblems)
	})
	var in assemble.Input
	step("content", func() {
		// A one-off build's loader keeps nothing, unless for its store:
		// the decoded files are the build's own (the markdown step
		// drops their sources).
		b.loader.Forgetful = !b.keep && !b.md.persist
		b.began = time.Now()
		if b.md.persist {
			b.md.reread = func(p string) ([]byte, error) { return b.loader.Markdown(ctx, opt.Source, b.cfg, p) }
		}
		var set *content.Set
		var ps diag.List
		if b.todo.contentAll {
			set, ps = b.loader.Load(ctx, opt.Source, b.cfg)
		} else {
			set, ps = b.loader.Update(ctx, opt.Source, b.cfg, b.todo.content)
		}
		b.todo.contentAll, b.todo.content = false, nil
		problems.Append(ps)
		in = assemble.Input{Articles: set.Articles, Projects: set.Projects, Docs: set.Docs}
		if opt.Loaded != nil {
			opt.Loaded(set.Bytes)
		}
	})
	// Assemble even when files failed to load: two good files on one URL
	// are reported in the same run as the broken ones.
	var site *model.Site
	step("assemble", func() {
		var ps diag.List
		ao := assemble.Options{Drafts: opt.Drafts, Future: opt.Future, Now: opt.Now}
		if b.keep {
			ao.URLs = &b.urls
		}
		site, ps = assemble.Site(b.cfg, in, ao)
		problems.Append(ps)
	})
	if err := stop(ctx, opt, problems); err != nil {
		return nil, err
	}
	step("static", func() {
		if b.todo.staticAll {
			snap.Static = b.static.scan(opt.Theme.Static, sub(opt.Source, "static"), b.keep)
		} else {
			snap.Static = b.static.update(opt.Theme.Static, opt.Source, b.todo.static)
		}
		b.todo.staticAll, b.todo.static = false, nil
	})
	if b.static.err != nil {
		return nil, b.static.err
	}
	problems.Append(b.static.problemList())
	photos := b.photoSite(opt, site, staticFS(b.static.files))
	step("markdown", func() { problems.Append(b.md.convert(ctx, site, photos, b.keep)) })
	snap.photos = photos
	var perr error
	step("photos", func() {
		photos.lead(site)
		snap.Static = photos.published(snap.Static)
		problems.Append(photos.unreadable())
		// The preview makes its photos now and keeps them in memory: a
		// browser asks for them at any time, while the next build may
		// have started on the Set. A one-off build makes them as it
		// writes (Snapshot.Write).
		if b.keep && len(problems.Errors()) == 0 {
			var ps diag.List
			ps, perr = snap.makePhotos(ctx)
			problems.Append(ps)
		}
	})
	if perr != nil {
		return nil, perr
	}
	if err := stop(ctx, opt, problems); err != nil {
		return nil, err
	}
	snap.Site, snap.rnd = site, b.rnd
	assets, err := b.static.fingerprinted()
	if err != nil {
		return nil, err
	}
	if err := snap.index(b.static.files, assets, opt.Fingerprint); err != nil {
		return nil, err
	}
	if err := siteImages(opt.Source, site.Config, snap); err != nil {
		if list := diag.AsList(err); list != nil {
			return nil, told(opt, list).Err() // with site.yaml's line shown
		}
		return nil, err
	}
	snap.Warnings = told(opt, problems.Warnings())
	snap.tell = func(ps diag.List) diag.List { return told(opt, ps) }
	snap.Time = time.Since(start)
	if b.keep {
		b.last = newLastBuild(snap, opt, problems)
	}
	return snap, nil
}
