package build

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/output"
	"bulletin/internal/par"
	"bulletin/internal/photo"
	"bulletin/internal/render"
	"bulletin/internal/search"
)

// Snapshot is a site loaded, assembled and converted, with its layouts:
// every file of the output can be made from it, and nothing made from it
// can be stale, since it is made from this snapshot only (or, once a
// preview Builder has given its articles newer bodies, from those: see
// bodies.go). A one-off build
// writes every file (Write); the preview server makes the file a browser
// asks for (File), so a save costs the load of the saved file and the
// assembly of the site, whatever the layouts show.
type Snapshot struct {
	Site     *model.Site
	Warnings diag.List
	Steps    []Step        // of Prepare
	Time     time.Duration // of Prepare
	// Static lists the static files (by published name) whose bytes
	// differ from the Builder's previous snapshot, and the widths of each
	// such photo: a page swaps such a stylesheet or image in without
	// reloading.
	Static []string

	rnd        *render.Renderer
	photos     *photoSite        // the photos this build publishes
	photoFiles map[string][]byte // their files, made in Prepare (the preview); nil: Write makes them
	photoStats photo.Stats
	search     *search.Index

	tell   func(diag.List) diag.List // puts problems in the form people read them (told)
	files  map[string]file           // every output file by name
	names  func() []string           // sorted, once asked for
	keep   bool                      // memoize what File makes (the preview)
	drafts bool                      // drafts are published
	memo   sync.Map                  // name → *made
}

// file is how one output file is made: a page by its layout, a generated
// file, one width of a photo, or a static file copied.
type file struct {
	page   *model.Page
	gen    func() ([]byte, error)
	photo  bool
	search bool // a file of the search index
	static *staticFile
	ownGz  bool // a static file the site ships compressed too (precompressed)
}

type made struct {
	once sync.Once
	data []byte
	err  error
}

// index lists every output file and refuses a static file that would
// replace a page, a generated file or a photo's width. A photo's original
// is published as its largest width, in its place. Stylesheets and
// scripts are listed under their fingerprinted names too (assets); pages
// link those when the build fingerprints (fingerprint), and the preview
// serves them either way.
func (s *Snapshot) index(static map[string]staticFile, assets map[string]string, fingerprint bool) error {
	// The search index's files are named from the site's counts; its
	// documents are ordered and read when the first file is asked for
	// (the preview: when a reader searches) or written all at once
	// (Write).
	s.search = search.New(s.Site)
	// The pages are found in the site's list, sorted by path, and the
	// index's files by their names (lookup): only the other files are
	// listed here. The 40,000 entries of every page and index file were
	// a tenth of a preview save's build on 10,000 articles.
	s.files = make(map[string]file, len(static)+256)
	for _, g := range generatedFiles(s.Site, s.fullText) {
		if !s.search.Has(g.name) { // the index's own files come first
			s.files[g.name] = file{gen: g.make}
		}
	}
	photos, replaced := s.photos.outputs()
	if f, ok := static["robots.txt"]; ok && f.site {
		// The site's own robots.txt replaces the generated one: a site
		// may have to keep crawlers off a part of it.
		delete(s.files, "robots.txt")
	}
	for name := range photos {
		s.files[name] = file{photo: true}
	}
	var problems diag.List
	under := folders(s.files) // of the generated files and the photos'
	for name, f := range static {
		if replaced[name] {
			continue
		}
		if _, taken := s.lookup(name); taken {
			problems.Add(diag.New(diag.StaticClash, "static/"+name, 0, "", "this file would replace the generated %s", name))
			continue
		}
		if name == output.Marker {
			problems.Add(diag.New(diag.StaticClash, "static/"+name, 0, "", "this file would replace the list of the files the build writes (%s): rename it", output.Marker))
			continue
		}
		if clash, page := s.folderClash(name, under); page != nil && page.Kind == model.KindRedirect && page.Article != nil {
			p := diag.New(diag.StaticClash, page.Article.Path, aliasLine(page), "aliases",
				"the old URL %s lies under %s, a file of static/: no page can be there", page.URL, "/"+name)
			p.Hint = "remove it from aliases:, or rename static/" + name
			p.Vi = "Địa chỉ cũ " + page.URL + " (trong danh sách địa chỉ cũ của bài) nằm dưới tệp /" + name +
				" của thư mục static, nên không trang nào đặt được ở đó: hãy bỏ nó khỏi danh sách địa chỉ cũ, hoặc nhờ người quản trị."
			problems.Add(p)
			continue
		} else if clash != "" {
			problems.Add(diag.New(diag.StaticClash, "static/"+name, 0, "",
				"this file and the site's %s would make one name both a file and a folder: rename the file", clash))
			continue
		}
		s.files[name] = file{static: &f}
		if fp, ok := assets[name]; ok {
			s.files[fp] = file{static: &f}
		}
	}
	problems.Append(s.precompressed(static))
	if fingerprint {
		s.Site.Assets = make(map[string]string, len(assets))
		for name, fp := range assets {
			s.Site.Assets["/"+name] = "/" + fp
		}
	}
	problems.Sort()
	if err := problems.Err(); err != nil {
		return err
	}
	s.names = sync.OnceValue(func() []string {
		names := make([]string, 0, len(s.files)+len(s.Site.Pages)+s.search.Files())
		for n := range s.files {
			names = append(names, n)
		}
		for _, n := range s.search.Names() {
			if _, ok := s.files[n]; !ok { // a photo of that name
				names = append(names, n)
			}
		}
		for _, p := range s.Site.Pages {
			if !s.shadowed(p.Path) {
				names = append(names, p.Path)
			}
		}
		slices.Sort(names)
		return names
	})
	return nil
}

