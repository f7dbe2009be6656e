package content

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// The preview server's watcher knows which files changed since the last
// build. Rather than list and stat every file of every section again (on
// 10,000 articles, the larger part of a rebuild), the loader then takes
// the last listing and looks at the changed paths only.

// listing is the result of the last walk: the Markdown files, sorted, and
// their stamps.
type listing struct {
	paths  []string
	stamps map[string]stamp
}

// rewalk brings the last listing up to date with changed, the site-
// relative paths that changed since. ok is false when it cannot be sure:
// no listing yet, or a folder created, removed or renamed in a section;
// the caller then walks everything.
func rewalk(fsys fs.FS, last *listing, changed []string) (paths []string, stamps map[string]stamp, ok bool) {
	if last == nil {
		return nil, nil, false
	}
	paths = slices.Clone(last.paths)
	stamps = make(map[string]stamp, len(last.stamps))
	for p, s := range last.stamps {
		stamps[p] = s
	}
	for _, c := range changed {
		section := sectionOf(c)
		switch {
		case c == "content" || c == articlesDir || c == projectsDir || c == pagesDir:
			return nil, nil, false
		case section == "":
			continue // site.yaml, layouts/, static/: no content file
		}
		// A folder gone or renamed: the files under it are too.
		if i, _ := slices.BinarySearch(paths, c+"/"); i < len(paths) && strings.HasPrefix(paths[i], c+"/") {
			return nil, nil, false
		}
		info, err := fs.Lstat(fsys, c)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, false
		}
		if err == nil && info.IsDir() {
			return nil, nil, false // a new folder: what it holds is unknown
		}
		i, listed := slices.BinarySearch(paths, c)
		if err != nil || !contentFile(section, c) {
			if listed {
				paths = slices.Delete(paths, i, i+1)
				delete(stamps, c)
			}
			continue
		}
		if !listed {
			paths = slices.Insert(paths, i, c)
		}
		stamps[c] = stampOfInfo(info)
	}
	return paths, stamps, true
}

// sectionOf is the section folder p lies in, or "".
func sectionOf(p string) string {
	for _, dir := range []string{articlesDir, projectsDir, pagesDir} {
		if strings.HasPrefix(p, dir+"/") {
			return dir
		}
	}
	return ""
}

// contentFile reports whether walk would list p, a file in section: a
// Markdown file, neither it nor a folder on the way hidden or an
// editor's leftover.
func contentFile(section, p string) bool {
	if !strings.EqualFold(path.Ext(p), ".md") {
		return false
	}
	for _, name := range strings.Split(strings.TrimPrefix(p, section+"/"), "/") {
		if ignored(name) {
			return false
		}
	}
	return true
}
