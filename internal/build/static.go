package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"bulletin/internal/config"
	"bulletin/internal/content"
	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// staticFile is one file of the theme's or the site's static/ folder, as
// the site publishes it.
type staticFile struct {
	fsys fs.FS  // the static/ folder it comes from
	name string // its name there, as on disk
	site bool   // from the site's folder, not the theme's
	data []byte // its bytes, kept by a preview's Builder; nil: read when written
	sum  uint64 // content.Hash of data, when kept
}

// staticSet is every static file by published name: the theme's, each
// replaced by the site's file of the same name. Go source files are never
// published (the theme's static/ holds the embed.go that builds it into
// the binary), nor what editors leave beside the files they edit.
//
// A file is published under its name in NFC: bodies and fields are read
// precomposed (text.Compose), so a link an editor typed to "ảnh-đoàn.png"
// finds the file whichever way its name was typed.
//
// Only regular files are published: a named pipe or a link to /dev/zero
// is a problem on that file (package input), not a hung build.
type staticSet struct {
	files    map[string]staticFile
	keep     bool // read and keep each file's bytes (the preview)
	problems map[string]*diag.Problem
	err      error
}

// scan lists both folders again and returns the published names whose
// bytes (when kept) changed.
func (s *staticSet) scan(theme, site fs.FS, keep bool) []string {
	old := s.files
	s.files, s.keep, s.err, s.problems = map[string]staticFile{}, keep, nil, map[string]*diag.Problem{}
	s.add(theme, ".", false)
	if site != nil {
		s.add(site, ".", true)
	}
	return s.changedSince(old)
}

// update reads again the site's static files under the changed paths
// ("static/css/site.css", or a folder): each file as it is now, or the
// theme's file of the same name once the site's is gone.
func (s *staticSet) update(theme, source fs.FS, paths []string) []string {
	if s.files == nil || s.err != nil {
		return s.scan(theme, sub(source, "static"), s.keep)
	}
	old := s.files
	s.files = make(map[string]staticFile, len(old))
	for n, f := range old {
		s.files[n] = f
	}
	site := sub(source, "static")
	for _, p := range paths {
		rel := strings.TrimPrefix(p, "static/")
		if p == "static" {
			return s.scan(theme, site, s.keep)
		}
		pub := text.ComposeString(rel)
		for n := range s.problems {
			if n == "static/"+rel || strings.HasPrefix(n, "static/"+rel+"/") {
				delete(s.problems, n)
			}
		}
		for n, f := range s.files { // the file, or all under the folder, as it was
			if f.site && (n == pub || strings.HasPrefix(n, pub+"/")) {
				delete(s.files, n)
			}
		}
		s.add(theme, rel, false) // what the theme has there shows again
		if site != nil {
			s.add(site, rel, true)
		}
	}
	return s.changedSince(old)
}

// add adds the file or folder root of fsys, a site file replacing the
// theme's of the same name. A name missing from fsys adds nothing.
func (s *staticSet) add(fsys fs.FS, root string, site bool) {
	names, err := listStatic(fsys, root, s.problems)
	if err != nil {
		if s.err == nil {
			s.err = err
		}
		return
	}
	for _, name := range names {
		if !site {
			if theirs, ok := s.files[text.ComposeString(name)]; ok && theirs.site {
				continue // the site's own file stays
			}
		}
		f := staticFile{fsys: fsys, name: name, site: site}
		if s.keep {
			f.data, err = input.ReadFile(context.Background(), fsys, name, 0) // no size limit: a PDF may be large
			f.sum = content.Hash(f.data)
		} else if fi, serr := fs.Stat(fsys, name); serr != nil {
			err = serr
		} else if !fi.Mode().IsRegular() {
			err = &input.NotRegularError{Mode: fi.Mode()}
		}
		if nr := (*input.NotRegularError)(nil); errors.As(err, &nr) {
			s.problems["static/"+name] = input.Problem("static/"+name, err)
			err = nil
			continue
		}
		if err != nil {
			if s.err == nil {
				s.err = fmt.Errorf("static/%s: %w", name, err)
			}
			return
		}
		s.files[text.ComposeString(name)] = f
	}
}

// listStatic lists the files to publish at root (a file, or a folder of
// fsys: "." for all of it), following links wherever they lead (static/
// uploads linked to a shared folder publishes that folder: the link is
// the editor's say-so). Go source files (the theme's static/ holds the
// embed.go that builds it into the binary), editors' leftovers and
// version control's files (a .git folder, a submodule's .git file) are
// never published. A link that leads nowhere, a linked folder that holds
// the link (it would be copied into itself for ever) and a name that is
// not UTF-8 (no URL can name it) are problems that name the file.
func listStatic(fsys fs.FS, root string, problems map[string]*diag.Problem) ([]string, error) {
	info, err := fs.Stat(fsys, root) // through a link
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := fs.Lstat(fsys, root); lerr == nil && root != "." {
			problems["static/"+root] = deadLink(root, err)
		}
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("static/%s: %w", root, err)
	}
	if !info.IsDir() {
		if publishable(root, problems) {
			return []string{root}, nil
		}
		return nil, nil
	}
	var out []string
	err = walkStatic(fsys, root, []fs.FileInfo{info}, &out, problems)
	return out, err
}