// folderClash is a file of the site's that makes the static file name a
// folder, or a generated file that is a folder of name; "" when none. The
// output folder would hold both only in a file system that holds neither:
// a build failed there with the file system's words, naming the staging
// folder. under holds the folders of the generated files and photos, each
// with the first file in it. page is the page of the file, when it is one.
func (s *Snapshot) folderClash(name string, under map[string]string) (clash string, page *model.Page) {
	ps := s.Site.Pages // sorted by path
	i, _ := slices.BinarySearchFunc(ps, name+"/", func(p *model.Page, n string) int { return strings.Compare(p.Path, n) })
	if i < len(ps) && strings.HasPrefix(ps[i].Path, name+"/") {
		return ps[i].Path, ps[i]
	}
	if f, ok := s.search.Under(name); ok {
		return f, nil
	}
	if f, ok := under[name]; ok {
		return f, nil
	}
	for p := path.Dir(name); p != "."; p = path.Dir(p) {
		if f, taken := s.lookup(p); taken && f.static == nil {
			return p, f.page
		}
	}
	return "", nil
}

// aliasLine is the line of the old URL a redirect page stands at, in its
// article's aliases:.
func aliasLine(p *model.Page) int {
	for _, al := range p.Article.Aliases {
		if al.URL == p.URL {
			return al.Line
		}
	}
	return p.Article.Line("aliases")
}

// folders maps each folder of the files named to the first of them in it
// (the first in order of names, so that an error names the same file
// every time), through every level.
func folders(files map[string]file) map[string]string {
	under := map[string]string{}
	for n := range files {
		for p := path.Dir(n); p != "."; p = path.Dir(p) {
			if f, ok := under[p]; !ok || n < f {
				under[p] = n
			}
		}
	}
	return under
}

// lookup finds how the output file name is made: as a photo, a generated
// or a static file (listed by index), as a file of the search index, or
// as a page, in that order.
func (s *Snapshot) lookup(name string) (file, bool) {
	if f, ok := s.files[name]; ok {
		return f, true
	}
	if s.search.Has(name) {
		return file{search: true}, true
	}
	ps := s.Site.Pages // sorted by path (assemble), each path once
	if i, ok := slices.BinarySearchFunc(ps, name, func(p *model.Page, n string) int { return strings.Compare(p.Path, n) }); ok {
		return file{page: ps[i]}, true
	}
	return file{}, false
}

