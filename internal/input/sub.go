package input

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// Sub is fs.Sub for the folders of a site (layouts/, static/), keeping
// what fs.Sub drops: Stat. Without it fs.Stat opens a file to stat it, and
// opening a named pipe blocks until a writer comes, which is what ReadFile
// must never do.
func Sub(fsys fs.FS, dir string) (fs.FS, error) {
	if !fs.ValidPath(dir) {
		return nil, &fs.PathError{Op: "sub", Path: dir, Err: fs.ErrInvalid}
	}
	if dir == "." {
		return fsys, nil
	}
	return &subFS{fsys, dir}, nil
}

type subFS struct {
	fsys fs.FS
	dir  string
}

func (f *subFS) full(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return path.Join(f.dir, name), nil
}

// fix names the file in an error as the sub tree does.
func (f *subFS) fix(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if rel, ok := strings.CutPrefix(pe.Path, f.dir+"/"); ok {
			pe.Path = rel
		} else if pe.Path == f.dir {
			pe.Path = "."
		}
	}
	return err
}

func (f *subFS) Open(name string) (fs.File, error) {
	full, err := f.full("open", name)
	if err != nil {
		return nil, err
	}
	file, err := f.fsys.Open(full)
	return file, f.fix(err)
}

func (f *subFS) Stat(name string) (fs.FileInfo, error) {
	full, err := f.full("stat", name)
	if err != nil {
		return nil, err
	}
	info, err := fs.Stat(f.fsys, full)
	return info, f.fix(err)
}

func (f *subFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := f.full("readdir", name)
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(f.fsys, full)
	return entries, f.fix(err)
}

// Lstat and ReadLink keep what fs.Sub drops too (fs.ReadLinkFS): without
// them fs.Lstat stats through a link, and a link added to static/ that
// leads nowhere read as no file at all, where a build reports it.
func (f *subFS) Lstat(name string) (fs.FileInfo, error) {
	full, err := f.full("lstat", name)
	if err != nil {
		return nil, err
	}
	info, err := fs.Lstat(f.fsys, full)
	return info, f.fix(err)
}

func (f *subFS) ReadLink(name string) (string, error) {
	full, err := f.full("readlink", name)
	if err != nil {
		return "", err
	}
	target, err := fs.ReadLink(f.fsys, full)
	return target, f.fix(err)
}
