package build

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/photo"
	"bulletin/internal/text"
)

// staticFile is one file of static/, from the theme or the site.
type staticFile struct {
	fsys fs.FS
	name string // as on disk
}

// staticFiles lists the theme's static files, then the site's, a site
// file replacing the theme's file of the same name. Go source files are
// never published: the theme's static/ holds the embed.go that builds it
// into the binary.
//
// A file is known by its name in NFC: bodies and fields are read
// precomposed (text.Compose), so a link an editor typed to
// "ảnh-đoàn.png" finds the file whichever way its name was typed.
func staticFiles(theme, site fs.FS) (staticFS, error) {
	from := staticFS{}
	for _, fsys := range []fs.FS{theme, site} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("static/%s: %w", name, err)
			}
			if d.IsDir() || strings.HasSuffix(name, ".go") || model.Leftover(path.Base(name)) {
				return nil
			}
			from[text.ComposeString(name)] = staticFile{fsys, name}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return from, nil
}

// staticFS is the published static files by their NFC names: an fs.FS
// of files only (a folder cannot be opened), which the photo stage reads.
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
	return fs.ReadFile(f.fsys, f.name)
}

// copyStatic copies the static files, except those published otherwise
// (skip: photos, published upright and without their metadata). A JPEG or
// PNG no page shows (a draft's photo, a download, a logo) is copied
// without its metadata too: no GPS position leaves the site. A static
// file may not replace a generated page, feed or photo width.
func copyStatic(files staticFS, skip []string, w *writer, r *Result) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	done := make(map[string]bool, len(skip))
	for _, n := range skip {
		done[n] = true
	}
	var problems diag.List
	for _, n := range names {
		if done[n] {
			continue
		}
		if _, generated := w.sums[n]; generated {
			problems.Add(diag.Errorf("static/"+n, 0, "", "this file would replace the generated %s", n))
			continue
		}
		data, err := files.ReadFile(n)
		if err != nil {
			return fmt.Errorf("static/%s: %w", files[n].name, err)
		}
		if photo.Strippable(n) {
			data = photo.Strip(data)
		}
		if err := w.write(n, data); err != nil {
			return err
		}
		r.Static++
	}
	return problems.Err()
}

var (
	_ fs.StatFS     = staticFS{}
	_ fs.ReadFileFS = staticFS{}
)
