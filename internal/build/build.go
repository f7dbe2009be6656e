package build

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/model"
	"bulletin/internal/output"
	"bulletin/internal/par"
	"bulletin/internal/photo"
	"bulletin/internal/search"
	"bulletin/layouts"
	"bulletin/static"
)

// Options is one build's input and output.
type Options struct {
	Source fs.FS       // the site folder: site.yaml, content/, layouts/, static/
	Sink   output.Sink // where Build writes the files; unused by Builder.Prepare
	Theme  *Theme      // nil: the default theme built into the binary
	Drafts bool        // publish drafts
	Future bool        // publish articles dated after Now
	Now    time.Time   // zero: the clock
	// Fingerprint links stylesheets and scripts by names that carry a
	// hash of their bytes, so a server may let browsers keep them for a
	// year (bulletin build). The preview links the plain names, so that
	// a saved stylesheet is swapped into an open page without a reload.
	Fingerprint bool

	// Loaded, when not nil, is told the size in bytes of the content
	// files once they are loaded, before the pages are made: the command
	// line sets its memory limit from it.
	Loaded func(contentBytes int64)

	// PhotoCache is the folder resized photos are kept in between builds;
	// "": photo.DefaultCache().
	PhotoCache string

	// Store, when not "", is the file a one-off Build keeps each content
	// file decoded and each body converted in, for the next Build to take
	// back (store.go): `bulletin build` keeps one for each output folder
	// in the user's cache folder. "" keeps nothing. The preview's Builder holds them in memory instead.
	Store string
	// Restoring, when it is taking back Store (Restore; the path spelled
	// alike once cleaned), is waited for rather than Store read again.
	// Build waits for it in any case before it returns, used or not.
	Restoring *Restoring

	// Written, when not nil, is called by Build once every file is
	// written to Sink, with the result so far; its error is the
	// build's. It runs while the store is kept: `bulletin build` swaps
	// the new site in there, and the two, each on one processor, took
	// a fifth of a second each one after the other.
	Written func(*Result) error
}

// Theme is a set of default layouts and static files that a site's own
// layouts/ and static/ override file by file.
type Theme struct {
	Layouts fs.FS
	Static  fs.FS
}

// DefaultTheme is the theme in the repository's layouts/ and static/.
var DefaultTheme = &Theme{Layouts: layouts.FS, Static: static.FS}

// PlainFolders lists the folders of the output whose files get no
// compressed copy beside them (output.Dir.GzipSkip): the search index's documents,
// one small file for each article (about 4 KB), which a server compresses
// as it sends them (the README's nginx block does, with gzip on for JSON).
// Their copies were 10,000 of the 55,000 files of a 10,000-article site,
// and on a disk each file created costs more than its bytes.
func PlainFolders() []string { return []string{search.Dir + "d/"} }

// Step is one timed stage of a build.
type Step struct {
	Name string
	Time time.Duration
}

// Result tells what a build did.
type Result struct {
	Site     *model.Site
	Pages    map[string]int // HTML pages per kind
	Feeds    int            // feeds, sitemaps and robots.txt
	Static   int            // files copied from static/
	Photos   photo.Stats    // photos published: files written, made, taken from the cache
	Warnings diag.List
	Steps    []Step
	Time     time.Duration

	// What the build left out, unless Options asked for it: drafts, and
	// articles dated after Now (oldest first), so the summary can tell an
	// editor that a year typed wrong kept an article off the site.
	Drafts int
	Future []*model.ArticleFile

	// Restored is how many content files Build took back from
	// Options.Store; StoreErr why it took none, or could not keep this
	// build's (the build is whole either way).
	Restored int
	StoreErr error

	// Searched is how many of the search index's Documents had their
	// words read; the others' were taken as the last build kept them
	// (Options.Store).
	Searched, Documents int
}

