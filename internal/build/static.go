package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"bulletin/internal/config"
	"bulletin/internal/content"
	"bulletin/internal/diag"
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
type staticSet struct {
	files map[string]staticFile
	keep  bool // read and keep each file's bytes (the preview)
	err   error
}

// scan lists both folders again and returns the published names whose
// bytes (when kept) changed.
func (s *staticSet) scan(theme, site fs.FS, keep bool) []string {
	old := s.files
	s.files, s.keep, s.err = map[string]staticFile{}, keep, nil
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
	err := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
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
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return fmt.Errorf("static/%s: %w", name, err)
			}
			f.data, f.sum = data, content.Hash(data)
		}
		s.files[text.ComposeString(name)] = f
		return nil
	})
	if err != nil && s.err == nil {
		s.err = err
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
	data, err := fs.ReadFile(f.fsys, f.name)
	if err != nil {
		return nil, fmt.Errorf("static/%s: %w", f.name, err)
	}
	return data, nil
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
			problems.Add(&diag.Problem{File: config.File, Line: config.Line(source, s.key), Field: s.key,
				Message: fmt.Sprintf("%s is not a file of the site", s.url),
				Hint:    "put the picture in static/ (static" + s.url + ") or correct the path"})
		}
	}
	return problems.Err()
}