// shadowed reports whether a page on name is made as another file: one
// listed by index, or one of the search index.
func (s *Snapshot) shadowed(name string) bool {
	_, listed := s.files[name]
	return listed || s.search.Has(name)
}

// Names lists every output file, sorted.
func (s *Snapshot) Names() []string { return s.names() }

// Has reports whether the site has an output file name.
func (s *Snapshot) Has(name string) bool {
	_, ok := s.lookup(name)
	return ok
}

// File makes the output file name. ok is false when the site has no such
// file. A layout failing on the page is a *diag.ListError.
func (s *Snapshot) File(name string) (data []byte, ok bool, err error) {
	f, ok := s.lookup(name)
	if !ok {
		return nil, false, nil
	}
	if !s.keep {
		data, err = s.make(name, f)
		return data, true, err
	}
	m, _ := s.memo.LoadOrStore(name, &made{})
	mm := m.(*made)
	mm.once.Do(func() { mm.data, mm.err = s.make(name, f) })
	return mm.data, true, mm.err
}

func (s *Snapshot) make(name string, f file) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, internalError(r)
		}
	}()
	switch {
	case f.page != nil:
		var buf bytes.Buffer
		buf.Grow(16 << 10)
		if err := s.rnd.Page(&buf, f.page); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	case f.gen != nil:
		return f.gen()
	case f.search:
		data, _ := s.search.File(name)
		return data, nil
	case f.photo:
		if data, ok := s.photoFiles[name]; ok {
			return data, nil
		}
		return nil, fmt.Errorf("photo %s: made only by Write in a one-off build", name)
	default:
		data, err := f.static.read()
		if err == nil && photo.Strippable(name) {
			// A JPEG or PNG no page shows as a photo (a download, a
			// logo) is published without its metadata: no GPS position
			// leaves the site.
			data = photo.Strip(data)
		}
		return data, err
	}
}

// makePhotos makes every photo file of the snapshot now and keeps it.
func (s *Snapshot) makePhotos(ctx context.Context) (diag.List, error) {
	var mu sync.Mutex
	files := map[string][]byte{}
	st, problems, err := s.photos.make(ctx, func(name string, data []byte) error {
		mu.Lock()
		files[name] = data
		mu.Unlock()
		return nil
	})
	s.photoFiles, s.photoStats = files, st
	return problems, err
}

// Summary counts the files the snapshot makes, by kind, as a Result of
// its preparation.
func (s *Snapshot) Summary() *Result {
	r := &Result{Site: s.Site, Pages: map[string]int{}, Warnings: s.Warnings, Steps: s.Steps, Time: s.Time, Photos: s.photoStats}
	for _, f := range s.Site.Hidden {
		if f.Draft && !s.drafts {
			r.Drafts++
		} else {
			r.Future = append(r.Future, f)
		}
	}
	for _, f := range s.files {
		switch {
		case f.gen != nil:
			r.Feeds++
		case f.static != nil:
			r.Static++
		}
	}
	for _, p := range s.Site.Pages {
		if !s.shadowed(p.Path) {
			r.Pages[p.Kind]++
		}
	}
	return r
}

