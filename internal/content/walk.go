package content

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"bulletin/internal/diag"
)

// walk lists the Markdown files of the three sections, sorted. A missing
// section is not an error: a site may have no pages.
func walk(fsys fs.FS) ([]string, diag.List) {
	var paths []string
	var probs diag.List
	for _, dir := range []string{articlesDir, projectsDir, pagesDir} {
		err := fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				probs.Add(diag.Errorf(p, 0, "", "cannot read: %v", err))
				return nil
			}
			if e.IsDir() {
				if p != dir && ignored(e.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if !ignored(e.Name()) && strings.EqualFold(path.Ext(p), ".md") {
				paths = append(paths, p)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			probs.Add(diag.Errorf(dir, 0, "", "cannot read: %v", err))
		}
	}
	sort.Strings(paths)
	return paths, probs
}

// ignored reports hidden files and folders and what editors leave beside
// the files they edit: ".#a.md" (Emacs lock), "#a.md#" (Emacs autosave),
// "a.md~" (backup), ".a.md.swp" (Vim).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~")
}
