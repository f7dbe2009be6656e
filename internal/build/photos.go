package build

// The photos of a site: lead images and images in bodies that are JPEG or
// PNG files of static/ are published by the photo stage at a few widths,
// upright and without their metadata. The markdown step asks about each
// body image as it converts (markdown.Options.Image); the photo step then
// looks up the lead images and has every photo written, made now or taken
// from the cache.

import (
	"context"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"bulletin/internal/diag"
	"bulletin/internal/markdown"
	"bulletin/internal/model"
	"bulletin/internal/photo"
	"bulletin/internal/text"
)

// bodySizes is the sizes attribute of a photo in a body: the default
// theme's column (--measure, 46rem, less 1rem of padding each side), or
// the screen less those margins. It only helps the browser pick a width.
const bodySizes = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"

// photoSite answers, for one build, which images of the site are photos.
type photoSite struct {
	set   *photo.Set
	files staticFS
	base  string // the site's base path: "/" or "/kiem-tra/"
	site  *model.Site

	pagesOnce sync.Once
	pages     map[string]string // content file (NFC path) → its page's URL, site-relative

	mu       sync.Mutex
	problems map[string]*diag.Problem // photos that cannot be read, by name
	shown    map[string]*model.Photo  // every photo looked up, by its name under static/
}

// photoSite starts the photo stage for a build of s. The Builder keeps its
// photo.Set, which knows the photos of the last build.
func (b *Builder) photoSite(opt Options, s *model.Site, files staticFS) *photoSite {
	if b.photos == nil {
		dir := opt.PhotoCache
		if dir == "" {
			dir = photo.DefaultCache()
		}
		b.photos = photo.New(photo.Options{Cache: dir, Keep: b.keep})
	}
	b.photos.Start(files)
	return &photoSite{set: b.photos, files: files, base: s.Config.BasePath(), site: s, shown: map[string]*model.Photo{}}
}

// pageOf is the URL of the page that shows the body of file (an NFC
// path). The table is made on the first image written relative to its
// page: most sites have none.
func (ps *photoSite) pageOf(file string) (string, bool) {
	ps.pagesOnce.Do(func() {
		s := ps.site
		ps.pages = make(map[string]string, len(s.Articles)+len(s.Projects)+len(s.Docs))
		for _, a := range s.Articles {
			ps.pages[text.ComposeString(a.Path)] = a.URL
		}
		for _, p := range s.Projects {
			if p.File != nil {
				ps.pages[text.ComposeString(p.File.Path)] = p.URL
			}
		}
		for _, d := range s.Docs {
			ps.pages[text.ComposeString(d.Path)] = d.URL
		}
	})
	u, ok := ps.pages[file]
	return u, ok
}

// lookup returns the photo published for the static file name, or nil;
// a photo that cannot be read is kept as a problem of this build.
func (ps *photoSite) lookup(name string) *model.Photo {
	if ps.set == nil {
		return nil // a Look before any build made the Set
	}
	p, err := ps.set.Lookup(name)
	if p != nil {
		ps.mu.Lock()
		ps.shown[name] = p
		ps.mu.Unlock()
	}
	if err != nil {
		ps.mu.Lock()
		if ps.problems == nil {
			ps.problems = map[string]*diag.Problem{}
		}
		if pr, ok := err.(*diag.Problem); ok {
			ps.problems[name] = pr
		} else {
			ps.problems[name] = diag.New(diag.Read, "static/"+name, 0, "", "%v", err)
		}
		ps.mu.Unlock()
	}
	return p
}

// body is markdown.Options.Image: how the body of file shows the image at
// dest.
func (ps *photoSite) body(file, dest string) (markdown.Image, bool) {
	name, fromFile, ok := ps.resolve(file, dest)
	if !ok {
		return markdown.Image{}, false
	}
	if p := ps.lookup(name); p != nil {
		return markdown.Image{Src: ps.base + strings.TrimPrefix(p.URL, "/"), SrcSet: p.SrcSet(ps.base),
			Sizes: bodySizes, Width: p.Width, Height: p.Height}, true
	}
	if _, exists := ps.files[name]; fromFile && exists {
		// "../../../static/so-do.svg": the browser needs the site's URL.
		return markdown.Image{Src: ps.base + name}, true
	}
	return markdown.Image{}, false
}

