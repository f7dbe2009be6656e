package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/model"
)

// Renderer holds the parsed layouts of a theme merged with a site's own.
// It is safe for concurrent use.
type Renderer struct {
	kinds  map[string]*kind   // by page kind
	common *template.Template // base and partials, never executed: partialCached's set
	files  map[string]file    // by path relative to layouts/
	hash   uint64

	mu       sync.Mutex
	bound    map[string]map[string]*template.Template // base URL → kind → set
	partials map[string]*template.Template            // base URL → base and partials, bound
	keyFuncs map[string]map[string]reflect.Value      // base URL → the functions, for Key
	memo     atomic.Pointer[memo]
	sites    atomic.Pointer[map[*string]*memberSite] // for Key: replay_values.go's memberAt
}

// kind is the template set that renders one page kind.
type kind struct {
	set   *template.Template // never executed, so it can be cloned
	entry string             // the template to execute: base.html or the kind file
}

// file is one layout file and where it came from.
type file struct {
	path string // relative to layouts/, e.g. "partials/card.html"
	data []byte
	site bool // from the site's layouts/, not the theme
}

// baseFile is the page skeleton every kind builds on.
const baseFile = "base.html"

// New parses the layouts. theme is the default theme (layouts/ of the repo,
// embedded); site is the site's own layouts/ folder (may be nil). A file in
// site replaces the file of the same path in theme.
//
// Every syntax or escaping error of every file is reported, naming the file
// and line. When the list holds errors the Renderer is nil.
func New(theme, site fs.FS) (*Renderer, diag.List) {
	var probs diag.List
	files := map[string]file{}
	probs.Append(collect(theme, false, files))
	if site != nil {
		probs.Append(collect(site, true, files))
	}
	r := &Renderer{kinds: map[string]*kind{}, files: files, hash: hashFiles(files),
		bound: map[string]map[string]*template.Template{}, partials: map[string]*template.Template{}}
	r.Forget()

	b, ok := files[baseFile]
	if !ok {
		probs.Add(problem("layouts/"+baseFile, 0, "missing layout: every page kind builds on base.html", "add layouts/base.html"))
		return nil, probs
	}
	common := template.New(baseFile).Funcs(funcs("/"))
	probs.Append(parseInto(common, b))
	for _, f := range sorted(files) {
		if isPartial(f.path) {
			probs.Append(parseInto(common, f))
		}
	}
	// A broken partial would make every kind that calls it fail escaping
	// too: report the cause only.
	commonOK := probs.Err() == nil
	r.common = common
	for _, f := range sorted(files) {
		if isPartial(f.path) || f.path == baseFile {
			continue
		}
		name := strings.TrimSuffix(f.path, ".html")
		if !knownKind(name) {
			probs.Add(warning(f, "layout %s matches no page kind and is not used (kinds: %s)", f.path, strings.Join(kindNames, ", ")))
		}
		set, err := common.Clone()
		if err != nil { // only after execution, which never happens to common
			panic(err)
		}
		if ps := parseInto(set, f); len(ps) > 0 {
			probs.Append(ps)
			continue
		}
		k := &kind{set: set, entry: baseFile}
		if t := set.Lookup(f.path); t != nil && t.Tree != nil && !parse.IsEmptyTree(t.Tree.Root) {
			k.entry = f.path
		}
		if !commonOK {
			continue
		}
		if p := r.escapeCheck(k, name); p != nil {
			probs.Add(p)
			continue
		}
		r.kinds[name] = k
	}
	probs.Sort()
	if probs.Err() != nil {
		return nil, probs
	}
	return r, probs
}

// Hash is an FNV-64a over every layout file's path and bytes (after the
// site's files replaced the theme's): a version of the layouts for render
// caches.
func (r *Renderer) Hash() uint64 { return r.hash }

