package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

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
	werr := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == root && errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return fmt.Errorf("static/%s: %w", name, err)
		}
		if d.IsDir() || strings.HasSuffix(name, ".go") || model.Leftover(path.Base(name)) {
			return nil
		}
		if !site {
			if theirs, ok := s.files[text.ComposeString(name)]; ok && theirs.site {
				return nil // the site's own file stays
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
			return nil
		}
		if err != nil {
			return fmt.Errorf("static/%s: %w", name, err)
		}
		s.files[text.ComposeString(name)] = f
		return nil
	})
	if werr != nil && s.err == nil {
		s.err = werr
	}
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