// resolve finds the static file an image destination in the body of file
// names: written relative to the file, into static/ (fromFile); site-
// absolute, under the site's base path, as every root-relative link of
// the site is; or relative to the page, as the browser reads it.
func (ps *photoSite) resolve(file, dest string) (name string, fromFile, ok bool) {
	if name, ok := text.StaticLink(file, dest); ok {
		return name, true, true
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.Path == "" {
		return "", false, false
	}
	p := u.Path
	if strings.HasPrefix(p, "/") {
		rest, under := strings.CutPrefix(p, ps.base)
		if !under {
			return "", false, false // leads out of the site: check says so
		}
		p = "/" + rest
	} else {
		page, known := ps.pageOf(text.ComposeString(file))
		if !known {
			return "", false, false
		}
		p = path.Join(page, p)
	}
	name = text.ComposeString(strings.TrimPrefix(path.Clean(p), "/"))
	return name, false, name != "" && name != "."
}

// lead sets each article's photo and, when the site shows them, its
// thumbnail. The lead image is site-relative, as every field's URL.
func (ps *photoSite) lead(s *model.Site) {
	for _, a := range s.Articles {
		a.Photo, a.Thumbnail = nil, nil
		src := a.Image.Src
		if !strings.HasPrefix(src, "/") || strings.HasPrefix(src, "//") {
			continue
		}
		u, err := url.Parse(src)
		if err != nil {
			continue
		}
		a.Photo = ps.lookup(text.ComposeString(strings.TrimPrefix(path.Clean(u.Path), "/")))
		if a.Photo != nil && s.Config.Thumbnails {
			a.Thumbnail = &a.Photo.Files[0]
		}
	}
}

// published is changed, the static files whose bytes changed since the
// last build, with the files each changed photo among them is published
// as: its widths, made from the new photo under the names of the old.
// A page open in the preview shows one of those (the width its srcset
// picks) and, its own bytes being the same, learns of the new photo only
// from this list.
func (ps *photoSite) published(changed []string) []string {
	out := slices.Clip(changed)
	for _, name := range changed {
		p := ps.shown[name]
		if p == nil {
			continue
		}
		for _, f := range p.Files {
			if n := strings.TrimPrefix(f.URL, "/"); n != name {
				out = append(out, n)
			}
		}
	}
	return out
}

// unreadable lists the photos of this build that cannot be read: warnings
// for files published as they are, errors for files that cannot be.
func (ps *photoSite) unreadable() diag.List {
	var problems diag.List
	for _, p := range ps.problems {
		problems.Add(p)
	}
	return problems
}

// outputs lists the file names every photo of this build is published
// under, and the static files they take the place of.
func (ps *photoSite) outputs() (files, replaced map[string]bool) {
	files, replaced = map[string]bool{}, map[string]bool{}
	for name, p := range ps.shown {
		replaced[name] = true
		for _, f := range p.Files {
			files[strings.TrimPrefix(f.URL, "/")] = true
		}
	}
	return files, replaced
}

// make writes every photo of the build through write, made now or taken
// from the cache. Problems are photos whose data cannot be decoded, and a
// cache folder that cannot be written (a warning); the error, a failure
// to write.
func (ps *photoSite) make(ctx context.Context, write func(string, []byte) error) (photo.Stats, diag.List, error) {
	if ps.set == nil {
		return photo.Stats{}, nil, nil
	}
	st, err := ps.set.Make(ctx, write)
	problems := diag.AsList(err)
	if problems == nil && err != nil {
		return st, nil, err
	}
	if st.CacheErr != nil {
		p := diag.New(diag.PhotoCache, "", 0, "", "resized photos cannot be kept for the next build: %v", st.CacheErr)
		p.Hint = "set BULLETIN_CACHE_DIR to a folder bulletin may write in"
		problems.Add(p)
	}
	return st, problems, nil
}