// Build runs one cold build and writes every file of the site to
// opt.Sink. On problems in the input it returns a *diag.ListError holding
// every problem. Problems found while loading stop it before anything is
// written; a layout that fails on some page is found after other files
// went to the sink, so a caller discards the sink on any error
// (output.Dir.Abort).
//
// With opt.Store, it first takes back what the last build kept there,
// and once every file is written keeps what this one read: a store that
// cannot be read or written only makes the build read everything (the
// Result says how many files it took back).
func Build(ctx context.Context, opt Options) (*Result, error) {
	b := &Builder{}
	var restored []Step
	n, serr := 0, error(nil)
	if r := opt.Restoring; r != nil && !r.of(opt.Store) {
		// Not used, but waited for all the same: nothing handed to
		// Build goes on after it returns, and a panic there is not lost.
		defer r.Wait()
	}
	if opt.Store != "" {
		t := time.Now()
		r := opt.Restoring
		if r == nil || !r.of(opt.Store) {
			r = Restore(opt.Store, opt.Source)
		}
		r.Wait()
		b, n, serr = r.b, r.n, r.err
		b.md.persist = true
		// The time the build waited for it: all of it, or what was left
		// of it when it ran beside the checks before the build.
		restored = []Step{{"restore", time.Since(t)}}
	}
	snap, err := b.Prepare(ctx, opt, Everything)
	if err != nil {
		return nil, err
	}
	if opt.Store != "" {
		snap.search.Know(b.words)
		// Kept, as the pages' keys are made, only over an output a
		// build wrote (output.Reuser's Keyed), which is likely to be
		// built again: the words (5 MB at 10,000 articles) are made at
		// a cold build's peak of memory, the search index.
		if ru, ok := opt.Sink.(output.Reuser); ok && ru.Keyed() {
			snap.search.Keep()
		}
	}
	res, err := snap.Write(ctx, opt.Sink)
	if err != nil {
		return res, err
	}
	b.words = snap.search.Kept() // the store keeps the new words, not the old
	if opt.Store == "" {
		if opt.Written != nil {
			err = opt.Written(res)
		}
		return res, err
	}
	res.Steps = append(restored, res.Steps...)
	// The store is kept on a goroutine of a par.Group, so that a panic
	// there reaches this one (Wait) as it did when it was kept here, and
	// the "keep" step is its own time, not Written's: listed before
	// Written's steps (the swap), as when they came one after the other.
	var g par.Group
	var kerr error
	var kept time.Duration
	g.Go(func() {
		t := time.Now()
		kerr = b.save(opt.Store)
		kept = time.Since(t)
	})
	at := len(res.Steps)
	var werr error
	if opt.Written != nil {
		werr = opt.Written(res)
	}
	g.Wait()
	if kerr != nil && serr == nil {
		serr = kerr
	}
	res.Steps = slices.Insert(res.Steps, at, Step{"keep", kept})
	if werr != nil {
		return res, werr
	}
	if n > 0 {
		n = b.loader.Taken() // of the files kept, those still the same
	}
	res.Restored, res.StoreErr = n, serr
	return res, nil
}

// stop turns the problems so far into the build's error, or reports that
// the caller cancelled.
func stop(ctx context.Context, opt Options, problems diag.List) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if problems.Err() == nil {
		return nil
	}
	return told(opt, problems).Err()
}

// told puts problems in the form people read them: sorted, identical ones
// reported once with a count (a layout typo fails alike on every page),
// each with the text of its line, read back from the site or the theme.
func told(opt Options, problems diag.List) diag.List {
	problems = problems.Compact()
	problems.Quote(func(file string) ([]byte, bool) {
		data, err := input.ReadFile(context.Background(), opt.Source, file, input.DefaultLimit)
		if err != nil && opt.Theme != nil && opt.Theme.Layouts != nil && strings.HasPrefix(file, "layouts/") {
			data, err = input.ReadFile(context.Background(), opt.Theme.Layouts, strings.TrimPrefix(file, "layouts/"), input.DefaultLimit)
		}
		return data, err == nil
	})
	return problems
}

// sub is fs.Sub that yields nil when the folder does not exist, so a site
// without layouts/ or static/ simply uses the theme's.
func sub(fsys fs.FS, dir string) fs.FS {
	fi, err := fs.Stat(fsys, dir)
	if err != nil || !fi.IsDir() {
		return nil
	}
	s, err := input.Sub(fsys, dir) // fs.Sub's has no Stat: see input.Sub
	if err != nil {
		return nil
	}
	return s
}