// Page renders p with the layout named p.Kind and writes it to w, whole,
// in one Write. Nothing is written when the layout fails.
func (r *Renderer) Page(w io.Writer, p *model.Page) error {
	if p == nil {
		return errors.New("render: nil page")
	}
	base := "/"
	if p.Site != nil && p.Site.Config.BaseURL != "" {
		base = p.Site.Config.BaseURL
	}
	k, ok := r.kinds[p.Kind]
	if !ok {
		return onPage(problem("layouts/"+p.Kind+".html", 0,
			fmt.Sprintf("no layout for page kind %q", p.Kind),
			"add layouts/"+p.Kind+".html"), p)
	}
	set := r.set(base, p.Kind)
	buf := bufs.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			bufs.Put(buf)
		}
	}()
	buf.Reset()
	if err := set.ExecuteTemplate(buf, k.entry, p); err != nil {
		return r.execProblem(err, p)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("render %s: write: %w", p.URL, err)
	}
	return nil
}

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// set returns the template set of kind with absURL, relURL and
// partialCached bound to base. The sets of one base URL are cloned once,
// from the never-executed parsed sets, and then reused.
func (r *Renderer) set(base, kind string) *template.Template {
	r.mu.Lock()
	defer r.mu.Unlock()
	sets, ok := r.bound[base]
	if !ok {
		var partials atomic.Pointer[template.Template]
		bind := func(t *template.Template) *template.Template {
			c, err := t.Clone()
			if err != nil { // only after execution, which never happens to t
				panic(err)
			}
			return c.Funcs(urlFuncs(base)).Funcs(template.FuncMap{"partialCached": r.partialCached(base, &partials),
				"partialsCached": r.partialsCached(base, &partials)})
		}
		partials.Store(bind(r.common))
		sets = make(map[string]*template.Template, len(r.kinds))
		for name, k := range r.kinds {
			sets[name] = bind(k.set)
		}
		r.bound[base] = sets
		r.partials[base] = partials.Load()
	}
	return sets[kind]
}

// Partial renders the partial name ("partials/feed-entry.html") with data
// as the pages of a site at base would: for what a feed carries of a
// page.
func (r *Renderer) Partial(base, name string, data any) (string, error) {
	r.set(base, model.KindHome)
	r.mu.Lock()
	set := r.partials[base]
	r.mu.Unlock()
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return "", fmt.Errorf("layouts/%s: %w", name, err)
	}
	return buf.String(), nil
}

// kindNames lists the page kinds, each the name of its layout.
var kindNames = []string{model.KindHome, model.KindArticle, model.KindProject, model.KindProjects,
	model.KindTerm, model.KindTaxonomy, model.KindPage, model.KindSearch, model.Kind404,
	model.KindYear, model.KindMonth, model.KindFollowUps, model.KindFollowUpList, model.KindRedirect}

func knownKind(name string) bool {
	for _, k := range kindNames {
		if k == name {
			return true
		}
	}
	return false
}

// isPartial reports whether path is a shared piece rather than a layout:
// every file in a sub-folder (partials/ and any other).
func isPartial(path string) bool { return strings.Contains(path, "/") }

// collect adds every .html file of fsys to files, replacing any of the
// same path.
func collect(fsys fs.FS, site bool, files map[string]file) diag.List {
	var probs diag.List
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == "." && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".html") {
			return nil
		}
		// Read as content is: a named pipe or a link to /dev/zero among
		// the layouts is an error on that file, not a hung build.
		data, err := input.ReadFile(context.Background(), fsys, path, input.DefaultLimit)
		if err != nil {
			probs.Add(input.Problem("layouts/"+path, err))
			return nil
		}
		files[path] = file{path: path, data: data, site: site}
		return nil
	})
	if err != nil {
		probs.Add(diag.New(diag.Read, "layouts", 0, "", "reading layouts: %v", err))
	}
	return probs
}

func sorted(files map[string]file) []file {
	out := make([]file, 0, len(files))
	for _, f := range files {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// parseInto parses f into set as the template named by its path.
func parseInto(set *template.Template, f file) diag.List {
	var probs diag.List
	t := set
	if f.path != set.Name() { // New of the root's own name would replace the root
		t = set.New(f.path)
	}
	if _, err := t.Parse(string(f.data)); err != nil {
		probs.Add(parseProblem(err, f))
	}
	return probs
}

// escapeCheck runs html/template's contextual escaping on a throwaway copy
// of k, so an unsafe or unknown template call is reported now, naming its
// file and line, rather than on the first page.
func (r *Renderer) escapeCheck(k *kind, name string) *diag.Problem {
	c, err := k.set.Clone()
	if err != nil {
		panic(err)
	}
	err = c.ExecuteTemplate(io.Discard, k.entry, &model.Page{Kind: name, Site: &model.Site{}})
	var te *template.Error
	if errors.As(err, &te) {
		return r.templateProblem(err, "")
	}
	return nil // an execution error on an empty page says nothing
}