// Write makes every file and writes it to sink, pages first, in
// parallel. Every page a layout fails on is reported together.
func (s *Snapshot) Write(ctx context.Context, sink output.Sink) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, internalError(r)
		}
	}()
	r := s.Summary()
	r.Steps = slices.Clone(r.Steps)
	start := time.Now()
	var pages, gens, index, photos, statics []string
	for _, n := range s.Names() {
		switch f, _ := s.lookup(n); {
		case f.page != nil:
			pages = append(pages, n)
		case f.gen != nil:
			gens = append(gens, n)
		case f.search:
			index = append(index, n)
		case f.photo:
			photos = append(photos, n)
		default:
			statics = append(statics, n)
		}
	}
	for _, st := range []struct {
		name  string
		files []string
	}{{"render", pages}, {"feeds", gens}, {"search", index}, {"photos", photos}, {"copy", statics}} {
		t := time.Now()
		if st.name == "feeds" && !s.keep {
			// The pages are written: the partials rendered for them
			// (a card and a row for each article, 23 MB at 10,000
			// articles) are needed by neither the feeds (a few dozen
			// entries, rendered again) nor the index. Kept, they
			// were the peak of a one-off build's memory, reached
			// while the sitemaps were made.
			s.rnd.Forget()
		}
		var err error
		switch {
		case st.name == "search":
			// Each document read once, its chunk written as it is read,
			// or linked in when the last build wrote it from the same
			// key.
			var keyed search.Keyed
			if ru, ok := sink.(output.Reuser); ok && ru.Keyed() {
				keyed = programKeyed{ru}
			}
			err = s.search.WriteKeyed(sink.Write, keyed)
			r.Searched, r.Documents = s.search.Read(), s.search.Documents()
		case st.name == "photos" && s.photoFiles == nil:
			err = s.writePhotos(ctx, sink, r)
		default:
			err = s.writeAll(ctx, sink, st.files)
		}
		if err != nil {
			return nil, err
		}
		r.Steps = append(r.Steps, Step{st.name, time.Since(t)})
	}
	r.Time = s.Time + time.Since(start)
	return r, nil
}

// writePhotos makes the photos of a one-off build, each straight to the
// sink: a site's photos are not all held in memory at once.
func (s *Snapshot) writePhotos(ctx context.Context, sink output.Sink, r *Result) error {
	st, problems, err := s.photos.make(ctx, sink.Write)
	r.Photos = st
	if err != nil {
		return err
	}
	if err := problems.Err(); err != nil {
		return err
	}
	r.Warnings = append(slices.Clone(r.Warnings), problems...)
	return nil
}

// writeAll makes and writes names in parallel. The problems of every page
// are gathered; any other error stops the writing.
func (s *Snapshot) writeAll(ctx context.Context, sink output.Sink, names []string) error {
	failed := make([]error, len(names))
	err := par.Each(ctx, len(names), func(_, i int) error {
		var err error
		if f, _ := s.lookup(names[i]); f.page != nil && !s.keep {
			// A one-off build keeps nothing it made: the page goes
			// from the renderer's buffer to the sink, made into no
			// buffer of its own (those were 440 MB of the 2.8 GB a
			// 10,000-article build allocated). A page the last build
			// made from the same key is not made again (reuse.go).
			var done bool
			if done, err = s.reuse(sink, names[i], f.page); !done && err == nil {
				err = s.rnd.Page(sinkFile{sink, names[i]}, f.page)
			}
		} else {
			var data []byte
			if data, _, err = s.File(names[i]); err == nil {
				if pc, ok := sink.(output.Precompressed); ok && f.ownGz {
					err = pc.WriteAlone(names[i], data) // the site ships its own copy (precompressed.go)
				} else {
					err = sink.Write(names[i], data)
				}
			}
		}
		if diag.AsList(err) != nil {
			failed[i], err = err, nil
		}
		return err
	})
	if err != nil {
		return err
	}
	return s.gather(failed)
}

// sinkFile is one file of a sink as an io.Writer, for render.Page, which
// writes a page whole in one Write or not at all.
type sinkFile struct {
	sink output.Sink
	name string
}

func (f sinkFile) Write(data []byte) (int, error) {
	if err := f.sink.Write(f.name, data); err != nil {
		return 0, err
	}
	return len(data), nil
}

// gather turns the pages' errors into one: every problem, so an editor
// sees at once each page a layout fails on, and one typo failing alike on
// every page is one problem with a count.
func (s *Snapshot) gather(errs []error) error {
	var list diag.List
	for _, err := range errs {
		if err != nil {
			list.Append(diag.AsList(err))
		}
	}
	if list.Err() == nil {
		return nil
	}
	return s.tell(list).Err()
}
