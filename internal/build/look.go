package build

import (
	"context"
	"errors"
	"time"

	"bulletin/internal/assemble"
	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// Look is the site as a Builder holds it, with the text of one content
// file replaced: what the browser editor shows beside a form, and checks,
// before anything is saved.
type Look struct {
	// Site is the site assembled from the files that could be read; nil
	// when the settings have errors.
	Site *model.Site
	// Snapshot makes the site's files; nil when Problems holds errors.
	Snapshot *Snapshot
	// Problems are every problem found, errors and warnings, sorted: what
	// a build (or the warnings of one file, for check) reports.
	Problems diag.List
}

// ErrNotPrepared is Look's error on a Builder that has not prepared a
// site yet.
var ErrNotPrepared = errors.New("build: no site prepared yet")

// Look makes a snapshot from what the Builder kept at its last Prepare,
// with the content file at path read from data (and added when no such
// file exists; a path of "" replaces nothing), and opt's Drafts, Future
// and Now. It keeps nothing of it: the Builder's caches, and the
// snapshots it made, are as they were, so the next Prepare and every page
// of the preview are what they would have been without it. The snapshot
// renders with a Renderer of its own (render.Renderer.Fresh), and does
// not keep the files it makes. Look waits for a Prepare in progress.
// After a Prepare that panicked, which left the Builder with nothing kept,
// Look first reads the site again as the next Prepare would (prepareAgain).
func (b *Builder) Look(ctx context.Context, opt Options, path string, data []byte) (lk *Look, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			lk, err = nil, internalError(r) // Look changes nothing the Builder keeps
		}
	}()
	if err := b.prepareAgain(ctx); err != nil {
		return nil, err
	}
	if b.theme == nil {
		return nil, ErrNotPrepared
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	lk = &Look{}
	defer lk.Problems.Sort()
	lk.Problems.Append(b.cfgProblems)
	if b.cfgProblems.Err() != nil {
		return lk, nil
	}
	if opt.Theme == nil {
		opt.Theme = DefaultTheme
	}
	set, ps := b.loader.With(opt.Source, b.cfg, path, data)
	lk.Problems.Append(ps)
	in := assemble.Input{Articles: set.Articles, Projects: set.Projects, Docs: set.Docs}
	lk.Site, ps = assemble.Site(b.cfg, in, assemble.Options{Drafts: opt.Drafts, Future: opt.Future, Now: opt.Now})
	lk.Problems.Append(ps)
	lk.Problems.Append(b.rndProblems)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if lk.Problems.Err() != nil {
		return lk, nil
	}
	// The photos of the site as last prepared; one the unsaved text is
	// the first to show is published when the text is saved.
	photos := &photoSite{set: b.photos, files: staticFS(b.static.files), base: lk.Site.Config.BasePath(), site: lk.Site, shown: map[string]*model.Photo{}}
	lk.Problems.Append(b.md.look(ctx, lk.Site, photos))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	photos.lead(lk.Site)
	if lk.Problems.Err() != nil {
		return lk, nil
	}
	snap := &Snapshot{Site: lk.Site, rnd: b.rnd.Fresh(), photos: photos, drafts: opt.Drafts,
		tell: func(ps diag.List) diag.List { return told(opt, ps) }}
	if b.static.err != nil {
		return nil, b.static.err
	}
	if err := snap.index(b.static.files, nil, false); err != nil {
		if list := diag.AsList(err); list != nil {
			lk.Problems.Append(list)
			return lk, nil
		}
		return nil, err
	}
	snap.Warnings = lk.Problems.Warnings()
	lk.Snapshot = snap
	return lk, nil
}

// Page is the page the snapshot writes to the output file name, or nil
// when name is no page (a feed, a static file, nothing).
func (s *Snapshot) Page(name string) *model.Page {
	f, _ := s.lookup(name)
	return f.page
}