// publishable reports whether a file of static/ is published: not Go
// source, not an editor's leftover, not version control's (.git), and
// named in UTF-8.
func publishable(name string, problems map[string]*diag.Problem) bool {
	base := path.Base(name)
	if strings.HasSuffix(name, ".go") || model.Leftover(base) || model.VersionControl(name) {
		return false
	}
	if !utf8.ValidString(base) {
		p := diag.New(diag.NotText, "static/"+strings.ToValidUTF8(name, "\uFFFD"), 0, "",
			"the file name %q is not UTF-8 text, so no address can name it", base)
		p.Hint = "rename it; a name copied from an old Windows folder or a zip archive keeps its old encoding"
		problems[p.File] = p
		return false
	}
	return true
}

// walkStatic lists dir; chain holds the folders that lead to it, the
// linked ones as their targets, so that a link back to one is seen.
func walkStatic(fsys fs.FS, dir string, chain []fs.FileInfo, out *[]string, problems map[string]*diag.Problem) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("static/%s: %w", dir, err)
	}
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		if !publishable(name, problems) {
			continue
		}
		info, isDir := fs.FileInfo(nil), e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err = fs.Stat(fsys, name); err != nil {
				problems["static/"+name] = deadLink(name, err)
				continue
			}
			isDir = info.IsDir()
		} else if isDir {
			if info, err = e.Info(); err != nil {
				return fmt.Errorf("static/%s: %w", name, err)
			}
		}
		if !isDir {
			*out = append(*out, name)
			continue
		}
		if loops(chain, info) {
			p := diag.New(diag.Read, "static/"+name, 0, "", "a link to a folder that holds it: copying it would never end")
			p.Hint = "link to the files or folders to publish, not to a folder above the link"
			problems[p.File] = p
			continue
		}
		if err := walkStatic(fsys, name, append(chain, info), out, problems); err != nil {
			return err
		}
	}
	return nil
}

func deadLink(name string, err error) *diag.Problem {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	p := diag.New(diag.Read, "static/"+name, 0, "", "a link that leads nowhere: %v", err)
	p.Hint = "link it to a file or folder that exists, or remove the link"
	return p
}

// loops reports whether dir is one of the folders in chain. Only the
// operating system's files can be told apart so; other file systems (the
// theme, a test's) hold no links.
func loops(chain []fs.FileInfo, dir fs.FileInfo) bool {
	for _, c := range chain {
		if os.SameFile(c, dir) {
			return true
		}
	}
	return false
}

// changedSince lists the names added, removed or (when kept) changed.
func (s *staticSet) changedSince(old map[string]staticFile) []string {
	var out []string
	for n, f := range s.files {
		if o, ok := old[n]; !ok || o.sum != f.sum || !s.keep {
			out = append(out, n)
		}
	}
	for n := range old {
		if _, ok := s.files[n]; !ok {
			out = append(out, n)
		}
	}
	return out
}

// read returns the bytes of a static file.
func (f staticFile) read() ([]byte, error) {
	if f.data != nil {
		return f.data, nil
	}
	data, err := input.ReadFile(context.Background(), f.fsys, f.name, 0)
	if err != nil {
		return nil, fmt.Errorf("static/%s: %w", f.name, err)
	}
	return data, nil
}

// staticFS is the published static files by their NFC names: an fs.FS of
// files only (a folder cannot be opened), which the photo stage reads.
type staticFS map[string]staticFile

func (s staticFS) Open(name string) (fs.File, error) {
	f, ok := s[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.fsys.Open(f.name)
}

func (s staticFS) Stat(name string) (fs.FileInfo, error) {
	f, ok := s[name]
	if !ok {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(f.fsys, f.name)
}

func (s staticFS) ReadFile(name string) ([]byte, error) {
	f, ok := s[name]
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return f.read()
}

var (
	_ fs.StatFS     = staticFS{}
	_ fs.ReadFileFS = staticFS{}
)

// problemList is the static files that cannot be published, as problems.
func (s *staticSet) problemList() diag.List {
	var out diag.List
	for _, p := range s.problems {
		out.Add(p)
	}
	return out
}

// fingerprinted lists the stylesheets and scripts by published name
// ("css/bulletin.css") with the name that carries a hash of their bytes
// ("css/bulletin.5f3a9c1e07.css"): new bytes, a new name, so a server may
// let browsers keep them for a year.
func (s *staticSet) fingerprinted() (map[string]string, error) {
	out := map[string]string{}
	for name, f := range s.files {
		ext := path.Ext(name)
		if ext != ".css" && ext != ".js" {
			continue
		}
		data, err := f.read()
		if err != nil {
			return nil, err
		}
		out[name] = fmt.Sprintf("%s.%010x%s", strings.TrimSuffix(name, ext), content.Hash(data)>>24, ext)
	}
	return out, nil
}

// siteImages checks that the logo and share image site.yaml names are
// files the site publishes: a missing one would be a broken picture in
// every shared link and in the structured data.
func siteImages(source fs.FS, cfg model.Config, snap *Snapshot) error {
	var problems diag.List
	for _, s := range []struct{ key, url string }{{"logo", cfg.Logo}, {"image", cfg.Image}} {
		if !strings.HasPrefix(s.url, "/") {
			continue // none, or an http(s) address
		}
		if name := strings.TrimPrefix(s.url, "/"); !snap.Has(name) {
			p := diag.New(diag.SiteImageMissing, config.File, config.Line(source, s.key), s.key, "%s is not a file of the site", s.url)
			p.Hint = "put the picture in static/ (static" + s.url + ") or correct the path"
			problems.Add(p)
		}
	}
	return problems.Err()
}
