package build

import (
	"context"
	"slices"
	"strings"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/markdown"
	"bulletin/internal/model"
)

// A save in the preview most often changes an article's body and nothing
// else: an editor writing. The site then assembles exactly as it did (the
// assembler reads the decoded frontmatter, never a body), so the preview
// need not assemble it again, nor list its pages: the articles saved get
// their new conversion on the site already assembled (Article.SetBody)
// and a new snapshot of that site is made, whose pages render from the
// new bodies when asked for. On 10,000 articles that is a few
// milliseconds where assembling is a hundred.
//
// It is exact by construction, not by a list of what layouts show: it is
// taken only when every input of the assembly is what it was (the same
// settings, layouts, static files, options and set of files, each
// article's frontmatter decoded to equal values, and a clock that has not
// reached Site.Until), and when the conversion of each body depends on
// nothing new (it shows only images the old body showed, so the photos
// published are the same). Otherwise Prepare runs whole.

// lastBuild is what the last successful Prepare of a preview Builder
// leaves for the next save.
type lastBuild struct {
	snap   *Snapshot
	drafts bool
	future bool
	fp     bool
	now    time.Time
	// troubled are the files the build reported a problem on: a save of
	// one of them goes the whole way, so that its problems are reported
	// as a cold build would.
	troubled map[string]bool
	// sources are the sources converted last, by path, where a save of
	// bodies alone made them (the articles still hold the older file).
	sources map[string]*model.Source
}

func newLastBuild(snap *Snapshot, opt Options, problems diag.List) *lastBuild {
	lb := &lastBuild{snap: snap, drafts: opt.Drafts, future: opt.Future, fp: opt.Fingerprint, now: opt.Now,
		troubled: map[string]bool{}, sources: map[string]*model.Source{}}
	for _, p := range problems {
		lb.troubled[p.File] = true
	}
	return lb
}

// bodies makes the snapshot of a save that changed article bodies alone,
// or returns nil when the save needs the whole of Prepare. It consumes
// b.todo only when it succeeds.
func (b *Builder) bodies(ctx context.Context, opt Options, start time.Time) *Snapshot {
	lb, t := b.last, &b.todo
	if lb == nil || !b.keep || b.rnd == nil || b.md.site != lb.snap.Site || !lb.holds(opt, t) {
		return nil
	}
	site := lb.snap.Site
	paths := slices.Compact(slices.Sorted(slices.Values(t.content)))
	// The saved articles, found in one pass over the site's: a map of
	// all 10,000 by path, made anew after each assembly, cost a save
	// that changed a frontmatter 6 ms before it went the whole way.
	articles := make([]*model.Article, len(paths))
	for _, a := range site.Articles {
		if i, ok := slices.BinarySearch(paths, a.Path); ok {
			articles[i] = a
		}
	}
	for i, p := range paths {
		if articles[i] == nil || lb.troubled[p] {
			return nil // a new file, a hidden one, a project or a page; or one with problems
		}
	}
	loadStart := time.Now()
	files, probs, ok := b.loader.Reread(ctx, opt.Source, b.cfg, paths)
	if !ok {
		return nil
	}
	for i, f := range files {
		if f == nil || len(probs[i]) > 0 || !model.SameFrontmatter(f, articles[i].ArticleFile) {
			return nil
		}
	}
	loaded := time.Since(loadStart)

	mdStart := time.Now()
	done, ok := b.reconvert(lb, articles, files)
	if !ok || ctx.Err() != nil {
		return nil
	}

	// Past here the save is taken: the bodies are swapped in, then the
	// cached partials (a card shows the summary) are dropped, so a
	// partial rendered after Forget reads the new body.
	for i, c := range done {
		a := articles[i]
		a.SetBody(&c.entry.body)
		delete(b.md.entries, c.old)
		b.md.entries[c.new] = c.entry
		lb.sources[a.Path] = c.new.source
	}
	b.rnd.Forget()
	t.content = nil
	last := lb.snap
	snap := &Snapshot{
		Site: site, Warnings: last.Warnings,
		rnd: last.rnd, photos: last.photos, photoFiles: last.photoFiles, photoStats: last.photoStats,
		search: last.search.Fresh(), tell: last.tell, files: last.files, names: last.names,
		keep: true, drafts: last.drafts,
	}
	snap.Steps = []Step{{"content", loaded}, {"markdown", time.Since(mdStart)}}
	snap.Time = time.Since(start)
	lb.snap = snap
	return snap
}

// holds reports whether the inputs of the last assembly are as they were
// for a build of opt after the changes t: no settings, layouts or static
// files changed, some content did, the options are the same, and the
// clock has not reached a time at which the site changes by itself.
func (lb *lastBuild) holds(opt Options, t *todo) bool {
	until := lb.snap.Site.Until
	return !t.config && !t.layouts && !t.contentAll && !t.staticAll && len(t.static) == 0 && len(t.content) > 0 &&
		opt.Drafts == lb.drafts && opt.Future == lb.future && opt.Fingerprint == lb.fp &&
		!opt.Now.Before(lb.now) && (until.IsZero() || opt.Now.Before(until))
}

// conversion is a saved body converted, with the cache keys of its old
// and new sources.
type conversion struct {
	old, new mdKey
	entry    *mdEntry
}

// reconvert converts each saved body as the whole build would, under the
// options made for this site, with the images its last conversion showed.
// ok is false when one needs more: an image it did not show (the photo
// step), a body shown flattened, a failure.
func (b *Builder) reconvert(lb *lastBuild, articles []*model.Article, files []*model.ArticleFile) (done []conversion, ok bool) {
	unsafe := lb.snap.Site.Config.UnsafeHTML
	for i, f := range files {
		a := articles[i]
		src := lb.sources[a.Path]
		if src == nil {
			src = &a.Source
		}
		old := mdKey{src, b.md.codes, unsafe}
		prev := b.md.entries[old]
		if prev == nil || prev.flat != nil {
			return nil, false
		}
		// An image the old body did not show is looked up as no image;
		// it is then among the conversion's images, which differ.
		opts := b.md.opts
		opts.Image = func(_, dest string) (markdown.Image, bool) {
			for _, iu := range prev.images {
				if iu.Dest == dest {
					return iu.Image, iu.OK
				}
			}
			return markdown.Image{}, false
		}
		e, p := convert(markdown.New(opts), &f.Source)
		if p != nil || e.flat != nil || !sameImages(e.images, prev.images) {
			return nil, false
		}
		done = append(done, conversion{old, mdKey{&f.Source, b.md.codes, unsafe}, e})
	}
	return done, true
}

// sameImages reports whether two conversions show the same images: the
// same destinations, each shown as it was.
func sameImages(a, b []markdown.ImageUse) bool {
	key := func(us []markdown.ImageUse) []markdown.ImageUse {
		out := slices.Clone(us)
		slices.SortFunc(out, func(x, y markdown.ImageUse) int { return strings.Compare(x.Dest, y.Dest) })
		return slices.Compact(out)
	}
	return slices.Equal(key(a), key(b))
}
