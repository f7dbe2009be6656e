package content

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"bulletin/internal/diag"
)

// The preview server's watcher knows which files changed since the last
// build. Rather than list and stat every file of every section again (on
// 10,000 articles, the larger part of a rebuild), the loader then takes
// the last listing and looks at the changed paths only.

// listing is the result of the last walk: the Markdown files, sorted, and
// their stamps.
type listing struct {
	paths   []string
	stamps  map[string]stamp
	notRead diag.List // warnings of the files in content/ not read
}

// rewalk brings the last listing up to date with changed, the site-
// relative paths that changed since. ok is false when it cannot be sure:
// no listing yet, or a folder created, removed or renamed in a section;
// the caller then walks everything.
func rewalk(fsys fs.FS, last *listing, changed []string) (paths []string, stamps map[string]stamp, notRead diag.List, ok bool) {
	if last == nil {
		return nil, nil, nil, false
	}
	paths = slices.Clone(last.paths)
	stamps = maps.Clone(last.stamps) // copies the table whole: a tenth of rehashing 10,000 paths
	notRead = slices.Clone(last.notRead)
	for _, c := range changed {
		section := sectionOf(c)
		switch {
		case c == "content" || c == articlesDir || c == projectsDir || c == pagesDir,
			path.Dir(c) == "content": // something loose in content/: walk() says what
			return nil, nil, nil, false
		case section == "":
			continue // site.yaml, layouts/, static/: no content file
		}
		// A folder gone or renamed: the files under it are too.
		if i, _ := slices.BinarySearch(paths, c+"/"); i < len(paths) && strings.HasPrefix(paths[i], c+"/") {
			return nil, nil, nil, false
		}
		info, err := fs.Lstat(fsys, c)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil, false
		}
		if err == nil && (info.IsDir() || info.Mode()&fs.ModeSymlink != 0) {
			// A new folder: what it holds is unknown. A link: walk says
			// whether it is read (to a file) or named (to a folder).
			return nil, nil, nil, false
		}
		if underLink(fsys, section, c) {
			// A file in a linked folder, seen by the watcher, which follows
			// the link: walk reads no such file, nor does the preview.
			err = fs.ErrNotExist
		}
		notRead = slices.DeleteFunc(notRead, func(w *diag.Problem) bool { return w.File == c })
		i, listed := slices.BinarySearch(paths, c)
		if err != nil || !contentFile(section, c) {
			if listed {
				paths = slices.Delete(paths, i, i+1)
				delete(stamps, c)
			}
			if err == nil && !hidden(section, c) {
				notRead = append(notRead, notReadFile(c))
				notRead.Sort()
			}
			continue
		}
		if !listed {
			paths = slices.Insert(paths, i, c)
		}
		stamps[c] = stampOfInfo(info)
	}
	return paths, stamps, notRead, true
}

// underLink reports whether a folder on the way from section to p is a
// link: Lstat of p goes through it, as walk does not.
func underLink(fsys fs.FS, section, p string) bool {
	for d := path.Dir(p); d != section && d != "." && d != "/"; d = path.Dir(d) {
		if info, err := fs.Lstat(fsys, d); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return true
		}
	}
	return false
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
	return strings.EqualFold(path.Ext(p), ".md") && utf8.ValidString(p) && !hidden(section, p)
}

// hidden reports whether p, in section, or a folder on the way is hidden
// or an editor's leftover: walk does not look at it.
func hidden(section, p string) bool {
	for _, name := range strings.Split(strings.TrimPrefix(p, section+"/"), "/") {
		if ignored(name) {
			return true
		}
	}
	return false
}
